import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDefinition } from '../forms/registry';
import {
  cheapestCompliance,
  checkCompliance,
  complianceDefinition,
  fictitiousDiscountCents,
  type ComplianceOptions,
} from './compliance';
import { ProfileMismatchError, type ProfileContent } from './profile';
import type { Answer, CostOverride } from './scan-file';
import { scoreScan, type ScanInput } from './score';
import type { ProjectKind, ScoringDefinition } from './types';

const ALL = ['new_build', 'renovation', 'extension'] as const;
const lump = (low: number, high: number) => ({ basis: 'lump_sum' as const, low, high });
const perM2 = (low: number, high: number) => ({ basis: 'per_m2_gfa' as const, low, high });

const DEF: ScoringDefinition = {
  themes: [
    { id: 'T1', weight: 1 },
    { id: 'T2', weight: 2 },
  ],
  questions: [
    {
      id: 'Q1',
      theme: 'T1',
      appliesTo: ALL,
      allowNotApplicable: false,
      levels: [
        { id: 'a0', points: 0, cost: lump(0, 0) },
        { id: 'a1', points: 2, cost: lump(100, 300) },
        { id: 'a2', points: 4, cost: perM2(1, 2) },
      ],
    },
    {
      id: 'Q2',
      theme: 'T1',
      appliesTo: ALL,
      allowNotApplicable: true,
      levels: [
        { id: 'b0', points: 0, cost: lump(0, 0) },
        { id: 'b1', points: 1, cost: lump(50, 50) },
      ],
    },
    {
      id: 'Q3',
      theme: 'T2',
      appliesTo: ALL,
      allowNotApplicable: false,
      levels: [
        { id: 'c0', points: 0, cost: lump(0, 0) },
        { id: 'c1', points: 3, cost: perM2(0.5, 1.5) },
        { id: 'c2', points: 6, cost: perM2(2, 4) },
      ],
    },
  ],
  labels: [
    { id: 'bronze', minTotal: 30, minPerTheme: 0 },
    { id: 'silver', minTotal: 60, minPerTheme: 40 },
  ],
};

const PROFILE: ProfileContent = {
  format: 'quickscan-requirement-profile',
  formatVersion: 1,
  id: '3f1c2b8e-5a4d-4e6f-9a7b-1c2d3e4f5a6b',
  tender: { name: 'Test', reference: 'T-1' },
  contractingAuthority: 'Test authority',
  created: '2026-11-02',
  method: { id: 'test', version: '1.0.0', sha256: '0'.repeat(64) },
  minimumLabel: 'silver',
  themeMinimums: { T2: 60 },
  mustHaves: [
    { question: 'Q1', minLevel: 'a1' },
    { question: 'Q2', minLevel: 'b1' },
  ],
  valuePerPointEur: 1234.56,
  signer: { name: 'Test', role: '', publicKey: 's4FwCxZrvgRqLPRt3LqEtq1aRtsuy7bAn5hZrH7I8mI' },
};

const scan = (answers: Record<string, Answer>, costOverrides?: CostOverride[]): ScanInput => ({ project: { kind: 'new_build', gfaM2: 100 }, answers, costOverrides });

