import { describe, expect, it } from 'vitest';
import { ed25519Jwk, generatePrivateJwk, keyFingerprint, publicJwkOf, type PublicJwk } from './keys';
import {
  assessSigner,
  NO_ANCHORS,
  signTrustList,
  trustListJsonText,
  verifyTrustList,
  type TrustAnchors,
  type TrustListContent,
  type VerifiedTrustList,
} from './trust';
import { decideVerdict } from './verdict';
import testKey from '../docs/examples/issued/test-key.public.json';

const operatorPrivate = generatePrivateJwk('ES256');
const operator = publicJwkOf(operatorPrivate);
const assessorPrivate = generatePrivateJwk('ES256');
const assessor = publicJwkOf(assessorPrivate);
const legacy = ed25519Jwk(testKey.publicKey);

function content(over: Partial<TrustListContent> = {}): TrustListContent {
  return {
    format: 'quickscan-trustlist',
    formatVersion: 1,
    listId: '6f2b1c3e-1d2a-4b5c-8d9e-0a1b2c3d4e5f',
    name: 'Erkende assessoren QuickScan Circulair Bouwen',
    sequence: 3,
    issuedAt: '2026-01-01T00:00:00Z',
    validUntil: '2027-01-01T00:00:00Z',
    operator: { name: 'Stichting Circulair Bouwen Zeeland', organisation: 'CBZ', key: operator },
    entries: [
      { key: assessor, name: 'Ir. A. de Vries', organisation: 'Bureau De Vries', role: 'independent-assessor', validFrom: '2025-01-01T00:00:00Z' },
      { key: legacy, name: 'QuickScan testsleutel', organisation: 'CBZ', role: 'self-assessment', validFrom: '2024-01-01T00:00:00Z', validTo: '2026-06-30T00:00:00Z' },
    ],
    revocations: [],
    ...over,
  };
}

const NOW = '2026-03-01T12:00:00Z';

function loaded(c: TrustListContent = content(), now = NOW): VerifiedTrustList {
  const check = verifyTrustList(JSON.parse(trustListJsonText(signTrustList(c, operatorPrivate))), { now, operatorKeys: [operator] });
  if (!check.ok) throw new Error(check.problem);
  return check.list;
}

const anchors = (list = loaded(), extra: Partial<TrustAnchors> = {}): TrustAnchors => ({ keys: [], lists: [list], ...extra });
const claim = { at: '2026-02-01T10:00:00+01:00', name: 'Ir. A. de Vries', role: ['independent-assessor', 'self-assessment'] as const };

