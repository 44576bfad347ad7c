import { getDefinition, type LoadedMethodInfo } from '../../forms/registry';
import type { QuickScanDefinition } from '../../forms/schema';
import type { Answer, CostOverride } from '../../scoring/scan-file';
import { circularBudgetCents } from '../../scoring/money';
import { scoreScan, type ScanInput, type ScanScore } from '../../scoring/score';
import type { ProjectRecord, ScanRecord } from '../db/records';

export interface LoadedMethod {
  definition: QuickScanDefinition;
  sha256: string;
  /** For a method loaded from a signed method file: its publisher and file (forms/registry.ts). */
  loaded?: LoadedMethodInfo | undefined;
}

/** The released definition a scan was made with, or undefined when this build does not know it. */
export function methodOf(scan: Pick<ScanRecord, 'definitionId' | 'definitionVersion'>): LoadedMethod | undefined {
  return getDefinition(scan.definitionId, scan.definitionVersion);
}

/** Stored answers as the engine takes them: only a level or "not applicable" counts. */
export function engineAnswers(scan: Pick<ScanRecord, 'answers'>): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const [id, a] of Object.entries(scan.answers)) {
    if (a.level) answers[id] = { level: a.level };
    else if (a.notApplicable) answers[id] = { notApplicable: true };
  }
  return answers;
}

/** A project is ready to score once its floor area is known (costs are per m² GFA). */
export function hasScoringInputs(project: ProjectRecord): project is ProjectRecord & { gfaM2: number } {
  return typeof project.gfaM2 === 'number' && project.gfaM2 > 0;
}

export function scanInput(project: ProjectRecord & { gfaM2: number }, scan: ScanRecord): ScanInput {
  return {
    project: {
      kind: project.kind,
      gfaM2: project.gfaM2,
      constructionBudgetEur: project.constructionBudgetEur ?? 0,
      circularBudget: project.circularBudget,
    },
    answers: engineAnswers(scan),
    costOverrides: scan.costOverrides as CostOverride[],
  };
}

/** Scores a stored scan on its own definition version; null when it cannot be scored yet. */
export function scoreStoredScan(project: ProjectRecord, scan: ScanRecord): ScanScore | null {
  const method = methodOf(scan);
  if (!method || !hasScoringInputs(project)) return null;
  return scoreScan(method.definition, scanInput(project, scan));
}

/** The circular budget in euros as the engine computes it, or null when it cannot be known yet. */
export function circularBudgetEur(project: ProjectRecord): number | null {
  if (project.circularBudget.mode === 'pct' && project.constructionBudgetEur === null) return null;
  return circularBudgetCents(project.circularBudget, project.constructionBudgetEur ?? 0) / 100;
}

/** A question applies to this project's kind. */
export function appliesToProject(question: QuickScanDefinition['questions'][number], project: ProjectRecord): boolean {
  return question.appliesTo.includes(project.kind);
}
