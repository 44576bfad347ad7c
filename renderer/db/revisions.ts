import { db } from './db';
import type { IssuedPdfRecord, RevisionRecord } from './records';

/** The project's issued revisions, oldest first (as stored: callers check the envelope on every read). */
export async function listRevisions(projectId: string): Promise<RevisionRecord[]> {
  const records = await db.revisions.where('projectId').equals(projectId).toArray();
  return records.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id));
}

/**
 * Stores an issued revision once; it is never edited. `check` is the envelope check of the caller
 * (scoring/issued parseAnyEnvelope): a record whose envelope does not pass is refused.
 */
export async function addRevision(record: RevisionRecord, check: (envelope: unknown) => boolean, pdf?: Omit<IssuedPdfRecord, 'revisionId'>): Promise<void> {
  if (!check(record.envelope)) throw new TypeError('revision envelope does not pass its check');
  // the revision and its signed PDF (format 2) in one transaction: never one without the other
  await db.transaction('rw', db.revisions, db.issuedPdfs, async () => {
    await db.revisions.add(record);
    if (pdf) await db.issuedPdfs.add({ revisionId: record.id, locale: pdf.locale, data: pdf.data });
  });
}

/** The signed PDF of a format-2 revision as issued here; undefined when this app does not hold it (e.g. imported from a file). */
export async function readIssuedPdf(revisionId: string): Promise<IssuedPdfRecord | undefined> {
  const record = await db.issuedPdfs.get(revisionId);
  return record && record.data instanceof Uint8Array && (record.locale === 'nl' || record.locale === 'en') ? record : undefined;
}
