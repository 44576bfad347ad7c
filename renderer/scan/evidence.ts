import { addEvidenceRecord, listEvidence as listStoredEvidence, putEvidenceRecord, removeEvidenceRecord } from '../db/evidence';
import { newId } from '../db/projects';
import type { EvidenceRecord } from '../db/records';

export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A small JPEG preview of an image, or null when the file is not an image the browser can read. */
async function thumbnailOf(file: Blob): Promise<Blob | null> {
  if (!file.type.startsWith('image/')) return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 240 / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  } catch {
    return null;
  }
}

/** Stores a file as evidence for one answer, with its SHA-256, name, date and a thumbnail. */
export async function addEvidence(scanId: string, questionId: string, file: File): Promise<EvidenceRecord> {
  if (file.size > MAX_EVIDENCE_BYTES) throw new RangeError('too-large');
  const data = await file.arrayBuffer();
  const record: EvidenceRecord = {
    id: newId(),
    scanId,
    questionId,
    name: file.name.slice(0, 255) || 'bestand',
    type: file.type || 'application/octet-stream',
    size: file.size,
    sha256: await sha256Hex(data),
    addedAt: new Date().toISOString(),
    blob: new Blob([data], { type: file.type }),
    thumbnail: await thumbnailOf(file),
  };
  await addEvidenceRecord(record);
  return record;
}

export const listEvidence = (scanId: string) => listStoredEvidence(scanId);
export const removeEvidence = (id: string) => removeEvidenceRecord(id);
export const restoreEvidence = (record: EvidenceRecord) => putEvidenceRecord(record);
