import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProfileEnvelope, canonicalProfileContent, parseProfileEnvelope, type ProfileContentV1 as ProfileContent, type ProfileEnvelopeV1 as ProfileEnvelope, type ProfileEnvelope as AnyProfileEnvelope } from '../../scoring/profile';
import { generateTestKeyPair, signWithSecretKey } from '../../scoring/signature';
import { db } from '../db/db';
import { writeSetting } from '../db/settings';
import { checkProfileEnvelope, loadProfile, looksLikeProfile } from './load-profile';
import { addStoredProfile, MAX_STORED_PROFILES, readStoredProfiles, removeStoredProfile, restoreStoredProfiles, STORED_PROFILES_KEY, withStoredProfile } from './stored-profiles';
import { fieldErrorsText, profileIssuesText } from '../../report/input-strings';

const examplePath = join(import.meta.dirname, '../../docs/examples/tender/requirement-profile.json');
const exampleBytes = new Uint8Array(readFileSync(examplePath));
const example = JSON.parse(readFileSync(examplePath, 'utf8')) as ProfileEnvelope;
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function signed(content: ProfileContent): ProfileEnvelope {
  const key = generateTestKeyPair();
  const withKey = { ...content, signer: { ...content.signer, publicKey: key.publicKey } };
  return buildProfileEnvelope(withKey, signWithSecretKey(canonicalProfileContent(withKey), key.secretKey));
}

describe('loadProfile, format 2', () => {
  const v2Path = join(import.meta.dirname, '../../docs/examples/tender/requirement-profile.format-2.json');
  const v2 = JSON.parse(readFileSync(v2Path, 'utf8')) as AnyProfileEnvelope;

  it('opens the format-2 example: purpose-bound P-256 signature, long code, the key as JWK', () => {
    const result = loadProfile(new Uint8Array(readFileSync(v2Path)));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.profile.verification).toMatchObject({ ok: true, formatVersion: 2, fingerprint: 'DKQV-4G7K-EB9W-A9QR', referenceCode: 'QS-744H-5HNZ-MT3K-KV9M-Y3JW-XYTZ', key: { kty: 'EC', crv: 'P-256' } });
    expect(looksLikeProfile(new Uint8Array(readFileSync(v2Path)))).toBe(true);
  });

  it('refuses a changed one, and one carrying a format-1 signature or the format-1 profile’s signature', () => {
    const altered = structuredClone(v2);
    altered.content.mustHaves = [];
    expect(loadProfile(bytes(altered))).toEqual({ ok: false, error: { kind: 'altered' } });
    // the format-1 original's Ed25519 signature over the same requirements is no format-2 signature
    expect(loadProfile(bytes({ ...v2, signature: example.signature }))).toEqual({ ok: false, error: { kind: 'bad-signature' } });
  });
});

