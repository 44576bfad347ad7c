import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../forms/hash';
import { exampleScan, issue, issueV2, TEST_KEY, TEST_KEY_P256_PUBLIC } from '../report/fixtures/example';
import { buildEnvelopeV2 } from './issued';
import { ed25519Jwk, generatePrivateJwk, publicJwkOf, signWithPrivateJwk } from './keys';
import { revisionSignerRoles, revisionVerdict } from './revision-verdict';
import { NO_ANCHORS, type TrustAnchors } from './trust';

const NOW = new Date('2026-12-01T12:00:00Z');
const own = (key: TrustAnchors['keys'][number]['key']): TrustAnchors => ({ keys: [{ key, label: 'Eigen sleutel' }], lists: [] });

describe('revisionVerdict (stored revisions: the one integrity check, signer rule and verdict rule)', () => {
  it('a format-1 revision passes only with its signer as an anchor', () => {
    const env = issue(exampleScan());
    const unknown = revisionVerdict(env, NO_ANCHORS, NOW);
    expect(unknown.verdict).toBe('indeterminate');
    expect(unknown.reasons).toContain('signer-unknown');
    expect(unknown.fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const trusted = revisionVerdict(env, own(ed25519Jwk(TEST_KEY.publicKey)), NOW);
    expect(trusted.verdict).toBe('passed');
    expect(unknown.sound && trusted.sound).toBe(true);
    expect(trusted.anchor).toEqual(expect.objectContaining({ kind: 'own', label: 'Eigen sleutel' }));
  });

  it('a format-2 revision passes with its P-256 key as an anchor', () => {
    const env = issueV2(exampleScan());
    expect(revisionVerdict(env, own(TEST_KEY_P256_PUBLIC), NOW).verdict).toBe('passed');
    expect(revisionVerdict(env, NO_ANCHORS, NOW).verdict).toBe('indeterminate');
  });

  it('a revision re-signed with a fresh key (score raised, name kept) is never passed', () => {
    const env = issueV2(exampleScan());
    const forger = generatePrivateJwk('ES256');
    const answers = Object.fromEntries(Object.entries(env.content.scan.answers).map(([q, a]) => [q, 'level' in a ? { ...a, level: 'l4' } : a]));
    const content = { ...env.content, scan: { ...env.content.scan, answers }, assessor: { ...env.content.assessor, key: publicJwkOf(forger) } };
    const forged = buildEnvelopeV2(content, signWithPrivateJwk('revision', canonicalJson(content), forger));
    const result = revisionVerdict(forged, own(TEST_KEY_P256_PUBLIC), NOW);
    expect(result.verdict).toBe('indeterminate');
    expect(result.reasons).toContain('signer-unknown');
  });

  it('altered data fails, whoever is trusted', () => {
    const env = structuredClone(issueV2(exampleScan()));
    (env.content.project as { gfaM2: number }).gfaM2 += 1;
    const result = revisionVerdict(env, own(TEST_KEY_P256_PUBLIC), NOW);
    expect(result.verdict).toBe('failed');
    expect(result.reasons).toContain('data-altered');
    expect(result.anchor).toBeUndefined();
    expect(result.sound).toBe(false);
  });

  it('something that is not an envelope fails, and never throws', () => {
    expect(revisionVerdict({ nonsense: true }, NO_ANCHORS, NOW).verdict).toBe('failed');
    expect(revisionVerdict(undefined, NO_ANCHORS, NOW).verdict).toBe('failed');
  });

  it('an unknown method makes it indeterminate when the caller judges the method', () => {
    const env = issueV2(exampleScan());
    expect(revisionVerdict(env, own(TEST_KEY_P256_PUBLIC), NOW, { methodKnown: () => false }).reasons).toContain('method-unknown');
    expect(revisionVerdict(env, own(TEST_KEY_P256_PUBLIC), NOW, { methodKnown: () => true }).verdict).toBe('passed');
  });

  it('an independent assessment may only be signed as an independent assessor', () => {
    expect(revisionSignerRoles({ assessor: { assessmentType: 'independent' } } as never)).toEqual(['independent-assessor']);
    expect(revisionSignerRoles({ assessor: { assessmentType: 'self' } } as never)).toEqual(['independent-assessor', 'self-assessment']);
  });
});
