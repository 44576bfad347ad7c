import { describe, expect, it } from 'vitest';
import { getDefinition } from '../forms/registry';
import { compareRevisions, type RevisionLike } from './compare';
import type { Answer } from './scan-file';
import type { ScoringDefinition } from './types';

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

const EVIDENCE = (name: string) => [
  { id: '0b7e4a3c-1d2f-4a5b-8c6d-7e8f9a0b1c2d', name, type: 'application/pdf', size: 1000, sha256: 'a'.repeat(64), addedAt: '2026-11-01T10:00:00.000Z' },
];

function revision(gfaM2: number, answers: Record<string, Answer>, phase: string): RevisionLike {
  return { project: { kind: 'new_build', gfaM2, phase }, scan: { answers }, phase };
}

const TENDER = revision(
  100,
  {
    Q1: { level: 'a2', evidence: EVIDENCE('detail.pdf') },
    Q2: { level: 'b1', note: 'claimed in the bid' },
    Q3: { level: 'c2', evidence: EVIDENCE('contract.pdf') },
  },
  'tender',
);
const DELIVERY = revision(
  120,
  {
    Q1: { level: 'a1', evidence: EVIDENCE('photo.pdf') },
    Q2: { notApplicable: true },
    Q3: { level: 'c1', note: 'glued after all' },
  },
  'delivery',
);

