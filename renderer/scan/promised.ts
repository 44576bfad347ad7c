/**
 * What was promised, for a scan in the delivery phase: the levels of the latest revision issued
 * in an earlier phase whose data is intact and validly signed (THE envelope check,
 * scoring/envelope-check.ts). Who signed it is shown with the revision, not judged here.
 */
import { getDefinition } from '../../forms/registry';
import type { LocalizedText } from '../../forms/schema';
import { checkIssuedEnvelope } from '../../scoring/envelope-check';
import { phases, type Phase, type RevisionRecord } from '../db/records';

export type PromisedAnswer = { kind: 'level'; index: number; label: LocalizedText } | { kind: 'not-applicable' } | { kind: 'none' };

export interface PromisedLevels {
  referenceCode: string;
  phase: string;
  /** Per question of the promised revision's method. */
  answers: ReadonlyMap<string, PromisedAnswer>;
}

/** Whether a scan in this project phase re-validates what was promised earlier. */
export const isDeliveryPhase = (phase: Phase) => phase === 'delivery';

/** The promised levels from the project's revisions (oldest first), or null when none fits. */
export function promisedLevels(revisions: readonly RevisionRecord[], phase: Phase = 'delivery'): PromisedLevels | null {
  const before = phases.indexOf(phase);
  for (const record of [...revisions].reverse()) {
    const at = phases.indexOf(record.phase as Phase);
    if (at < 0 || at >= before) continue;
    const check = checkIssuedEnvelope(record.envelope);
    if (!check.ok || !check.envelope) continue;
    const content = check.envelope.content;
    const method = getDefinition(content.method.id, content.method.version);
    if (!method) continue;
    const answers = new Map<string, PromisedAnswer>();
    for (const q of method.definition.questions) {
      const a = content.scan.answers[q.id];
      const index = a && 'level' in a ? q.levels.findIndex((l) => l.id === a.level) : -1;
      answers.set(q.id, index >= 0 ? { kind: 'level', index, label: q.levels[index]!.label } : a && 'notApplicable' in a ? { kind: 'not-applicable' } : { kind: 'none' });
    }
    return { referenceCode: record.referenceCode, phase: record.phase, answers };
  }
  return null;
}