describe('checkCompliance', () => {
  it('a compliant scan, with the fictitious discount', () => {
    const r = checkCompliance(DEF, scan({ Q1: { level: 'a2' }, Q2: { level: 'b1' }, Q3: { level: 'c2' } }), PROFILE);
    expect(r.compliant).toBe(true);
    expect(r.label).toEqual({ required: 'silver', reached: 'silver', met: true });
    expect(r.themes).toEqual([{ theme: 'T2', required: 60, has: 100, hasExact: { num: 1n, den: 1n }, met: true }]);
    expect(r.mustHaves).toEqual([
      { question: 'Q1', required: { id: 'a1', points: 2 }, current: { id: 'a2', points: 4 }, status: 'met', met: true },
      { question: 'Q2', required: { id: 'b1', points: 1 }, current: { id: 'b1', points: 1 }, status: 'met', met: true },
    ]);
    // 100.0 points x EUR 1,234.56
    expect(r.fictitiousDiscountCents).toBe(12_345_600);
    expect(r.missing).toEqual([]);
  });

  it('every kind of gap; a must-have marked not applicable is not met; no discount when not compliant', () => {
    // T1 4/4 (Q2 not applicable), T2 3/6: total (1 + 2 * 1/2) / 3 = 2/3 -> 66.6, silver
    const r = checkCompliance(DEF, scan({ Q1: { level: 'a2' }, Q2: { notApplicable: true }, Q3: { level: 'c1' } }), PROFILE);
    expect(r.compliant).toBe(false);
    expect(r.label).toEqual({ required: 'silver', reached: 'silver', met: true });
    expect(r.themes).toEqual([{ theme: 'T2', required: 60, has: 50, hasExact: { num: 1n, den: 2n }, met: false }]);
    expect(r.mustHaves[1]).toEqual({ question: 'Q2', required: { id: 'b1', points: 1 }, current: null, status: 'not-applicable', met: false });
    expect(r.fictitiousDiscountCents).toBeNull();
    expect(r.missing).toEqual([
      { kind: 'theme', theme: 'T2', required: 60, has: 50 },
      { kind: 'must-have', question: 'Q2', requiredLevel: 'b1', currentLevel: null, status: 'not-applicable' },
    ]);

    const low = checkCompliance(DEF, scan({ Q1: { level: 'a0' }, Q3: { level: 'c1' } }), PROFILE);
    expect(low.missing).toEqual([
      { kind: 'label', required: 'silver', reached: 'bronze' },
      { kind: 'theme', theme: 'T2', required: 60, has: 50 },
      { kind: 'must-have', question: 'Q1', requiredLevel: 'a1', currentLevel: 'a0', status: 'below' },
      { kind: 'must-have', question: 'Q2', requiredLevel: 'b1', currentLevel: null, status: 'unanswered' },
    ]);
  });

  it('a must-have that does not apply to the project kind is not met; a profile that does not fit throws', () => {
    const def: ScoringDefinition = { ...DEF, questions: [{ ...DEF.questions[0]!, appliesTo: ['renovation'] }, DEF.questions[1]!, DEF.questions[2]!] };
    const r = checkCompliance(def, scan({ Q2: { level: 'b1' }, Q3: { level: 'c2' } }), PROFILE);
    expect(r.mustHaves[0]!.status).toBe('not-applicable');
    expect(cheapestCompliance(def, scan({ Q2: { level: 'b1' }, Q3: { level: 'c2' } }), PROFILE)).toBeNull();
    expect(() => checkCompliance(DEF, scan({}), { ...PROFILE, minimumLabel: 'gold' })).toThrow(ProfileMismatchError);
    expect(() => checkCompliance(DEF, scan({}), { ...PROFILE, mustHaves: [{ question: 'Q1', minLevel: 'zz' }] })).toThrow(/mustHaves\[0\]\.minLevel: unknown-level/);
  });

  it('no score at all is never compliant', () => {
    const def: ScoringDefinition = { ...DEF, questions: [{ ...DEF.questions[1]! }] };
    const r = checkCompliance(def, scan({ Q2: { notApplicable: true } }), { ...PROFILE, minimumLabel: undefined, themeMinimums: undefined, mustHaves: [] });
    expect(r.compliant).toBe(false);
    expect(r.missing).toEqual([{ kind: 'no-score' }]);
  });

  it('fictitious discount: displayed total x value per point, rounded down to cents', () => {
    expect(fictitiousDiscountCents(66.6, 1234.56)).toBe(8_222_169); // 82,221.696 EUR
    expect(fictitiousDiscountCents(100, 2500)).toBe(25_000_000);
    expect(fictitiousDiscountCents(0, 2500)).toBe(0);
    expect(fictitiousDiscountCents(72.3, 0.01)).toBe(72);
  });
});

