import { describe, expect, expectTypeOf, it } from 'vitest';
import type { QuickScanDefinition, CostIndication as FormsCostIndication, ProjectKind as FormsProjectKind } from '../forms/schema';
import { validateDefinition } from '../forms/schema';
import mini from '../forms/fixtures/mini-definition.json';
import type { CostIndication, ProjectKind, ScoringDefinition } from './types';
import { scoreScan } from './score';

describe('the scoring types fit the forms contract', () => {
  it('a full QuickScanDefinition is a ScoringDefinition', () => {
    expectTypeOf<QuickScanDefinition>().toExtend<ScoringDefinition>();
    expectTypeOf<FormsCostIndication>().toEqualTypeOf<CostIndication>();
    expectTypeOf<FormsProjectKind>().toEqualTypeOf<ProjectKind>();
  });

  it('scores a definition that forms validated', () => {
    const r = validateDefinition(mini);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const def: ScoringDefinition = r.definition;
    const s = scoreScan(def, { project: { kind: 'renovation', gfaM2: 100 }, answers: {} });
    expect(s.themes.map((t) => t.id)).toEqual(def.themes.map((t) => t.id));
  });
});
