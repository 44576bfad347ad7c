import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { keyStatementJsonText, privateJwkSigner, signKeyRevocation, signKeyRotation, type KeyStatementEnvelope } from '../../scoring/key-statements';
import { generatePrivateJwk, keyFingerprint, publicJwkOf } from '../../scoring/keys';
import { assessSigner } from '../../scoring/trust';
import type { KeyStatementRecord, TrustAnchorRecord } from '../db/records';
import { trustFrom } from './anchors';

const oldPrivate = generatePrivateJwk();
const oldKey = publicJwkOf(oldPrivate);
const newPrivate = generatePrivateJwk();
const newKey = publicJwkOf(newPrivate);
const holder = { format: 'quickscan-key-statement', formatVersion: 1, issuedAt: '2026-05-30T09:00:00Z', name: 'Bureau De Vries', organisation: '' } as const;

const anchor: TrustAnchorRecord = { fingerprint: keyFingerprint(oldKey), key: oldKey, label: 'Bureau De Vries', addedAt: '2026-01-01T00:00:00Z', uses: ['signer'] };
const stored = (env: KeyStatementEnvelope, kind: KeyStatementRecord['kind']): KeyStatementRecord => ({
  id: env.contentHash,
  kind,
  subjectFingerprint: keyFingerprint(oldKey),
  document: JSON.parse(keyStatementJsonText(env)) as unknown,
  confirmedAt: '2026-06-02T00:00:00Z',
});

describe('trustFrom: the stored, confirmed key statements', () => {
  it('a stored revocation and rotation are checked again and feed the verdicts; an altered one is reported, never used', async () => {
    const revocation = await signKeyRevocation({ ...holder, statement: 'key-revocation', key: oldKey, revokedAt: '2026-08-01T00:00:00Z', reason: 'key-compromise' }, privateJwkSigner(oldPrivate));
    const rotation = await signKeyRotation({ ...holder, statement: 'key-rotation', oldKey, newKey, effectiveAt: '2026-06-01T00:00:00Z' }, privateJwkSigner(oldPrivate), privateJwkSigner(newPrivate));
    const altered = stored(revocation, 'key-revocation');
    (altered.document as { content: { revokedAt: string } }).content.revokedAt = '2020-01-01T00:00:00Z';
    altered.id = 'b'.repeat(64);

    const trust = trustFrom([anchor], [], new Date('2026-09-01T00:00:00Z'), [stored(revocation, 'key-revocation'), stored(rotation, 'key-rotation'), altered]);
    expect(trust.statements.map((s) => s.check.ok)).toEqual([true, true, false]);
    expect(trust.statements[2]!.check).toMatchObject({ ok: false, problem: 'data-altered' });
    const now = '2026-09-01T00:00:00Z';
    // the new key has the old key's trust from the rotation date
    expect(assessSigner(newKey, { at: '2026-07-01T00:00:00Z' }, trust.anchors, now).finding).toMatchObject({ code: 'signer-trusted', anchor: { kind: 'own', label: 'Bureau De Vries' } });
    // the old key: before the rotation passes, after it is superseded
    expect(assessSigner(oldKey, { at: '2026-05-01T00:00:00Z' }, trust.anchors, now).finding.code).toBe('signer-trusted');
    expect(assessSigner(oldKey, { at: '2026-07-01T00:00:00Z' }, trust.anchors, now).finding).toMatchObject({ code: 'signer-revoked', detail: 'superseded' });
    // without statements nothing changes
    const plain = trustFrom([anchor], [], new Date(now));
    expect(plain.statements).toEqual([]);
    expect(assessSigner(oldKey, { at: '2026-07-01T00:00:00Z' }, plain.anchors, now).finding.code).toBe('signer-trusted');
    expect(assessSigner(newKey, { at: '2026-07-01T00:00:00Z' }, plain.anchors, now).finding.code).toBe('signer-unknown');
  });
});