describe('compareRevisions', () => {
  it('compares every question, theme, the total and the label (literal figures)', () => {
    const c = compareRevisions(TENDER, DELIVERY, DEF);
    expect(c.differentDefinitions).toBe(false);
    expect(c.onlyInA).toEqual([]);
    expect(c.onlyInB).toEqual([]);
    expect(c.questions).toEqual([
      {
        question: 'Q1',
        theme: 'T1',
        before: { level: { id: 'a2', index: 2, points: 4 }, points: 4, cost: { lowCents: 10000, highCents: 20000 }, evidence: 'evidenced', evidenceCount: 1, note: null },
        after: { level: { id: 'a1', index: 1, points: 2 }, points: 2, cost: { lowCents: 10000, highCents: 30000 }, evidence: 'evidenced', evidenceCount: 1, note: null },
        pointsDelta: -2,
        costDelta: { lowCents: 0, highCents: 10000 },
        noteChanged: false,
        evidenceChanged: false, // same sha256 (a test shortcut): the same file
      },
      {
        question: 'Q2',
        theme: 'T1',
        before: { level: { id: 'b1', index: 1, points: 1 }, points: 1, cost: { lowCents: 5000, highCents: 5000 }, evidence: 'claimed', evidenceCount: 0, note: 'claimed in the bid' },
        after: { level: null, points: 0, cost: { lowCents: 0, highCents: 0 }, evidence: 'na', evidenceCount: 0, note: null },
        pointsDelta: -1,
        costDelta: { lowCents: -5000, highCents: -5000 },
        noteChanged: true,
        evidenceChanged: false,
      },
      {
        question: 'Q3',
        theme: 'T2',
        // 2-4 EUR/m² x 100 m²; then 0.50-1.50 EUR/m² x 120 m²
        before: { level: { id: 'c2', index: 2, points: 6 }, points: 6, cost: { lowCents: 20000, highCents: 40000 }, evidence: 'evidenced', evidenceCount: 1, note: null },
        after: { level: { id: 'c1', index: 1, points: 3 }, points: 3, cost: { lowCents: 6000, highCents: 18000 }, evidence: 'claimed', evidenceCount: 0, note: 'glued after all' },
        pointsDelta: -3,
        costDelta: { lowCents: -14000, highCents: -22000 },
        noteChanged: true,
        evidenceChanged: true,
      },
    ]);
    // T1: 5/5 -> 2/4 (Q2 not applicable leaves the maximum); T2: 6/6 -> 3/6
    expect(c.themes).toEqual([
      { theme: 'T1', inA: true, inB: true, before: { exact: { num: 1n, den: 1n }, display: 100 }, after: { exact: { num: 1n, den: 2n }, display: 50 }, delta: { exact: { num: -1n, den: 2n }, display: -50 } },
      { theme: 'T2', inA: true, inB: true, before: { exact: { num: 1n, den: 1n }, display: 100 }, after: { exact: { num: 1n, den: 2n }, display: 50 }, delta: { exact: { num: -1n, den: 2n }, display: -50 } },
    ]);
    expect(c.total).toEqual({ before: { exact: { num: 1n, den: 1n }, display: 100 }, after: { exact: { num: 1n, den: 2n }, display: 50 }, delta: { exact: { num: -1n, den: 2n }, display: -50 } });
    expect(c.label).toEqual({ before: 'silver', after: 'bronze', change: 'down' });
    expect(c.downgrades).toEqual([
      { question: 'Q1', theme: 'T1', from: { id: 'a2', index: 2, points: 4 }, to: { id: 'a1', index: 1, points: 2 }, pointsDelta: -2, kind: 'lower-level' },
      { question: 'Q2', theme: 'T1', from: { id: 'b1', index: 1, points: 1 }, to: null, pointsDelta: -1, kind: 'not-applicable' },
      { question: 'Q3', theme: 'T2', from: { id: 'c2', index: 2, points: 6 }, to: { id: 'c1', index: 1, points: 3 }, pointsDelta: -3, kind: 'lower-level' },
    ]);
    expect(c.promisedVsDelivered.map((r) => [r.question, r.promised?.id ?? null, r.delivered?.id ?? null, r.status])).toEqual([
      ['Q1', 'a2', 'a1', 'not-met'],
      ['Q2', 'b1', null, 'not-met'],
      ['Q3', 'c2', 'c1', 'not-met'],
    ]);
    expect(c.promiseCounts).toEqual({ met: 0, exceeded: 0, 'not-met': 3, 'not-assessed': 0 });
    expect(c.a).toMatchObject({ phase: 'tender', gfaM2: 100, label: 'silver', cost: { lowCents: 35000, midCents: 50000, highCents: 65000 } });
    expect(c.b).toMatchObject({ phase: 'delivery', gfaM2: 120, label: 'bronze', cost: { lowCents: 16000, midCents: 32000, highCents: 48000 } });
  });

  it('met, exceeded and not assessed; a fractional delta keeps the exact value and the shown figures add up', () => {
    const a = revision(100, { Q1: { level: 'a1' }, Q3: { level: 'c1' } }, 'DO');
    const b = revision(100, { Q1: { level: 'a1' }, Q2: { level: 'b1' }, Q3: { level: 'c2' } }, 'execution');
    const c = compareRevisions(a, b, DEF);
    expect(c.promisedVsDelivered.map((r) => [r.question, r.status])).toEqual([
      ['Q1', 'met'],
      ['Q2', 'not-assessed'], // nothing was promised
      ['Q3', 'exceeded'],
    ]);
    expect(c.downgrades).toEqual([]);
    // a: T1 2/5, T2 3/6 -> (2/5 + 2 * 1/2) / 3 = 7/15 = 46.66..; b: T1 3/5, T2 1 -> (3/5 + 2) / 3 = 13/15 = 86.66..
    expect(c.total.before).toEqual({ exact: { num: 7n, den: 15n }, display: 46.6 });
    expect(c.total.after).toEqual({ exact: { num: 13n, den: 15n }, display: 86.6 });
    expect(c.total.delta).toEqual({ exact: { num: 2n, den: 5n }, display: 40 });
    expect(c.label).toEqual({ before: 'bronze', after: 'silver', change: 'up' });

    // delivered but not yet answered: not assessed, and a downgrade ("unanswered")
    const d = compareRevisions(a, revision(100, { Q3: { level: 'c1' } }, 'delivery'), DEF);
    expect(d.promisedVsDelivered.map((r) => r.status)).toEqual(['not-assessed', 'not-assessed', 'met']);
    expect(d.downgrades).toEqual([{ question: 'Q1', theme: 'T1', from: { id: 'a1', index: 1, points: 2 }, to: null, pointsDelta: -2, kind: 'unanswered' }]);
    expect(d.questions[0]!.after!.evidence).toBe('unanswered');
  });

  it('different definition versions: matched by id, questions on one side listed', () => {
    const defB: ScoringDefinition = {
      ...DEF,
      questions: [
        DEF.questions[0]!,
        DEF.questions[2]!,
        { id: 'Q4', theme: 'T2', appliesTo: ALL, allowNotApplicable: false, levels: [{ id: 'd0', points: 0, cost: lump(0, 0) }, { id: 'd1', points: 2, cost: lump(10, 20) }] },
      ],
    };
    const b = revision(100, { Q1: { level: 'a1' }, Q3: { level: 'c2' }, Q4: { level: 'd1' } }, 'delivery');
    const c = compareRevisions(TENDER, b, DEF, defB);
    expect(c.differentDefinitions).toBe(true);
    expect(c.onlyInA).toEqual(['Q2']);
    expect(c.onlyInB).toEqual(['Q4']);
    expect(c.questions.map((q) => [q.question, q.before?.level?.id ?? null, q.after?.level?.id ?? null, q.pointsDelta])).toEqual([
      ['Q1', 'a2', 'a1', -2],
      ['Q2', 'b1', null, null],
      ['Q3', 'c2', 'c2', 0],
      ['Q4', null, 'd1', null],
    ]);
    expect(c.questions[1]!.after).toBeNull();
    expect(c.questions[3]!.before).toBeNull();
    expect(c.promisedVsDelivered.map((r) => [r.question, r.status])).toEqual([
      ['Q1', 'not-met'],
      ['Q2', 'not-assessed'],
      ['Q3', 'met'],
    ]);
    // b: T1 2/4, T2 8/8 -> (1/2 + 2) / 3 = 5/6
    expect(c.total.after).toEqual({ exact: { num: 5n, den: 6n }, display: 83.3 });
    expect(c.total.delta).toEqual({ exact: { num: -1n, den: 6n }, display: -16.7 });
  });

  it('a question answered with a level that does not apply to the kind counts as not applicable', () => {
    const def: ScoringDefinition = { ...DEF, questions: [{ ...DEF.questions[0]!, appliesTo: ['renovation'] }, DEF.questions[1]!, DEF.questions[2]!] };
    const c = compareRevisions(revision(100, { Q1: { level: 'a2' }, Q3: { level: 'c1' } }, 'VO'), revision(100, { Q3: { level: 'c1' } }, 'DO'), def);
    expect(c.questions[0]).toMatchObject({ before: { evidence: 'na', level: null, points: 0 }, after: { evidence: 'na' }, pointsDelta: 0 });
    expect(c.promisedVsDelivered[0]!.status).toBe('not-assessed');
  });

  it('on the released method: a revision compared with itself changes nothing', async () => {
    const def = getDefinition('zeeland-quickscan', '1.0.0')!.definition;
    const { readFileSync } = await import('node:fs');
    const content = JSON.parse(readFileSync(new URL('../docs/examples/issued/new-build-school-goes.quickscan-issued.json', import.meta.url), 'utf8')).content;
    const c = compareRevisions(content, content, def);
    expect(c.downgrades).toEqual([]);
    expect(c.label.change).toBe('same');
    expect(c.themes.every((t) => t.delta === null || t.delta.display === 0)).toBe(true);
    expect(c.questions).toHaveLength(def.questions.length);
    expect(c.promiseCounts['not-met'] + c.promiseCounts.exceeded).toBe(0);
    expect(c.a.phase).toBe('VO');
  });
});

