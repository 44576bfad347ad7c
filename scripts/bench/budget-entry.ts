/**
 * The budget view's computation on one thread (what the render path did before the Web Worker):
 * the worker handler's own computeBudget on the 300 × 5 stress method and its bench scan.
 */
import type { ScanInput } from '../../scoring/score';
import { computeBudget } from '../../renderer/workers/budget-handler';
import { stressAnswers, stressDefinition } from './stress';

export function timeBudgetComputation(runs = 3): { median: number; runs: number } {
  const def = stressDefinition(300, 5);
  const input: ScanInput = { project: { kind: 'new_build', gfaM2: 5000, constructionBudgetEur: 10_000_000, circularBudget: { mode: 'pct', pct: 2 } }, answers: stressAnswers(def) };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    computeBudget(def, input, { prudent: i % 2 === 1, locked: [] }, null);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: Math.round(times[Math.floor(times.length / 2)]!), runs };
}
