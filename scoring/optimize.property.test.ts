/**
 * Property tests: the exact optimiser against an independent brute force that enumerates every
 * plan, on small random definitions (costs may be negative; random weights, NA, locks, overrides,
 * prudent mode, both score arithmetics). Any difference fails.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestWithinBudget, cheapestPerLabel, frontier, frontierAnswers, optimize, upgrades, type Plan } from './optimize';
import { scoreScan } from './score';
import type { ProjectKind, ScoringDefinition } from './types';
import type { Answer, CostOverride } from './scan-file';
import {
  bruteBest,
  bruteCheapestLabel,
  bruteFrontier,
  enumeratePlans,
  type BrutePlan,
} from './test-support/brute-force';

const KINDS: ProjectKind[] = ['new_build', 'renovation', 'extension'];

interface Case {
  def: ScoringDefinition;
  kind: ProjectKind;
  gfaM2: number;
  answers: Record<string, Answer>;
  costOverrides: CostOverride[];
  locked: string[];
  prudent: boolean;
  bigint: boolean;
  budgetCents: number;
}

// cents at random, or a few whole euros so that exact ties (and so the tie-breaks) are frequent
const eur = fc.oneof(fc.integer({ min: -5000, max: 5000 }).map((c) => c / 100), fc.integer({ min: -1, max: 2 }));
const cost = fc
  .record({ basis: fc.constantFrom('per_m2_gfa' as const, 'lump_sum' as const), a: eur, b: eur })
  .map(({ basis, a, b }) => ({ basis, low: Math.min(a, b), high: Math.max(a, b) }));

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    nThemes: fc.integer({ min: 1, max: 4 }),
    weights: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 4, maxLength: 4 }),
    questions: fc.array(
      fc.record({
        theme: fc.nat(3),
        levels: fc.array(fc.record({ points: fc.integer({ min: 0, max: 5 }), cost }), { minLength: 2, maxLength: 4 }),
        appliesTo: fc.subarray(KINDS, { minLength: 1 }),
        allowNotApplicable: fc.boolean(),
        answer: fc.oneof(fc.constant<'none' | 'na'>('none'), fc.constant<'none' | 'na'>('na'), fc.nat(3)),
        locked: fc.boolean(),
        override: fc.option(fc.record({ level: fc.nat(3), cost }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    labels: fc.array(
      fc.record({
        minTotal: fc.integer({ min: 0, max: 100 }),
        minPerTheme: fc.integer({ min: 0, max: 100 }),
        override: fc.option(fc.tuple(fc.nat(3), fc.integer({ min: 0, max: 100 })), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    kind: fc.constantFrom(...KINDS),
    gfaM2: fc.integer({ min: 1, max: 500_000 }).map((c) => c / 100),
    prudent: fc.boolean(),
    bigint: fc.boolean(),
    budgetFrac: fc.double({ min: -0.1, max: 1.1, noNaN: true }),
  })
  .map((r) => {
    const themes = Array.from({ length: r.nThemes }, (_, i) => ({ id: `T${i}`, weight: r.weights[i]! }));
    const answers: Record<string, Answer> = {};
    const costOverrides: CostOverride[] = [];
    const locked: string[] = [];
    const questions = r.questions.map((q, i) => {
      const id = `Q${i}`;
      const levels = q.levels.map((l, li) => ({ id: `l${li}`, points: l.points, cost: l.cost }));
      if (q.answer === 'na') {
        if (q.allowNotApplicable) answers[id] = { notApplicable: true };
      } else if (q.answer !== 'none') {
        answers[id] = { level: `l${q.answer % levels.length}` };
      }
      if (q.locked) locked.push(id);
      if (q.override) costOverrides.push({ question: id, level: `l${q.override.level % levels.length}`, cost: q.override.cost });
      return {
        id,
        theme: `T${q.theme % r.nThemes}`,
        appliesTo: q.appliesTo,
        allowNotApplicable: q.allowNotApplicable,
        levels,
      };
    });
    const labels = r.labels.map((l, i) => ({
      id: `L${i}`,
      minTotal: l.minTotal,
      minPerTheme: l.minPerTheme,
      ...(l.override ? { themeMinimums: { [`T${l.override[0] % r.nThemes}`]: l.override[1] } } : {}),
    }));
    return {
      def: { themes, questions, labels },
      kind: r.kind,
      gfaM2: r.gfaM2,
      answers,
      costOverrides,
      locked,
      prudent: r.prudent,
      bigint: r.bigint,
      budgetFrac: r.budgetFrac,
    };
  })
  .map((c) => {
    // a budget somewhere between the cheapest and the dearest plan (and sometimes outside)
    const plans = enumeratePlans(c.def, input(c as unknown as Case), { prudent: c.prudent, locked: c.locked });
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of plans) {
      lo = Math.min(lo, Number(p.half));
      hi = Math.max(hi, Number(p.half));
    }
    const budgetCents = Math.floor((lo + (hi - lo) * c.budgetFrac) / 2);
    return { ...c, budgetCents };
  });

function input(c: Case) {
  return { project: { kind: c.kind, gfaM2: c.gfaM2 }, answers: c.answers, costOverrides: c.costOverrides };
}

function options(c: Case) {
  return { prudent: c.prudent, locked: c.locked, arithmetic: c.bigint ? ('bigint' as const) : ('auto' as const) };
}

function expectSamePlan(plan: Plan | null, brute: BrutePlan | null): void {
  if (brute === null) {
    expect(plan).toBeNull();
    return;
  }
  expect(plan).not.toBeNull();
  expect(plan!.answers).toEqual(brute.answers);
  expect(plan!.cost.lowCents).toBe(Number(brute.lowCents));
  expect(plan!.cost.highCents).toBe(Number(brute.highCents));
  expect(plan!.changes.length).toBe(brute.changes);
  const total = plan!.score.total;
  if (brute.themeMax.some((m) => m > 0)) {
    expect(total).not.toBeNull();
    expect(total!.exact).toEqual({ num: brute.totalNum, den: brute.totalDen });
  } else {
    expect(total).toBeNull();
  }
}

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;

describe('optimiser = brute force on small random definitions', () => {
  it('frontier', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const f = frontier(c.def, input(c), options(c));
        const plans = enumeratePlans(c.def, input(c), { prudent: c.prudent, locked: c.locked });
        const brute = bruteFrontier(plans);
        expect(f.costMode).toBe(c.prudent ? 'high' : 'mid');
        expect(f.points.map((p) => frontierAnswers(f, p))).toEqual(brute.map((p) => p.answers));
        expect(f.points.map((p) => p.costHalfCents)).toEqual(brute.map((p) => Number(p.half)));
        expect(f.points.map((p) => p.changes)).toEqual(brute.map((p) => p.changes));
        expect(f.points.map((p) => [p.cost.lowCents, p.cost.highCents])).toEqual(
          brute.map((p) => [Number(p.lowCents), Number(p.highCents)]),
        );
        const scored = plans[0]!.themeMax.some((m) => m > 0);
        if (scored) {
          expect(f.points.map((p) => p.total!.exact)).toEqual(brute.map((p) => ({ num: p.totalNum, den: p.totalDen })));
          expect(f.points.map((p) => p.total!.display)).toEqual(brute.map((p) => Number((p.totalNum * 1000n) / p.totalDen) / 10));
        } else {
          // nothing can be scored: no point has a total, like the score itself
          expect(f.points.every((p) => p.total === null)).toBe(true);
        }
        for (let i = 1; i < f.points.length; i++) {
          expect(f.points[i]!.costHalfCents).toBeGreaterThan(f.points[i - 1]!.costHalfCents);
        }
      }),
      { seed: SEED ?? 20261122, numRuns: RUNS },
    );
  });

  it('bestWithinBudget', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = bestWithinBudget(c.def, input(c), { ...options(c), budgetCents: c.budgetCents });
        expect(r.budgetCents).toBe(c.budgetCents);
        const plans = enumeratePlans(c.def, input(c), { prudent: c.prudent, locked: c.locked });
        expectSamePlan(r.plan, bruteBest(plans, c.budgetCents));
      }),
      { seed: SEED ?? 424242, numRuns: RUNS },
    );
  });

  it('cheapestPerLabel', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = cheapestPerLabel(c.def, input(c), options(c));
        const plans = enumeratePlans(c.def, input(c), { prudent: c.prudent, locked: c.locked });
        expect(r.map((x) => x.label)).toEqual(c.def.labels.map((l) => l.id));
        r.forEach((x, i) => expectSamePlan(x.plan, bruteCheapestLabel(c.def, plans, i)));
      }),
      { seed: SEED ?? 7, numRuns: RUNS },
    );
  });

  it('scoreScan agrees with the independent evaluation of the current answers', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const s = scoreScan(c.def, input(c));
        const all = c.def.questions.map((q) => q.id);
        const [only] = enumeratePlans(c.def, input(c), { prudent: c.prudent, locked: all });
        expect(s.cost.lowCents).toBe(Number(only!.lowCents));
        expect(s.cost.highCents).toBe(Number(only!.highCents));
        expect(s.themes.map((t) => [t.points, t.max])).toEqual(only!.themePoints.map((p, i) => [p, only!.themeMax[i]]));
        if (only!.themeMax.some((m) => m > 0)) expect(s.total!.exact).toEqual({ num: only!.totalNum, den: only!.totalDen });
        else expect(s.total).toBeNull();
      }),
      { seed: SEED ?? 99, numRuns: RUNS },
    );
  });

  it('optimize() is the separate calls together; upgrades raise the total by what they say', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const opts = { ...options(c), budgetCents: c.budgetCents };
        const o = optimize(c.def, input(c), opts);
        expect(o.frontier).toEqual(frontier(c.def, input(c), opts));
        expect(o.best).toEqual(bestWithinBudget(c.def, input(c), opts));
        expect(o.perLabel).toEqual(cheapestPerLabel(c.def, input(c), opts));
        const ups = upgrades(c.def, input(c), opts);
        expect(o.upgrades).toEqual(ups);
        for (const u of ups.slice(0, 3)) {
          const after = scoreScan(c.def, { ...input(c), answers: { ...c.answers, [u.question]: { level: u.to } } });
          expect(after.total).toEqual(u.total);
        }
      }),
      { seed: SEED ?? 1234, numRuns: RUNS },
    );
  });
});
