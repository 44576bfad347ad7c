/**
 * Compliance of a scan with a tender requirement profile (scoring/profile.ts,
 * docs/tender-profiles.md), the fictitious discount, and the cheapest plan that complies.
 *
 * Rules
 * - Label: the scan must meet the required label's own thresholds (total and per-theme
 *   minimums, exact, as scoreScan compares them). With labels where every higher label is at
 *   least as strict on every count (as in the released method) this is "that label or higher".
 * - Theme minimums: the theme's exact score must be at least the minimum (100 * points >=
 *   minimum * max). A theme without applicable questions has no score and, as in the method's
 *   label rules, is not held to a minimum (`has: null`, met). Use must-haves to force questions.
 * - Must-haves: the question must be answered with a level whose points are at least those of
 *   the required level. Unanswered is not met; a question the bidder marked "not applicable",
 *   or that does not apply to the project's kind, is not met either (the profile asks for it).
 * - A scan without any theme score (nothing applicable) is never compliant.
 * - Fictitious discount (only for a compliant scan and a profile with `valuePerPointEur`):
 *   the displayed total (0-100, truncated to one decimal) times the value per point, in cents,
 *   rounded down to whole cents: floor(totalTenths * valuePerPointCents / 10).
 *
 * `cheapestCompliance` reuses the exact optimiser (scoring/optimize.ts, unchanged) on a derived
 * definition: each must-have question keeps only its levels with at least the required points
 * (the top level stays, so the maximum is unchanged), and the labels are replaced by one label
 * whose thresholds are the stricter of the required label and the profile's theme minimums.
 */
import { costCents } from './money';
import { cheapestPerLabel, type OptimizeOptions } from './optimize';
import { ProfileMismatchError, profileIssues, type ProfileContent } from './profile';
import { scoreScan, type ScanInput, type ScanScore } from './score';
import type { Answer, CostOverride } from './scan-file';
import type { CostCents, Rational, ScoringDefinition, ScoringLabel, ScoringQuestion } from './types';

export interface LabelRequirement {
  /** The profile's minimum label id; null when it asks for none. */
  readonly required: string | null;
  /** The label the scan reaches (scoreScan). */
  readonly reached: string | null;
  /** True when no label is required, or the required label's thresholds are met. */
  readonly met: boolean;
}

export interface ThemeRequirement {
  readonly theme: string;
  /** The profile's minimum, 0..100. */
  readonly required: number;
  /** The theme's display score (0-100, truncated); null when the theme has no score. */
  readonly has: number | null;
  /** The exact theme score (0..1); null when the theme has no score. */
  readonly hasExact: Rational | null;
  readonly met: boolean;
}

export type MustHaveStatus = 'met' | 'below' | 'unanswered' | 'not-applicable';

export interface MustHaveRequirement {
  readonly question: string;
  /** The required level and its points. */
  readonly required: { readonly id: string; readonly points: number };
  /** The answered level; null when unanswered or not applicable. */
  readonly current: { readonly id: string; readonly points: number } | null;
  /** `not-applicable`: answered so, or the question does not apply to the project's kind. */
  readonly status: MustHaveStatus;
  readonly met: boolean;
}

/** One requirement that is not met, for a summary. */
export type ComplianceGap =
  | { readonly kind: 'no-score' }
  | { readonly kind: 'label'; readonly required: string; readonly reached: string | null }
  | { readonly kind: 'theme'; readonly theme: string; readonly required: number; readonly has: number }
  | {
      readonly kind: 'must-have';
      readonly question: string;
      readonly requiredLevel: string;
      readonly currentLevel: string | null;
      readonly status: Exclude<MustHaveStatus, 'met'>;
    };