describe('cheapestCompliance', () => {
  it('raises must-haves (also one marked not applicable) and themes at the lowest cost', () => {
    const current = scan({ Q1: { level: 'a2', note: 'kept' }, Q2: { notApplicable: true }, Q3: { level: 'c1', note: 'glued' } });
    const derived = complianceDefinition(DEF, PROFILE);
    expect(derived.questions.map((q) => q.levels.map((l) => l.id))).toEqual([['a1', 'a2'], ['b1'], ['c0', 'c1', 'c2']]);
    expect(derived.labels).toEqual([{ id: 'tender-profile', minTotal: 60, minPerTheme: 0, themeMinimums: { T1: 40, T2: 60 } }]);

    const plan = cheapestCompliance(DEF, current, PROFILE)!;
    expect(plan.levels).toEqual({ Q1: 'a2', Q2: 'b1', Q3: 'c2' });
    expect(plan.answers).toEqual({ Q1: { level: 'a2', note: 'kept' }, Q2: { level: 'b1' }, Q3: { level: 'c2', note: 'glued' } });
    expect(plan.changes).toEqual([
      { question: 'Q2', from: null, fromNotApplicable: true, to: 'b1' },
      { question: 'Q3', from: 'c1', fromNotApplicable: false, to: 'c2' },
    ]);
    // Q1 a2 100-200, Q2 b1 50, Q3 c2 200-400 EUR
    expect(plan.cost).toEqual({ lowCents: 35_000, midCents: 50_000, highCents: 65_000 });
    expect(plan.compliance.compliant).toBe(true);
    expect(plan.compliance.fictitiousDiscountCents).toBe(12_345_600);
    expect(plan.score.label.reached).toBe('silver');

    // locked answers that cannot comply: no plan
    expect(cheapestCompliance(DEF, current, PROFILE, { locked: ['Q2'] })).toBeNull();
    expect(cheapestCompliance(DEF, current, PROFILE, { locked: ['Q3'] })).toBeNull();
    expect(cheapestCompliance(DEF, scan({ Q1: { level: 'a0' } }), PROFILE, { locked: ['Q1'] })).toBeNull();
    expect(cheapestCompliance(DEF, scan({}), PROFILE, { locked: ['Q1'] })).toBeNull();
    // a cost override of a level the profile removes is dropped; one that stays counts
    const cheapA1 = cheapestCompliance(DEF, scan({}, [{ question: 'Q1', level: 'a1', cost: lump(0, 0) }, { question: 'Q1', level: 'a0', cost: lump(-999, -999) }]), PROFILE)!;
    expect(cheapA1.levels.Q1).toBe('a1');
    expect(cheapA1.cost.lowCents).toBe(0 + 5_000 + 20_000); // the a0 override (a removed level) neither counts nor fails
  });

  it('on the released method: the plan scored on the original definition complies', () => {
    const loaded = getDefinition('zeeland-quickscan', '1.0.0')!;
    const profile: ProfileContent = {
      ...PROFILE,
      method: { id: 'zeeland-quickscan', version: '1.0.0', sha256: loaded.sha256 },
      minimumLabel: 'gold',
      themeMinimums: { C: 50, F: 50 },
      mustHaves: [
        { question: 'C1', minLevel: 'l3' },
        { question: 'D2', minLevel: 'l2' },
        { question: 'G1', minLevel: 'l2' },
      ],
    };
    const input: ScanInput = { project: { kind: 'new_build', gfaM2: 2400 }, answers: { D2: { notApplicable: true }, C1: { level: 'l1' } } };
    for (const prudent of [false, true]) {
      const plan = cheapestCompliance(loaded.definition, input, profile, { prudent })!;
      expect(plan).not.toBeNull();
      const check = checkCompliance(loaded.definition, { ...input, answers: plan.answers }, profile);
      expect(check.compliant).toBe(true);
      expect(check.label.reached === 'gold' || check.label.reached === 'platinum').toBe(true);
      expect(plan.levels.C1 === 'l3' || plan.levels.C1 === 'l4').toBe(true);
      expect(plan.changes.find((c) => c.question === 'D2')).toMatchObject({ fromNotApplicable: true });
    }
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Property test: brute force on small random definitions                                     */
/* ------------------------------------------------------------------------------------------ */

const KINDS: ProjectKind[] = ['new_build', 'renovation', 'extension'];
const eur = fc.integer({ min: -3000, max: 3000 }).map((c) => c / 100);
const cost = fc
  .record({ basis: fc.constantFrom('per_m2_gfa' as const, 'lump_sum' as const), a: eur, b: eur })
  .map(({ basis, a, b }) => ({ basis, low: Math.min(a, b), high: Math.max(a, b) }));

interface Case {
  def: ScoringDefinition;
  input: ScanInput;
  profile: ProfileContent;
  options: ComplianceOptions;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    nThemes: fc.integer({ min: 1, max: 3 }),
    weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
    questions: fc.array(
      fc.record({
        theme: fc.nat(2),
        levels: fc.array(fc.record({ points: fc.integer({ min: 0, max: 4 }), cost }), { minLength: 2, maxLength: 4 }),
        appliesTo: fc.subarray(KINDS, { minLength: 1 }),
        allowNotApplicable: fc.boolean(),
        answer: fc.oneof(fc.constant<'none' | 'na'>('none'), fc.constant<'none' | 'na'>('na'), fc.nat(3)),
        locked: fc.integer({ min: 0, max: 4 }),
        mustHave: fc.option(fc.nat(3), { nil: undefined }),
        override: fc.option(fc.record({ level: fc.nat(3), cost }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    labels: fc.array(
      fc.record({
        minTotal: fc.integer({ min: 0, max: 100 }),
        minPerTheme: fc.integer({ min: 0, max: 100 }),
        override: fc.option(fc.tuple(fc.nat(2), fc.integer({ min: 0, max: 100 })), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    requiredLabel: fc.option(fc.nat(2), { nil: undefined }),
    themeMinimums: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    kind: fc.constantFrom(...KINDS),
    gfaM2: fc.integer({ min: 1, max: 200_000 }).map((c) => c / 100),
    prudent: fc.boolean(),
  })
  .map((r): Case => {
    const themes = Array.from({ length: r.nThemes }, (_, i) => ({ id: `T${i}`, weight: r.weights[i]! }));
    const answers: Record<string, Answer> = {};
    const costOverrides: CostOverride[] = [];
    const locked: string[] = [];
    const mustHaves: { question: string; minLevel: string }[] = [];
    const questions = r.questions.map((q, i) => {
      const id = `Q${i}`;
      const levels = q.levels.map((l, li) => ({ id: `l${li}`, points: l.points, cost: l.cost }));
      if (q.answer === 'na') {
        if (q.allowNotApplicable) answers[id] = { notApplicable: true };
      } else if (q.answer !== 'none') {
        answers[id] = { level: `l${q.answer % levels.length}` };
      }
      if (q.locked === 0) locked.push(id); // one in five
      if (q.mustHave !== undefined) mustHaves.push({ question: id, minLevel: `l${q.mustHave % levels.length}` });
      if (q.override) costOverrides.push({ question: id, level: `l${q.override.level % levels.length}`, cost: q.override.cost });
      return { id, theme: `T${q.theme % r.nThemes}`, appliesTo: q.appliesTo, allowNotApplicable: q.allowNotApplicable, levels };
    });
    const labels = r.labels.map((l, i) => ({
      id: `L${i}`,
      minTotal: l.minTotal,
      minPerTheme: l.minPerTheme,
      ...(l.override ? { themeMinimums: { [`T${l.override[0] % r.nThemes}`]: l.override[1] } } : {}),
    }));
    const themeMinimums: Record<string, number> = {};
    r.themeMinimums.slice(0, r.nThemes).forEach((m, i) => {
      if (m !== undefined) themeMinimums[`T${i}`] = m;
    });
    const profile: ProfileContent = {
      ...PROFILE,
      minimumLabel: r.requiredLabel !== undefined && labels.length > 0 ? labels[r.requiredLabel % labels.length]!.id : undefined,
      themeMinimums,
      mustHaves,
    };
    return {
      def: { themes, questions, labels },
      input: { project: { kind: r.kind, gfaM2: r.gfaM2 }, answers, costOverrides },
      profile,
      options: { prudent: r.prudent, locked },
    };
  });

/** Every assignment the rules allow, the cheapest compliant one's cost figure (half-cents), by enumeration. */
function bruteCheapest(c: Case): bigint | null {
  const { def, input, profile, options } = c;
  const must = new Set(profile.mustHaves.map((m) => m.question));
  const locked = new Set(options.locked ?? []);
  const choices: (Answer | undefined)[][] = def.questions.map((q) => {
    const current = input.answers[q.id];
    const applies = q.appliesTo.includes(input.project.kind);
    if (!applies) return [current];
    const na = current !== undefined && 'notApplicable' in current;
    if (locked.has(q.id)) return [current];
    if (na && !must.has(q.id)) return [current];
    return q.levels.map((l) => ({ level: l.id }));
  });
  let best: bigint | null = null;
  const pick: (Answer | undefined)[] = [];
  const rec = (i: number) => {
    if (i === def.questions.length) {
      const answers: Record<string, Answer> = {};
      def.questions.forEach((q, k) => {
        if (pick[k] !== undefined) answers[q.id] = pick[k]!;
      });
      const scanInput = { ...input, answers };
      if (!checkCompliance(def, scanInput, profile).compliant) return;
      const { lowCents, highCents } = scoreScan(def, scanInput).cost;
      const figure = options.prudent ? 2n * BigInt(highCents) : BigInt(lowCents) + BigInt(highCents);
      if (best === null || figure < best) best = figure;
      return;
    }
    for (const choice of choices[i]!) {
      pick[i] = choice;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

describe('cheapestCompliance = brute force on small random definitions', () => {
  it('the plan complies on the original definition, and no compliant assignment is cheaper', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const plan = cheapestCompliance(c.def, c.input, c.profile, c.options);
        const brute = bruteCheapest(c);
        if (brute === null) {
          expect(plan).toBeNull();
          return;
        }
        expect(plan).not.toBeNull();
        const rescored = checkCompliance(c.def, { ...c.input, answers: plan!.answers }, c.profile);
        expect(rescored.compliant).toBe(true);
        const figure = c.options.prudent ? 2n * BigInt(plan!.cost.highCents) : BigInt(plan!.cost.lowCents) + BigInt(plan!.cost.highCents);
        expect(figure).toBe(brute);
        // locked questions and not-applicable facts are kept
        for (const id of c.options.locked ?? []) expect(plan!.answers[id]).toEqual(c.input.answers[id]);
        for (const [id, a] of Object.entries(c.input.answers)) {
          if ('notApplicable' in a && !c.profile.mustHaves.some((m) => m.question === id)) expect(plan!.answers[id]).toEqual(a);
        }
      }),
      { seed: Number(process.env.PROPERTY_SEED ?? 20261123), numRuns: Number(process.env.PROPERTY_RUNS ?? 500) },
    );
  });
});
