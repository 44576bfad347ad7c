import { describe, expect, it } from 'vitest';
import { filterProjects, type ProjectOverview } from './overview';
import { restoreProject } from './restore';

const item = (name: string, fields: Record<string, unknown>, label: string | null = null): ProjectOverview => ({
  project: restoreProject({ id: name, name, ...fields }),
  scanCount: label ? 1 : 0,
  latest: label ? { scanId: `${name}-scan`, label, total: 50 } : null,
});

const items = [
  item('Zwembad Hulst', { municipality: 'Hulst', phase: 'DO', updatedAt: '2026-01-03T00:00:00Z' }, 'silver'),
  item('basisschool Goes', { municipality: 'Goes', phase: 'VO', client: 'Gemeente Goes', updatedAt: '2026-01-01T00:00:00Z' }, 'gold'),
  item('Kantoor Middelburg', { municipality: 'Middelburg', phase: 'VO', updatedAt: '2026-01-02T00:00:00Z' }),
];
const collator = new Intl.Collator('nl', { sensitivity: 'base' });
const none = { text: '', phase: '', label: '', municipality: '', sort: 'updated' as const };
const names = (list: ProjectOverview[]) => list.map((i) => i.project.name);

describe('projects list', () => {
  it('shows the last edited first', () => {
    expect(names(filterProjects(items, none, collator))).toEqual(['Zwembad Hulst', 'Kantoor Middelburg', 'basisschool Goes']);
  });

  it('sorts by name regardless of case', () => {
    expect(names(filterProjects(items, { ...none, sort: 'name' }, collator))).toEqual(['basisschool Goes', 'Kantoor Middelburg', 'Zwembad Hulst']);
  });

  it('searches name, client and address', () => {
    expect(names(filterProjects(items, { ...none, text: 'gemeente' }, collator))).toEqual(['basisschool Goes']);
  });

  it('filters by phase, municipality and label', () => {
    expect(names(filterProjects(items, { ...none, phase: 'VO', sort: 'name' }, collator))).toEqual(['basisschool Goes', 'Kantoor Middelburg']);
    expect(names(filterProjects(items, { ...none, municipality: 'Hulst' }, collator))).toEqual(['Zwembad Hulst']);
    expect(names(filterProjects(items, { ...none, label: 'gold' }, collator))).toEqual(['basisschool Goes']);
    expect(names(filterProjects(items, { ...none, label: 'none' }, collator))).toEqual(['Kantoor Middelburg']);
  });
});
