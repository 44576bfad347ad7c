/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at untyped JSON on purpose */
import { describe, expect, it } from 'vitest';
import released100 from './definitions/zeeland-quickscan/1.0.0.json';
import releasedOpen from './definitions/open-quickscan/1.0.0.json';
import mini from './fixtures/mini-definition.json';
import { diffDefinitions } from './diff';
import { validateDefinition, type QuickScanDefinition } from './schema';
import { definitionErrorText } from '../report/input-strings';

function valid(json: unknown): QuickScanDefinition {
  const r = validateDefinition(json);
  if (!r.ok) throw new Error(r.errors.map((e) => definitionErrorText(e, 'en')).join('\n'));
  return r.definition;
}

describe('diffDefinitions', () => {
  it('finds nothing between a definition and itself', () => {
    const d = diffDefinitions(valid(mini), valid(structuredClone(mini)));
    expect(d).toMatchObject({ identical: true, changes: [], scoreCanChange: false });
  });

  it('zeeland-quickscan 1.0.0 → open-quickscan 1.0.0 renames the method and marks the brief-changing questions, no score change', () => {
    const d = diffDefinitions(valid(released100), valid(releasedOpen));
    expect(d.from).toEqual({ id: 'zeeland-quickscan', version: '1.0.0' });
    expect(d.to).toEqual({ id: 'open-quickscan', version: '1.0.0' });
    expect(d.scoreCanChange).toBe(false);
    expect(d.changes).toEqual([
      { kind: 'method-text', field: 'title' },
      { kind: 'method-text', field: 'description' },
      { kind: 'method-text', field: 'notice' },
      { kind: 'method-text', field: 'publisher' },
      { kind: 'method-text', field: 'released' },
      { kind: 'question-changes-brief', theme: 'A', question: 'A2', from: false, to: true },
      { kind: 'question-changes-brief', theme: 'A', question: 'A3', from: false, to: true },
    ]);
  });

  it('lists questions added, removed and reworded, points, costs, evidence and labels', () => {
    const a = valid(mini);
    const b = structuredClone(a) as any;
    const q0 = b.questions[0];
    q0.title.nl = 'Nieuwe vraag?';
    q0.levels[1].points = 7;
    q0.levels[1].cost = { basis: 'lump_sum', low: 10, high: 20 };
    q0.levels[1].evidence = [];
    const removed = b.questions.pop();
    b.questions.push({ ...structuredClone(removed), id: 'NEW1' });
    b.labels[1].minTotal = 55;
    b.labels[1].themeMinimums = { C: 45 };
    b.themes[0].weight = 3;
    const d = diffDefinitions(a, valid(b));
    expect(d.scoreCanChange).toBe(true);
    const kinds = d.changes.map((c) => c.kind);
    expect(kinds).toEqual([
      'theme-weight',
      'question-reworded',
      'level-points',
      'level-cost',
      'level-evidence',
      'question-added',
      'question-removed',
      'label-threshold',
      'label-theme-minimum',
    ]);
    expect(d.changes).toContainEqual({ kind: 'theme-weight', theme: 'A', from: a.themes[0]!.weight, to: 3 });
    expect(d.changes).toContainEqual({ kind: 'question-removed', theme: removed.theme, question: removed.id });
    expect(d.changes).toContainEqual({ kind: 'label-theme-minimum', label: 'silver', theme: 'C', from: 40, to: 45 });
    expect(d.counts['question-added']).toBe(1);
  });
});
