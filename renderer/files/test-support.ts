/**
 * Test helpers for renderer/files: a small seeded database and a canonical dump of every table
 * (blobs as their SHA-256, size and type; keys as a marker), to prove that nothing changed.
 * Used by the tests only (they import 'fake-indexeddb/auto' first).
 */
import { exampleScan, issue } from '../../report/fixtures/example';
import { db } from '../db/db';
import { refreshSummaries } from '../db/summaries';
import type { EvidenceRecord, ProjectRecord, RevisionRecord, ScanRecord } from '../db/records';
import { restoreProject, restoreScan } from '../db/restore';
import { sha256Hex as sha256HexAsync } from './common';
import { sha256Hex } from '../../forms/hash';
import { ed25519Jwk, keyFingerprint } from '../../scoring/keys';

export const SEED = {
  projectId: '736edb50-9f53-5069-9db7-973cff5f27c8',
  scanId: 'd332678f-5f22-57a8-83b6-a69341a0ad3a',
  variantId: '5b0b7a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  trashedProjectId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
  trashedScanId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  evidencePhotoId: '11111111-2222-4333-8444-555555555555',
  evidencePdfId: '66666666-7777-4888-9999-aaaaaaaaaaaa',
  evidenceVariantId: 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff',
} as const;

/** Bytes that start like a JPEG (thumbnails are kept only when they do). */
export const fakeJpeg = (seed: number, length = 300) => {
  const bytes = new Uint8Array(length);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < length; i++) bytes[i] = (i * 31 + seed * 7) & 0xff;
  return bytes;
};

export async function resetDb(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}

async function evidence(id: string, scanId: string, questionId: string, name: string, type: string, data: Uint8Array, thumbnail: Uint8Array | null, addedAt: string): Promise<EvidenceRecord> {
  return {
    id,
    scanId,
    questionId,
    name,
    type,
    size: data.length,
    sha256: await sha256HexAsync(data),
    addedAt,
    blob: new Blob([data as BlobPart], { type }),
    thumbnail: thumbnail ? new Blob([thumbnail as BlobPart], { type: 'image/jpeg' }) : null,
  };
}

/**
 * A project with a scan (answers, notes, a note-only answer, overrides, locks, evidence), a variant
 * sharing an evidence file, a project in the trash with a trashed scan, an issued revision,
 * settings, a trusted key and a signing key.
 */
export async function seedDb(): Promise<void> {
  const example = exampleScan();
  const project: ProjectRecord = restoreProject({
    ...example.project,
    createdAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-11-21T16:35:00.000Z',
    deletedAt: null,
  });
  const answers: ScanRecord['answers'] = { X9: { note: 'Nog uitzoeken' } };
  for (const [id, a] of Object.entries(example.scan.answers)) answers[id] = 'level' in a ? { level: a.level, ...(a.note ? { note: a.note } : {}) } : { notApplicable: true, ...(a.note ? { note: a.note } : {}) };
  const scan = restoreScan({
    id: SEED.scanId,
    projectId: project.id,
    name: example.scan.name,
    definitionId: example.method.id,
    definitionVersion: example.method.version,
    answers,
    costOverrides: example.scan.costOverrides ?? [],
    locked: example.scan.locked ?? [],
    variantOf: null,
    createdAt: example.scan.createdAt,
    updatedAt: example.scan.updatedAt,
    deletedAt: null,
  });
  const variant: ScanRecord = { ...structuredClone(scan), id: SEED.variantId, name: 'Variant C', variantOf: scan.id, createdAt: '2026-11-22T09:00:00.000Z', updatedAt: '2026-11-22T09:00:00.000Z' };
  const trashed = restoreProject({ id: SEED.trashedProjectId, name: 'Oud kantoor', kind: 'renovation', gfaM2: 800, createdAt: '2026-01-01T00:00:00.000Z', deletedAt: '2026-02-01T00:00:00.000Z' });
  const trashedScan = restoreScan({ id: SEED.trashedScanId, projectId: trashed.id, name: 'SO', definitionId: 'zeeland-quickscan', definitionVersion: '1.0.0', answers: { A1: { level: 'l1' } }, createdAt: '2026-01-02T00:00:00.000Z', deletedAt: '2026-01-03T00:00:00.000Z' });
  const photo = fakeJpeg(1, 2000);
  const pdf = new TextEncoder().encode('%PDF-1.4 haalbaarheidsstudie '.repeat(40));
  const records = [
    await evidence(SEED.evidencePhotoId, scan.id, 'A1', 'gevel.jpg', 'image/jpeg', photo, fakeJpeg(2), '2026-10-02T09:14:00.000Z'),
    await evidence(SEED.evidencePdfId, scan.id, 'B1', 'Haalbaarheidsstudie.pdf', 'application/pdf', pdf, null, '2026-10-03T09:14:00.000Z'),
    await evidence(SEED.evidenceVariantId, variant.id, 'A1', 'gevel.jpg', 'image/jpeg', photo, fakeJpeg(2), '2026-10-02T09:14:00.000Z'),
  ];
  const envelope = issue(example);
  const revision: RevisionRecord = {
    id: envelope.content.revisionId,
    projectId: project.id,
    scanId: scan.id,
    referenceCode: envelope.referenceCode,
    contentHash: envelope.contentHash,
    phase: envelope.content.phase,
    issuedAt: envelope.content.issuedAt,
    envelope,
  };
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  await db.transaction('rw', db.tables, async () => {
    await db.projects.bulkAdd([project, trashed]);
    await db.scans.bulkAdd([scan, variant, trashedScan]);
    await db.evidence.bulkAdd(records);
    await db.revisions.add(revision);
    await db.settings.bulkAdd([
      { key: 'locale', value: 'nl' },
      { key: 'assessor', value: { name: 'Anouk de Vries', organisation: 'Bureau', role: 'Architect' } },
    ]);
    const key = ed25519Jwk(envelope.content.assessor.publicKey);
    await db.trustAnchors.add({ fingerprint: keyFingerprint(key), key, label: 'Test', addedAt: '2026-11-01T00:00:00.000Z', uses: ['signer'] });
    await db.signingKeys.add({ id: 'assessor', privateKey: pair.privateKey, key, publicKey: envelope.content.assessor.publicKey, createdAt: '2026-11-01T00:00:00.000Z', backedUpAt: null });
    // as the app keeps them (renderer/db/summaries.ts)
    await refreshSummaries([project.id, trashed.id]);
  });
}

