/**
 * Whole-database reads and writes: the backup and project export read every table as stored
 * (they check each record themselves and skip what cannot be read), and an import adds a batch of
 * checked records in ONE transaction without ever changing or replacing a stored record. A batch
 * never touches trust anchors or trust lists: those change only through renderer/db/trust.ts,
 * after the user confirmed each one.
 */
import { db } from './db';
import { checkedEvidence } from './evidence';
import { newId } from './projects';
import type { EvidenceRecord, ProjectRecord, RevisionRecord, ScanRecord, SettingRecord } from './records';
import { restoreProject, restoreScan } from './restore';
import { refreshSummaries } from './summaries';

export interface StoredCounts {
  projects: number;
  scans: number;
  evidence: number;
  revisions: number;
  settings: number;
}

/** How much the database holds now. */
export async function storedCounts(): Promise<StoredCounts> {
  const [projects, scans, evidence, revisions, settings] = await Promise.all([db.projects.count(), db.scans.count(), db.evidence.count(), db.revisions.count(), db.settings.count()]);
  return { projects, scans, evidence, revisions, settings };
}

/** Records exactly as stored (unknown: the caller passes each through its restore step). */
export const storedProject = (id: string): Promise<unknown> => db.projects.get(id);
export const storedScan = (id: string): Promise<unknown> => db.scans.get(id);
export const storedScansOfProject = (projectId: string): Promise<unknown[]> => db.scans.where('projectId').equals(projectId).toArray();
export const storedRevisionsOfProject = (projectId: string): Promise<RevisionRecord[]> => db.revisions.where('projectId').equals(projectId).toArray();
export const allStoredProjects = (): Promise<unknown[]> => db.projects.toArray();
export const allStoredScans = (): Promise<unknown[]> => db.scans.toArray();
export const allStoredRevisions = (): Promise<RevisionRecord[]> => db.revisions.toArray();
export const allStoredSettings = (): Promise<SettingRecord[]> => db.settings.toArray();
/** Visits every evidence record one at a time (the files are large; never all in memory). */
export const eachStoredEvidence = (visit: (record: EvidenceRecord) => void): Promise<void> => db.evidence.each(visit);

export interface RecordBatch {
  projects: ProjectRecord[];
  scans: ScanRecord[];
  evidence: EvidenceRecord[];
  /** Checked by the caller (hash and signature). */
  revisions: RevisionRecord[];
  settings: SettingRecord[];
}

export interface BatchResult {
  added: StoredCounts;
  /** Records added under a new id because theirs was in use. */
  newIds: number;
  /** Revisions and settings that were stored already (left as they are). */
  alreadyPresent: number;
  projectIds: string[];
  scanIds: string[];
}

/**
 * Adds a batch in one transaction; ids already in use get new ones, with every reference
 * following (scan → project, evidence → scan, variant → scan, revision → project and scan). An
 * issued revision keeps its id (it is signed): one already stored is left as it is, as are
 * settings that exist. Projects and scans pass the restore step again here.
 */
export async function addBatchKeepingExisting(p: RecordBatch): Promise<BatchResult> {
  return db.transaction('rw', [db.projects, db.scans, db.evidence, db.revisions, db.settings, db.summaries], async () => {
    const [projectsTaken, scansTaken, evidenceTaken, revisionsTaken, settingsTaken] = await Promise.all([
      db.projects.bulkGet(p.projects.map((r) => r.id)),
      db.scans.bulkGet(p.scans.map((r) => r.id)),
      db.evidence.bulkGet(p.evidence.map((r) => r.id)),
      db.revisions.bulkGet(p.revisions.map((r) => r.id)),
      db.settings.bulkGet(p.settings.map((r) => r.key)),
    ]);
    let newIds = 0;
    const idFor = (id: string, taken: unknown, map: Map<string, string>) => {
      const next = taken === undefined ? id : newId();
      if (next !== id) newIds += 1;
      map.set(id, next);
      return next;
    };
    const projectIds = new Map<string, string>();
    const scanIds = new Map<string, string>();
    const evidenceIds = new Map<string, string>();
    const projects = p.projects.map((r, i) => restoreProject({ ...r, id: idFor(r.id, projectsTaken[i], projectIds) }));
    const scans = p.scans.map((r, i) => ({ ...r, id: idFor(r.id, scansTaken[i], scanIds) }));
    for (const scan of scans) {
      scan.projectId = projectIds.get(scan.projectId)!;
      scan.variantOf = scan.variantOf === null ? null : (scanIds.get(scan.variantOf) ?? null);
    }
    const restoredScans = scans.map((scan) => restoreScan(scan));
    const evidence = p.evidence.map((r, i) => checkedEvidence({ ...r, id: idFor(r.id, evidenceTaken[i], evidenceIds), scanId: scanIds.get(r.scanId)! }));
    const revisions = p.revisions
      .filter((_, i) => revisionsTaken[i] === undefined)
      .map((r) => ({ ...r, projectId: projectIds.get(r.projectId)!, scanId: scanIds.get(r.scanId) ?? r.scanId }));
    const settings = p.settings.filter((_, i) => settingsTaken[i] === undefined);
    await db.projects.bulkAdd(projects);
    await db.scans.bulkAdd(restoredScans);
    await db.evidence.bulkAdd(evidence);
    await db.revisions.bulkAdd(revisions);
    await db.settings.bulkAdd(settings);
    await refreshSummaries([...projects.map((r) => r.id), ...restoredScans.map((r) => r.projectId)]);
    return {
      added: { projects: projects.length, scans: scans.length, evidence: evidence.length, revisions: revisions.length, settings: settings.length },
      newIds,
      alreadyPresent: p.revisions.length - revisions.length + (p.settings.length - settings.length),
      projectIds: projects.map((r) => r.id),
      scanIds: scans.map((r) => r.id),
    };
  });
}