export interface ComplianceResult {
  readonly compliant: boolean;
  readonly label: LabelRequirement;
  /** The profile's theme minimums, in definition order. */
  readonly themes: readonly ThemeRequirement[];
  /** The profile's must-haves, in definition order of the questions. */
  readonly mustHaves: readonly MustHaveRequirement[];
  /** The fictitious discount in cents; null when the profile gives no value per point or the scan is not compliant. */
  readonly fictitiousDiscountCents: number | null;
  /** What is not met, in the order label, themes, must-haves. Empty when compliant. */
  readonly missing: readonly ComplianceGap[];
  /** The scan's score (scoreScan on the definition). */
  readonly score: ScanScore;
}

function checkFits(definition: ScoringDefinition, profile: ProfileContent): void {
  const issues = profileIssues(definition, profile);
  if (issues.length > 0) throw new ProfileMismatchError(issues);
}

function labelThresholdsMet(label: ScoringLabel, score: ScanScore): boolean {
  const total = score.total;
  if (total === null) return false;
  if (100n * total.exact.num < BigInt(label.minTotal) * total.exact.den) return false;
  return score.themes.every((t) => {
    const need = label.themeMinimums?.[t.id] ?? label.minPerTheme;
    return t.max === 0 || 100 * t.points >= need * t.max;
  });
}

/** Cents per point from EUR with at most 2 decimals. */
function centsOf(eur: number): number {
  return Math.round(eur * 100);
}

/**
 * The fictitious discount in cents for a displayed total (0-100, one decimal) and a value per
 * point in EUR: floor(totalTenths * valuePerPointCents / 10). Exact (bigint) arithmetic.
 */
export function fictitiousDiscountCents(totalDisplay: number, valuePerPointEur: number): number {
  const tenths = BigInt(Math.round(totalDisplay * 10));
  const cents = BigInt(centsOf(valuePerPointEur));
  return Number((tenths * cents) / 10n); // both non-negative: truncation is floor
}

/**
 * Checks a scan (as scoreScan takes it) against a requirement profile on `definition`.
 * Throws {@link ProfileMismatchError} when the profile names labels, themes, questions or
 * levels the definition does not have, and ScanInputError as scoreScan does.
 */
export function checkCompliance(definition: ScoringDefinition, scan: ScanInput, profile: ProfileContent): ComplianceResult {
  checkFits(definition, profile);
  const score = scoreScan(definition, scan);
  const missing: ComplianceGap[] = [];
  if (score.total === null) missing.push({ kind: 'no-score' });

  const requiredLabel = profile.minimumLabel === undefined ? undefined : definition.labels.find((l) => l.id === profile.minimumLabel)!;
  const label: LabelRequirement = {
    required: requiredLabel?.id ?? null,
    reached: score.label.reached,
    met: requiredLabel === undefined ? true : labelThresholdsMet(requiredLabel, score),
  };
  if (!label.met) missing.push({ kind: 'label', required: label.required!, reached: label.reached });

  const minimums = profile.themeMinimums ?? {};
  const themes: ThemeRequirement[] = [];
  for (const t of score.themes) {
    const required = minimums[t.id];
    if (required === undefined) continue;
    const met = t.max === 0 || 100 * t.points >= required * t.max;
    themes.push({ theme: t.id, required, has: t.display, hasExact: t.exact, met });
    if (!met) missing.push({ kind: 'theme', theme: t.id, required, has: t.display ?? 0 });
  }

  const byQuestion = new Map(profile.mustHaves.map((m) => [m.question, m]));
  const mustHaves: MustHaveRequirement[] = [];
  for (const q of definition.questions) {
    const m = byQuestion.get(q.id);
    if (!m) continue;
    const req = q.levels.find((l) => l.id === m.minLevel)!;
    const answer = scan.answers[q.id];
    const appliesByKind = q.appliesTo.includes(scan.project.kind);
    let current: MustHaveRequirement['current'] = null;
    let status: MustHaveStatus;
    if (!appliesByKind || (answer !== undefined && 'notApplicable' in answer && answer.notApplicable === true)) {
      status = 'not-applicable';
    } else if (answer !== undefined && 'level' in answer) {
      const level = q.levels.find((l) => l.id === answer.level)!;
      current = { id: level.id, points: level.points };
      status = level.points >= req.points ? 'met' : 'below';
    } else {
      status = 'unanswered';
    }
    const item: MustHaveRequirement = { question: q.id, required: { id: req.id, points: req.points }, current, status, met: status === 'met' };
    mustHaves.push(item);
    if (status !== 'met') missing.push({ kind: 'must-have', question: q.id, requiredLevel: req.id, currentLevel: current?.id ?? null, status });
  }

  const compliant = missing.length === 0;
  const discount =
    compliant && profile.valuePerPointEur !== undefined && score.total !== null
      ? fictitiousDiscountCents(score.total.display, profile.valuePerPointEur)
      : null;
  return { compliant, label, themes, mustHaves, fictitiousDiscountCents: discount, missing, score };
}

