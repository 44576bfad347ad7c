import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyFile } from '../../report/verify';
import { ed25519Jwk, keyFingerprint } from '../../scoring/keys';
import { encodeB64u } from '../../scoring/signature';
import { db } from '../db/db';
import { storeFirstSigningKey } from '../db/keys';
import { createProject } from '../db/projects';
import { createScan } from '../db/scans';
import type { RevisionRecord } from '../db/records';
import { envelopeOf, issueRevision, IssueRefused, pdfLocalesOf, revisionPdf, type IssueRequest } from './issue';
import { generateP256, importNonExtractable } from './signing';
import { generatePrivateJwk } from '../../scoring/keys';
import { signProfile, signProfileFormat2 } from '../../report/fixtures/example';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

const assessor = { name: 'Anouk de Vries', organisation: 'Circulair Advies Zeeland', role: 'Adviseur', assessmentType: 'independent' as const };
const request: IssueRequest = { phase: 'VO', assessmentType: 'independent', assumptions: 'Prijspeil 2026.', exclusions: '', followUp: [], locale: 'en' };

async function projectWithScan() {
  const project = await createProject({ name: 'Brede school Goes', gfaM2: 2400 });
  const scan = await createScan({ projectId: project.id, name: 'VO', definitionId: 'zeeland-quickscan', definitionVersion: '1.0.0' }, { answers: { A1: { level: 'l2', note: 'Gymzaal blijft.' } } });
  return { project: { ...project, gfaM2: 2400 }, scan };
}

async function p256Key() {
  const { key, privateKey } = await importNonExtractable(await generateP256());
  return storeFirstSigningKey({ id: 'assessor', privateKey, key, createdAt: '2026-12-01T10:00:00.000Z', backedUpAt: '2026-12-01T10:00:00.000Z' });
}

describe('issuing in the app', () => {
  it('without a signing key nothing is issued: the user is sent to make one', async () => {
    const { project, scan } = await projectWithScan();
    await expect(issueRevision(project, scan, assessor, request)).rejects.toEqual(new IssueRefused('no-key'));
    expect(await db.revisions.count()).toBe(0);
    expect(await db.signingKeys.count()).toBe(0);
  });

  it('a P-256 key issues format 2 with its signed PAdES PDF stored as issued, in the signed language only', async () => {
    const key = await p256Key();
    const { project, scan } = await projectWithScan();
    const record = await issueRevision(project, scan, assessor, request);
    const envelope = envelopeOf(record);
    expect(envelope.formatVersion).toBe(2);
    expect(record.referenceCode).toMatch(/^QS(-[0-9A-Z*~$=]{4}){6}$/);
    expect(envelope.formatVersion === 2 && envelope.content.report).toEqual({ locale: 'en', layout: 2 });
    expect(pdfLocalesOf(envelope)).toEqual(['en']);

    const pdf = await revisionPdf(record, 'en');
    expect(await revisionPdf(record, 'en')).toEqual(pdf); // the stored bytes, not a new signature
    await expect(revisionPdf(record, 'nl')).rejects.toEqual(new IssueRefused('pdf-not-held'));

    // own key counted as own anchor: passed; no anchors: indeterminate
    const own = await verifyFile(pdf, 'a.pdf', { anchors: { keys: [{ key: key.key, label: 'own' }], lists: [] } });
    expect(own.verdict).toBe('passed');
    expect(own.signer?.fingerprint).toBe(keyFingerprint(key.key));
    expect((await verifyFile(pdf, 'a.pdf')).verdict).toBe('indeterminate');
  });

  it('a second revision links the first in its signed history', async () => {
    await p256Key();
    const { project, scan } = await projectWithScan();
    const first = await issueRevision(project, scan, assessor, request);
    const second = await issueRevision(project, scan, assessor, { ...request, phase: 'DO' });
    expect(envelopeOf(second).content.history.map((h) => h.referenceCode)).toEqual([first.referenceCode]);
  });

  it('a format-2 revision imported without its PDF gets one only from the key that signed it', async () => {
    await p256Key();
    const { project, scan } = await projectWithScan();
    const record = await issueRevision(project, scan, assessor, request);
    await db.issuedPdfs.clear();
    const again = await revisionPdf(record, 'en');
    expect((await verifyFile(again, 'b.pdf')).findings.some((f) => f.code === 'signature-valid')).toBe(true);
    // another key on this device cannot make the document
    await db.signingKeys.clear();
    await p256Key();
    await expect(revisionPdf(record, 'en')).rejects.toEqual(new IssueRefused('pdf-not-held'));
  });

  it('an Ed25519 key (made before backups) still issues format 1, whose PDF rebuilds in either language', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const raw = encodeB64u(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
    await storeFirstSigningKey({ id: 'assessor', privateKey: pair.privateKey, key: ed25519Jwk(raw), publicKey: raw, createdAt: '2026-01-01T00:00:00.000Z', backedUpAt: null });
    const { project, scan } = await projectWithScan();
    const record: RevisionRecord = await issueRevision(project, scan, assessor, request);
    expect(envelopeOf(record).formatVersion).toBe(1);
    expect(pdfLocalesOf(envelopeOf(record))).toEqual(['nl', 'en']);
    const nl = await revisionPdf(record, 'nl');
    expect((await verifyFile(nl, 'c.pdf')).findings.some((f) => f.code === 'pages-match')).toBe(true);
    expect(await db.issuedPdfs.count()).toBe(0);
  });

  it('a format-2 requirement profile: a P-256 key issues with it (format 2); an Ed25519 key refuses it and issues nothing', async () => {
    const profile = signProfileFormat2(generatePrivateJwk('ES256'));
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const raw = encodeB64u(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
    await storeFirstSigningKey({ id: 'assessor', privateKey: pair.privateKey, key: ed25519Jwk(raw), publicKey: raw, createdAt: '2026-01-01T00:00:00.000Z', backedUpAt: null });
    const { project, scan } = await projectWithScan();
    await expect(issueRevision(project, scan, assessor, { ...request, profile })).rejects.toEqual(new IssueRefused('profile-format-2'));
    expect(await db.revisions.count()).toBe(0);
    // a format-1 profile is still carried by a format-1 revision
    const old = await issueRevision(project, scan, assessor, { ...request, profile: signProfile() });
    expect(envelopeOf(old).content.profile?.formatVersion).toBe(1);

    await db.signingKeys.clear();
    await p256Key();
    const record = await issueRevision(project, scan, assessor, { ...request, profile });
    const env = envelopeOf(record);
    expect(env.formatVersion).toBe(2);
    expect(env.content.profile).toEqual(profile);
  }, 60_000);
});
