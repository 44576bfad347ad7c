import { describe, expect, it } from 'vitest';
import { scoreScan, type ScanInput } from './score';
import { ScanInputError } from './errors';
import { circularBudgetCents, costToCents, divRoundHalfAway } from './money';
import type { CostIndication, ScoringDefinition, ScoringQuestion } from './types';
import { scanInputErrorText } from '../report/input-strings';

const zero: CostIndication = { basis: 'lump_sum', low: 0, high: 0 };

/** A question with levels l0..l{n} worth 0..n points (or the given points). */
function q(id: string, theme: string, points: number[] = [0, 1, 2, 3, 4], extra: Partial<ScoringQuestion> = {}): ScoringQuestion {
  return {
    id,
    theme,
    appliesTo: ['new_build', 'renovation', 'extension'],
    allowNotApplicable: true,
    levels: points.map((p, i) => ({ id: `l${i}`, points: p, cost: zero })),
    ...extra,
  };
}

const project = { kind: 'new_build' as const, gfaM2: 1000 };

function score(def: ScoringDefinition, answers: ScanInput['answers'], more: Partial<ScanInput> = {}) {
  return scoreScan(def, { project, answers, ...more });
}

describe('theme scores', () => {
  const def: ScoringDefinition = {
    themes: [
      { id: 'A', weight: 2 },
      { id: 'B', weight: 1 },
    ],
    questions: [q('A1', 'A'), q('A2', 'A'), q('B1', 'B', [0, 1, 2]), q('B2', 'B', [0, 1, 2])],
    labels: [],
  };

  it('a not-applicable question leaves both the points and the maximum', () => {
    const s = score(def, { A1: { level: 'l2' }, A2: { notApplicable: true }, B1: { level: 'l2' }, B2: { level: 'l2' } });
    const a = s.themes[0]!;
    expect(a).toMatchObject({ id: 'A', points: 2, max: 4, display: 50, applicable: 1, answered: 1, notApplicable: 1, unanswered: 0 });
    expect(a.exact).toEqual({ num: 1n, den: 2n });
    expect(s.notApplicable).toEqual(['A2']);
  });

  it('an unanswered applicable question counts 0 points against its maximum', () => {
    const s = score(def, { A1: { level: 'l4' } });
    expect(s.themes[0]).toMatchObject({ points: 4, max: 8, display: 50, answered: 1, unanswered: 1 });
    expect(s.themes[1]).toMatchObject({ points: 0, max: 4, display: 0, unanswered: 2 });
    expect(s.unanswered).toEqual(['A2', 'B1', 'B2']);
  });

  it('the maximum is the highest level, wherever it is in the list', () => {
    const d: ScoringDefinition = { themes: [{ id: 'A', weight: 1 }], questions: [q('A1', 'A', [0, 5, 3])], labels: [] };
    expect(score(d, { A1: { level: 'l2' } }).themes[0]).toMatchObject({ points: 3, max: 5, display: 60 });
  });

  it('a question whose kind does not apply is not applicable, and an answer to it is ignored', () => {
    const d: ScoringDefinition = {
      themes: [{ id: 'A', weight: 1 }],
      questions: [q('A1', 'A', [0, 4], { appliesTo: ['renovation'] }), q('A2', 'A', [0, 4])],
      labels: [],
    };
    const s = score(d, { A1: { level: 'l1' }, A2: { level: 'l1' } });
    expect(s.themes[0]).toMatchObject({ points: 4, max: 4, display: 100, applicable: 1, notApplicable: 1 });
    expect(s.notApplicable).toEqual(['A1']);
    expect(s.ignoredAnswers).toEqual(['A1']);
  });
});

describe('total', () => {
  it('is the weighted mean of the theme scores', () => {
    const def: ScoringDefinition = {
      themes: [
        { id: 'A', weight: 2 },
        { id: 'B', weight: 1 },
      ],
      questions: [q('A1', 'A', [0, 1, 2, 3]), q('B1', 'B', [0, 1, 2])],
      labels: [],
    };
    // A = 1/3, B = 1/2 -> (2 * 1/3 + 1/2) / 3 = 7/18 = 38.888...
    const s = score(def, { A1: { level: 'l1' }, B1: { level: 'l1' } });
    expect(s.total!.exact).toEqual({ num: 7n, den: 18n });
    expect(s.total!.display).toBe(38.8);
  });

  it('truncates for display, never rounds up', () => {
    const def: ScoringDefinition = { themes: [{ id: 'A', weight: 1 }], questions: [q('A1', 'A', [0, 1, 2, 3])], labels: [] };
    const s = score(def, { A1: { level: 'l2' } });
    expect(s.themes[0]!.display).toBe(66.6);
    expect(s.total!.display).toBe(66.6);
    expect(score(def, { A1: { level: 'l3' } }).total!.display).toBe(100);
    expect(score(def, {}).total!.display).toBe(0);
  });

  it('a theme without applicable questions has no score and leaves the mean', () => {
    const def: ScoringDefinition = {
      themes: [
        { id: 'A', weight: 5 },
        { id: 'B', weight: 1 },
      ],
      questions: [q('A1', 'A'), q('B1', 'B')],
      labels: [],
    };
    const s = score(def, { A1: { notApplicable: true }, B1: { level: 'l1' } });
    expect(s.themes[0]).toMatchObject({ exact: null, display: null, max: 0 });
    expect(s.total!.exact).toEqual({ num: 1n, den: 4n });
  });

  it('is null when nothing is applicable', () => {
    const def: ScoringDefinition = { themes: [{ id: 'A', weight: 1 }], questions: [q('A1', 'A')], labels: [{ id: 'x', minTotal: 0, minPerTheme: 0 }] };
    const s = score(def, { A1: { notApplicable: true } });
    expect(s.total).toBeNull();
    expect(s.label).toEqual({ reached: null, next: null });
  });
});