/* ------------------------------------------------------------------------------------------ */

export interface ComplianceOptions {
  /** Use the high end of every cost range instead of the midpoint. */
  readonly prudent?: boolean | undefined;
  /** Question ids that keep their current answer (a locked "not applicable" must-have stays so). */
  readonly locked?: readonly string[] | undefined;
}

export interface ComplianceChange {
  readonly question: string;
  /** The current level id; null when unanswered or marked not applicable. */
  readonly from: string | null;
  /** True when the current answer is "not applicable" (a must-have the plan has to answer). */
  readonly fromNotApplicable: boolean;
  readonly to: string | null;
}

export interface CompliancePlan {
  /** Level id per applicable question (null: unanswered and locked), in definition order. */
  readonly levels: Readonly<Record<string, string | null>>;
  /**
   * The scan's answers with the plan applied, ready for scoreScan and checkCompliance on the
   * original definition: notes and evidence are kept where the level stays, other "not
   * applicable" answers are kept.
   */
  readonly answers: Readonly<Record<string, Answer>>;
  /** scoreScan of the plan on the original definition. */
  readonly score: ScanScore;
  /** Estimated extra cost of the plan (the same as `score.cost`). */
  readonly cost: CostCents;
  /** Questions whose answer differs from the current one, in definition order. */
  readonly changes: readonly ComplianceChange[];
  /** checkCompliance of the plan: always compliant. */
  readonly compliance: ComplianceResult;
}

/** The id of the single label of the derived definition. */
const COMBINED_LABEL = 'tender-profile';

/** Is the question answered "not applicable" (with no level)? */
function isNotApplicable(answer: Answer | undefined): boolean {
  return answer !== undefined && 'notApplicable' in answer && answer.notApplicable === true;
}

/**
 * The definition the optimiser solves for a profile: must-have questions keep only their levels
 * with at least the required points; the labels become one label with, per count, the stricter
 * of the required label (if any) and the profile's theme minimums.
 */
export function complianceDefinition(definition: ScoringDefinition, profile: ProfileContent): ScoringDefinition {
  checkFits(definition, profile);
  const must = new Map(profile.mustHaves.map((m) => [m.question, m.minLevel]));
  const questions: ScoringQuestion[] = definition.questions.map((q) => {
    const minLevel = must.get(q.id);
    if (minLevel === undefined) return q;
    const need = q.levels.find((l) => l.id === minLevel)!.points;
    return { ...q, levels: q.levels.filter((l) => l.points >= need) };
  });
  const base = profile.minimumLabel === undefined ? undefined : definition.labels.find((l) => l.id === profile.minimumLabel)!;
  const themeMinimums: Record<string, number> = {};
  for (const t of definition.themes) {
    const fromLabel = base ? (base.themeMinimums?.[t.id] ?? base.minPerTheme) : 0;
    themeMinimums[t.id] = Math.max(fromLabel, profile.themeMinimums?.[t.id] ?? 0);
  }
  const label: ScoringLabel = { id: COMBINED_LABEL, minTotal: base?.minTotal ?? 0, minPerTheme: 0, themeMinimums };
  return { themes: definition.themes, questions, labels: [label] };
}

