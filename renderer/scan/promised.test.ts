import { describe, expect, it } from 'vitest';
import { exampleScan, issueV2 } from '../../report/fixtures/example';
import type { RevisionRecord } from '../db/records';
import { promisedLevels } from './promised';
import { parseAmbition, withAmbition } from '../components/AmbitionForm';

const record = (phase: string, tamper = false): RevisionRecord => {
  const env = structuredClone(issueV2(exampleScan(), { input: { phase: phase as never } }));
  if (tamper) env.content.assumptions = 'Anders';
  return { id: `${phase}-${tamper}`, projectId: 'p', scanId: 's', referenceCode: env.referenceCode, contentHash: env.contentHash, phase, issuedAt: env.content.issuedAt, envelope: env };
};

describe('promisedLevels (what a delivery-phase scan shows on each question)', () => {
  it('takes the latest intact revision of an earlier phase, with levels, not-applicable and unanswered', () => {
    const tender = record('tender');
    const promised = promisedLevels([record('VO'), tender, record('delivery')], 'delivery');
    expect(promised?.referenceCode).toBe(tender.referenceCode);
    const kinds = new Set([...promised!.answers.values()].map((a) => a.kind));
    expect(kinds.has('level')).toBe(true);
    const answers = (tender.envelope as ReturnType<typeof issueV2>).content.scan.answers;
    const [q, a] = Object.entries(answers).find(([, x]) => 'level' in x)!;
    const shown = promised!.answers.get(q);
    expect(shown?.kind).toBe('level');
    expect(shown && shown.kind === 'level' && shown.index).toBeGreaterThanOrEqual(0);
    expect('level' in a).toBe(true);
  });

  it('never promises from altered data, nor from a revision of the same or a later phase', () => {
    expect(promisedLevels([record('tender', true)], 'delivery')).toBeNull();
    expect(promisedLevels([record('delivery'), record('use')], 'delivery')).toBeNull();
  });
});

describe('ambition input', () => {
  it('reads whole numbers 0-100 (empty is none) and refuses the rest', () => {
    expect(parseAmbition('')).toBe(0);
    expect(parseAmbition(' 60 ')).toBe(60);
    expect(parseAmbition('100')).toBe(100);
    for (const bad of ['101', '-1', '6,5', 'abc', '1e2']) expect(parseAmbition(bad)).toBeUndefined();
    expect(withAmbition({ A: 40, C: 60 }, 'C', 0)).toEqual({ A: 40 });
    expect(withAmbition(undefined, 'B', 70)).toEqual({ B: 70 });
  });
});
