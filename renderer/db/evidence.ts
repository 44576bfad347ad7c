import { db } from './db';
import type { EvidenceRecord } from './records';

/** Evidence records with the fields a stored one must have; anything else is refused before it is written. */
export function checkedEvidence(record: EvidenceRecord): EvidenceRecord {
  const ok =
    typeof record.id === 'string' && record.id.length > 0 &&
    typeof record.scanId === 'string' && record.scanId.length > 0 &&
    typeof record.questionId === 'string' && record.questionId.length > 0 &&
    typeof record.name === 'string' &&
    typeof record.type === 'string' &&
    Number.isSafeInteger(record.size) && record.size >= 0 &&
    typeof record.sha256 === 'string' && /^[0-9a-f]{64}$/.test(record.sha256) &&
    typeof record.addedAt === 'string' && !Number.isNaN(Date.parse(record.addedAt)) &&
    typeof record.blob === 'object' && record.blob !== null &&
    (record.thumbnail === null || typeof record.thumbnail === 'object');
  if (!ok) throw new TypeError('evidence record is not complete');
  return record;
}

export async function addEvidenceRecord(record: EvidenceRecord): Promise<void> {
  await db.evidence.add(checkedEvidence(record));
}

/** Puts a removed record back (undo). */
export async function putEvidenceRecord(record: EvidenceRecord): Promise<void> {
  await db.evidence.put(checkedEvidence(record));
}

export async function removeEvidenceRecord(id: string): Promise<void> {
  await db.evidence.delete(id);
}

/** All evidence of a scan, in stored order. */
export const listEvidence = (scanId: string): Promise<EvidenceRecord[]> => db.evidence.where('scanId').equals(scanId).toArray();

/** The evidence of one answer, oldest first. */
export const listAnswerEvidence = (scanId: string, questionId: string): Promise<EvidenceRecord[]> =>
  db.evidence.where('[scanId+questionId]').equals([scanId, questionId]).sortBy('addedAt');

/** The evidence of several scans (one read). */
export const listEvidenceOfScans = (scanIds: readonly string[]): Promise<EvidenceRecord[]> =>
  scanIds.length ? db.evidence.where('scanId').anyOf([...scanIds]).toArray() : Promise.resolve([]);
