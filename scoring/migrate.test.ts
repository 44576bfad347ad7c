/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at untyped JSON on purpose */
import { describe, expect, it } from 'vitest';
import mini from '../forms/fixtures/mini-definition.json';
import { validateDefinition, type QuickScanDefinition } from '../forms/schema';
import { carryScanTo } from './migrate';

function valid(json: unknown): QuickScanDefinition {
  const r = validateDefinition(json);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.definition;
}

describe('carryScanTo', () => {
  it('carries answers whose question and level still exist, lists the rest, never touches the original', () => {
    const from = valid(mini);
    const to = structuredClone(from) as any;
    const [q0, q1, q2] = from.questions;
    to.questions = to.questions.filter((q: any) => q.id !== q1!.id);
    to.questions[0].levels = to.questions[0].levels.filter((l: any) => l.id !== q0!.levels[2]!.id);
    const scan = {
      answers: {
        [q0!.id]: { level: q0!.levels[2]!.id, note: 'n' },
        [q1!.id]: { level: q1!.levels[1]!.id },
        [q2!.id]: { level: q2!.levels[1]!.id, evidence: [] },
      },
      costOverrides: [{ question: q2!.id, level: q2!.levels[1]!.id, cost: { basis: 'lump_sum' as const, low: 1, high: 2 } }],
      locked: [q1!.id, q2!.id],
    };
    const before = JSON.stringify(scan);
    const carried = carryScanTo(scan, valid(to));
    expect(JSON.stringify(scan)).toBe(before);
    expect(carried.answers).toEqual({ [q2!.id]: { level: q2!.levels[1]!.id, evidence: [] } });
    expect(carried.answers[q2!.id]).not.toBe(scan.answers[q2!.id]);
    expect(carried.dropped).toEqual([
      { question: q0!.id, reason: 'level-removed', level: q0!.levels[2]!.id },
      { question: q1!.id, reason: 'question-removed' },
    ]);
    expect(carried.locked).toEqual([q2!.id]);
    expect(carried.costOverrides).toHaveLength(1);
    expect(carried.unanswered).toContain(q0!.id);
  });
});
