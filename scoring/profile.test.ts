import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../forms/hash';
import { getDefinition } from '../forms/registry';
import {
  anyProfileContentSchema,
  buildProfileEnvelope,
  buildProfileEnvelopeV2,
  canonicalProfileContent,
  parseProfileEnvelope,
  profileAppliesToMethod,
  profileContentHash,
  profileEnvelopeJsonText,
  profileIssues,
  profileSignerKey,
  ProfileSignerError,
  signProfile,
  signProfileWith,
  verifyProfileEnvelope,
  type ProfileContent,
  type ProfileContentV1,
  type ProfileContentV2,
} from './profile';
import { keyFingerprint, signWithSecretKey } from './signature';
import { ed25519Jwk, generatePrivateJwk, keyFingerprint as jwkFingerprint, publicJwkOf, signWithPrivateJwk, verifyPurposeSignature, type PrivateJwk } from './keys';
import { privateJwkSigner } from './key-statements';
import { LONG_REFERENCE_CODE_PATTERN, REFERENCE_CODE_PATTERN } from './reference-code';
import { fieldErrorText } from '../report/input-strings';

const key = JSON.parse(readFileSync(new URL('../report/fixtures/test-key.json', import.meta.url), 'utf8')) as { secretKey: string; publicKey: string };
const other = JSON.parse(readFileSync(new URL('../report/fixtures/other-test-key.json', import.meta.url), 'utf8')) as { secretKey: string; publicKey: string };
const released = getDefinition('zeeland-quickscan', '1.0.0')!;

const PROFILE: ProfileContentV1 = {
  format: 'quickscan-requirement-profile',
  formatVersion: 1,
  id: '3f1c2b8e-5a4d-4e6f-9a7b-1c2d3e4f5a6b',
  tender: { name: 'Nieuwbouw kindcentrum', reference: 'AB-2026-014' },
  contractingAuthority: 'Gemeente Kapelle',
  created: '2026-11-02',
  method: { id: 'zeeland-quickscan', version: '1.0.0', sha256: released.sha256 },
  minimumLabel: 'silver',
  themeMinimums: { C: 40, F: 25 },
  mustHaves: [
    { question: 'C1', minLevel: 'l2' },
    { question: 'F1', minLevel: 'l3' },
  ],
  valuePerPointEur: 2500,
  signer: { name: 'M. Janssen', role: 'Inkoopadviseur', publicKey: key.publicKey },
};

function signed(content: ProfileContentV1, secretKey = key.secretKey) {
  return buildProfileEnvelope(content, signWithSecretKey(canonicalProfileContent(content), secretKey));
}

type Edit = (e: Record<string, unknown> & { content: Record<string, unknown> }) => void;

/** The parse problems (path: message) of a copy of `envelope` changed by `edit`. */
function problemsAfter(envelope: object, edit: Edit): string[] {
  const copy = structuredClone(envelope) as Record<string, unknown> & { content: Record<string, unknown> };
  edit(copy);
  const r = parseProfileEnvelope(copy);
  if (r.ok) throw new Error('expected a failure');
  return r.errors.map((e) => fieldErrorText(e, 'en'));
}

