/**
 * Bench figures for the scoring engine (run by scripts/bench.mjs after bundling). Measured,
 * never asserted.
 */
import v1 from '../../forms/definitions/zeeland-quickscan/1.0.0.json';
import example from '../../docs/examples/new-build-school-goes.quickscan.json';
import office from '../../docs/examples/renovation-office-middelburg.quickscan.json';
import park from '../../docs/examples/holiday-park-veere-na.quickscan.json';
import { scoreScan, type ScanInput } from '../../scoring/score';
import { bestWithinBudget, frontier, optimize } from '../../scoring/optimize';
import type { ScoringDefinition, ProjectKind } from '../../scoring/types';
import type { Answer } from '../../scoring/scan-file';
import { enumeratePlans } from '../../scoring/test-support/brute-force';
import { stressAnswers, stressDefinition, prng } from './stress';
import { greedyBest } from './greedy';

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  runs?: number;
  median?: number;
  note?: string;
}

/** Mean (and median of batches) of warm runs: at least minRuns and minMs. */
function timeMean(fn: () => unknown, minRuns: number, minMs: number): { mean: number; median: number; runs: number } {
  for (let i = 0; i < Math.min(minRuns, 50); i++) fn(); // warm up
  const batch = Math.max(1, Math.floor(minRuns / 20));
  const perRun: number[] = [];
  let runs = 0;
  const start = performance.now();
  let now = start;
  while (runs < minRuns || now - start < minMs) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    now = performance.now();
    perRun.push((now - t0) / batch);
    runs += batch;
  }
  perRun.sort((a, b) => a - b);
  return { mean: (now - start) / runs, median: perRun[Math.floor(perRun.length / 2)]!, runs };
}

const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

