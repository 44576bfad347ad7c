import { db } from './db';
import type { ProjectRecord, ScanRecord } from './records';
import { restoreProject, restoreScan } from './restore';
import { scoreStoredScan } from '../scan/engine';

export interface ProjectOverview {
  project: ProjectRecord;
  scanCount: number;
  /** The most recently edited scan, with its label and total (null when not scorable yet). */
  latest: { scan: ScanRecord; label: string | null; total: number | null } | null;
}

/** Everything the projects list shows, read in one go; unreadable records are skipped and counted. */
export async function readProjectOverview(): Promise<{ active: ProjectOverview[]; trashed: ProjectRecord[]; unreadable: number }> {
  const [rawProjects, rawScans] = await Promise.all([db.projects.toArray(), db.scans.toArray()]);
  let unreadable = 0;
  // Only each project's latest scan is shown, so only that one goes through the restore step and
  // scoring; the others are just counted (a list of 1,000 projects holds thousands of scans).
  const scansByProject = new Map<string, { count: number; latest: unknown; latestAt: string }>();
  for (const raw of rawScans as unknown[]) {
    const r = raw as { projectId?: unknown; updatedAt?: unknown; deletedAt?: unknown };
    if (typeof r.projectId !== 'string' || r.deletedAt) continue;
    const at = typeof r.updatedAt === 'string' ? r.updatedAt : '';
    const entry = scansByProject.get(r.projectId) ?? { count: 0, latest: null, latestAt: '' };
    entry.count += 1;
    if (entry.latest === null || at > entry.latestAt) {
      entry.latest = raw;
      entry.latestAt = at;
    }
    scansByProject.set(r.projectId, entry);
  }
  const active: ProjectOverview[] = [];
  const trashed: ProjectRecord[] = [];
  for (const raw of rawProjects) {
    let project: ProjectRecord;
    try {
      project = restoreProject(raw);
    } catch {
      unreadable += 1;
      continue;
    }
    if (project.deletedAt) {
      trashed.push(project);
      continue;
    }
    const scans = scansByProject.get(project.id);
    let latest: ProjectOverview['latest'] = null;
    if (scans?.latest) {
      try {
        const latestScan = restoreScan(scans.latest);
        const score = scoreStoredScan(project, latestScan);
        latest = { scan: latestScan, label: score?.label.reached ?? null, total: score?.total?.display ?? null };
      } catch {
        unreadable += 1;
      }
    }
    active.push({ project, scanCount: scans?.count ?? 0, latest });
  }
  trashed.sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
  return { active, trashed, unreadable };
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