describe('labels', () => {
  const def: ScoringDefinition = {
    themes: [
      { id: 'A', weight: 1 },
      { id: 'B', weight: 1 },
    ],
    questions: [q('A1', 'A', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), q('B1', 'B', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])],
    labels: [
      { id: 'bronze', minTotal: 40, minPerTheme: 10 },
      { id: 'silver', minTotal: 50, minPerTheme: 20, themeMinimums: { B: 40 } },
      { id: 'gold', minTotal: 70, minPerTheme: 30 },
    ],
  };

  it('compares thresholds exactly (0.7 + 0.1 is 0.4, not 0.39999...)', () => {
    expect((0.7 + 0.1) / 2 < 0.4).toBe(true); // what floating point would get wrong
    const s = score(def, { A1: { level: 'l7' }, B1: { level: 'l1' } });
    expect(s.total!.exact).toEqual({ num: 2n, den: 5n });
    expect(s.label.reached).toBe('bronze');
  });

  it('a high total cannot hide a theme below its minimum', () => {
    const s = score(def, { A1: { level: 'l10' }, B1: { level: 'l0' } });
    expect(s.total!.display).toBe(50);
    expect(s.label.reached).toBeNull();
    expect(s.label.next).toEqual({
      id: 'bronze',
      missingTotal: 0,
      missingTotalExact: { num: 0n, den: 1n },
      themesBelow: [{ theme: 'B', needed: 10, has: 0 }],
    });
  });

  it('per-theme overrides of the minimum count', () => {
    const s = score(def, { A1: { level: 'l10' }, B1: { level: 'l3' } });
    expect(s.total!.display).toBe(65);
    expect(s.label.reached).toBe('bronze');
    expect(s.label.next!.id).toBe('silver');
    expect(s.label.next!.themesBelow).toEqual([{ theme: 'B', needed: 40, has: 30 }]);
    expect(score(def, { A1: { level: 'l9' }, B1: { level: 'l4' } }).label.reached).toBe('silver');
    expect(score(def, { A1: { level: 'l10' }, B1: { level: 'l4' } }).label.reached).toBe('gold');
  });

  it('says how much total is missing for the next label, rounded up to one decimal', () => {
    const d: ScoringDefinition = {
      themes: [{ id: 'A', weight: 1 }],
      questions: [q('A1', 'A', [0, 1, 2, 3])],
      labels: [{ id: 'bronze', minTotal: 35, minPerTheme: 0 }],
    };
    const s = score(d, { A1: { level: 'l1' } });
    expect(s.total!.display).toBe(33.3);
    expect(s.label.next!.missingTotal).toBe(1.7); // 35 - 33.333...
    expect(s.label.next!.missingTotalExact).toEqual({ num: 1n, den: 60n });
    expect(score(d, { A1: { level: 'l3' } }).label).toEqual({ reached: 'bronze', next: null });
  });
});

