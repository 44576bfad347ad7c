import { db } from './db';
import { restoreProject } from './restore';
import { isSummary, summarise, type ProjectListFields, type ProjectSummaryRecord } from './summary';

export interface ProjectOverview {
  project: ProjectListFields;
  scanCount: number;
  /** The most recently edited scan, with its label and total (null when not scorable yet). */
  latest: ProjectSummaryRecord['latest'];
}

/**
 * Everything the projects list shows, read in one go from the summary kept per project
 * (renderer/db/summaries.ts): no project is restored and no scan read or scored on this path.
 * A project without a usable summary (never written by this app) is restored and summarised here;
 * one that cannot be restored is skipped and counted as unreadable.
 */
export async function readProjectOverview(): Promise<{ active: ProjectOverview[]; trashed: ProjectListFields[]; unreadable: number }> {
  const [stored, projectIds] = await Promise.all([db.summaries.toArray(), db.projects.toCollection().primaryKeys()]);
  const summaries = new Map<string, ProjectSummaryRecord>();
  for (const s of stored as unknown[]) if (isSummary(s)) summaries.set(s.projectId, s);
  let unreadable = 0;
  const missing = projectIds.filter((id) => !summaries.has(id));
  if (missing.length > 0) {
    const [projects, scans] = await Promise.all([db.projects.bulkGet(missing), db.scans.where('projectId').anyOf(missing).toArray()]);
    for (const raw of projects) {
      try {
        const project = restoreProject(raw);
        summaries.set(project.id, summarise(project, scans));
      } catch {
        unreadable += 1;
      }
    }
  }
  const known = new Set(projectIds);
  const active: ProjectOverview[] = [];
  const trashed: ProjectListFields[] = [];
  for (const s of summaries.values()) {
    if (!known.has(s.projectId)) continue; // a summary left over from a project no longer stored
    if (s.project.deletedAt) {
      trashed.push(s.project);
      continue;
    }
    unreadable += s.unreadable;
    active.push({ project: s.project, scanCount: s.scanCount, latest: s.latest });
  }
  trashed.sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
  return { active, trashed, unreadable };
}

type Overview = Awaited<ReturnType<typeof readProjectOverview>>;
let prefetched: { value?: Overview } | null = null;

/**
 * Starts reading the projects list while the app starts, when the list is the first screen, so
 * that it shows as soon as the app is ready. Any write through this folder drops it (the
 * list then waits for its own read).
 */
export function prefetchProjectOverview(): void {
  const entry: { value?: Overview } = {};
  prefetched = entry;
  readProjectOverview().then(
    (value) => {
      if (prefetched === entry) entry.value = value;
    },
    () => undefined,
  );
}

/** The prefetched list when it has arrived and nothing was written since (once), else null. */
export function takePrefetchedOverview(): Overview | null {
  const value = prefetched?.value ?? null;
  prefetched = null;
  return value;
}

/** Called by every write of the data layer: a prefetched list may be out of date. */
export function dropPrefetchedOverview(): void {
  prefetched = null;
}

export type ProjectSort = 'updated' | 'name' | 'municipality';

export interface ProjectFilter {
  text: string;
  phase: string;
  label: string;
  municipality: string;
  sort: ProjectSort;
}

/** Search, filters and sort of the projects list (pure, so it is tested without a browser). */
export function filterProjects(items: ProjectOverview[], filter: ProjectFilter, collator: Intl.Collator): ProjectOverview[] {
  const needle = filter.text.trim().toLocaleLowerCase();
  const result = items.filter(({ project, latest }) => {
    if (needle && ![project.name, project.client, project.address, project.municipality].some((f) => f.toLocaleLowerCase().includes(needle))) return false;
    if (filter.phase && project.phase !== filter.phase) return false;
    if (filter.municipality && project.municipality !== filter.municipality) return false;
    if (filter.label === 'none' && latest?.label) return false;
    if (filter.label && filter.label !== 'none' && latest?.label !== filter.label) return false;
    return true;
  });
  const byName = (a: ProjectOverview, b: ProjectOverview) => collator.compare(a.project.name, b.project.name);
  switch (filter.sort) {
    case 'name':
      return result.sort(byName);
    case 'municipality':
      return result.sort((a, b) => collator.compare(a.project.municipality, b.project.municipality) || byName(a, b));
    case 'updated':
      return result.sort((a, b) => b.project.updatedAt.localeCompare(a.project.updatedAt) || byName(a, b));
  }
}
