import { describe, expect, it } from 'vitest';
import {
  bestWithinBudget,
  cheapestPerLabel,
  frontier,
  frontierAnswers,
  optimize,
  toPlan,
  upgrades,
} from './optimize';
import { ScanInputError } from './errors';
import type { ScanInput } from './score';
import type { CostIndication, ScoringDefinition, ScoringLevel } from './types';

const lump = (low: number, high: number = low): CostIndication => ({ basis: 'lump_sum', low, high });
const levels = (...spec: [number, CostIndication][]): ScoringLevel[] => spec.map(([points, cost], i) => ({ id: `l${i}`, points, cost }));
const all = ['new_build', 'renovation', 'extension'] as const;

const def: ScoringDefinition = {
  themes: [
    { id: 'A', weight: 1 },
    { id: 'B', weight: 1 },
  ],
  questions: [
    { id: 'A1', theme: 'A', appliesTo: [...all], allowNotApplicable: true, levels: levels([0, lump(0)], [1, lump(0, 100)], [2, lump(300)]) },
    { id: 'A2', theme: 'A', appliesTo: [...all], allowNotApplicable: true, levels: levels([0, lump(0)], [2, lump(-50)]) },
    { id: 'B1', theme: 'B', appliesTo: [...all], allowNotApplicable: false, levels: levels([0, lump(0)], [1, lump(40)], [2, lump(120)]) },
  ],
  labels: [
    { id: 'bronze', minTotal: 50, minPerTheme: 20 },
    { id: 'gold', minTotal: 90, minPerTheme: 50 },
  ],
};
const input = (answers: ScanInput['answers'] = {}, budgetEur = 100): ScanInput => ({
  project: { kind: 'new_build', gfaM2: 100, constructionBudgetEur: 0, circularBudget: { mode: 'eur', amountEur: budgetEur } },
  answers,
});

