import { describe, expect, it } from 'vitest';
import { restoreProject, RestoreError } from './restore';

const now = () => '2026-11-22T10:00:00.000Z';

describe('restoreProject', () => {
  it('fills defaults for a record that has only the first fields', () => {
    const project = restoreProject({ id: 'p1', name: '  Brede school  ', createdAt: '2026-01-01T00:00:00.000Z' }, now);
    expect(project).toMatchObject({
      id: 'p1',
      name: 'Brede school',
      kind: 'new_build',
      phase: 'SO',
      municipality: '',
      gfaM2: null,
      circularBudget: { mode: 'pct', pct: 0 },
      updatedAt: '2026-01-01T00:00:00.000Z',
      deletedAt: null,
    });
  });

  it('does not change its input', () => {
    const raw = { id: 'p1', name: 'X' };
    const copy = structuredClone(raw);
    restoreProject(raw, now);
    expect(raw).toEqual(copy);
  });

  it.each([
    ['not an object', 'x'],
    ['no name', { id: 'p1' }],
    ['a blank name', { id: 'p1', name: '   ' }],
    ['a negative area', { id: 'p1', name: 'x', gfaM2: -5 }],
    ['an unknown phase', { id: 'p1', name: 'x', phase: 'XYZ' }],
    ['an unknown field', { id: 'p1', name: 'x', evil: true }],
  ])('refuses %s with a reason naming the field', (_label, raw) => {
    expect(() => restoreProject(raw, now)).toThrow(RestoreError);
  });

  it('names the field in the reason', () => {
    try {
      restoreProject({ id: 'p1', name: 'x', gfaM2: -5 }, now);
    } catch (error) {
      expect((error as RestoreError).issues.join()).toContain('gfaM2');
    }
  });
});