export function runBench(emit: (f: Figure) => void): void {
  const def = v1 as unknown as ScoringDefinition;
  const input: ScanInput = {
    project: example.project as ScanInput['project'],
    answers: example.scan.answers as Record<string, Answer>,
    costOverrides: (example.scan as { costOverrides?: ScanInput['costOverrides'] }).costOverrides,
  };

  const s = timeMean(() => scoreScan(def, input), 20000, 1000);
  emit({ figure: 'score_v1_ms', value: round(s.mean), median: round(s.median), unit: 'ms', runs: s.runs, note: 'scoreScan, v1 (36 questions), example new build, warm mean' });

  const locked = { locked: (example.scan as { locked?: string[] }).locked };
  const o = timeMean(() => optimize(def, input, locked), 200, 2000);
  emit({ figure: 'optimize_v1_ms', value: round(o.mean), median: round(o.median), unit: 'ms', runs: o.runs, note: 'optimize(): frontier + best within budget + cheapest per label + upgrades, v1, example new build (C1 locked), warm mean' });
  const f1 = timeMean(() => frontier(def, input, locked), 200, 1000);
  emit({ figure: 'frontier_v1_ms', value: round(f1.mean), median: round(f1.median), unit: 'ms', runs: f1.runs });
  const fr = frontier(def, input, locked);
  emit({ figure: 'frontier_v1_size', value: fr.points.length, unit: 'points' });
  const fe = frontier(def, { ...input, answers: {} });
  emit({ figure: 'frontier_v1_empty_scan_size', value: fe.points.length, unit: 'points', note: 'v1, nothing answered' });

  const stress = stressDefinition(300, 5);
  const sInput: ScanInput = {
    project: { kind: 'new_build' as ProjectKind, gfaM2: 5000, constructionBudgetEur: 12_000_000, circularBudget: { mode: 'pct', pct: 3 } },
    answers: stressAnswers(stress),
  };
  const so = timeMean(() => optimize(stress, sInput), 3, 3000);
  emit({ figure: 'optimize_stress_300x5_ms', value: round(so.mean), median: round(so.median), unit: 'ms', runs: so.runs, note: 'optimize() on the generated 300 questions x 5 levels definition' });
  const sf = timeMean(() => frontier(stress, sInput), 3, 2000);
  emit({ figure: 'frontier_stress_300x5_ms', value: round(sf.mean), median: round(sf.median), unit: 'ms', runs: sf.runs });
  const sfr = frontier(stress, sInput);
  emit({ figure: 'frontier_stress_300x5_size', value: sfr.points.length, unit: 'points' });
  const sb = timeMean(() => bestWithinBudget(stress, sInput), 3, 2000);
  emit({ figure: 'best_within_budget_stress_300x5_ms', value: round(sb.mean), median: round(sb.median), unit: 'ms', runs: sb.runs });

  // brute force on a small definition: 8 questions x 4 levels (65,536 plans)
  const rnd = prng(11);
  const small: ScoringDefinition = {
    themes: [
      { id: 'A', weight: 2 },
      { id: 'B', weight: 1 },
      { id: 'C', weight: 1 },
    ],
    questions: Array.from({ length: 8 }, (_, i) => ({
      id: `Q${i}`,
      theme: 'ABC'[i % 3]!,
      appliesTo: ['new_build'] as ProjectKind[],
      allowNotApplicable: false,
      levels: Array.from({ length: 4 }, (_, l) => ({
        id: `l${l}`,
        points: l * (1 + (i % 2)),
        cost: { basis: 'lump_sum' as const, low: l === 0 ? 0 : Math.round(rnd() * 2000000) / 100, high: l === 0 ? 0 : Math.round((20000 + rnd() * 20000) * 100) / 100 },
      })),
    })),
    labels: [{ id: 'x', minTotal: 50, minPerTheme: 20 }],
  };
  const smallInput: ScanInput = { project: { kind: 'new_build', gfaM2: 1000 }, answers: {} };
  const bf = timeMean(() => enumeratePlans(small, smallInput as Parameters<typeof enumeratePlans>[1], {}), 3, 2000);
  emit({ figure: 'brute_force_8x4_ms', value: round(bf.mean), median: round(bf.median), unit: 'ms', runs: bf.runs, note: 'enumerating all 65,536 plans (test-support brute force)' });
  const ex = timeMean(() => frontier(small, smallInput), 100, 1000);
  emit({ figure: 'exact_frontier_8x4_ms', value: round(ex.mean), median: round(ex.median), unit: 'ms', runs: ex.runs, note: 'the exact optimiser on the same definition' });

  // greedy ratio heuristic vs exact on v1: the empty new build and the three example scans
  // (from their current answers, with their locks), over several budgets
  const cases: { name: string; input: ScanInput; locked: string[] }[] = [
    { name: 'empty new build', input: { project: { ...input.project }, answers: {} }, locked: [] },
    ...[example, office, park].map((f) => ({
      name: f.project.name,
      input: { project: f.project as ScanInput['project'], answers: f.scan.answers as Record<string, Answer>, costOverrides: (f.scan as { costOverrides?: ScanInput['costOverrides'] }).costOverrides },
      locked: (f.scan as { locked?: string[] }).locked ?? [],
    })),
  ];
  let maxGap = 0;
  let worst = '';
  let compared = 0;
  const budgetsEur = [0, 5_000, 10_000, 25_000, 50_000, 75_000, 100_000, 150_000, 200_000, 300_000, 400_000, 600_000];
  for (const c of cases) {
    for (const eur of budgetsEur) {
      const greedy = greedyBest(def, c.input, eur * 100, c.locked);
      if (greedy === null) continue; // the current answers are already over this budget
      const exact = bestWithinBudget(def, c.input, { budgetCents: eur * 100, locked: c.locked });
      const t = exact.plan?.score.total;
      const exactTotal = t ? Number(t.exact.num) / Number(t.exact.den) : 0;
      const gap = (exactTotal - greedy.total) * 100;
      compared++;
      if (gap > maxGap) {
        maxGap = gap;
        worst = `${c.name}, EUR ${eur}`;
      }
    }
  }
  emit({
    figure: 'greedy_gap_v1_points',
    value: round(maxGap, 3),
    unit: 'points (0-100)',
    runs: compared,
    note: `max over ${compared} (scan, budget) pairs of exact minus greedy best total on v1; worst: ${worst}`,
  });
}
