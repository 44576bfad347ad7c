import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../forms/hash';
import {
  isVerifiedKeyStatement,
  KeyStatementSignerError,
  keyStatementJsonText,
  privateJwkSigner,
  signKeyRevocation,
  signKeyRotation,
  verifyKeyStatement,
  withKeyStatements,
  type KeyRevocationContent,
  type KeyRotationContent,
  type KeyStatementEnvelope,
  type VerifiedKeyRotation,
  type VerifiedKeyStatement,
} from './key-statements';
import { generatePrivateJwk, keyFingerprint, publicJwkOf, signingMessage, signWithPrivateJwk, toPublicJwk, type PrivateJwk } from './keys';
import { encodeB64u } from './signature';
import { assessSigner, NO_ANCHORS, signTrustList, verifyTrustList, type TrustAnchors, type TrustListContent } from './trust';
import { decideVerdict, type Finding } from './verdict';

const oldPrivate = generatePrivateJwk('ES256');
const oldKey = publicJwkOf(oldPrivate);
const newPrivate = generatePrivateJwk('ES256');
const newKey = publicJwkOf(newPrivate);
const otherPrivate = generatePrivateJwk('ES256');
const NOW = '2026-09-01T12:00:00Z';
const sound: Finding[] = [{ code: 'data-intact' }, { code: 'signature-valid' }];
const verdictOf = (findings: Finding[]) => decideVerdict([...sound, ...findings]).verdict;

function rotationContent(over: Partial<KeyRotationContent> = {}): KeyRotationContent {
  return {
    format: 'quickscan-key-statement',
    formatVersion: 1,
    statement: 'key-rotation',
    oldKey,
    newKey,
    effectiveAt: '2026-06-01T00:00:00Z',
    issuedAt: '2026-05-30T09:00:00Z',
    name: 'Ir. A. de Vries',
    organisation: 'Bureau De Vries',
    ...over,
  } as KeyRotationContent;
}

function revocationContent(over: Partial<KeyRevocationContent> = {}): KeyRevocationContent {
  return {
    format: 'quickscan-key-statement',
    formatVersion: 1,
    statement: 'key-revocation',
    key: oldKey,
    revokedAt: '2026-06-01T00:00:00Z',
    reason: 'key-compromise',
    issuedAt: '2026-06-02T09:00:00Z',
    name: 'Ir. A. de Vries',
    organisation: 'Bureau De Vries',
    ...over,
  } as KeyRevocationContent;
}

const rotate = (c = rotationContent(), a: PrivateJwk = oldPrivate, b: PrivateJwk = newPrivate) => signKeyRotation(c, privateJwkSigner(a), privateJwkSigner(b));
const revoke = (c = revocationContent(), k: PrivateJwk = oldPrivate) => signKeyRevocation(c, privateJwkSigner(k));

function verified(env: KeyStatementEnvelope): VerifiedKeyStatement {
  const check = verifyKeyStatement(keyStatementJsonText(env));
  if (!check.ok) throw new Error(check.problem);
  return check.statement;
}

/** Re-hashes a changed content, keeping the old signatures. */
function rehashed(env: KeyStatementEnvelope, content: unknown): unknown {
  return { ...env, content, contentHash: sha256Hex(canonicalJson(content)) };
}

