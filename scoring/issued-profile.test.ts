/**
 * The optional `profile` of an issued revision's signed content: a whole requirement profile
 * envelope (scoring/profile.ts), strict, absent in every revision issued without one.
 */
import { describe, expect, it, vi } from 'vitest';
import { canonicalJson, sha256Hex } from '../forms/hash';
import { exampleIssueInput, exampleProfileContent, exampleScan, signProfile, TEST_KEY } from '../report/fixtures/example';
import {
  buildEnvelope,
  canonicalContent,
  contentHash,
  envelopeJsonText,
  issuedContentFromScan,
  parseEnvelope,
  ProfileMethodMismatchError,
  type IssuedContent,
} from './issued';
import { signWithSecretKey } from './signature';

function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return [path];
}

function withLeafChanged<T>(root: T, path: (string | number)[]): T {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const v = node[last];
  node[last] = typeof v === 'string' ? `${v}x` : typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : 0;
  return copy as T;
}

const envelopeOf = (content: IssuedContent) => buildEnvelope(content, signWithSecretKey(canonicalContent(content), TEST_KEY.secretKey), { locale: 'nl', layout: 1 });

describe('issued content with a requirement profile', () => {
  it('without a profile the content has no profile field and hashes as before', () => {
    const content = issuedContentFromScan(exampleScan(), exampleIssueInput());
    expect('profile' in content).toBe(false);
    // a field set to undefined would be dropped by JSON but not by every canonicaliser: never set it
    const explicit = issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile: undefined });
    expect(Object.keys(explicit)).toEqual(Object.keys(content));
    expect(contentHash(explicit)).toBe(contentHash(content));
  });

  it('embeds the whole signed profile envelope, which is hashed and signed with the rest', () => {
    const profile = signProfile();
    const content = issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile });
    expect(content.profile).toEqual(profile);
    expect(content.profile).not.toBe(profile); // a copy
    const envelope = envelopeOf(content);
    const parsed = parseEnvelope(envelopeJsonText(envelope));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) expect(canonicalJson(parsed.envelope)).toBe(canonicalJson(envelope));
    expect(envelope.contentHash).toBe(sha256Hex(canonicalJson(content)));
    expect(envelope.contentHash).not.toBe(contentHash(issuedContentFromScan(exampleScan(), exampleIssueInput())));
  });

  it('changing any single field of the embedded profile changes the content hash', () => {
    const content = issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile: signProfile() });
    const base = contentHash(content);
    const paths = leafPaths(content.profile).map((p) => ['profile', ...p]);
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) expect(contentHash(withLeafChanged(content, path)), path.join('.')).not.toBe(base);
  });

  it('the profile is checked strictly, with the path of each problem', () => {
    const good = () => envelopeOf(issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile: signProfile() }));
    const cases: [string, (e: ReturnType<typeof good>) => void][] = [
      ['content.profile.extra', (e) => Object.assign(e.content.profile!, { extra: 1 })],
      ['content.profile.content.extra', (e) => Object.assign(e.content.profile!.content, { extra: 1 })],
      ['content.profile.signature', (e) => Object.assign(e.content.profile!, { signature: 'abc' })],
      ['content.profile.contentHash', (e) => Object.assign(e.content.profile!, { contentHash: 'ABC' })],
      ['content.profile.content.themeMinimums.C', (e) => Object.assign(e.content.profile!.content, { themeMinimums: { C: 101 } })],
      ['content.profile.format', (e) => Object.assign(e.content.profile!, { format: 'quickscan-requirement-profile' })],
    ];
    for (const [path, mutate] of cases) {
      const e = good();
      mutate(e);
      const result = parseEnvelope(JSON.parse(JSON.stringify(e)));
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.errors.map((x) => x.path), path).toContain(path);
    }
    const e = good();
    Object.assign(e.content, { profile: null });
    expect(parseEnvelope(JSON.parse(JSON.stringify(e))).ok).toBe(false);
  });

  it('refuses a profile for another method release', () => {
    const other = { ...exampleProfileContent(), method: { ...exampleProfileContent().method, sha256: '0'.repeat(64) } };
    expect(() => issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile: signProfile(other) })).toThrow(ProfileMethodMismatchError);
    const version = { ...exampleProfileContent(), method: { ...exampleProfileContent().method, version: '1.1.0' } };
    expect(() => issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile: signProfile(version) })).toThrow(/applies to zeeland-quickscan 1\.1\.0/);
  });

  it('does not check the profile signature itself (the report and the verifier show it)', () => {
    const profile = { ...signProfile(), signature: signProfile().signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    const content = issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile });
    expect(parseEnvelope(JSON.parse(envelopeJsonText(envelopeOf(content)))).ok).toBe(true);
  });
});

describe('scoring/issued.ts and scoring/profile.ts import each other', () => {
  it('loads in either order', async () => {
    for (const order of [
      ['./profile', './issued'],
      ['./issued', './profile'],
    ] as const) {
      vi.resetModules();
      const first = await import(/* @vite-ignore */ order[0]);
      const second = await import(/* @vite-ignore */ order[1]);
      const issued = (order[0] === './issued' ? first : second) as typeof import('./issued');
      const profile = (order[0] === './profile' ? first : second) as typeof import('./profile');
      expect(profile.profileContentSchema.safeParse(exampleProfileContent()).success, order.join(' then ')).toBe(true);
      const content = issuedContentFromScan(exampleScan(), { ...exampleIssueInput(), profile: signProfile() });
      expect(issued.issuedContentSchema.safeParse(content).success, order.join(' then ')).toBe(true);
    }
  });
});
