import { db } from './db';
import { newId } from './projects';
import type { ScanRecord } from './records';
import { restoreScan } from './restore';

export async function createScan(fields: { projectId: string; name: string; definitionId: string; definitionVersion: string }): Promise<ScanRecord> {
  const now = new Date().toISOString();
  const scan = restoreScan({ ...fields, id: newId(), answers: {}, createdAt: now, updatedAt: now });
  await db.transaction('rw', db.scans, db.projects, async () => {
    await db.scans.add(scan);
    await db.projects.update(fields.projectId, { updatedAt: now });
  });
  return scan;
}

/** Copies a scan with its answers, overrides, locks and evidence. `variantOf` marks a variant. */
export async function duplicateScan(sourceId: string, name: string, options: { asVariant?: boolean; answers?: ScanRecord['answers'] } = {}): Promise<ScanRecord> {
  return db.transaction('rw', [db.scans, db.evidence, db.projects, db.settings], async () => {
    const source = restoreScan(await db.scans.get(sourceId));
    const now = new Date().toISOString();
    const copy: ScanRecord = {
      ...structuredClone(source),
      id: newId(),
      name,
      answers: options.answers ?? structuredClone(source.answers),
      variantOf: options.asVariant ? (source.variantOf ?? source.id) : null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await db.scans.add(copy);
    const evidence = await db.evidence.where('scanId').equals(sourceId).toArray();
    await db.evidence.bulkAdd(evidence.map((e) => ({ ...e, id: newId(), scanId: copy.id })));
    // A tender profile loaded into the scan applies to its copies too.
    const profile = await db.settings.get(`profile:${sourceId}`);
    if (profile) await db.settings.put({ key: `profile:${copy.id}`, value: profile.value });
    await db.projects.update(source.projectId, { updatedAt: now });
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
  await db.scans.update(id, { deletedAt: isDeleted ? new Date().toISOString() : null });
}

export async function renameScan(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  await db.scans.update(id, { name: trimmed.slice(0, 200), updatedAt: new Date().toISOString() });
}