/** Blobs read first (asynchronously); the rest is normalised synchronously. */
export type Dump = Record<string, string[]>;

async function blobTexts(rows: unknown[]): Promise<Map<Blob, string>> {
  const blobs: Blob[] = [];
  const visit = (value: unknown) => {
    if (value instanceof Blob) blobs.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null && !(typeof CryptoKey !== 'undefined' && value instanceof CryptoKey)) Object.values(value).forEach(visit);
  };
  rows.forEach(visit);
  const texts = await Promise.all(blobs.map(async (b) => `${sha256Hex(new Uint8Array(await b.arrayBuffer()))}/${b.size}/${b.type}`));
  return new Map(blobs.map((b, i) => [b, texts[i]!]));
}

function normalise(value: unknown, blobs: Map<Blob, string>): unknown {
  if (value instanceof Blob) return { $blob: blobs.get(value) };
  if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) return { $cryptoKey: value.type, algorithm: value.algorithm.name };
  if (Array.isArray(value)) return value.map((v) => normalise(v, blobs));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = normalise((value as Record<string, unknown>)[key], blobs);
    return out;
  }
  return value;
}

/** All records of every object store, read in one transaction (straight from IndexedDB: fast). */
async function readAll(): Promise<[string, unknown[]][]> {
  const idb = db.backendDB();
  const names = Array.from(idb.objectStoreNames).sort();
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(names, 'readonly');
    const out: [string, unknown[]][] = [];
    for (const name of names) {
      const request = tx.objectStore(name).getAll();
      request.onsuccess = () => out.push([name, request.result]);
    }
    tx.oncomplete = () => resolve(out.sort((a, b) => a[0].localeCompare(b[0])));
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Every table, every record, in a canonical text form (blobs as SHA-256/size/type), sorted. */
export async function dumpDb(): Promise<Dump> {
  const all = await readAll();
  const blobs = await blobTexts(all.flatMap(([, rows]) => rows));
  const out: Dump = {};
  for (const [name, rows] of all) out[name] = rows.map((row) => JSON.stringify(normalise(row, blobs))).sort();
  return out;
}

/** The primary keys of every table, as text. */
export async function keysOf(): Promise<Map<string, Set<string>>> {
  const idb = db.backendDB();
  const names = Array.from(idb.objectStoreNames);
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(names, 'readonly');
    const out = new Map<string, Set<string>>();
    for (const name of names) {
      const request = tx.objectStore(name).getAllKeys();
      request.onsuccess = () => out.set(name, new Set(request.result.map((k) => JSON.stringify(k))));
    }
    tx.oncomplete = () => resolve(out);
    tx.onerror = () => reject(tx.error);
  });
}

/** Deletes every record whose key is not in `keep` (after an import that only added records). */
export async function deleteAllBut(keep: Map<string, Set<string>>): Promise<void> {
  const idb = db.backendDB();
  const names = Array.from(idb.objectStoreNames);
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(names, 'readwrite');
    for (const name of names) {
      const store = tx.objectStore(name);
      const request = store.getAllKeys();
      request.onsuccess = () => {
        for (const key of request.result) if (!keep.get(name)?.has(JSON.stringify(key))) store.delete(key);
      };
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** Whether every record of `before` is still in `after`, unchanged. */
export function isContainedIn(before: Dump, after: Dump): boolean {
  return Object.entries(before).every(([table, rows]) => {
    const present = new Set(after[table] ?? []);
    return rows.every((r) => present.has(r));
  });
}