describe('bestWithinBudget', () => {
  it('uses the project budget and the midpoint of the cost range', () => {
    const r = bestWithinBudget(def, input());
    expect(r.budgetCents).toBe(10_000);
    expect(r.costMode).toBe('mid');
    // A2 l1 saves 50 and B1 l2 costs 120: 70 EUR for (2/4 + 2/2) / 2 = 3/4; adding A1 l1
    // (mid 50) would go over 100, and A1 l1 + B1 l1 (40 EUR) only gives (3/4 + 1/2) / 2 = 5/8
    expect(r.plan!.answers).toEqual({ A1: 'l0', A2: 'l1', B1: 'l2' });
    expect(r.plan!.cost).toEqual({ lowCents: 7000, midCents: 7000, highCents: 7000 });
    expect(r.plan!.score.total!.exact).toEqual({ num: 3n, den: 4n });
    expect(r.plan!.changes).toEqual([
      { question: 'A1', from: null, to: 'l0' },
      { question: 'A2', from: null, to: 'l1' },
      { question: 'B1', from: null, to: 'l2' },
    ]);
  });

  it('prudent mode uses the high end, so that the budget holds', () => {
    // budget 60 EUR: at the midpoint A1 l1 + A2 l1 + B1 l1 costs 50 - 50 + 40 = 40 (total 5/8);
    // at the high end it costs 100 - 50 + 40 = 90, so prudent mode settles for A2 l1 + B1 l1 (1/2)
    const mid = bestWithinBudget(def, input(), { budgetCents: 6_000 });
    expect(mid.plan!.answers).toEqual({ A1: 'l1', A2: 'l1', B1: 'l1' });
    const r = bestWithinBudget(def, input(), { prudent: true, budgetCents: 6_000 });
    expect(r.costMode).toBe('high');
    expect(r.plan!.answers).toEqual({ A1: 'l0', A2: 'l1', B1: 'l1' });
    expect(r.plan!.cost.highCents).toBe(-1_000);
    expect(r.plan!.score.total!.exact).toEqual({ num: 1n, den: 2n });
  });

  it('keeps locked and not-applicable answers', () => {
    const r = bestWithinBudget(def, input({ A1: { level: 'l2' }, A2: { notApplicable: true } }), { locked: ['A1'], budgetCents: 100_000 });
    expect(r.plan!.answers).toEqual({ A1: 'l2', B1: 'l2' });
    expect(r.plan!.score.notApplicable).toEqual(['A2']);
    expect(r.plan!.changes).toEqual([{ question: 'B1', from: null, to: 'l2' }]);
  });

  it('a locked unanswered question stays unanswered', () => {
    const r = bestWithinBudget(def, input(), { locked: ['B1'], budgetCents: 100_000 });
    expect(r.plan!.answers.B1).toBeNull();
    expect(r.plan!.score.unanswered).toEqual(['B1']);
  });

  it('has no plan when even the cheapest plan is over budget', () => {
    const r = bestWithinBudget(def, input({ A1: { level: 'l2' } }), { locked: ['A1'], budgetCents: 100 });
    expect(r.plan).toBeNull();
  });

  it('prefers fewer changes from the current answers when total and cost tie', () => {
    const d: ScoringDefinition = {
      themes: [{ id: 'A', weight: 1 }],
      questions: [
        { id: 'A1', theme: 'A', appliesTo: [...all], allowNotApplicable: false, levels: levels([0, lump(0)], [1, lump(10)]) },
        { id: 'A2', theme: 'A', appliesTo: [...all], allowNotApplicable: false, levels: levels([0, lump(0)], [1, lump(10)]) },
      ],
      labels: [],
    };
    // budget for one of the two upgrades: the one already answered that way wins
    expect(bestWithinBudget(d, input({ A1: { level: 'l0' }, A2: { level: 'l1' } }), { budgetCents: 1000 }).plan!.answers).toEqual({ A1: 'l0', A2: 'l1' });
    expect(bestWithinBudget(d, input({ A1: { level: 'l1' }, A2: { level: 'l0' } }), { budgetCents: 1000 }).plan!.answers).toEqual({ A1: 'l1', A2: 'l0' });
    // nothing answered: the canonical order prefers the higher level on the earlier question
    expect(bestWithinBudget(d, input(), { budgetCents: 1000 }).plan!.answers).toEqual({ A1: 'l1', A2: 'l0' });
  });

  it('needs a budget', () => {
    expect(() => bestWithinBudget(def, { project: { kind: 'new_build', gfaM2: 10 }, answers: {} })).toThrow(ScanInputError);
  });

  it('rejects unknown locked questions', () => {
    expect(() => bestWithinBudget(def, input(), { locked: ['Z1'] })).toThrow(/Z1/);
  });
});

describe('frontier', () => {
  it('is strictly increasing in cost and total, with the current design beside it', () => {
    const f = frontier(def, input({ A1: { level: 'l1' } }));
    expect(f.current.cost).toEqual({ lowCents: 0, midCents: 5_000, highCents: 10_000 });
    expect(f.current.total!.exact).toEqual({ num: 1n, den: 8n });
    for (let i = 1; i < f.points.length; i++) {
      expect(f.points[i]!.costHalfCents).toBeGreaterThan(f.points[i - 1]!.costHalfCents);
      const a = f.points[i - 1]!.total!.exact;
      const b = f.points[i]!.total!.exact;
      expect(b.num * a.den).toBeGreaterThan(a.num * b.den);
    }
    const first = f.points[0]!;
    expect(frontierAnswers(f, first)).toEqual({ A1: 'l0', A2: 'l1', B1: 'l0' });
    expect(first.cost.midCents).toBe(-5_000);
    const last = f.points[f.points.length - 1]!;
    expect(last.total!.display).toBe(100);
    expect(frontierAnswers(f, last)).toEqual({ A1: 'l2', A2: 'l1', B1: 'l2' });
    // toPlan gives the full plan of a point
    const plan = toPlan(def, input({ A1: { level: 'l1' } }), frontierAnswers(f, last));
    expect(plan.cost).toEqual(last.cost);
    expect(plan.score.total).toEqual(last.total);
    expect(plan.changes.length).toBe(last.changes);
  });
});

