import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyFile } from '../../report/verify';
import { keyFingerprint, sameKey } from '../../scoring/keys';
import { verifyKeyStatement } from '../../scoring/key-statements';
import { db } from '../db/db';
import { readSigningKey } from '../db/keys';
import { createProject } from '../db/projects';
import { createScan } from '../db/scans';
import { loadVerificationAnchors } from './anchors';
import { issueRevision, IssueRefused, revisionPdf, type IssueRequest } from './issue';
import { readKeyBackup } from './key-backup';
import { retiredKeys, revokeKey, rotateKey } from './key-lifecycle';
import { newKeyWithBackup, restoreKeyFromBackup } from './signing';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

const owner = { name: 'Anouk de Vries', organisation: 'Circulair Advies Zeeland' };
const assessor = { ...owner, role: 'Adviseur', assessmentType: 'self' as const };
const request: IssueRequest = { phase: 'VO', assessmentType: 'self', assumptions: '', exclusions: '', followUp: [], locale: 'nl' };
const passphrase = 'een lange zin als wachtwoord';

/** The save dialog: keeps what was saved, or cancels. */
function saver(cancel = false) {
  const saved: { fileName: string; data: Uint8Array }[] = [];
  return { saved, save: async (file: { fileName: string; data: Uint8Array }) => (cancel ? false : (saved.push(file), true)) };
}

async function issueOne() {
  const project = await createProject({ name: 'School', gfaM2: 1000 });
  const scan = await createScan({ projectId: project.id, name: 'VO', definitionId: 'zeeland-quickscan', definitionVersion: '1.0.0' });
  return issueRevision({ ...project, gfaM2: 1000 }, scan, assessor, request);
}

describe('the key lifecycle in the app', () => {
  it('a new key is stored only after its backup was saved', async () => {
    const cancelled = saver(true);
    expect(await newKeyWithBackup(passphrase, owner, cancelled.save)).toBeNull();
    expect(await readSigningKey()).toBeUndefined();
    const ok = saver();
    const record = await newKeyWithBackup(passphrase, owner, ok.save);
    expect(record?.key.kty).toBe('EC');
    expect(ok.saved).toHaveLength(1);
    expect(readKeyBackup(ok.saved[0]!.data).fingerprint).toBe(keyFingerprint(record!.key));
    expect((await readSigningKey())?.backedUpAt).toBeTruthy();
  });

  it('rotation: the new key signs from now on, the statement is signed by both, and what the old key issued still passes here', async () => {
    const first = (await newKeyWithBackup(passphrase, owner, saver().save))!;
    const before = await issueOne();
    const rotated = (await rotateKey(first, passphrase, owner, saver().save))!;
    expect(rotated).not.toBeNull();
    const current = (await readSigningKey())!;
    expect(sameKey(current.key, rotated.record.key)).toBe(true);
    expect(sameKey(current.key, first.key)).toBe(false);
    const check = verifyKeyStatement(rotated.statement);
    expect(check.ok && check.statement.kind === 'key-rotation' && check.statement.oldFingerprint).toBe(keyFingerprint(first.key));
    const [retired] = await retiredKeys();
    expect(retired?.record.reason).toBe('rotated');
    expect(retired?.statement).not.toBeNull();

    const anchors = await loadVerificationAnchors('own');
    expect((await verifyFile(await revisionPdf(before, 'nl'), 'before.pdf', { anchors })).verdict).toBe('passed');
    const after = await issueOne();
    expect((await verifyFile(await revisionPdf(after, 'nl'), 'after.pdf', { anchors })).verdict).toBe('passed');
  });

  it('revocation: the key is gone, nothing issues, its backup cannot bring it back, its earlier revisions still pass', async () => {
    const backup = saver();
    const key = (await newKeyWithBackup(passphrase, owner, backup.save))!;
    const before = await issueOne();
    const pdf = await revisionPdf(before, 'nl');
    const statement = await revokeKey(key, { revokedAt: new Date().toISOString(), reason: 'key-compromise', note: 'laptop gestolen' }, owner);
    expect(verifyKeyStatement(statement).ok).toBe(true);
    expect(await readSigningKey()).toBeUndefined();
    await expect(issueOne()).rejects.toEqual(new IssueRefused('no-key'));
    expect(await restoreKeyFromBackup(readKeyBackup(backup.saved[0]!.data), passphrase)).toEqual({ retired: 'revoked' });
    expect(await readSigningKey()).toBeUndefined();
    const verdict = await verifyFile(pdf, 'before.pdf', { anchors: await loadVerificationAnchors('own') });
    expect(verdict.verdict).toBe('passed');
    expect(verdict.findings.some((f) => f.code === 'signer-revoked-later')).toBe(true);
  });

  it('restore: the same key on a fresh device; a wrong passphrase or another key already here changes nothing', async () => {
    const backup = saver();
    const key = (await newKeyWithBackup(passphrase, owner, backup.save))!;
    const file = readKeyBackup(backup.saved[0]!.data);
    // a fresh device
    await db.signingKeys.clear();
    await expect(restoreKeyFromBackup(file, 'niet het goede wachtwoord')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await readSigningKey()).toBeUndefined();
    const restored = await restoreKeyFromBackup(file, passphrase);
    expect('restored' in restored && keyFingerprint(restored.restored.key)).toBe(keyFingerprint(key.key));
    const revision = await issueOne();
    expect((await verifyFile(await revisionPdf(revision, 'nl'), 'r.pdf')).signer?.fingerprint).toBe(keyFingerprint(key.key));
    // another key here: refused, the stored key stays
    await db.signingKeys.clear();
    const other = (await newKeyWithBackup(passphrase, owner, saver().save))!;
    expect(await restoreKeyFromBackup(file, passphrase)).toEqual({ otherKey: keyFingerprint(other.key) });
    expect(keyFingerprint((await readSigningKey())!.key)).toBe(keyFingerprint(other.key));
  });
});