describe('trust lists', () => {
  it('a signed list verifies, with its version, operator fingerprint and expiry', () => {
    const env = signTrustList(content(), operatorPrivate);
    const check = verifyTrustList(trustListJsonText(env), { now: NOW });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.expired).toBe(false);
    expect(check.list.ref).toEqual({ kind: 'trust-list', listId: content().listId, name: content().name, sequence: 3, operator: 'Stichting Circulair Bouwen Zeeland', operatorFingerprint: keyFingerprint(operator) });
    expect(verifyTrustList(env, { now: '2027-02-01T00:00:00Z' })).toMatchObject({ ok: true, expired: true });
  });

  it('says what is wrong with a bad list', () => {
    const env = signTrustList(content(), operatorPrivate);
    expect(verifyTrustList('{"format":', { now: NOW })).toMatchObject({ ok: false, problem: 'malformed' });
    expect(verifyTrustList({ ...env, extra: 1 }, { now: NOW })).toMatchObject({ ok: false, problem: 'malformed' });
    const altered = structuredClone(env);
    altered.content.entries[0]!.name = 'Iemand anders';
    expect(verifyTrustList(altered, { now: NOW })).toMatchObject({ ok: false, problem: 'data-altered' });
    // re-hashed, but not re-signed by the operator
    const rehashed = signTrustList(altered.content, operatorPrivate);
    expect(verifyTrustList({ ...rehashed, signature: env.signature }, { now: NOW })).toMatchObject({ ok: false, problem: 'signature-invalid' });
    // signed by someone else who names himself operator
    const other = generatePrivateJwk();
    const forged = signTrustList(content({ operator: { name: 'Stichting Circulair Bouwen Zeeland', organisation: 'CBZ', key: publicJwkOf(other) } }), other);
    expect(verifyTrustList(forged, { now: NOW, operatorKeys: [operator] })).toMatchObject({ ok: false, problem: 'operator-not-trusted' });
    expect(verifyTrustList(env, { now: NOW, revocations: [{ fingerprint: keyFingerprint(operator), revokedAt: '2025-12-01T00:00:00Z', reason: 'key-compromise' }] })).toMatchObject({ ok: false, problem: 'operator-revoked' });
    // a list whose signature is for another purpose (a revision signature replayed) fails
    expect(verifyTrustList({ ...env, signature: signTrustList(content({ sequence: 4 }), operatorPrivate).signature }, { now: NOW })).toMatchObject({ ok: false, problem: 'signature-invalid' });
  });

  it('refuses a key listed twice and a list that ends before it starts', () => {
    const c = content();
    expect(verifyTrustList(signTrustList({ ...c, entries: [c.entries[0]!, { ...c.entries[0]! }] }, operatorPrivate), { now: NOW })).toMatchObject({ ok: false, problem: 'malformed' });
    expect(verifyTrustList(signTrustList({ ...c, validUntil: c.issuedAt }, operatorPrivate), { now: NOW })).toMatchObject({ ok: false, problem: 'malformed' });
  });
});

