/**
 * Golden tests on the v1 definition (forms/definitions/zeeland-quickscan/1.0.0.json) with the
 * three example scans in docs/examples. Every value is written out literally; the scan scores,
 * costs and the optimiser's frontier and best plan are checked against an independent
 * recomputation: scripts/golden-recompute.py (Python, exact fractions, decimal rounding written
 * out, a dynamic programme of its own for the frontier), whose output is committed as
 * scoring/test-support/golden-recomputed.json and compared below. If the definition
 * changes before its release, these figures must be recorded again; after the release they
 * must never change.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import v1 from '../forms/definitions/zeeland-quickscan/1.0.0.json';
import recomputed from './test-support/golden-recomputed.json';
import { canonicalJson, sha256Hex } from '../forms/hash';
import { validateDefinition } from '../forms/schema';
import { parseScanFile, type ScanFile } from './scan-file';
import { scoreScan } from './score';
import { optimize } from './optimize';
import type { Rational, ScoringDefinition } from './types';

const r = (num: number, den: number): Rational => ({ num: BigInt(num), den: BigInt(den) });
const def = v1 as unknown as ScoringDefinition;

function load(name: string): ScanFile {
  const text = readFileSync(fileURLToPath(new URL(`../docs/examples/${name}.quickscan.json`, import.meta.url)), 'utf8');
  const parsed = parseScanFile(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.file;
}

const GOLDEN = [
  {
    file: 'new-build-school-goes',
    themes: [
        ['A', 5, 8, 62.5, 2, 2, 2, 0],
        ['B', 7, 20, 35, 4, 4, 0, 0],
        ['C', 8, 20, 40, 4, 4, 0, 0],
        ['D', 8, 16, 50, 4, 4, 0, 0],
        ['E', 6, 16, 37.5, 4, 4, 0, 0],
        ['F', 3, 16, 18.7, 4, 4, 0, 0],
        ['G', 4, 16, 25, 4, 3, 0, 1],
        ['H', 8, 20, 40, 4, 4, 0, 0],
        ['I', 7, 16, 43.7, 4, 3, 0, 1],
      ] as const,
    total: { exact: r(33, 80), display: 41.2 },
    label: { reached: 'bronze', next: { id: 'silver', missingTotal: 8.8, missingTotalExact: r(7, 80), themesBelow: [{ theme: 'F', needed: 20, has: 18.7 }] } },
    unanswered: ['G2', 'I4'],
    notApplicable: ['A2', 'A4'],
    cost: { lowCents: -62060000, midCents: -11130000, highCents: 39800000 },
    frontier: { size: 715, first: [r(81, 560), { lowCents: -117360000, midCents: -68760000, highCents: -20160000 }], last: [r(34, 35), { lowCents: -47740000, midCents: 90390000, highCents: 228520000 }] },
    best: {
      budgetCents: 18000000,
      answers: { A1: 'l4', A3: 'l4', B1: 'l3', B2: 'l2', B3: 'l4', B4: 'l3', C1: 'l2', C2: 'l4', C3: 'l4', C4: 'l4', D1: 'l2', D2: 'l2', D3: 'l4', D4: 'l3', E1: 'l2', E2: 'l3', E3: 'l2', E4: 'l2', F1: 'l4', F2: 'l4', F3: 'l4', F4: 'l4', G1: 'l4', G2: 'l4', G3: 'l4', G4: 'l4', H1: 'l4', H2: 'l3', H3: 'l4', H4: 'l2', I1: 'l4', I2: 'l4', I3: 'l4', I4: 'l4' },
      total: r(229, 280),
      display: 81.7,
      label: 'platinum',
      cost: { lowCents: -82420000, midCents: 17750000, highCents: 117920000 },
      changes: 28,
    },
    perLabel: [
        ['bronze', r(197, 560), { lowCents: -116180000, midCents: -59255000, highCents: -2330000 }, 25],
        ['silver', r(1, 2), { lowCents: -112410000, midCents: -45245000, highCents: 21920000 }, 24],
        ['gold', r(13, 20), { lowCents: -102750000, midCents: -22175000, highCents: 58400000 }, 26],
        ['platinum', r(4, 5), { lowCents: -85780000, midCents: 12110000, highCents: 110000000 }, 29],
      ] as const,
    upgrades: [['A3', 'l3', 'l4', 1.7, -26400000], ['G2', null, 'l4', 1.7, 0], ['G2', null, 'l3', 1.3, 0]],
    prudentBest: [r(143, 280), { lowCents: -100370000, midCents: -41195000, highCents: 17980000 }],
  },
  {
    file: 'renovation-office-middelburg',
    themes: [
        ['A', 13, 20, 65, 4, 4, 0, 0],
        ['B', 9, 20, 45, 4, 4, 0, 0],
        ['C', 9, 20, 45, 4, 4, 0, 0],
        ['D', 9, 16, 56.2, 4, 4, 0, 0],
        ['E', 8, 16, 50, 4, 4, 0, 0],
        ['F', 7, 16, 43.7, 4, 4, 0, 0],
        ['G', 8, 16, 50, 4, 4, 0, 0],
        ['H', 13, 20, 65, 4, 4, 0, 0],
        ['I', 7, 16, 43.7, 4, 4, 0, 0],
      ] as const,
    total: { exact: r(29, 56), display: 51.7 },
    label: { reached: 'silver', next: { id: 'gold', missingTotal: 13.3, missingTotalExact: r(37, 280), themesBelow: [] } },
    unanswered: [],
    notApplicable: [],
    cost: { lowCents: -173663950, midCents: 5180850, highCents: 184025650 },
    frontier: { size: 730, first: [r(73, 560), { lowCents: -441454200, midCents: -264924825, highCents: -88395450 }], last: [r(1, 1), { lowCents: -304468300, midCents: 94192425, highCents: 492853150 }] },
    best: {
      budgetCents: 25000000,
      answers: { A1: 'l4', A2: 'l4', A3: 'l4', A4: 'l4', B1: 'l4', B2: 'l2', B3: 'l4', B4: 'l4', C1: 'l3', C2: 'l4', C3: 'l4', C4: 'l4', D1: 'l4', D2: 'l4', D3: 'l4', D4: 'l4', E1: 'l3', E2: 'l4', E3: 'l4', E4: 'l4', F1: 'l4', F2: 'l4', F3: 'l4', F4: 'l4', G1: 'l4', G2: 'l4', G3: 'l4', G4: 'l4', H1: 'l4', H2: 'l4', H3: 'l4', H4: 'l2', I1: 'l4', I2: 'l4', I3: 'l4', I4: 'l4' },
      total: r(107, 112),
      display: 95.5,
      label: 'platinum',
      cost: { lowCents: -338466550, midCents: 24365250, highCents: 387197050 },
      changes: 35,
    },
    perLabel: [
        ['bronze', r(7, 20), { lowCents: -441588600, midCents: -245954250, highCents: -50319900 }, 29],
        ['silver', r(1, 2), { lowCents: -450364850, midCents: -218839875, highCents: 12685100 }, 31],
        ['gold', r(13, 20), { lowCents: -431319450, midCents: -173084175, highCents: 85151100 }, 28],
        ['platinum', r(897, 1120), { lowCents: -398617300, midCents: -99336075, highCents: 199945150 }, 34],
      ] as const,
    upgrades: [['A3', 'l2', 'l4', 1.4, -109840500], ['A2', 'l3', 'l4', 1.4, -33998250], ['D3', 'l1', 'l2', 0.8, -523050]],
    prudentBest: [r(93, 160), { lowCents: -401205600, midCents: -188237200, highCents: 24731200 }],
  },
  {
    file: 'holiday-park-veere-na',
    themes: [
        ['A', 2, 4, 50, 1, 1, 3, 0],
        ['B', 11, 20, 55, 4, 4, 0, 0],
        ['C', 13, 20, 65, 4, 4, 0, 0],
        ['D', 10, 12, 83.3, 3, 3, 1, 0],
        ['E', 1, 12, 8.3, 3, 3, 1, 0],
        ['F', 7, 16, 43.7, 4, 4, 0, 0],
        ['G', 7, 16, 43.7, 4, 4, 0, 0],
        ['H', 13, 20, 65, 4, 4, 0, 0],
        ['I', 6, 16, 37.5, 4, 4, 0, 0],
      ] as const,
    total: { exact: r(107, 210), display: 50.9 },
    label: { reached: null, next: { id: 'bronze', missingTotal: 0, missingTotalExact: r(0, 1), themesBelow: [{ theme: 'E', needed: 10, has: 8.3 }] } },
    unanswered: [],
    notApplicable: ['A1', 'A2', 'A4', 'D2', 'E4'],
    cost: { lowCents: -30582875, midCents: 32394063, highCents: 95371000 },
    frontier: { size: 823, first: [r(89, 336), { lowCents: -157222425, midCents: -89953913, highCents: -22685400 }], last: [r(1, 1), { lowCents: -75000400, midCents: 93050163, highCents: 261100725 }] },
    best: {
      budgetCents: 12000000,
      answers: { A3: 'l4', B1: 'l3', B2: 'l1', B3: 'l4', B4: 'l3', C1: 'l2', C2: 'l4', C3: 'l4', C4: 'l4', D1: 'l3', D3: 'l4', D4: 'l4', E1: 'l2', E2: 'l3', E3: 'l3', F1: 'l4', F2: 'l4', F3: 'l4', F4: 'l4', G1: 'l3', G2: 'l4', G3: 'l4', G4: 'l4', H1: 'l4', H2: 'l4', H3: 'l4', H4: 'l2', I1: 'l4', I2: 'l4', I3: 'l4', I4: 'l4' },
      total: r(2881, 3360),
      display: 85.7,
      label: 'platinum',
      cost: { lowCents: -114699850, midCents: 11445738, highCents: 137591325 },
      changes: 28,
    },
    perLabel: [
        ['bronze', r(59, 168), { lowCents: -156307350, midCents: -83580175, highCents: -10853000 }, 24],
        ['silver', r(841, 1680), { lowCents: -153792275, midCents: -70318000, highCents: 13156275 }, 22],
        ['gold', r(437, 672), { lowCents: -143966150, midCents: -45894400, highCents: 52177350 }, 23],
        ['platinum', r(2689, 3360), { lowCents: -125097325, midCents: -8088913, highCents: 108919500 }, 26],
      ] as const,
    upgrades: [['A3', 'l2', 'l4', 7.1, -66165750], ['A3', 'l2', 'l3', 3.5, -31507500], ['G2', 'l1', 'l4', 1.3, -300000]],
    prudentBest: [r(449, 840), { lowCents: -140944800, midCents: -64582700, highCents: 11779400 }],
  },
];

describe('v1 definition', () => {
  it('is valid, and the examples cite it by its hash', () => {
    expect(validateDefinition(v1).ok).toBe(true);
    const hash = sha256Hex(canonicalJson(v1));
    for (const g of GOLDEN) {
      const file = load(g.file);
      expect(file.method).toEqual({ id: 'zeeland-quickscan', version: '1.0.0', sha256: hash });
    }
  });
});

describe('the independent recomputation (scripts/golden-recompute.py)', () => {
  const frac = ([num, den]: readonly number[]) => r(num!, den!);
  it.each(GOLDEN)('agrees with every golden figure it recomputes: $file', (g) => {
    const x = (recomputed as Record<string, (typeof recomputed)['new-build-school-goes']>)[g.file]!;
    expect(x.themes).toEqual(g.themes);
    expect({ exact: frac(x.total.exact), display: x.total.display }).toEqual(g.total);
    expect(x.cost).toEqual(g.cost);
    expect(x.frontier.size).toBe(g.frontier.size);
    expect([frac(x.frontier.first[0] as number[]), x.frontier.first[1]]).toEqual([g.frontier.first[0], (g.frontier.first[1] as { midCents: number }).midCents]);
    expect([frac(x.frontier.last[0] as number[]), x.frontier.last[1]]).toEqual([g.frontier.last[0], (g.frontier.last[1] as { midCents: number }).midCents]);
    expect([x.best.budgetCents, frac(x.best.total), x.best.midCents]).toEqual([g.best.budgetCents, g.best.total, g.best.cost.midCents]);
  });
});

describe.each(GOLDEN)('golden: $file', (g) => {
  const file = load(g.file);
  const input = { project: file.project, answers: file.scan.answers, costOverrides: file.scan.costOverrides };
  const options = { locked: file.scan.locked };

  it('scores', () => {
    const s = scoreScan(def, input);
    expect(s.themes.map((t) => [t.id, t.points, t.max, t.display, t.applicable, t.answered, t.notApplicable, t.unanswered])).toEqual(g.themes);
    expect(s.total).toEqual(g.total);
    expect(s.label).toEqual(g.label);
    expect(s.unanswered).toEqual(g.unanswered);
    expect(s.notApplicable).toEqual(g.notApplicable);
    expect(s.cost).toEqual(g.cost);
  });

  const o = optimize(def, input, options);

  it('frontier', () => {
    expect(o.frontier.points.length).toBe(g.frontier.size);
    const first = o.frontier.points[0]!;
    const last = o.frontier.points[o.frontier.points.length - 1]!;
    expect([first.total!.exact, first.cost]).toEqual(g.frontier.first);
    expect([last.total!.exact, last.cost]).toEqual(g.frontier.last);
    expect(o.frontier.current.total).toEqual(g.total);
    expect(o.frontier.current.cost).toEqual(g.cost);
  });

  it('best within the budget', () => {
    const b = o.best!;
    expect(b.budgetCents).toBe(g.best.budgetCents);
    expect(b.plan!.answers).toEqual(g.best.answers);
    expect(b.plan!.score.total).toEqual({ exact: g.best.total, display: g.best.display });
    expect(b.plan!.score.label.reached).toBe(g.best.label);
    expect(b.plan!.cost).toEqual(g.best.cost);
    expect(b.plan!.changes.length).toBe(g.best.changes);
    for (const q of file.scan.locked ?? []) expect(b.plan!.answers[q]).toBe((file.scan.answers[q] as { level: string }).level);
  });

  it('cheapest per label', () => {
    expect(o.perLabel.map((l) => [l.label, l.plan!.score.total!.exact, l.plan!.cost, l.plan!.changes.length])).toEqual(g.perLabel);
    for (const l of o.perLabel) expect(l.plan!.score.label.reached).toBe(l.label);
  });

  it('upgrades', () => {
    expect(o.upgrades.slice(0, 3).map((u) => [u.question, u.from, u.to, u.deltaTotal.display, u.deltaCost.midCents])).toEqual(g.upgrades);
  });

  it('prudent mode', () => {
    const p = optimize(def, input, { ...options, prudent: true }).best!.plan!;
    expect([p.score.total!.exact, p.cost]).toEqual(g.prudentBest);
    expect(p.cost.highCents).toBeLessThanOrEqual(g.best.budgetCents);
  });
});
