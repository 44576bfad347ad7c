import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ed25519Jwk, keyFingerprint } from '../../scoring/keys';
import { generateTestKeyPair } from '../../scoring/signature';
import { QuickScanDb } from './db';

const names: string[] = [];
const freshName = () => {
  const name = `quickscan-test-${names.length}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
};

afterEach(async () => {
  while (names.length) await Dexie.delete(names.pop()!);
});

/**
 * The stores each earlier release declared, exactly as it declared them (a release's schema is
 * history: never edit a row, add the next release's instead). Versions 4 and 7 are only reached
 * by upgrading, so no test writes them directly.
 */
const v1Stores = { projects: 'id, name, updatedAt, municipality, phase, deletedAt', scans: 'id, projectId, updatedAt', settings: 'key' };
const v2Stores = { ...v1Stores, scans: 'id, projectId, updatedAt, deletedAt, variantOf', evidence: 'id, scanId, [scanId+questionId]' };
const v3Stores = { ...v2Stores, revisions: 'id, projectId, scanId, issuedAt, referenceCode', signingKeys: 'id', trustedKeys: 'publicKey' };
const v5Stores = { ...v3Stores, summaries: 'projectId', trustAnchors: 'fingerprint', trustLists: 'id, operatorFingerprint', retiredKeys: 'fingerprint, retiredAt' };
const v6Stores = { ...v5Stores, issuedPdfs: 'revisionId' };
const RELEASED_STORES = { 1: v1Stores, 2: v2Stores, 3: v3Stores, 5: v5Stores, 6: v6Stores } as const;

/** Opens a database as the release with that schema version wrote it (Dexie alone, no upgrades). */
async function openAsReleased(name: string, version: keyof typeof RELEASED_STORES): Promise<Dexie> {
  const db = new Dexie(name);
  db.version(version).stores(RELEASED_STORES[version]);
  await db.open();
  return db;
}

/** Writes a database exactly as schema version 1 (the first release) did. */
async function writeVersion1(name: string, projects: unknown[], settings: unknown[] = []) {
  const v1 = await openAsReleased(name, 1);
  await v1.table('projects').bulkAdd(projects);
  await v1.table('settings').bulkAdd(settings);
  v1.close();
}

describe('database upgrades', () => {
  it('opens a version 1 database and keeps every project and setting', async () => {
    const name = freshName();
    await writeVersion1(
      name,
      [
        { id: 'p1', name: 'Brede school Goes', address: '', municipality: '', client: '', buildingType: '', kind: 'new_build', phase: 'SO', gfaM2: null, constructionBudgetEur: null, circularBudget: { mode: 'pct', pct: 0 }, createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', deletedAt: null },
        { id: 'p2', name: 'Oud kantoor', createdAt: '2026-10-01T10:00:00.000Z' },
      ],
      [{ key: 'locale', value: 'en' }],
    );
    const db = new QuickScanDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    const projects = await db.projects.orderBy('name').toArray();
    expect(projects.map((p) => p.name)).toEqual(['Brede school Goes', 'Oud kantoor']);
    expect(projects[1]).toMatchObject({ kind: 'new_build', phase: 'SO', updatedAt: '2026-10-01T10:00:00.000Z', deletedAt: null });
    expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'en' });
    expect(await db.scans.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.revisions.count()).toBe(0);
    db.close();
  });

  it('opens a version 2 database with scans and evidence and keeps them', async () => {
    const name = freshName();
    const v2 = await openAsReleased(name, 2);
    await v2.table('projects').add({ id: 'p1', name: 'School', address: '', municipality: 'Goes', client: '', buildingType: '', kind: 'new_build', phase: 'VO', gfaM2: 2400, constructionBudgetEur: 6e6, circularBudget: { mode: 'pct', pct: 3 }, createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', deletedAt: null });
    await v2.table('scans').add({ id: 's1', projectId: 'p1', name: 'VO', definitionId: 'zeeland-quickscan', definitionVersion: '1.0.0', answers: { A1: { level: 'l2', note: 'x' } }, costOverrides: [], locked: [], variantOf: null, createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', deletedAt: null });
    await v2.table('evidence').add({ id: 'e1', scanId: 's1', questionId: 'A1', name: 'foto.jpg', type: 'image/jpeg', size: 3, sha256: 'ab', addedAt: '2026-11-01T10:00:00.000Z', blob: new Blob(['abc']), thumbnail: null });
    v2.close();
    const db = new QuickScanDb(name);
    await db.open();
    expect((await db.scans.get('s1'))?.answers).toEqual({ A1: { level: 'l2', note: 'x' } });
    expect((await db.evidence.get('e1'))?.name).toBe('foto.jpg');
    expect(await db.projects.count()).toBe(1);
    db.close();
  });

  it('leaves a record it cannot read exactly as it was', async () => {
    const name = freshName();
    const broken = { id: 'p9', name: '', weird: 1 };
    await writeVersion1(name, [broken]);
    const db = new QuickScanDb(name);
    await db.open();
    expect(await db.projects.get('p9')).toEqual(broken);
    db.close();
  });

  it('opens a version 3 database: trusted Ed25519 keys become trust anchors, the signing key gets its JWK', async () => {
    const name = freshName();
    const v3 = await openAsReleased(name, 3);
    const trusted = generateTestKeyPair().publicKey;
    const own = generateTestKeyPair().publicKey;
    await v3.table('trustedKeys').bulkAdd([
      { publicKey: trusted, label: 'Bureau Zeeland', addedAt: '2026-10-01T10:00:00.000Z' },
      { publicKey: 'not-a-key', label: 'broken', addedAt: '2026-10-01T10:00:00.000Z' },
    ]);
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    await v3.table('signingKeys').add({ id: 'assessor', privateKey: pair.privateKey, publicKey: own, createdAt: '2026-09-01T10:00:00.000Z' });
    await v3.table('settings').add({ key: 'locale', value: 'nl' });
    v3.close();

    const db = new QuickScanDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.trustAnchors.toArray()).toEqual([
      { fingerprint: keyFingerprint(trusted), key: ed25519Jwk(trusted), label: 'Bureau Zeeland', addedAt: '2026-10-01T10:00:00.000Z', uses: ['signer'] },
    ]);
    // the fingerprint users compared before is the same one
    expect(keyFingerprint(ed25519Jwk(trusted))).toBe(keyFingerprint(trusted));
    // a record that is not a key is left where it was, never lost
    expect((await db.trustedKeys.toArray()).map((k) => k.label)).toEqual(['broken']);
    const key = await db.signingKeys.get('assessor');
    expect(key).toMatchObject({ key: ed25519Jwk(own), publicKey: own, backedUpAt: null, createdAt: '2026-09-01T10:00:00.000Z' });
    expect(key?.privateKey).toBeInstanceOf(CryptoKey);
    expect(await db.trustLists.count()).toBe(0);
    expect(await db.retiredKeys.count()).toBe(0);
    expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'nl' });
    db.close();
  });
});

describe('version 4: a summary per project', () => {
  it('opens a version 3 database and gives every project the summary the list shows, leaving unreadable ones alone', async () => {
    const name = freshName();
    const v3 = await openAsReleased(name, 3);
    const project = { id: 'p1', name: 'School', address: '', municipality: 'Goes', client: '', buildingType: '', kind: 'new_build', phase: 'VO', gfaM2: 2400, constructionBudgetEur: 6e6, circularBudget: { mode: 'pct', pct: 3 }, createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z', deletedAt: null };
    const scan = (id: string, updatedAt: string, answers: Record<string, unknown>, deletedAt: string | null = null) => ({ id, projectId: 'p1', name: id, definitionId: 'zeeland-quickscan', definitionVersion: '1.0.0', answers, costOverrides: [], locked: [], variantOf: null, createdAt: '2026-11-01T10:00:00.000Z', updatedAt, deletedAt });
    await v3.table('projects').bulkAdd([project, { id: 'p2', name: 'Leeg', createdAt: '2026-10-01T10:00:00.000Z' }, { id: 'p9', name: '' }]);
    await v3.table('scans').bulkAdd([
      scan('s1', '2026-11-02T10:00:00.000Z', { A1: { level: 'l2' } }),
      scan('s2', '2026-11-03T10:00:00.000Z', { A1: { level: 'l3' }, A2: { level: 'l3' } }),
      scan('s3', '2026-11-04T10:00:00.000Z', {}, '2026-11-05T10:00:00.000Z'),
    ]);
    v3.close();

    const db = new QuickScanDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    const p1 = await db.summaries.get('p1');
    expect(p1?.scanCount).toBe(2);
    expect(p1?.latest?.scanId).toBe('s2');
    expect(typeof p1?.latest?.total).toBe('number');
    expect(await db.summaries.get('p2')).toMatchObject({ projectId: 'p2', project: { name: 'Leeg', phase: 'SO' }, scanCount: 0, latest: null, unreadable: 0 });
    expect(await db.summaries.get('p9')).toBeUndefined();
    expect(await db.projects.get('p9')).toEqual({ id: 'p9', name: '' });
    expect(await db.scans.count()).toBe(3);
    db.close();
  });
});

describe('version 6: the signed PDFs of format-2 revisions', () => {
  it('opens a version 5 database with its revisions and signing key unchanged, and an empty table for issued PDFs', async () => {
    const name = freshName();
    const v5 = await openAsReleased(name, 5);
    const revision = { id: 'r1', projectId: 'p1', scanId: 's1', referenceCode: 'QS-AAAA-BBBB-CCCC', contentHash: 'a'.repeat(64), phase: 'VO', issuedAt: '2026-11-01T10:00:00.000Z', envelope: { format: 'quickscan-issued-envelope', formatVersion: 1 } };
    await v5.table('revisions').add(revision);
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    await v5.table('signingKeys').add({ id: 'assessor', privateKey: pair.privateKey, key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, alg: 'ES256' }, createdAt: '2026-11-01T10:00:00.000Z', backedUpAt: '2026-11-01T10:01:00.000Z' });
    v5.close();

    const db = new QuickScanDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.revisions.toArray()).toEqual([revision]);
    const key = await db.signingKeys.get('assessor');
    expect(key).toMatchObject({ createdAt: '2026-11-01T10:00:00.000Z', backedUpAt: '2026-11-01T10:01:00.000Z', key: { kty: 'EC', x: jwk.x } });
    expect(key?.privateKey).toBeInstanceOf(CryptoKey);
    expect(await db.issuedPdfs.count()).toBe(0);
    await db.issuedPdfs.add({ revisionId: 'r1', locale: 'nl', data: new Uint8Array([37, 80, 68, 70]) });
    expect((await db.issuedPdfs.get('r1'))?.data).toEqual(new Uint8Array([37, 80, 68, 70]));
    db.close();
  });
});

describe('version 7: confirmed key statements', () => {
  it('opens a version 6 database with its trust anchors, lists and revisions unchanged, and an empty table for key statements', async () => {
    const name = freshName();
    const v6 = await openAsReleased(name, 6);
    const { publicKey } = generateTestKeyPair();
    const key = ed25519Jwk(publicKey);
    const anchor = { fingerprint: keyFingerprint(key), key, label: 'Bureau De Vries', addedAt: '2026-11-01T10:00:00.000Z', uses: ['signer'] };
    await v6.table('trustAnchors').add(anchor);
    const list = { id: '0d6c2f4e-7a1b-4c3d-9e8f-1a2b3c4d5e6f', operatorFingerprint: keyFingerprint(key), document: { format: 'quickscan-trustlist-envelope' }, addedAt: '2026-11-01T10:00:00.000Z' };
    await v6.table('trustLists').add(list);
    await v6.table('issuedPdfs').add({ revisionId: 'r1', locale: 'nl', data: new Uint8Array([37, 80, 68, 70]) });
    v6.close();

    const db = new QuickScanDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.trustAnchors.toArray()).toEqual([anchor]);
    expect(await db.trustLists.toArray()).toEqual([list]);
    expect((await db.issuedPdfs.get('r1'))?.data).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(await db.keyStatements.count()).toBe(0);
    const record = { id: 'a'.repeat(64), kind: 'key-revocation' as const, subjectFingerprint: keyFingerprint(key), document: { format: 'quickscan-key-statement-envelope' }, confirmedAt: '2026-12-01T10:00:00.000Z' };
    await db.keyStatements.add(record);
    expect(await db.keyStatements.where('subjectFingerprint').equals(keyFingerprint(key)).toArray()).toEqual([record]);
    db.close();
  });
});