describe('requirement profile format', () => {
  it('signs, serialises, parses and verifies', () => {
    const envelope = signed(PROFILE);
    expect(envelope.format).toBe('quickscan-requirement-profile-envelope');
    expect(envelope.contentHash).toBe(profileContentHash(PROFILE));
    const text = profileEnvelopeJsonText(envelope);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = parseProfileEnvelope(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(canonicalJson(parsed.envelope)).toBe(canonicalJson(envelope));
    const v = verifyProfileEnvelope(parsed.envelope);
    expect(v).toMatchObject({ ok: true, dataIntact: true, signatureValid: true, contentHash: envelope.contentHash, fingerprint: keyFingerprint(key.publicKey) });
    expect(v.referenceCode).toMatch(/^QS-/);
    expect(profileAppliesToMethod(PROFILE, { id: 'zeeland-quickscan', version: '1.0.0', sha256: released.sha256 })).toBe(true);
    expect(profileAppliesToMethod(PROFILE, { id: 'zeeland-quickscan', version: '1.0.0', sha256: '0'.repeat(64) })).toBe(false);
    expect(profileIssues(released.definition, PROFILE)).toEqual([]);
  });

  it('detects a changed value (hash) and a re-hashed change or another signer (signature)', () => {
    const envelope = signed(PROFILE);
    const changed = structuredClone(envelope);
    changed.content.themeMinimums = { C: 10, F: 25 };
    expect(verifyProfileEnvelope(changed)).toMatchObject({ ok: false, dataIntact: false, signatureValid: false });
    changed.contentHash = profileContentHash(changed.content);
    expect(verifyProfileEnvelope(changed)).toMatchObject({ ok: false, dataIntact: true, signatureValid: false });
    // signed by another key than the one named in the content
    const forged = signed(PROFILE, other.secretKey);
    expect(verifyProfileEnvelope(forged)).toMatchObject({ ok: false, dataIntact: true, signatureValid: false });
    // signed by another key that names itself: valid, but another fingerprint
    const theirs = signed({ ...PROFILE, signer: { ...PROFILE.signer, publicKey: other.publicKey } }, other.secretKey);
    expect(verifyProfileEnvelope(theirs)).toMatchObject({ ok: true, fingerprint: keyFingerprint(other.publicKey) });
  });

  it('is strict: unknown fields, bad values and duplicates are refused with paths', () => {
    const envelope = signed(PROFILE);
    const bad = (edit: Edit) => problemsAfter(envelope, edit);
    expect(bad((e) => (e.content.extra = 1))).toEqual(['content.extra: unknown field "extra"']);
    expect(bad((e) => (e.extra = 1))).toEqual(['extra: unknown field "extra"']);
    expect(bad((e) => (e.content.themeMinimums = { C: 101 }))[0]).toBe('content.themeMinimums.C: must be at most 100, not the number 101');
    expect(bad((e) => (e.content.themeMinimums = { C: 40.5 }))[0]).toMatch(/whole number/);
    expect(bad((e) => (e.content.valuePerPointEur = 12.345))[0]).toMatch(/^content\.valuePerPointEur: .*2 decimals/);
    expect(bad((e) => (e.content.valuePerPointEur = -1))[0]).toBe('content.valuePerPointEur: must be at least 0, not the number -1');
    expect(bad((e) => (e.content.created = '2026-02-30'))[0]).toMatch(/^content\.created: must be a real date written YYYY-MM-DD/);
    expect(bad((e) => (e.content.id = 'not-a-uuid'))[0]).toMatch(/^content\.id/);
    expect(bad((e) => (e.content.mustHaves = [{ question: 'C1', minLevel: 'l2' }, { question: 'C1', minLevel: 'l3' }]))).toEqual([
      'content.mustHaves[1].question: C1 is listed twice',
    ]);
    expect(bad((e) => (e.content.signer = { name: 'x', role: '', publicKey: 'short' }))[0]).toMatch(/^content\.signer\.publicKey/);
    expect(bad((e) => (e.signature = 'x'))[0]).toMatch(/^signature/);
    expect(bad((e) => (e.format = 'quickscan-issued-envelope'))[0]).toMatch(/^format/);
    expect(parseProfileEnvelope('{ not json')).toMatchObject({ ok: false, errors: [{ path: '' }] });
    // optional parts may be left out
    const { minimumLabel: _l, themeMinimums: _t, valuePerPointEur: _v, ...minimal } = PROFILE;
    expect(parseProfileEnvelope(signed({ ...minimal, mustHaves: [] })).ok).toBe(true);
  });

  it('profileIssues names what the definition does not have', () => {
    const p: ProfileContentV1 = {
      ...PROFILE,
      minimumLabel: 'diamond',
      themeMinimums: { C: 40, Z: 10 },
      mustHaves: [
        { question: 'C1', minLevel: 'l9' },
        { question: 'X9', minLevel: 'l1' },
      ],
    };
    expect(profileIssues(released.definition, p)).toEqual([
      { path: 'minimumLabel', code: 'unknown-label', params: { id: 'diamond', known: ['bronze', 'silver', 'gold', 'platinum'] } },
      { path: 'themeMinimums.Z', code: 'unknown-theme', params: { id: 'Z' } },
      { path: 'mustHaves[0].minLevel', code: 'unknown-level', params: { question: 'C1', id: 'l9', known: ['l0', 'l1', 'l2', 'l3', 'l4'] } },
      { path: 'mustHaves[1].question', code: 'unknown-question', params: { id: 'X9' } },
    ]);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* format 2: signer key as JWK, purpose `profile`, long code                                  */
/* ---------------------------------------------------------------------------------------- */

const authority: PrivateJwk = generatePrivateJwk('ES256');
const otherAuthority: PrivateJwk = generatePrivateJwk('ES256');

function v2Of(content: ProfileContentV1, signerKey: PrivateJwk = authority): ProfileContentV2 {
  const { signer, formatVersion: _f, ...rest } = content;
  return { ...rest, formatVersion: 2, signer: { name: signer.name, role: signer.role, key: publicJwkOf(signerKey) } };
}

const PROFILE_V2 = v2Of(PROFILE);

describe('requirement profile format 2', () => {
  it('signs with purpose `profile` (P-256), serialises, parses and verifies with the long code and the JWK fingerprint', () => {
    const envelope = signProfile(PROFILE_V2, authority);
    expect(envelope).toMatchObject({ format: 'quickscan-requirement-profile-envelope', formatVersion: 2, contentHash: profileContentHash(PROFILE_V2) });
    expect(verifyPurposeSignature('profile', canonicalProfileContent(PROFILE_V2), envelope.signature, PROFILE_V2.signer.key)).toBe(true);
    const parsed = parseProfileEnvelope(profileEnvelopeJsonText(envelope));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(canonicalJson(parsed.envelope)).toBe(canonicalJson(envelope));
    const v = verifyProfileEnvelope(parsed.envelope);
    expect(v).toMatchObject({ ok: true, formatVersion: 2, dataIntact: true, signatureValid: true, referenceCodeForm: 'long', fingerprint: jwkFingerprint(publicJwkOf(authority)) });
    expect(v.referenceCode).toMatch(LONG_REFERENCE_CODE_PATTERN);
    expect(v.key).toEqual(publicJwkOf(authority));
    expect(profileIssues(released.definition, PROFILE_V2)).toEqual([]);
  });

  it('an Ed25519 JWK may sign format 2 too; the signer-callback form checks the key it names', async () => {
    const ed = generatePrivateJwk('EdDSA');
    const content = v2Of(PROFILE, ed);
    const envelope = await signProfileWith(content, privateJwkSigner(ed));
    expect(verifyProfileEnvelope(envelope)).toMatchObject({ ok: true, formatVersion: 2, fingerprint: jwkFingerprint(publicJwkOf(ed)) });
    // a signer that signs with another key than the content names is refused, as is the private-JWK form
    await expect(signProfileWith(content, privateJwkSigner(authority))).rejects.toBeInstanceOf(ProfileSignerError);
    // a signer that signs for another purpose is refused
    await expect(signProfileWith(content, (_p, c) => signWithPrivateJwk('revision', c, ed))).rejects.toBeInstanceOf(ProfileSignerError);
    expect(() => signProfile(content, authority)).toThrow(ProfileSignerError);
  });

  it('format 1 keeps its verdict, its short code and its Ed25519 fingerprint; the key comes back as JWK', () => {
    const v = verifyProfileEnvelope(signed(PROFILE));
    expect(v).toMatchObject({ ok: true, formatVersion: 1, referenceCodeForm: 'short', key: ed25519Jwk(key.publicKey), fingerprint: keyFingerprint(key.publicKey) });
    expect(v.referenceCode).toMatch(REFERENCE_CODE_PATTERN);
    expect(profileSignerKey(PROFILE)).toEqual(ed25519Jwk(key.publicKey));
  });

  it('no other signature passes as a profile signature, and a profile signature passes as nothing else', () => {
    const canonical = canonicalProfileContent(PROFILE_V2);
    // signatures by the right key over the right text, but for another purpose
    for (const purpose of ['revision', 'trust-list', 'method', 'key-rotation', 'key-revocation'] as const) {
      const replayed = buildProfileEnvelopeV2(PROFILE_V2, signWithPrivateJwk(purpose, canonical, authority));
      expect(verifyProfileEnvelope(replayed), purpose).toMatchObject({ ok: false, dataIntact: true, signatureValid: false });
    }
    // the profile signature is no revision or trust-list signature
    const envelope = signProfile(PROFILE_V2, authority);
    expect(verifyPurposeSignature('revision', canonical, envelope.signature, PROFILE_V2.signer.key)).toBe(false);
    expect(verifyPurposeSignature('trust-list', canonical, envelope.signature, PROFILE_V2.signer.key)).toBe(false);
    // a format-1 signature (Ed25519 over the bare text) does not verify as format 2 with the same key as JWK
    const edJwk = ed25519Jwk(key.publicKey);
    const v2WithFormat1Key: ProfileContentV2 = { ...PROFILE_V2, signer: { ...PROFILE_V2.signer, key: edJwk } };
    const bare = buildProfileEnvelopeV2(v2WithFormat1Key, signWithSecretKey(canonicalProfileContent(v2WithFormat1Key), key.secretKey));
    expect(verifyProfileEnvelope(bare)).toMatchObject({ ok: false, dataIntact: true, signatureValid: false });
    // and a purpose-bound signature does not verify as format 1
    const edPrivate: PrivateJwk = { ...edJwk, d: key.secretKey };
    const purposeSigned = buildProfileEnvelope(PROFILE, signWithPrivateJwk('profile', canonicalProfileContent(PROFILE), edPrivate));
    expect(verifyProfileEnvelope(purposeSigned)).toMatchObject({ ok: false, dataIntact: true, signatureValid: false });
    // an envelope whose format differs from its content's is not intact
    const mixed = { ...envelope, formatVersion: 1 } as unknown as Parameters<typeof verifyProfileEnvelope>[0];
    expect(verifyProfileEnvelope(mixed)).toMatchObject({ ok: false });
    expect(parseProfileEnvelope({ ...envelope, formatVersion: 1 }).ok).toBe(false);
  });

  it('detects a changed value and another signer, like format 1', () => {
    const envelope = signProfile(PROFILE_V2, authority);
    const changed = structuredClone(envelope);
    changed.content.minimumLabel = 'bronze';
    expect(verifyProfileEnvelope(changed)).toMatchObject({ ok: false, dataIntact: false });
    changed.contentHash = profileContentHash(changed.content);
    expect(verifyProfileEnvelope(changed)).toMatchObject({ ok: false, dataIntact: true, signatureValid: false });
    const forged = buildProfileEnvelopeV2(PROFILE_V2, signWithPrivateJwk('profile', canonicalProfileContent(PROFILE_V2), otherAuthority));
    expect(verifyProfileEnvelope(forged)).toMatchObject({ ok: false, signatureValid: false });
  });

  it('is strict: a format-1 signer in format 2, a private key part or an unknown member are refused with paths', () => {
    const envelope = signProfile(PROFILE_V2, authority);
    const bad = (edit: Edit) => problemsAfter(envelope, edit);
    expect(bad((e) => (e.content.signer = { name: 'x', role: '', publicKey: key.publicKey })).join('\n')).toMatch(/content\.signer\.(key|publicKey)/);
    expect(bad((e) => (e.content.signer = { name: 'x', role: '', key: { ...publicJwkOf(authority), d: authority.d } })).join('\n')).toMatch(/content\.signer\.key/);
    expect(bad((e) => (e.content.formatVersion = 1)).join('\n')).toMatch(/content\.formatVersion/);
    expect(bad((e) => (e.content.extra = 1))).toEqual(['content.extra: unknown field "extra"']);
    expect(bad((e) => (e.content.mustHaves = [{ question: 'C1', minLevel: 'l2' }, { question: 'C1', minLevel: 'l3' }]))).toEqual([
      'content.mustHaves[1].question: C1 is listed twice',
    ]);
    expect(anyProfileContentSchema.safeParse(PROFILE_V2).success).toBe(true);
    expect(anyProfileContentSchema.safeParse(PROFILE).success).toBe(true);
  });

  it('parsing format 1 is unchanged by the second format: same value, same hash', () => {
    const envelope = signed(PROFILE);
    const parsed = parseProfileEnvelope(profileEnvelopeJsonText(envelope));
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.envelope).toEqual(envelope);
    expect(profileContentHash(parsed.envelope.content as ProfileContent)).toBe(envelope.contentHash);
  });
});

describe('the requirement profile JSON Schema', () => {
  it('docs/requirement-profile.schema.json is the schema generated from scoring/profile.ts (format 1 and 2)', async () => {
    const { existsSync, writeFileSync } = await import('node:fs');
    const { profileJsonSchemaText } = await import('./profile');
    const path = new URL('../docs/requirement-profile.schema.json', import.meta.url);
    const generated = profileJsonSchemaText();
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(path, generated);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
    expect(committed === generated, 'docs/requirement-profile.schema.json is out of date: UPDATE_SCHEMAS=1 npx vitest run scoring/profile.test.ts').toBe(true);
    const schema = JSON.parse(generated) as { oneOf?: { properties: { formatVersion: { const: number } } }[]; anyOf?: { properties: { formatVersion: { const: number } } }[] };
    expect((schema.oneOf ?? schema.anyOf ?? []).map((s) => s.properties.formatVersion.const).sort()).toEqual([1, 2]);
  });
});
