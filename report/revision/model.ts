/** The report model of an issued format-2 revision: what its pages are drawn from, computed once. */
import type { QuickScanDefinition } from '../../forms/schema';
import { checkCompliance, type ComplianceResult } from '../../scoring/compliance';
import type { IssuedEnvelopeV2, ReportLocale } from '../../scoring/issued';
import { circularBudgetCents } from '../../scoring/money';
import { frontier as computeFrontier, type Frontier } from '../../scoring/optimize';
import { profileAppliesToMethod, profileIssues, verifyProfileEnvelope, type ProfileEnvelope, type ProfileIssue, type ProfileVerification } from '../../scoring/profile';
import { scoreScan, type ScanScore } from '../../scoring/score';
import { layout2Strings, type Layout2Strings } from './strings';

export interface Model {
  env: IssuedEnvelopeV2;
  def: QuickScanDefinition;
  loc: ReportLocale;
  s: Layout2Strings;
  score: ScanScore;
  frontier: Frontier;
  budgetCents: number;
  /** Only for a revision issued against a tender requirement profile (`content.profile`). */
  compliance?: ComplianceModel;
  /** SHA-256 of the standalone verifier, when known (printed in the verification section). */
  verifierSha256?: string | undefined;
}

/** The embedded requirement profile, checked, and the compliance of the revision with it. */
export interface ComplianceModel {
  profile: ProfileEnvelope;
  verification: ProfileVerification;
  applies: boolean;
  issues: ProfileIssue[];
  result: ComplianceResult | null;
}

function complianceModel(env: IssuedEnvelopeV2, def: QuickScanDefinition, profile: ProfileEnvelope): ComplianceModel {
  const c = env.content;
  const verification = verifyProfileEnvelope(profile);
  const applies = profileAppliesToMethod(profile.content, c.method);
  const issues = applies ? profileIssues(def, profile.content) : [];
  const result =
    applies && issues.length === 0 ? checkCompliance(def, { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides }, profile.content) : null;
  return { profile, verification, applies, issues, result };
}

export function revisionModel(env: IssuedEnvelopeV2, def: QuickScanDefinition, verifierSha256?: string): Model {
  const c = env.content;
  const input = { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides };
  const loc = c.report.locale;
  return {
    env,
    def,
    loc,
    s: layout2Strings[loc],
    score: scoreScan(def, input),
    frontier: computeFrontier(def, input, { locked: c.scan.locked }),
    budgetCents: circularBudgetCents(c.project.circularBudget, c.project.constructionBudgetEur),
    ...(c.profile !== undefined ? { compliance: complianceModel(env, def, c.profile) } : {}),
    verifierSha256,
  };
}
