/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at untyped JSON on purpose */
import { describe, expect, it } from 'vitest';
import mini from '../forms/fixtures/mini-definition.json';
import { validateDefinition, type QuickScanDefinition } from '../forms/schema';
import { carryScanTo, tryScanOn } from './migrate';
import { definitionErrorText } from '../report/input-strings';

function valid(json: unknown): QuickScanDefinition {
  const r = validateDefinition(json);
  if (!r.ok) throw new Error(r.errors.map((e) => definitionErrorText(e, 'en')).join('\n'));
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

describe('tryScanOn', () => {
  const project = { kind: 'renovation' as const, gfaM2: 1000, constructionBudgetEur: 1_000_000, circularBudget: { mode: 'pct' as const, pct: 3 } };

  function nextVersion(from: QuickScanDefinition): QuickScanDefinition {
    const to = structuredClone(from) as any;
    to.version = '1.1.0';
    // A1 loses its top level; C gets a new question; C1's middle level is worth more
    to.questions[0].levels = to.questions[0].levels.filter((l: any) => l.id !== 'l4');
    const c1 = to.questions.find((q: any) => q.id === 'C1');
    c1.levels.find((l: any) => l.id === 'l1').points = 2;
    to.questions.push({ ...structuredClone(c1), id: 'C3', title: { nl: 'Nieuw', en: 'New' } });
    return valid(to);
  }

  it('scores the scan before and after, lists per theme what changed and what needs an answer, and leaves the scan as it was', () => {
    const from = valid(mini);
    const to = nextVersion(from);
    const scan = { answers: { A1: { level: 'l4', note: 'top' }, C1: { level: 'l1' }, C2: { level: 'l2' } }, costOverrides: [], locked: ['A1'] };
    const before = JSON.stringify(scan);
    const trial = tryScanOn(project, scan, from, to);
    expect(JSON.stringify(scan)).toBe(before);

    expect(trial.before.themes.map((t) => t.display)).toEqual([100, expect.any(Number)]);
    const a = trial.themes.find((t) => t.theme === 'A')!;
    expect(a).toMatchObject({ inFrom: true, inTo: true, before: 100, after: 0, needsAnswer: [{ question: 'A1', reason: 'level-removed' }], removedAnswers: [] });
    expect(a.changes.map((c) => c.kind)).toEqual(['level-removed']);

    const c = trial.themes.find((t) => t.theme === 'C')!;
    expect(c.needsAnswer).toEqual([{ question: 'C3', reason: 'question-added' }]);
    expect(c.changes.map((x) => x.kind).sort()).toEqual(['level-points', 'question-added']);
    expect(c.after).not.toBe(c.before);
    expect(trial.after.themes.find((t) => t.id === 'C')?.display).toBe(c.after);
    expect(trial.methodChanges).toEqual([]);

    // the variant's contents: the note-only part of a dropped answer is not kept; the rest is
    expect(trial.carried.answers).toEqual({ C1: { level: 'l1' }, C2: { level: 'l2' } });
    expect(trial.carried.locked).toEqual(['A1']);
  });

  it('a note without a level carries over, and a question the scan never answered needs an answer as before', () => {
    const from = valid(mini);
    const scan: { answers: Record<string, { level?: string; note?: string }> } = { answers: { C1: { note: 'still thinking' } } };
    const trial = tryScanOn(project, scan, from, nextVersion(from));
    expect(trial.carried.answers).toEqual({ C1: { note: 'still thinking' } });
    expect(trial.carried.dropped).toEqual([]);
    expect(trial.themes.find((t) => t.theme === 'C')!.needsAnswer).toEqual([
      { question: 'C1', reason: 'unanswered' },
      { question: 'C2', reason: 'unanswered' },
      { question: 'C3', reason: 'question-added' },
    ]);
  });

  it('lists a theme that only the old version had, with the answers it loses', () => {
    const from = valid(mini);
    const to = structuredClone(from) as any;
    to.version = '2.0.0';
    to.themes = to.themes.filter((t: any) => t.id !== 'A');
    to.questions = to.questions.filter((q: any) => q.theme !== 'A');
    for (const l of to.labels) delete l.themeMinimums?.A;
    const trial = tryScanOn(project, { answers: { A1: { level: 'l2' } } }, from, valid(to));
    expect(trial.themes.map((t) => t.theme)).toEqual(['C', 'A']);
    expect(trial.themes[1]).toMatchObject({ theme: 'A', inFrom: true, inTo: false, after: null, removedAnswers: ['A1'] });
    expect(trial.themes[1]!.changes.map((c) => c.kind)).toContain('theme-removed');
  });
});