/**
 * The cheapest plan (lowest cost figure: midpoint, or the high end with `prudent`) that meets
 * the profile, from the scan's current answers; null when no plan can (a locked answer below a
 * must-have, a must-have that does not apply to the project's kind, nothing applicable, ...).
 *
 * As in the optimiser: not-applicable answers are kept, locked questions keep their answer, every
 * other applicable question gets a level. Exception: a must-have question that the bidder marked
 * "not applicable" (and that applies to the project's kind) is answered by the plan unless it is
 * locked. Ties are broken as cheapestPerLabel breaks them (higher total, fewer changes, ...).
 */
export function cheapestCompliance(
  definition: ScoringDefinition,
  scan: ScanInput,
  profile: ProfileContent,
  options: ComplianceOptions = {},
): CompliancePlan | null {
  const derived = complianceDefinition(definition, profile);
  const locked = new Set(options.locked ?? []);
  const must = new Set(profile.mustHaves.map((m) => m.question));

  // must-haves no plan can meet: not applicable to the project's kind, or locked at an answer
  // that does not meet them (a lower level, unanswered, or not applicable)
  for (const q of derived.questions) {
    if (!must.has(q.id)) continue;
    if (!q.appliesTo.includes(scan.project.kind)) return null;
    if (locked.has(q.id)) {
      const a = scan.answers[q.id];
      if (a === undefined || !('level' in a) || !q.levels.some((l) => l.id === a.level)) return null;
    }
  }

  // the scan on the derived definition: answers at removed levels become unanswered (the plan
  // raises them), must-haves marked not applicable become unanswered unless locked, and cost
  // overrides of removed levels are dropped
  const answers: Record<string, Answer> = {};
  for (const [id, answer] of Object.entries(scan.answers)) {
    const q = derived.questions.find((x) => x.id === id);
    if (q && must.has(id) && (isNotApplicable(answer) || ('level' in answer && !q.levels.some((l) => l.id === answer.level)))) {
      continue; // not locked (checked above): the plan answers it
    }
    answers[id] = answer;
  }
  const overrides: CostOverride[] | undefined = scan.costOverrides?.filter((o) => {
    const q = derived.questions.find((x) => x.id === o.question);
    return !q || q.levels.some((l) => l.id === o.level);
  });
  const optimizeOptions: OptimizeOptions = { prudent: options.prudent, locked: options.locked };
  const [result] = cheapestPerLabel(derived, { project: scan.project, answers, costOverrides: overrides }, optimizeOptions);
  const plan = result?.plan;
  if (!plan) return null;

  // map back: the plan's levels applied to the original answers
  const planned: Record<string, Answer> = {};
  const changes: ComplianceChange[] = [];
  for (const q of definition.questions) {
    const current = scan.answers[q.id];
    if (!Object.prototype.hasOwnProperty.call(plan.answers, q.id)) {
      if (current !== undefined) planned[q.id] = current;
      continue;
    }
    const to = plan.answers[q.id] ?? null;
    const from = current !== undefined && 'level' in current ? current.level : null;
    const na = isNotApplicable(current);
    if (to === null) {
      // unanswered and locked: stays as it is
      if (current !== undefined) planned[q.id] = current;
      continue;
    }
    if (from === to && !na) {
      planned[q.id] = current!;
      continue;
    }
    planned[q.id] = { level: to, ...(current?.note !== undefined ? { note: current.note } : {}) };
    changes.push({ question: q.id, from, fromNotApplicable: na, to });
  }
  const input: ScanInput = { project: scan.project, answers: planned, costOverrides: scan.costOverrides };
  const compliance = checkCompliance(definition, input, profile);
  if (!compliance.compliant) {
    // cannot happen when the derivation is right; fail loudly rather than return a wrong plan
    throw new Error(`cheapestCompliance: the plan does not comply (${JSON.stringify(compliance.missing)})`);
  }
  const score = compliance.score;
  return {
    levels: plan.answers,
    answers: planned,
    score,
    cost: costCents(score.cost.lowCents, score.cost.highCents),
    changes,
    compliance,
  };
}
