import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../forms/hash';
import { getDefinition } from '../forms/registry';
import {
  buildProfileEnvelope,
  canonicalProfileContent,
  parseProfileEnvelope,
  profileAppliesToMethod,
  profileContentHash,
  profileEnvelopeJsonText,
  profileIssues,
  verifyProfileEnvelope,
  type ProfileContent,
} from './profile';
import { keyFingerprint, signWithSecretKey } from './signature';

const key = JSON.parse(readFileSync(new URL('../report/fixtures/test-key.json', import.meta.url), 'utf8')) as { secretKey: string; publicKey: string };
const other = JSON.parse(readFileSync(new URL('../report/fixtures/other-test-key.json', import.meta.url), 'utf8')) as { secretKey: string; publicKey: string };
const released = getDefinition('zeeland-quickscan', '1.0.0')!;

const PROFILE: ProfileContent = {
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

function signed(content: ProfileContent, secretKey = key.secretKey) {
  return buildProfileEnvelope(content, signWithSecretKey(canonicalProfileContent(content), secretKey));
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
    const bad = (edit: (e: Record<string, unknown> & { content: Record<string, unknown> }) => void) => {
      const copy = structuredClone(envelope) as unknown as Record<string, unknown> & { content: Record<string, unknown> };
      edit(copy);
      const r = parseProfileEnvelope(copy);
      if (r.ok) throw new Error('expected a failure');
      return r.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(bad((e) => (e.content.extra = 1))).toEqual(['content.extra: unknown field "extra"']);
    expect(bad((e) => (e.extra = 1))).toEqual(['extra: unknown field "extra"']);
    expect(bad((e) => (e.content.themeMinimums = { C: 101 }))[0]).toMatch(/^content\.themeMinimums\.C: .*between 0 and 100/);
    expect(bad((e) => (e.content.themeMinimums = { C: 40.5 }))[0]).toMatch(/whole number/);
    expect(bad((e) => (e.content.valuePerPointEur = 12.345))[0]).toMatch(/^content\.valuePerPointEur: .*2 decimals/);
    expect(bad((e) => (e.content.valuePerPointEur = -1))[0]).toMatch(/not be negative/);
    expect(bad((e) => (e.content.created = '2026-02-30'))[0]).toMatch(/^content\.created: a date/);
    expect(bad((e) => (e.content.id = 'not-a-uuid'))[0]).toMatch(/^content\.id/);
    expect(bad((e) => (e.content.mustHaves = [{ question: 'C1', minLevel: 'l2' }, { question: 'C1', minLevel: 'l3' }]))).toEqual([
      'content.mustHaves[1].question: C1 is listed twice as a must-have',
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
    const p: ProfileContent = {
      ...PROFILE,
      minimumLabel: 'diamond',
      themeMinimums: { C: 40, Z: 10 },
      mustHaves: [
        { question: 'C1', minLevel: 'l9' },
        { question: 'X9', minLevel: 'l1' },
      ],
    };
    expect(profileIssues(released.definition, p)).toEqual([
      { path: 'minimumLabel', message: 'unknown label "diamond" (the method has: bronze, silver, gold, platinum)' },
      { path: 'themeMinimums.Z', message: 'unknown theme "Z"' },
      { path: 'mustHaves[0].minLevel', message: 'question C1 has no level "l9" (it has l0, l1, l2, l3, l4)' },
      { path: 'mustHaves[1].question', message: 'unknown question "X9"' },
    ]);
  });
});