describe('key statements: format, signing and checking', () => {
  it('a rotation signed by both keys and a revocation signed by its key verify from their file text', async () => {
    const rot = verified(await rotate());
    expect(rot).toMatchObject({ kind: 'key-rotation', oldFingerprint: keyFingerprint(oldKey), newFingerprint: keyFingerprint(newKey) });
    expect(isVerifiedKeyStatement(rot)).toBe(true);
    const rev = verified(await revoke());
    expect(rev).toMatchObject({ kind: 'key-revocation', fingerprint: keyFingerprint(oldKey), revocation: { fingerprint: keyFingerprint(oldKey), revokedAt: '2026-06-01T00:00:00Z', reason: 'key-compromise' } });
    // bytes as read from disk, too
    expect(verifyKeyStatement(new TextEncoder().encode(keyStatementJsonText(await revoke()))).ok).toBe(true);
    expect(isVerifiedKeyStatement({ ...rev })).toBe(false);
  });

  it('Ed25519 keys can rotate to P-256 keys (the app moves legacy keys this way)', async () => {
    const legacyPrivate = generatePrivateJwk('EdDSA');
    const env = await rotate(rotationContent({ oldKey: publicJwkOf(legacyPrivate) }), legacyPrivate);
    expect(verifyKeyStatement(keyStatementJsonText(env))).toMatchObject({ ok: true, statement: { kind: 'key-rotation' } });
  });

  it('signs with a non-extractable WebCrypto key through a signer callback, as the app does', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const key = toPublicJwk(await crypto.subtle.exportKey('jwk', pair.publicKey))!;
    const webSigner = async (purpose: Parameters<typeof signingMessage>[0], text: string) =>
      encodeB64u(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, signingMessage(purpose, text))));
    const env = await signKeyRotation(rotationContent({ newKey: key }), privateJwkSigner(oldPrivate), webSigner);
    expect(verifyKeyStatement(keyStatementJsonText(env)).ok).toBe(true);
    const rev = await signKeyRevocation(revocationContent({ key }), webSigner);
    expect(verifyKeyStatement(keyStatementJsonText(rev)).ok).toBe(true);
  });

  it('a signer that uses another key than the statement names is refused when signing', async () => {
    await expect(rotate(rotationContent(), otherPrivate)).rejects.toBeInstanceOf(KeyStatementSignerError);
    await expect(rotate(rotationContent(), oldPrivate, otherPrivate)).rejects.toMatchObject({ which: 'new-key' });
    await expect(revoke(revocationContent(), newPrivate)).rejects.toMatchObject({ which: 'key' });
    await expect(rotate(rotationContent({ newKey: oldKey }), oldPrivate, oldPrivate)).rejects.toThrow();
  });

  it('says what is wrong with a bad statement', async () => {
    const rot = await rotate();
    const text = keyStatementJsonText(rot);
    expect(verifyKeyStatement('{"format":')).toMatchObject({ ok: false, problem: 'not-json' });
    expect(verifyKeyStatement(new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false, problem: 'not-json' });
    expect(verifyKeyStatement(text.replace('"formatVersion": 1,', '"formatVersion": 1, "formatVersion": 1,'))).toMatchObject({ ok: false, problem: 'duplicate-key' });
    expect(verifyKeyStatement(text.replace('"formatVersion": 1,', '"__proto__": {}, "formatVersion": 1,'))).toMatchObject({ ok: false, problem: 'forbidden-key' });
    const list: TrustListContent = {
      format: 'quickscan-trustlist',
      formatVersion: 1,
      listId: '6f2b1c3e-1d2a-4b5c-8d9e-0a1b2c3d4e5f',
      name: 'L',
      sequence: 1,
      issuedAt: '2026-01-01T00:00:00Z',
      validUntil: '2027-01-01T00:00:00Z',
      operator: { name: 'O', organisation: '', key: oldKey },
      entries: [],
      revocations: [],
    };
    expect(verifyKeyStatement(signTrustList(list, oldPrivate))).toMatchObject({ ok: false, problem: 'not-a-key-statement' });
    expect(verifyKeyStatement([])).toMatchObject({ ok: false, problem: 'not-a-key-statement' });
    const rsa = { kty: 'RSA', n: 'abc', e: 'AQAB' };
    expect(verifyKeyStatement({ ...rot, content: { ...rot.content, newKey: rsa } })).toMatchObject({ ok: false, problem: 'unknown-key-type', detail: 'RSA', kind: 'key-rotation' });
    expect(verifyKeyStatement({ ...rot, newKeySignature: undefined })).toMatchObject({ ok: false, problem: 'malformed', errors: [{ path: 'newKeySignature' }] });
    expect(verifyKeyStatement({ ...rot, extra: 1 })).toMatchObject({ ok: false, problem: 'malformed' });
    expect(verifyKeyStatement({ ...rot, content: { ...rot.content, reason: 'superseded' } })).toMatchObject({ ok: false, problem: 'malformed' });
    // the date moved without re-hashing
    expect(verifyKeyStatement({ ...rot, content: { ...rot.content, effectiveAt: '2026-01-01T00:00:00Z' } })).toMatchObject({ ok: false, problem: 'data-altered' });
    // re-hashed, the old signatures no longer fit
    expect(verifyKeyStatement(rehashed(rot, { ...rot.content, effectiveAt: '2026-01-01T00:00:00Z' }))).toMatchObject({ ok: false, problem: 'signature-invalid' });
    // someone claims another person's key as their new key: no countersignature by it
    const otherKey = publicJwkOf(otherPrivate);
    const claimed = rotationContent({ newKey: otherKey });
    const canonical = canonicalJson(claimed);
    const forged = { ...rot, content: claimed, contentHash: sha256Hex(canonical), signature: signWithPrivateJwk('key-rotation', canonical, oldPrivate), newKeySignature: rot.newKeySignature };
    expect(verifyKeyStatement(forged)).toMatchObject({ ok: false, problem: 'new-key-signature-invalid' });
    // a revocation signed by another key than the one it revokes
    const rev = await revoke();
    const badRev = { ...rev, signature: signWithPrivateJwk('key-revocation', canonicalJson(rev.content), newPrivate) };
    expect(verifyKeyStatement(badRev)).toMatchObject({ ok: false, problem: 'signature-invalid', kind: 'key-revocation' });
    // a signature made for another purpose cannot be replayed
    const replayed = { ...rev, signature: signWithPrivateJwk('revision', canonicalJson(rev.content), oldPrivate) };
    expect(verifyKeyStatement(replayed)).toMatchObject({ ok: false, problem: 'signature-invalid' });
    expect(verifyKeyStatement({ ...rev, newKeySignature: rot.newKeySignature })).toMatchObject({ ok: false, problem: 'malformed' });
  });
});

