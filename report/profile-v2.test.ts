/**
 * Requirement profiles of format 2 (scoring/profile.ts: signer key as JWK, signature with purpose
 * `profile`, long profile code) embedded in issued revisions: a format-2 revision carries one and
 * verifies it against the user's anchors as a contracting authority; a format-1 revision (legacy
 * Ed25519 key, frozen layout 1) refuses to carry one; a signature of another purpose never passes
 * as the profile's.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../forms/hash';
import { generatePrivateJwk, keyFingerprint, publicJwkOf, signWithPrivateJwk } from '../scoring/keys';
import { buildEnvelope, canonicalContent, issuedContentFromScan, parseAnyEnvelope, parseEnvelope, ProfileFormatError, type IssuedContent } from '../scoring/issued';
import { buildProfileEnvelopeV2, canonicalProfileContent } from '../scoring/profile';
import { LONG_REFERENCE_CODE_PATTERN } from '../scoring/reference-code';
import { signWithSecretKey } from '../scoring/signature';
import { exampleIssueInput, exampleProfileContentV2, exampleScan, issueV2, signProfile, signProfileFormat2, TEST_KEY, TEST_KEY_P256, TEST_KEY_P256_PUBLIC, testRegistry, zeelandDefinition } from './fixtures/example';
import { importP256SigningKey } from './pades';
import { buildSignedReportPdf } from './pdf';
import { verifyFile } from './verify';

const authority = generatePrivateJwk('ES256');
const profile = signProfileFormat2(authority);
const assessorAnchor = { key: TEST_KEY_P256_PUBLIC, label: 'TEST P-256' };
const authorityAnchor = { key: publicJwkOf(authority), label: 'Gemeente (test)', roles: ['authority' as const] };
const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

describe('a format-2 revision with a format-2 requirement profile', () => {
  it('signed PDF (layout 2): pages match, the profile is checked as the authority’s, compliance recomputed', async () => {
    const env = issueV2(exampleScan(), { input: { profile } });
    expect(env.content.profile).toEqual(profile);
    const pdf = await buildSignedReportPdf(env, zeelandDefinition, await importP256SigningKey(TEST_KEY_P256.privateJwk));
    const trusted = await verifyFile(pdf, 'bid.pdf', { anchors: { keys: [assessorAnchor, authorityAnchor], lists: [] }, registry: testRegistry });
    expect(trusted.verdict, JSON.stringify(trusted.findings)).toBe('passed');
    expect(trusted.findings).toContainEqual({ code: 'pages-match' });
    expect(trusted.findings).toContainEqual({ code: 'profile-trusted', fingerprint: keyFingerprint(publicJwkOf(authority)), anchor: { kind: 'own', label: 'Gemeente (test)', fingerprint: keyFingerprint(publicJwkOf(authority)) } });
    expect(trusted.profile).toMatchObject({ ok: true, formatVersion: 2, authorityTrusted: true, fingerprint: keyFingerprint(publicJwkOf(authority)), signer: { key: publicJwkOf(authority) } });
    expect(trusted.profile!.referenceCode).toMatch(LONG_REFERENCE_CODE_PATTERN);
    expect(trusted.compliance).toBeDefined();

    // the authority's key not among the anchors: the profile is not read as the authority's (a note), the revision still passes
    const unknown = await verifyFile(pdf, 'bid.pdf', { anchors: { keys: [assessorAnchor], lists: [] }, registry: testRegistry });
    expect(unknown.verdict).toBe('passed');
    expect(unknown.findings).toContainEqual({ code: 'profile-signer-unknown', fingerprint: keyFingerprint(publicJwkOf(authority)), detail: 'signer-unknown' });
    expect(unknown.profile).toMatchObject({ authorityTrusted: false });
    // an own key without the authority role does not vouch for a profile
    const assessorOnly = await verifyFile(pdf, 'bid.pdf', { anchors: { keys: [assessorAnchor, { ...authorityAnchor, roles: ['independent-assessor' as const] }], lists: [] }, registry: testRegistry });
    expect(assessorOnly.findings.find((f) => f.code.startsWith('profile-'))).toMatchObject({ code: 'profile-signer-unknown' });
  }, 60_000);

  it('a signature of another purpose by the authority key is no profile signature: the revision fails', async () => {
    const content = exampleProfileContentV2(authority);
    for (const purpose of ['revision', 'trust-list'] as const) {
      const replayed = buildProfileEnvelopeV2(content, signWithPrivateJwk(purpose, canonicalProfileContent(content), authority));
      const env = issueV2(exampleScan(), { input: { profile: replayed } });
      const r = await verifyFile(json(env), 'bid.quickscan-issued.json', { anchors: { keys: [assessorAnchor, authorityAnchor], lists: [] }, registry: testRegistry });
      expect(r.verdict, purpose).toBe('failed');
      expect(r.findings).toContainEqual({ code: 'profile-signature-invalid' });
    }
    // and the profile's own signature does not pass as the revision's signature
    const env = issueV2(exampleScan(), { input: { profile } });
    const swapped = { ...env, signature: signWithPrivateJwk('profile', canonicalJson(env.content), TEST_KEY_P256.privateJwk) };
    const r = await verifyFile(json(swapped), 'bid.quickscan-issued.json', { anchors: { keys: [assessorAnchor], lists: [] }, registry: testRegistry });
    expect(r.verdict).toBe('failed');
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'signature-invalid' }));
  });

  it('a format-2 revision may still carry a format-1 profile, byte for byte as before', async () => {
    const old = signProfile();
    const env = issueV2(exampleScan(), { input: { profile: old } });
    const parsed = parseAnyEnvelope(JSON.parse(JSON.stringify(env)));
    expect(parsed.ok).toBe(true);
    const r = await verifyFile(json(env), 'bid.quickscan-issued.json', { anchors: { keys: [assessorAnchor], lists: [] }, registry: testRegistry });
    expect(r.profile).toMatchObject({ ok: true, formatVersion: 1, signer: { publicKey: old.content.signer.publicKey } });
    expect(r.profile!.referenceCode).toMatch(/^QS-[^-]{4}-[^-]{4}-[^-]{4}$/);
  });
});

describe('a format-1 revision (legacy Ed25519 key) and a format-2 profile', () => {
  it('issuing refuses the combination: the frozen layout 1 reads format-1 profiles only', () => {
    expect(() => issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile })).toThrow(ProfileFormatError);
    // a format-1 profile is carried as before
    expect(issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile: signProfile() }).profile).toEqual(signProfile());
  });

  it('one made by hand anyway is not a valid format-1 revision: it fails verification', async () => {
    const content = { ...issuedContentFromScan(exampleScan(), exampleIssueInput()), profile } as unknown as IssuedContent;
    const env = buildEnvelope(content, signWithSecretKey(canonicalContent(content), TEST_KEY.secretKey), { locale: 'nl', layout: 1 });
    expect(parseEnvelope(JSON.parse(JSON.stringify(env))).ok).toBe(false);
    const r = await verifyFile(json(env), 'old.quickscan-issued.json', { registry: testRegistry });
    expect(r.verdict).toBe('failed');
  });
});