describe('evidence files in a re-validation', () => {
  const file = (name: string, hex: string) => ({ id: '0b7e4a3c-1d2f-4a5b-8c6d-7e8f9a0b1c2d', name, type: 'application/pdf', size: 1000, sha256: hex.repeat(64), addedAt: '2026-11-01T10:00:00.000Z' });
  const bid = revision(100, { Q1: { level: 'a2', evidence: [file('detail.pdf', 'a'), file('calc.pdf', 'b')] }, Q3: { level: 'c2', evidence: [file('contract.pdf', 'c')] } }, 'tender');
  const delivered = revision(100, { Q1: { level: 'a2', evidence: [file('detail.pdf', 'a')] }, Q3: { level: 'c2', evidence: [file('contract.pdf', 'c')] } }, 'delivery');

  it('tells supplied, referenced but not supplied, and withdrawn files apart', () => {
    const c = compareRevisions(bid, delivered, DEF, DEF, { supplied: new Set(['a'.repeat(64)]) });
    expect(c.evidenceFiles.map((r) => [r.question, r.name, r.state])).toEqual([
      ['Q1', 'detail.pdf', 'supplied'],
      ['Q1', 'calc.pdf', 'withdrawn'],
      ['Q3', 'contract.pdf', 'not-supplied'],
    ]);
    expect(c.evidenceCounts).toEqual({ supplied: 1, 'not-supplied': 1, withdrawn: 1 });
  });

  it('never reads a missing dossier as a downgrade: the same signed references, no files at hand', () => {
    const c = compareRevisions(bid, bid, DEF, DEF);
    expect(c.evidenceCounts).toEqual({ supplied: 0, 'not-supplied': 3, withdrawn: 0 });
    expect(c.downgrades).toEqual([]);
    expect(c.questions.every((q) => !q.evidenceChanged && q.after?.evidence !== 'claimed')).toBe(true);
    expect(c.promiseCounts['not-met']).toBe(0);
  });
});
