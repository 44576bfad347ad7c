/**
 * The summary kept per project (renderer/db/summaries.ts): pure, apart from scoring the latest scan.
 */
import type { ProjectRecord } from './records';
import { restoreScan } from './restore';
import { scoreStoredScan } from '../scan/engine';

/** The project fields the projects list shows, searches, filters and sorts on. */
export type ProjectListFields = Pick<ProjectRecord, 'id' | 'name' | 'address' | 'municipality' | 'client' | 'phase' | 'gfaM2' | 'updatedAt' | 'deletedAt'>;

export interface ProjectSummaryRecord {
  projectId: string;
  /** Taken from the project as restored (so the list never restores 1,000 records to show them). */
  project: ProjectListFields;
  /** Scans not in the trash. */
  scanCount: number;
  /** The most recently edited scan not in the trash (null when none), with its label and total (null when not scorable). */
  latest: { scanId: string; label: string | null; total: number | null } | null;
  /** 1 when the latest scan could not be read (counted as unreadable by the list). */
  unreadable: number;
}

export const listFieldsOf = (p: ProjectRecord): ProjectListFields => ({
  id: p.id,
  name: p.name,
  address: p.address,
  municipality: p.municipality,
  client: p.client,
  phase: p.phase,
  gfaM2: p.gfaM2,
  updatedAt: p.updatedAt,
  deletedAt: p.deletedAt,
});

/** The summary of a restored project from its scans as stored. */
export function summarise(project: ProjectRecord, rawScans: readonly unknown[]): ProjectSummaryRecord {
  let count = 0;
  let latest: unknown = null;
  let latestAt = '';
  for (const raw of rawScans) {
    const r = raw as { projectId?: unknown; updatedAt?: unknown; deletedAt?: unknown };
    if (r.projectId !== project.id || r.deletedAt) continue;
    const at = typeof r.updatedAt === 'string' ? r.updatedAt : '';
    count += 1;
    if (latest === null || at > latestAt) {
      latest = raw;
      latestAt = at;
    }
  }
  const base = { projectId: project.id, project: listFieldsOf(project), scanCount: count };
  if (latest === null) return { ...base, latest: null, unreadable: 0 };
  try {
    const scan = restoreScan(latest);
    const score = scoreStoredScan(project, scan);
    return { ...base, latest: { scanId: scan.id, label: score?.label.reached ?? null, total: score?.total?.display ?? null }, unreadable: 0 };
  } catch {
    return { ...base, latest: null, unreadable: 1 };
  }
}

/** A stored summary that has the shape the list needs (derived data; anything else is recomputed). */
export function isSummary(value: unknown): value is ProjectSummaryRecord {
  const s = value as ProjectSummaryRecord | null;
  return (
    typeof s === 'object' && s !== null &&
    typeof s.projectId === 'string' && typeof s.scanCount === 'number' && typeof s.unreadable === 'number' &&
    typeof s.project === 'object' && s.project !== null && s.project.id === s.projectId &&
    typeof s.project.name === 'string' && typeof s.project.updatedAt === 'string' && typeof s.project.phase === 'string' &&
    (s.latest === null || (typeof s.latest === 'object' && typeof s.latest.scanId === 'string'))
  );
}