describe('assessSigner', () => {
  it('unknown without anchors; trusted by the own list or by the trust list, with its version', () => {
    expect(assessSigner(assessor, claim, NO_ANCHORS, NOW).finding.code).toBe('signer-unknown');
    const own = assessSigner(assessor, claim, { keys: [{ key: assessor, label: 'De Vries (gecontroleerd)' }], lists: [] }, NOW);
    expect(own.finding).toMatchObject({ code: 'signer-trusted', anchor: { kind: 'own', label: 'De Vries (gecontroleerd)' } });
    const listed = assessSigner(assessor, claim, anchors(), NOW);
    expect(listed.finding).toMatchObject({ code: 'signer-trusted', anchor: { kind: 'trust-list', sequence: 3 } });
    expect(listed.entry?.name).toBe('Ir. A. de Vries');
    expect(decideVerdict([{ code: 'data-intact' }, { code: 'signature-valid' }, ...listed.findings]).verdict).toBe('passed');
  });

  it('a list made up by hand (not verified) does not count', () => {
    const fake = { ...loaded() };
    expect(assessSigner(assessor, claim, { keys: [], lists: [fake] }, NOW).finding.code).toBe('signer-unknown');
  });

  it('revoked after the issue date still passes for revisions issued before it; revoked before fails', () => {
    const fp = keyFingerprint(assessor);
    const list = loaded(content({ revocations: [{ fingerprint: fp, revokedAt: '2026-02-15T00:00:00Z', reason: 'key-compromise' }] }));
    const earlier = assessSigner(assessor, claim, anchors(list), NOW);
    expect(earlier.finding.code).toBe('signer-trusted');
    expect(earlier.findings.map((f) => f.code)).toEqual(['signer-trusted', 'signer-revoked-later']);
    expect(decideVerdict([{ code: 'data-intact' }, { code: 'signature-valid' }, ...earlier.findings]).verdict).toBe('passed');
    const later = assessSigner(assessor, { ...claim, at: '2026-02-20T00:00:00Z' }, anchors(list), NOW);
    expect(later.finding).toMatchObject({ code: 'signer-revoked', at: '2026-02-15T00:00:00Z', detail: 'key-compromise', anchor: { kind: 'trust-list' } });
    expect(decideVerdict([{ code: 'data-intact' }, { code: 'signature-valid' }, ...later.findings]).verdict).toBe('failed');
    // a revocation beats the own list too
    const ownToo = assessSigner(assessor, { ...claim, at: '2026-02-20T00:00:00Z' }, anchors(list, { keys: [{ key: assessor, label: 'x' }] }), NOW);
    expect(ownToo.finding.code).toBe('signer-revoked');
  });

  it('an expired list gives indeterminate', () => {
    const r = assessSigner(assessor, claim, anchors(loaded(content(), '2027-06-01T00:00:00Z')), '2027-06-01T00:00:00Z');
    expect(r.finding).toMatchObject({ code: 'trust-list-expired', at: '2027-01-01T00:00:00Z' });
    expect(decideVerdict([{ code: 'data-intact' }, { code: 'signature-valid' }, ...r.findings])).toEqual({ verdict: 'indeterminate', reasons: ['trust-list-expired'] });
  });

  it('the name on the revision must match the entry (spacing and case aside)', () => {
    expect(assessSigner(assessor, { ...claim, name: '  ir. a.  de vries ' }, anchors(), NOW).finding.code).toBe('signer-trusted');
    const r = assessSigner(assessor, { ...claim, name: 'Prof. B. Jansen' }, anchors(), NOW);
    expect(r.finding).toMatchObject({ code: 'signer-name-mismatch', detail: 'Ir. A. de Vries' });
  });

  it('role and validity period of the entry count', () => {
    expect(assessSigner(assessor, { ...claim, role: 'authority' }, anchors(), NOW).finding).toMatchObject({ code: 'signer-role-mismatch', detail: 'independent-assessor' });
    expect(assessSigner(legacy, { at: '2026-07-01T00:00:00Z', name: 'QuickScan testsleutel' }, anchors(), NOW).finding.code).toBe('signer-outside-validity');
    expect(assessSigner(legacy, { at: '2023-07-01T00:00:00Z', name: 'QuickScan testsleutel' }, anchors(), NOW).finding.code).toBe('signer-outside-validity');
    expect(assessSigner(legacy, { at: '2025-07-01T00:00:00Z', name: 'QuickScan testsleutel' }, anchors(), NOW).finding.code).toBe('signer-trusted');
    // an own key restricted to a role
    const own: TrustAnchors = { keys: [{ key: assessor, label: 'gemeente', roles: ['authority'] }], lists: [] };
    expect(assessSigner(assessor, { at: NOW, role: 'independent-assessor' }, own, NOW).finding.code).toBe('signer-unknown');
    expect(assessSigner(assessor, { at: NOW, role: 'authority' }, own, NOW).finding.code).toBe('signer-trusted');
  });

  it('a tender that names its trust list: only that list counts', () => {
    const list = loaded();
    const other: PublicJwk = publicJwkOf(generatePrivateJwk());
    expect(assessSigner(assessor, { ...claim, requiredListId: list.content.listId }, anchors(list), NOW).finding.code).toBe('signer-trusted');
    expect(assessSigner(assessor, { ...claim, requiredListId: '00000000-0000-4000-8000-000000000000' }, anchors(list, { keys: [{ key: assessor, label: 'x' }] }), NOW).finding).toMatchObject({
      code: 'signer-not-on-required-list',
      detail: '00000000-0000-4000-8000-000000000000',
    });
    expect(assessSigner(other, { ...claim, requiredListId: list.content.listId }, anchors(list), NOW).finding.code).toBe('signer-not-on-required-list');
  });
});

describe('the trust list JSON Schema', () => {
  it('docs/trustlist.schema.json is the schema generated from scoring/trust.ts', async () => {
    const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
    const { trustListJsonSchemaText } = await import('./trust');
    const path = new URL('../docs/trustlist.schema.json', import.meta.url);
    const generated = trustListJsonSchemaText();
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(path, generated);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
    expect(committed === generated, 'docs/trustlist.schema.json is out of date: UPDATE_SCHEMAS=1 npx vitest run scoring/trust.test.ts').toBe(true);
  });
});