describe('cheapestPerLabel', () => {
  it('meets the total and every theme minimum at the lowest cost', () => {
    const r = cheapestPerLabel(def, input());
    expect(r.map((x) => x.label)).toEqual(['bronze', 'gold']);
    const bronze = r[0]!.plan!;
    expect(bronze.score.label.reached).toBe('bronze');
    expect(bronze.answers).toEqual({ A1: 'l0', A2: 'l1', B1: 'l1' });
    expect(bronze.cost.midCents).toBe(-1_000);
    const gold = r[1]!.plan!;
    expect(gold.score.label.reached).toBe('gold');
    expect(gold.answers).toEqual({ A1: 'l2', A2: 'l1', B1: 'l2' });
  });

  it('is null when a label cannot be reached', () => {
    const r = cheapestPerLabel(def, input({ B1: { level: 'l0' } }), { locked: ['B1'] });
    expect(r.map((x) => x.plan)).toEqual([null, null]);
  });
});

describe('upgrades', () => {
  it('ranks free and saving upgrades first, then by gain per euro', () => {
    const u = upgrades(def, input({ A1: { level: 'l0' }, A2: { level: 'l0' }, B1: { level: 'l0' } }));
    expect(u.map((x) => `${x.question}:${x.to}`)).toEqual(['A2:l1', 'B1:l1', 'B1:l2', 'A1:l1', 'A1:l2']);
    expect(u[0]!.deltaTotal).toEqual({ exact: { num: 1n, den: 4n }, display: 25 });
    expect(u[0]!.deltaCost).toEqual({ lowCents: -5_000, midCents: -5_000, highCents: -5_000 });
    expect(u[0]!.total.display).toBe(25);
    expect(u[0]!.withinBudget).toBe(true);
    expect(u[4]!.withinBudget).toBe(false); // 300 EUR > 100 EUR
  });

  it('leaves out locked questions', () => {
    const u = upgrades(def, input({ A2: { level: 'l0' } }), { locked: ['A2'] });
    expect(u.some((x) => x.question === 'A2')).toBe(false);
  });
});

describe('optimize', () => {
  it('gives the same as the separate calls', () => {
    const i = input({ A1: { level: 'l1' }, B1: { level: 'l2' } });
    const all = optimize(def, i, { prudent: true });
    expect(all.frontier).toEqual(frontier(def, i, { prudent: true }));
    expect(all.best).toEqual(bestWithinBudget(def, i, { prudent: true }));
    expect(all.perLabel).toEqual(cheapestPerLabel(def, i, { prudent: true }));
    expect(all.upgrades).toEqual(upgrades(def, i, { prudent: true }));
  });

  it('gives the frontier of a scan where no theme applies a total of null, like its score', () => {
    const onlyA: ScoringDefinition = { themes: [{ id: 'A', weight: 1 }], questions: def.questions.filter((q) => q.theme === 'A'), labels: [] };
    const r = optimize(onlyA, input({ A1: { notApplicable: true }, A2: { notApplicable: true } }));
    expect(r.frontier.current.total).toBeNull();
    expect(r.best!.plan!.score.total).toBeNull();
    expect(r.frontier.points.length).toBeGreaterThan(0);
    expect(r.frontier.points.every((p) => p.total === null)).toBe(true);
  });

  it('handles a scan where nothing is applicable', () => {
    const r = optimize(def, { ...input({ A1: { notApplicable: true }, A2: { notApplicable: true } }), project: { ...input().project, kind: 'new_build' } }, { locked: ['B1'] });
    expect(r.best!.plan!.answers).toEqual({ B1: null });
    expect(r.best!.plan!.score.total!.display).toBe(0);
  });
});
