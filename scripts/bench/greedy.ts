/**
 * A plain greedy ratio heuristic for "best within budget", for the bench only (to show what an
 * approximation would lose): from the current answers, repeatedly take the single-question
 * change with the highest total gained per euro (free or saving ones first) that still fits the
 * budget, until none does. Returns null when the starting answers are already over budget.
 */
import { scoreScan, type ScanInput } from '../../scoring/score';
import type { ScoringDefinition, Rational } from '../../scoring/types';
import type { Answer } from '../../scoring/scan-file';

const ratio = (r: Rational) => Number(r.num) / Number(r.den);

export function greedyBest(
  def: ScoringDefinition,
  input: ScanInput,
  budgetCents: number,
  locked: readonly string[] = [],
): { total: number; costHalf: number } | null {
  const answers: Record<string, Answer> = { ...input.answers };
  const applicable = def.questions.filter(
    (q) => q.appliesTo.includes(input.project.kind) && !(answers[q.id] && 'notApplicable' in answers[q.id]!),
  );
  const free = applicable.filter((q) => !locked.includes(q.id));
  for (const q of free) if (!answers[q.id]) answers[q.id] = { level: q.levels[0]!.id };
  const evalAnswers = (a: Record<string, Answer>) => {
    const s = scoreScan(def, { ...input, answers: a });
    return { total: s.total ? ratio(s.total.exact) : 0, half: s.cost.lowCents + s.cost.highCents };
  };
  let cur = evalAnswers(answers);
  if (cur.half > 2 * budgetCents) return null;
  for (;;) {
    let best: { q: string; level: string; gain: number; dHalf: number; next: { total: number; half: number } } | null = null;
    for (const q of free) {
      for (const l of q.levels) {
        if ((answers[q.id] as { level: string }).level === l.id) continue;
        const trial = { ...answers, [q.id]: { level: l.id } };
        const next = evalAnswers(trial);
        const gain = next.total - cur.total;
        const dHalf = next.half - cur.half;
        if (gain <= 0 || next.half > 2 * budgetCents) continue;
        const better =
          best === null ||
          (dHalf <= 0 && best.dHalf > 0) ||
          (dHalf <= 0 && best.dHalf <= 0 && gain > best.gain) ||
          (dHalf > 0 && best.dHalf > 0 && gain / dHalf > best.gain / best.dHalf);
        if (better) best = { q: q.id, level: l.id, gain, dHalf, next };
      }
    }
    if (!best) break;
    answers[best.q] = { level: best.level };
    cur = best.next;
  }
  return { total: cur.total, costHalf: cur.half };
}