describe('loadProfile', () => {
  it('opens the example profile: intact, signed, with its fingerprint and method', () => {
    const result = loadProfile(exampleBytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.verification).toMatchObject({ ok: true, fingerprint: 'V5DG-3S4Z-DTNX-0WFG', referenceCode: 'QS-2JHQ-6WRA-ZNZD' });
    expect(result.profile.content.tender.reference).toBe('KAP-2026-IKC-017');
    expect(result.profile.definition.id).toBe('zeeland-quickscan');
  });

  it('reads a file with a byte-order mark', () => {
    expect(loadProfile(new Uint8Array([0xef, 0xbb, 0xbf, ...exampleBytes])).ok).toBe(true);
  });

  it('refuses a profile changed after signing', () => {
    const altered = structuredClone(example);
    altered.content.themeMinimums = { C: 10 };
    expect(loadProfile(bytes(altered))).toEqual({ ok: false, error: { kind: 'altered' } });
  });

  it('refuses a profile whose hash was recomputed but whose signature no longer fits', () => {
    const altered = buildProfileEnvelope({ ...example.content, valuePerPointEur: 25_000 }, example.signature);
    expect(loadProfile(bytes(altered))).toEqual({ ok: false, error: { kind: 'bad-signature' } });
  });

  it('refuses what is not a profile, or not JSON', () => {
    expect(loadProfile(new TextEncoder().encode('%PDF-1.7'))).toEqual({ ok: false, error: { kind: 'not-json' } });
    const result = loadProfile(bytes({ format: 'quickscan-requirement-profile-envelope', formatVersion: 2 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('not-profile');
    // a bad profile is worded in the UI language, naming the field (BidEvaluation shows it)
    const bad = loadProfile(bytes({ ...example, content: { ...example.content, valuePerPointEur: -5 } }));
    if (bad.ok || bad.error.kind !== 'not-profile') throw new Error('expected not-profile');
    expect(fieldErrorsText(bad.error.errors, 'nl')).toBe('content.valuePerPointEur: moet minstens 0 zijn, niet het getal -5');
    expect(fieldErrorsText(bad.error.errors, 'en')).toBe('content.valuePerPointEur: must be at least 0, not the number -5');
    expect(loadProfile(new Uint8Array(3 * 1024 * 1024))).toEqual({ ok: false, error: { kind: 'too-large' } });
  });

  it('refuses a method release this build does not know', () => {
    const envelope = signed({ ...example.content, method: { ...example.content.method, version: '1.1.0' } });
    expect(loadProfile(bytes(envelope))).toEqual({ ok: false, error: { kind: 'unknown-method', id: 'zeeland-quickscan', version: '1.1.0' } });
  });

  it('refuses a profile that names a question the method does not have', () => {
    const envelope = signed({ ...example.content, mustHaves: [{ question: 'Z9', minLevel: 'l1' }] });
    const result = checkProfileEnvelope(envelope);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'mismatch', issues: [expect.objectContaining({ code: 'unknown-question', params: { id: 'Z9' } })] });
    // the evaluator reads it in the UI language (BidEvaluation words it with report/input-strings.ts)
    if (!result.ok && result.error.kind === 'mismatch') {
      expect(profileIssuesText(result.error.issues, 'nl')).toMatch(/: onbekende vraag "Z9"$/);
      expect(profileIssuesText(result.error.issues, 'en')).toMatch(/: unknown question "Z9"$/);
    }
  });

  it('tells a profile from other JSON and from PDFs', () => {
    expect(looksLikeProfile(exampleBytes)).toBe(true);
    expect(looksLikeProfile(bytes({ format: 'quickscan-issued-envelope' }))).toBe(false);
    expect(looksLikeProfile(new TextEncoder().encode('%PDF-1.7'))).toBe(false);
  });
});

describe('stored profiles (settings key tender:profiles)', () => {
  afterAll(async () => {
    await db.delete();
  });

  it('keeps well-formed envelopes only, once per profile id', () => {
    expect(restoreStoredProfiles(undefined)).toEqual([]);
    expect(restoreStoredProfiles({ not: 'a list' })).toEqual([]);
    const kept = restoreStoredProfiles([example, { format: 'something else' }, 42, example]);
    expect(kept).toHaveLength(1);
    expect(parseProfileEnvelope(kept[0]).ok).toBe(true);
  });

  it('puts the newest first and keeps at most the maximum', () => {
    let list: AnyProfileEnvelope[] = [];
    for (let i = 0; i < MAX_STORED_PROFILES + 3; i++) {
      list = withStoredProfile(list, { ...example, content: { ...example.content, id: `2ca388be-cc4d-4fef-b448-${String(i).padStart(12, '0')}` } });
    }
    expect(list).toHaveLength(MAX_STORED_PROFILES);
    expect(list[0]!.content.id.endsWith(String(MAX_STORED_PROFILES + 2).padStart(12, '0'))).toBe(true);
    // saving the same profile again moves it to the front, once
    const again = withStoredProfile(list, list[5]!);
    expect(again[0]).toBe(list[5]);
    expect(again).toHaveLength(MAX_STORED_PROFILES);
  });

  it('writes and reads them in IndexedDB, skipping a damaged entry', async () => {
    await writeSetting(STORED_PROFILES_KEY, [{ damaged: true }]);
    expect(await readStoredProfiles()).toEqual([]);
    await addStoredProfile(example);
    const other = { ...example, content: { ...example.content, id: '00000000-0000-4000-8000-000000000001' } };
    await addStoredProfile(other);
    expect((await readStoredProfiles()).map((e) => e.content.id)).toEqual([other.content.id, example.content.id]);
    await removeStoredProfile(other.content.id);
    expect((await readStoredProfiles()).map((e) => e.content.id)).toEqual([example.content.id]);
  });
});