describe('key statements in the one rule (assessSigner)', () => {
  const own: TrustAnchors = { keys: [{ key: oldKey, label: 'De Vries (gecontroleerd)' }], lists: [] };
  const before = { at: '2026-05-15T10:00:00Z', name: 'Ir. A. de Vries' };
  const after = { at: '2026-07-01T10:00:00Z', name: 'Ir. A. de Vries' };

  it('a revocation: earlier revisions keep passing with a note, later ones fail', async () => {
    const anchors = withKeyStatements(own, [verified(await revoke())]);
    const early = assessSigner(oldKey, before, anchors, NOW);
    expect(early.findings.map((f) => f.code)).toEqual(['signer-trusted', 'signer-revoked-later']);
    expect(verdictOf(early.findings)).toBe('passed');
    const late = assessSigner(oldKey, after, anchors, NOW);
    expect(late.finding).toMatchObject({ code: 'signer-revoked', at: '2026-06-01T00:00:00Z', detail: 'key-compromise' });
    expect(late.finding.anchor).toBeUndefined();
    expect(verdictOf(late.findings)).toBe('failed');
    // the same statement twice counts once
    expect(withKeyStatements(own, [verified(await revoke()), verified(await revoke())]).revocations).toHaveLength(1);
  });

  it('a rotation adds no trust until confirmed; then the new key has the old key’s trust from the effective date', async () => {
    const rot = verified(await rotate());
    expect(assessSigner(newKey, after, own, NOW).finding.code).toBe('signer-unknown');
    const anchors = withKeyStatements(own, [rot]);
    const r = assessSigner(newKey, after, anchors, NOW);
    expect(r.finding).toMatchObject({ code: 'signer-trusted', fingerprint: keyFingerprint(newKey), anchor: { kind: 'own', label: 'De Vries (gecontroleerd)' } });
    expect(r.findings[1]).toEqual({ code: 'signer-key-rotated', fingerprint: keyFingerprint(oldKey), at: '2026-06-01T00:00:00Z', detail: keyFingerprint(newKey) });
    expect(verdictOf(r.findings)).toBe('passed');
    // before the effective date the new key is not vouched for
    expect(assessSigner(newKey, before, anchors, NOW).finding.code).toBe('signer-unknown');
    // the old key still passes before, and is superseded after
    expect(assessSigner(oldKey, before, anchors, NOW).findings.map((f) => f.code)).toEqual(['signer-trusted', 'signer-revoked-later']);
    const late = assessSigner(oldKey, after, anchors, NOW);
    expect(late.finding).toMatchObject({ code: 'signer-revoked', detail: 'superseded', at: '2026-06-01T00:00:00Z' });
    expect(verdictOf(late.findings)).toBe('failed');
  });

  it('a rotation made up by hand does not count', async () => {
    const rot = verified(await rotate());
    expect(assessSigner(newKey, after, { ...own, rotations: [{ ...(rot as VerifiedKeyRotation) }] }, NOW).finding.code).toBe('signer-unknown');
  });

  it('the new key inherits a trust list entry, with its role, validity and name', async () => {
    const operatorPrivate = generatePrivateJwk();
    const content: TrustListContent = {
      format: 'quickscan-trustlist',
      formatVersion: 1,
      listId: '6f2b1c3e-1d2a-4b5c-8d9e-0a1b2c3d4e5f',
      name: 'Erkende assessoren',
      sequence: 2,
      issuedAt: '2026-01-01T00:00:00Z',
      validUntil: '2027-01-01T00:00:00Z',
      operator: { name: 'CBZ', organisation: '', key: publicJwkOf(operatorPrivate) },
      entries: [{ key: oldKey, name: 'Ir. A. de Vries', organisation: 'Bureau De Vries', role: 'independent-assessor', validFrom: '2025-01-01T00:00:00Z', validTo: '2026-12-01T00:00:00Z' }],
      revocations: [],
    };
    const check = verifyTrustList(signTrustList(content, operatorPrivate), { now: NOW });
    if (!check.ok) throw new Error(check.problem);
    const anchors = withKeyStatements({ keys: [], lists: [check.list] }, [verified(await rotate())]);
    const role = ['independent-assessor', 'self-assessment'] as const;
    expect(assessSigner(newKey, { ...after, role }, anchors, NOW).finding).toMatchObject({ code: 'signer-trusted', anchor: { kind: 'trust-list', sequence: 2 } });
    expect(assessSigner(newKey, { ...after, role, name: 'Iemand anders' }, anchors, NOW).finding).toMatchObject({ code: 'signer-name-mismatch', detail: 'Ir. A. de Vries' });
    expect(assessSigner(newKey, { ...after, role: 'authority' }, anchors, NOW).finding.code).toBe('signer-role-mismatch');
    expect(assessSigner(newKey, { at: '2026-12-15T00:00:00Z', name: 'Ir. A. de Vries', role }, anchors, NOW).finding.code).toBe('signer-outside-validity');
    expect(assessSigner(newKey, { ...after, role, requiredListId: content.listId }, anchors, NOW).finding.code).toBe('signer-trusted');
  });

  it('a key revoked before it names a successor cannot vouch for it; one revoked later can', async () => {
    const rot = verified(await rotate());
    const compromisedEarlier = verified(await revoke(revocationContent({ revokedAt: '2026-05-01T00:00:00Z' })));
    expect(assessSigner(newKey, after, withKeyStatements(own, [rot, compromisedEarlier]), NOW).finding.code).toBe('signer-unknown');
    const compromisedLater = verified(await revoke(revocationContent({ revokedAt: '2026-06-15T00:00:00Z' })));
    const r = assessSigner(newKey, after, withKeyStatements(own, [rot, compromisedLater]), NOW);
    expect(r.finding.code).toBe('signer-trusted');
    expect(r.findings.map((f) => f.code)).toEqual(['signer-trusted', 'signer-key-rotated']);
    // a second rotation of the same old key, made after the first (e.g. by a thief), is refused
    const thiefKey = publicJwkOf(otherPrivate);
    const second = verified(await rotate(rotationContent({ newKey: thiefKey, effectiveAt: '2026-06-10T00:00:00Z' }), oldPrivate, otherPrivate));
    expect(assessSigner(thiefKey, after, withKeyStatements(own, [rot, second]), NOW).finding.code).toBe('signer-unknown');
    // a revocation of the new key itself still counts
    const newRevoked = verified(await revoke(revocationContent({ key: newKey, revokedAt: '2026-06-20T00:00:00Z' }), newPrivate));
    expect(assessSigner(newKey, after, withKeyStatements(own, [rot, newRevoked]), NOW).finding.code).toBe('signer-revoked');
  });

  it('rotations chain (A → B → C), and a cycle ends', async () => {
    const cPrivate = generatePrivateJwk();
    const cKey = publicJwkOf(cPrivate);
    const ab = verified(await rotate());
    const bc = verified(await rotate(rotationContent({ oldKey: newKey, newKey: cKey, effectiveAt: '2026-06-20T00:00:00Z' }), newPrivate, cPrivate));
    const chained = assessSigner(cKey, after, withKeyStatements(own, [ab, bc]), NOW);
    expect(chained.finding).toMatchObject({ code: 'signer-trusted', anchor: { kind: 'own' } });
    expect(chained.findings.filter((f) => f.code === 'signer-key-rotated').map((f) => f.fingerprint)).toEqual([keyFingerprint(newKey), keyFingerprint(oldKey)]);
    const ba = verified(await rotate(rotationContent({ oldKey: newKey, newKey: oldKey, effectiveAt: '2026-06-20T00:00:00Z' }), newPrivate, oldPrivate));
    // B was superseded by its rotation back to A; what matters is that the cycle ends
    expect(assessSigner(newKey, after, withKeyStatements(NO_ANCHORS, [ab, ba]), NOW).finding.code).toBe('signer-revoked');
    expect(assessSigner(oldKey, { ...after, at: '2026-06-25T00:00:00Z' }, withKeyStatements(NO_ANCHORS, [ab, ba]), NOW).finding.code).toBe('signer-revoked');
  });
});

describe('the key statement JSON Schema', () => {
  it('docs/key-statement.schema.json is the schema generated from scoring/key-statements.ts', async () => {
    const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
    const { keyStatementJsonSchemaText } = await import('./key-statements');
    const path = new URL('../docs/key-statement.schema.json', import.meta.url);
    const generated = keyStatementJsonSchemaText();
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(path, generated);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
    expect(committed === generated, 'docs/key-statement.schema.json is out of date: UPDATE_SCHEMAS=1 npx vitest run scoring/key-statements.test.ts').toBe(true);
  });
});