describe('costs', () => {
  it('rounds per level to whole cents, half away from zero, after multiplying by the GFA', () => {
    const c: CostIndication = { basis: 'per_m2_gfa', low: -0.35, high: 1.25 };
    // 12.5 m2: -4.375 EUR -> -438 cents; 15.625 EUR -> 1563 cents
    expect(costToCents(c, 1250)).toEqual({ low: -438, high: 1563 });
    expect(costToCents({ basis: 'lump_sum', low: 1234.56, high: 2000 }, 1250)).toEqual({ low: 123456, high: 200000 });
    expect(divRoundHalfAway(5, 2)).toBe(3);
    expect(divRoundHalfAway(-5, 2)).toBe(-3);
  });

  it('sums the rounded level costs of the answered questions; mid is (low + high) / 2', () => {
    const lv = (cost: CostIndication) => [
      { id: 'l0', points: 0, cost: zero },
      { id: 'l1', points: 1, cost },
    ];
    const def: ScoringDefinition = {
      themes: [{ id: 'A', weight: 1 }],
      questions: [
        { ...q('A1', 'A'), levels: lv({ basis: 'per_m2_gfa', low: 0.35, high: 0.35 }) },
        { ...q('A2', 'A'), levels: lv({ basis: 'per_m2_gfa', low: 0.35, high: 0.36 }) },
        { ...q('A3', 'A'), levels: lv({ basis: 'lump_sum', low: -100, high: 50.01 }) },
      ],
      labels: [],
    };
    const s = scoreScan(def, { project: { kind: 'new_build', gfaM2: 12.5 }, answers: { A1: { level: 'l1' }, A2: { level: 'l1' } } });
    // 437.5 -> 438 twice (not 875 once); high 438 + 450
    expect(s.cost).toEqual({ lowCents: 876, midCents: 882, highCents: 888 });
    const t = scoreScan(def, { project: { kind: 'new_build', gfaM2: 12.5 }, answers: { A3: { level: 'l1' } } });
    // (-10000 + 5001) / 2 = -2499.5 -> -2500 (half away from zero)
    expect(t.cost).toEqual({ lowCents: -10000, midCents: -2500, highCents: 5001 });
  });

  it('applies cost overrides of the project', () => {
    const def: ScoringDefinition = {
      themes: [{ id: 'A', weight: 1 }],
      questions: [{ ...q('A1', 'A'), levels: [{ id: 'l0', points: 0, cost: zero }, { id: 'l1', points: 1, cost: { basis: 'per_m2_gfa', low: 10, high: 20 } }] }],
      labels: [],
    };
    const answers = { A1: { level: 'l1' } };
    expect(score(def, answers).cost).toEqual({ lowCents: 1_000_000, midCents: 1_500_000, highCents: 2_000_000 });
    const o = score(def, answers, { costOverrides: [{ question: 'A1', level: 'l1', cost: { basis: 'lump_sum', low: 500, high: 900.5 } }] });
    expect(o.cost).toEqual({ lowCents: 50_000, midCents: 70_025, highCents: 90_050 });
  });

  it('works out the circular budget in cents', () => {
    expect(circularBudgetCents({ mode: 'eur', amountEur: 150000 }, 0)).toBe(15_000_000);
    expect(circularBudgetCents({ mode: 'pct', pct: 3 }, 6_000_000)).toBe(18_000_000);
    // 2.5% of 1,234,567.89 EUR = 30,864.19725 EUR -> 3,086,420 cents
    expect(circularBudgetCents({ mode: 'pct', pct: 2.5 }, 1_234_567.89)).toBe(3_086_420);
  });
});

describe('input errors', () => {
  const def: ScoringDefinition = {
    themes: [{ id: 'A', weight: 1 }],
    questions: [q('A1', 'A'), q('A2', 'A', [0, 1], { allowNotApplicable: false })],
    labels: [],
  };
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ScanInputError);
      return { code: (e as ScanInputError).code, values: (e as ScanInputError).values, en: scanInputErrorText(e as ScanInputError, 'en'), nl: scanInputErrorText(e as ScanInputError, 'nl') };
    }
    throw new Error('did not throw');
  };

  it('rejects unknown questions and levels with a code and its values, worded in Dutch and English by the surfaces', () => {
    expect(codeOf(() => score(def, { Z9: { level: 'l0' } }))).toEqual({
      code: 'unknown-question',
      values: { source: 'answers', question: 'Z9' },
      en: 'the scan answers question "Z9", which this version of the method does not have',
      nl: 'de scan beantwoordt vraag "Z9", die deze versie van de methode niet heeft',
    });
    expect(codeOf(() => score(def, { A1: { level: 'l9' } }))).toEqual({
      code: 'unknown-level',
      values: { source: 'answers', question: 'A1', level: 'l9', known: ['l0', 'l1', 'l2', 'l3', 'l4'] },
      en: 'question "A1" has no level "l9" (it has l0, l1, l2, l3, l4)',
      nl: 'vraag "A1" heeft geen niveau "l9" (wel: l0, l1, l2, l3, l4)',
    });
    expect(codeOf(() => score(def, { A2: { notApplicable: true } })).code).toBe('not-applicable-not-allowed');
    expect(codeOf(() => score(def, {}, { costOverrides: [{ question: 'A1', level: 'x', cost: zero }] })).code).toBe('unknown-level');
    expect(
      codeOf(() =>
        score(def, {}, {
          costOverrides: [
            { question: 'A1', level: 'l1', cost: zero },
            { question: 'A1', level: 'l1', cost: zero },
          ],
        }),
      ).code,
    ).toBe('duplicate-cost-override');
    expect(codeOf(() => scoreScan(def, { project: { kind: 'new_build', gfaM2: 0 }, answers: {} })).code).toBe('invalid-project');
  });

  it('does not care about the key order of the answers', () => {
    const a = score(def, { A1: { level: 'l1' }, A2: { level: 'l1' } });
    const b = score(def, { A2: { level: 'l1' }, A1: { level: 'l1' } });
    expect(a).toEqual(b);
  });
});
