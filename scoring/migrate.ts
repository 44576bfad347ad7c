/**
 * "Try this scan on version X": the answers of a scan carried over to another version of its
 * method, for a variant that is scored on that version. Pure; the original is never touched
 * (a new answers object is returned). An answer carries over when the question still exists and
 * its level (by id) still exists; not-applicable carries over when the question still allows
 * it. Everything else is dropped and listed, so the user sees what to answer again.
 * Per-theme differences: `compareRevisions` (scoring/compare.ts) on the original and the variant.
 */
import type { Answer, CostOverride } from './scan-file';
import type { QuickScanDefinition } from '../forms/schema';

export type DroppedReason = 'question-removed' | 'level-removed' | 'not-applicable-not-allowed';

export interface CarriedScan {
  answers: Record<string, Answer>;
  costOverrides: CostOverride[];
  locked: string[];
  /** Answers that could not be carried over, in the order of the original answers. */
  dropped: { question: string; reason: DroppedReason; level?: string }[];
  /** Questions of the target version that the scan has not answered (new ones included). */
  unanswered: string[];
}

export function carryScanTo(
  scan: {
    readonly answers: Readonly<Record<string, Answer>>;
    readonly costOverrides?: readonly CostOverride[] | undefined;
    readonly locked?: readonly string[] | undefined;
  },
  target: QuickScanDefinition,
): CarriedScan {
  const questions = new Map(target.questions.map((q) => [q.id, q]));
  const answers: Record<string, Answer> = {};
  const dropped: CarriedScan['dropped'] = [];
  for (const [id, answer] of Object.entries(scan.answers)) {
    const q = questions.get(id);
    if (!q) {
      dropped.push({ question: id, reason: 'question-removed' });
      continue;
    }
    if ('level' in answer) {
      if (!q.levels.some((l) => l.id === answer.level)) {
        dropped.push({ question: id, reason: 'level-removed', level: answer.level });
        continue;
      }
    } else if (!q.allowNotApplicable) {
      dropped.push({ question: id, reason: 'not-applicable-not-allowed' });
      continue;
    }
    answers[id] = structuredClone(answer) as Answer;
  }
  const costOverrides = (scan.costOverrides ?? [])
    .filter((o) => questions.get(o.question)?.levels.some((l) => l.id === o.level))
    .map((o) => structuredClone(o) as CostOverride);
  const locked = (scan.locked ?? []).filter((q) => questions.has(q));
  const unanswered = target.questions.map((q) => q.id).filter((id) => !(id in answers));
  return { answers, costOverrides, locked, dropped, unanswered };
}
