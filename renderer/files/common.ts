/** Helpers shared by export and import: JSON text, hashes, thumbnails and issued revisions. */
import { checkIssuedEnvelope } from '../../scoring/envelope-check';
import type { RevisionRecord } from '../db/records';
import { fail, failOnField, shortDetail } from './errors';
import { FILE_LIMITS } from './limits';
import type { revisionFileSchema } from './project-file';
import type { z } from 'zod';
import { utf8Text } from '../../scoring/json-bytes';

/** Lower-case hex SHA-256 of bytes (WebCrypto: fast for large evidence files). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Our JSON files: 2-space indented UTF-8 with a final newline. */
export function encodeJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** The first byte that is not whitespace (after a UTF-8 byte order mark), or -1. */
export function firstNonSpace(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length && i < 4096; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return -1;
}

/** Whether no array or object in the value is nested deeper than `max` (checked without recursion). */
export function jsonDepthWithin(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return true;
}

/** UTF-8 JSON text to a value; a FileFailure (with a message key) for anything else. */
export function decodeJson(bytes: Uint8Array): unknown {
  if (bytes.length > FILE_LIMITS.maxJsonBytes) fail('files.error.tooLarge', { max: Math.round(FILE_LIMITS.maxJsonBytes / 1024 / 1024) });
  const text = utf8Text(bytes);
  if (text === undefined) return fail('files.error.notText');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('files.error.badJson', { detail: shortDetail(error) });
  }
  if (!jsonDepthWithin(value, FILE_LIMITS.maxJsonDepth)) fail('files.error.invalid', { detail: `nested more than ${FILE_LIMITS.maxJsonDepth} levels deep` });
  return value;
}

/** A thumbnail is shown as an image: only JPEG or PNG bytes are kept. */
export function thumbnailType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (bytes.length > FILE_LIMITS.maxThumbnailBytes) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  return null;
}

export const blobOf = (bytes: Uint8Array, type: string) => new Blob([bytes as BlobPart], { type });

export const blobBytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/**
 * An issued revision (format 1 or 2) from a file (or the database): its envelope must pass THE
 * integrity check (scoring/envelope-check.ts `checkIssuedEnvelope`: schema, canonical form,
 * content hash, reference code, signature), and the indexed fields must be the envelope's.
 * A revision is never edited, so one that fails is refused rather than repaired. Who signed it is
 * not judged here: the verdict (scoring/revision-verdict.ts) is shown wherever it appears.
 */
export function checkRevision(raw: z.infer<typeof revisionFileSchema>): RevisionRecord {
  const code = raw.referenceCode.slice(0, 40) || raw.id.slice(0, 40);
  const check = checkIssuedEnvelope(raw.envelope);
  const envelope = check.envelope;
  if (!envelope) {
    if (check.findings.some((f) => f.code === 'data-altered')) return fail('files.error.revisionAltered', { code });
    const first = check.errors?.[0];
    if (first) return failOnField('files.error.revisionInvalid', { code }, first);
    const finding = check.findings[0];
    const detail = finding ? `${finding.code}${finding.detail ? ` ${finding.detail}` : ''}` : 'envelope';
    return fail('files.error.revisionInvalid', { code, detail: shortDetail(detail) });
  }
  const content = envelope.content;
  const intact =
    check.ok &&
    raw.id === content.revisionId &&
    raw.referenceCode === envelope.referenceCode &&
    raw.contentHash === envelope.contentHash &&
    raw.phase === content.phase &&
    raw.issuedAt === content.issuedAt;
  if (!intact) fail('files.error.revisionAltered', { code });
  return { id: raw.id, projectId: raw.projectId, scanId: raw.scanId, referenceCode: raw.referenceCode, contentHash: raw.contentHash, phase: raw.phase, issuedAt: raw.issuedAt, envelope };
}
