import { db } from './db';
import type { RevisionRecord } from './records';

/** The project's issued revisions, oldest first (as stored: callers check the envelope on every read). */
export async function listRevisions(projectId: string): Promise<RevisionRecord[]> {
  const records = await db.revisions.where('projectId').equals(projectId).toArray();
  return records.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id));
}

/**
 * Stores an issued revision once; it is never edited. `check` is the envelope check of the caller
 * (scoring/issued parseEnvelope): a record whose envelope does not pass is refused.
 */
export async function addRevision(record: RevisionRecord, check: (envelope: unknown) => boolean): Promise<void> {
  if (!check(record.envelope)) throw new TypeError('revision envelope does not pass its check');
  await db.revisions.add(record);
}
