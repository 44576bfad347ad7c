import { db } from './db';
import { newId } from './projects';
import type { ScanRecord } from './records';
import { restoreScan } from './restore';
import { refreshSummaries } from './summaries';

// Every write to an existing scan is chained here, so writes reach the database in the order they
// were made (the scan editor's typing, a rename, the trash) and a read can wait for them.
let scanWrites: Promise<unknown> = Promise.resolve();

function queued<T>(write: () => Promise<T>): Promise<T> {
  const result = scanWrites.then(write);
  scanWrites = result.catch(() => undefined);
  return result;
}

/** Resolves when every scan write made so far has been committed (or has failed). */
export const scanWritesSettled = (): Promise<void> => scanWrites.then(() => undefined);

/**
 * Creates and saves a scan at once, optionally with its first contents (a new revision started
 * from an issued one): one write, through the restore step.
 */
export async function createScan(
  fields: { projectId: string; name: string; definitionId: string; definitionVersion: string },
  contents: Partial<Pick<ScanRecord, 'answers' | 'costOverrides' | 'locked'>> = {},
): Promise<ScanRecord> {
  const now = new Date().toISOString();
  const scan = restoreScan({ answers: {}, ...contents, ...fields, id: newId(), createdAt: now, updatedAt: now });
  await db.transaction('rw', [db.scans, db.projects, db.summaries], async () => {
    await db.scans.add(scan);
    await db.projects.update(fields.projectId, { updatedAt: now });
    await refreshSummaries([fields.projectId]);
  });
  return scan;
}

/**
 * Saves an edited scan (the scan editor's write): through the restore step, in the write queue,
 * and the project is marked as edited. Resolves with the stored record once committed.
 */
export function saveScan(next: ScanRecord): Promise<ScanRecord> {
  return queued(async () => {
    const record = restoreScan(next);
    await db.transaction('rw', [db.scans, db.projects, db.summaries], async () => {
      await db.scans.put(record);
      await db.projects.update(record.projectId, { updatedAt: record.updatedAt });
      await refreshSummaries([record.projectId]);
    });
    return record;
  });
}

/** Reads a stored scan, changes it and writes it back through the restore step, in the queue. */
function changeScan(id: string, change: (scan: ScanRecord) => ScanRecord): Promise<void> {
  return queued(() =>
    db.transaction('rw', [db.scans, db.projects, db.summaries], async () => {
      const raw = await db.scans.get(id);
      if (!raw) return;
      const next = restoreScan(change(restoreScan(raw)));
      await db.scans.put(next);
      await refreshSummaries([next.projectId]);
    }),
  );
}

/**
 * Copies a scan with its answers, overrides, locks and evidence. `variantOf` marks a variant.
 * `method` makes the copy on another method version ("try this scan on version X"): give the
 * answers, overrides and locks carried over to it (scoring/migrate.ts); evidence is copied for
 * the answers it keeps, and a tender profile only when the method is the same. The source is
 * only read.
 */
export async function duplicateScan(
  sourceId: string,
  name: string,
  options: {
    asVariant?: boolean;
    answers?: ScanRecord['answers'];
    method?: { definitionId: string; definitionVersion: string; costOverrides: ScanRecord['costOverrides']; locked: ScanRecord['locked'] };
  } = {},
): Promise<ScanRecord> {
  return db.transaction('rw', [db.scans, db.evidence, db.projects, db.settings, db.summaries], async () => {
    const source = restoreScan(await db.scans.get(sourceId));
    const now = new Date().toISOString();
    const method = options.method;
    const sameMethod = !method || (method.definitionId === source.definitionId && method.definitionVersion === source.definitionVersion);
    const copy: ScanRecord = restoreScan({
      ...structuredClone(source),
      ...(method
        ? { definitionId: method.definitionId, definitionVersion: method.definitionVersion, costOverrides: structuredClone(method.costOverrides), locked: [...method.locked] }
        : {}),
      id: newId(),
      name,
      answers: options.answers ?? structuredClone(source.answers),
      variantOf: options.asVariant ? (source.variantOf ?? source.id) : null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    await db.scans.add(copy);
    const evidence = await db.evidence.where('scanId').equals(sourceId).toArray();
    const kept = sameMethod ? evidence : evidence.filter((e) => e.questionId in copy.answers);
    await db.evidence.bulkAdd(kept.map((e) => ({ ...e, id: newId(), scanId: copy.id })));
    // A tender profile loaded into the scan applies to its copies too (on the same method).
    const profile = sameMethod ? await db.settings.get(`profile:${sourceId}`) : undefined;
    if (profile) await db.settings.put({ key: `profile:${copy.id}`, value: profile.value });
    await db.projects.update(source.projectId, { updatedAt: now });
    await refreshSummaries([source.projectId]);
    return copy;
  });
}

export async function listScans(projectId: string, options: { includeDeleted?: boolean } = {}): Promise<ScanRecord[]> {
  const raw = await db.scans.where('projectId').equals(projectId).toArray();
  const scans: ScanRecord[] = [];
  for (const record of raw) {
    try {
      const scan = restoreScan(record);
      if (options.includeDeleted || !scan.deletedAt) scans.push(scan);
    } catch {
      // unreadable records stay stored untouched; they are not shown
    }
  }
  return scans.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function getScan(id: string): Promise<ScanRecord | undefined> {
  const raw = await db.scans.get(id);
  return raw ? restoreScan(raw) : undefined;
}

/** Moves a scan to the trash (or back); nothing is erased. */
export async function setScanDeleted(id: string, isDeleted: boolean): Promise<void> {
  await changeScan(id, (scan) => ({ ...scan, deletedAt: isDeleted ? new Date().toISOString() : null }));
}

export async function renameScan(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  await changeScan(id, (scan) => ({ ...scan, name: trimmed.slice(0, 200), updatedAt: new Date().toISOString() }));
}
