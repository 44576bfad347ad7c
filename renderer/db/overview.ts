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
  const scansByProject = new Map<string, ScanRecord[]>();
  for (const raw of rawScans) {
    try {
      const scan = restoreScan(raw);
      if (scan.deletedAt) continue;
      const list = scansByProject.get(scan.projectId) ?? [];
      list.push(scan);
      scansByProject.set(scan.projectId, list);
    } catch {
      unreadable += 1;
    }
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
    const scans = scansByProject.get(project.id) ?? [];
    const latestScan = scans.reduce<ScanRecord | null>((best, s) => (!best || s.updatedAt > best.updatedAt ? s : best), null);
    let latest: ProjectOverview['latest'] = null;
    if (latestScan) {
      const score = scoreStoredScan(project, latestScan);
      latest = { scan: latestScan, label: score?.label.reached ?? null, total: score?.total?.display ?? null };
    }
    active.push({ project, scanCount: scans.length, latest });
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
