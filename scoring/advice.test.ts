import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adviceLocks, applyChanges, briefQuestions, budgetVerdict, chanceWithinBudget, groupPlanChanges } from './advice';
import { bestWithinBudget, optimize } from './optimize';
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
const v1 = JSON.parse(readFileSync(new URL('../forms/definitions/zeeland-quickscan/1.0.0.json', import.meta.url), 'utf8'));

describe('brief questions', () => {
  it('method 1.0.0 (released before the mark) keeps floor area and keeping the structure as answered', () => {
    expect(briefQuestions(v1)).toEqual(['A2', 'A3']);
  });

  it('a method with the mark is read from its questions', () => {
    const marked = { id: 'other', version: '1.1.0', questions: [{ id: 'X1' }, { id: 'X2', changesBrief: true }, { id: 'X3', changesBrief: false }] };
    expect(briefQuestions(marked)).toEqual(['X2']);
  });

  it('the advice locks the user’s locks and the brief questions unless the user opts in', () => {
    expect(adviceLocks(v1, ['F1', 'A1'], false)).toEqual(['A1', 'A2', 'A3', 'F1']);
    expect(adviceLocks(v1, ['F1'], true)).toEqual(['F1']);
  });

  it('the v1 best plan no longer builds less floor area unless asked', () => {
    const project = { kind: 'new_build' as const, gfaM2: 2400, constructionBudgetEur: 6_000_000, circularBudget: { mode: 'pct' as const, pct: 3 } };
    const kept = bestWithinBudget(v1, { project, answers: {} }, { locked: adviceLocks(v1, [], false) });
    expect(kept.plan!.answers.A3).toBeNull();
    const free = bestWithinBudget(v1, { project, answers: {} }, { locked: adviceLocks(v1, [], true) });
    expect(free.plan!.answers.A3).not.toBeNull();
  });
});

describe('plan changes by theme', () => {
  it('lists each change with its cost, low to high, a subtotal per theme, and marks downgrades', () => {
    const scan = input({ A1: { level: 'l1' }, B1: { level: 'l0' } });
    const plan = {
      changes: [
        { question: 'A1', from: 'l1', to: 'l0' },
        { question: 'A2', from: null, to: 'l1' },
        { question: 'B1', from: 'l0', to: 'l2' },
      ],
    };
    const groups = groupPlanChanges(def, scan, plan);
    expect(groups.map((g) => g.theme)).toEqual(['A', 'B']);
    expect(groups[0]!.changes.map((c) => c.direction)).toEqual(['down', 'answer']);
    // A1 l1 (0..100) → l0 (0): the change is -100..0, shown low to high
    expect(groups[0]!.changes[0]!.cost).toEqual({ lowCents: -10_000, midCents: -5_000, highCents: 0 });
    expect(groups[0]!.subtotal).toEqual({ lowCents: -15_000, midCents: -10_000, highCents: -5_000 });
    expect(groups[1]!.changes[0]).toMatchObject({ direction: 'up', cost: { lowCents: 12_000, midCents: 12_000, highCents: 12_000 } });
  });

  it('applies only the chosen changes and keeps notes', () => {
    const answers = { A1: { level: 'l1', note: 'n' }, B1: { level: 'l0' } };
    const next = applyChanges(answers, [{ question: 'A1', to: 'l2' }, { question: 'B1', to: 'l2' }], new Set(['A1']));
    expect(next).toEqual({ A1: { level: 'l2', note: 'n' }, B1: { level: 'l0' } });
  });
});

describe('budget verdict', () => {
  it('names which estimate fits', () => {
    const cost = { lowCents: 100, midCents: 200, highCents: 300 };
    expect(budgetVerdict(cost, 300).code).toBe('within');
    expect(budgetVerdict(cost, 250).code).toBe('mid');
    expect(budgetVerdict(cost, 150).code).toBe('low');
    expect(budgetVerdict(cost, 99).code).toBe('over');
  });
});

describe('chance within budget', () => {
  it('is exact when all or none of the range fits', () => {
    expect(chanceWithinBudget(def, input(), { A1: 'l1' }, 10_000)).toEqual({ within: 20_000, draws: 20_000, exact: true });
    expect(chanceWithinBudget(def, input(), { A1: 'l2' }, 10_000)).toEqual({ within: 0, draws: 20_000, exact: true });
  });

  it('follows the uniform ranges: one range 0..100 against a budget of 25 fits a quarter of the time', () => {
    const chance = chanceWithinBudget(def, input(), { A1: 'l1' }, 2_500);
    expect(chance.exact).toBe(false);
    expect(Math.abs(chance.within / chance.draws - 0.25)).toBeLessThan(0.01);
  });

  it('two independent ranges: the sum of two 0..100 ranges stays under 100 half of the time (triangular)', () => {
    const two: ScoringDefinition = { ...def, questions: [def.questions[0]!, { ...def.questions[0]!, id: 'A3' }] };
    const chance = chanceWithinBudget(two, input(), { A1: 'l1', A3: 'l1' }, 10_000);
    expect(Math.abs(chance.within / chance.draws - 0.5)).toBeLessThan(0.01);
    const low = chanceWithinBudget(two, input(), { A1: 'l1', A3: 'l1' }, 5_000);
    expect(Math.abs(low.within / low.draws - 0.125)).toBeLessThan(0.01);
  });

  it('is the same every time, and uses the scan’s own answers where the plan is silent', () => {
    const scan = input({ A1: { level: 'l1' } });
    const a = chanceWithinBudget(def, scan, {}, 4_000);
    expect(a).toEqual(chanceWithinBudget(def, scan, {}, 4_000));
    expect(a.within).toBeGreaterThan(0);
    expect(a.within).toBeLessThan(a.draws);
  });

  it('gives every v1 plan a chance between 0 and 1, and the prudent best plan always fits', () => {
    const project = { kind: 'new_build' as const, gfaM2: 2400, constructionBudgetEur: 6_000_000, circularBudget: { mode: 'pct' as const, pct: 3 } };
    const scan = { project, answers: {} };
    const prudent = optimize(v1, scan, { prudent: true, locked: adviceLocks(v1, [], false) });
    const c = chanceWithinBudget(v1, scan, prudent.best!.plan!.answers, prudent.best!.budgetCents);
    expect(c).toMatchObject({ within: c.draws, exact: true });
    const mid = optimize(v1, scan, { locked: adviceLocks(v1, [], false) });
    const m = chanceWithinBudget(v1, scan, mid.best!.plan!.answers, mid.best!.budgetCents);
    expect(m.within / m.draws).toBeGreaterThan(0);
  });
});
