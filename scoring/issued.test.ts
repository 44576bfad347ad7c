import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../forms/hash';
import {
  buildEnvelope,
  contentHash,
  envelopeJsonText,
  historyEntryOf,
  issuedContentFromScan,
  parseEnvelope,
  scanFileFromContent,
  type IssuedContent,
} from './issued';
import { parseReferenceCode, referenceCodeFromHash } from './reference-code';
import { generateTestKeyPair, signWithSecretKey, verifySignature } from './signature';
import { parseScanFile, type ScanFile } from './scan-file';

const KEY = generateTestKeyPair();

function exampleScanFile(): ScanFile {
  return {
    format: 'quickscan-scan',
    formatVersion: 1,
    exportedAt: '2026-11-22T10:00:00.000Z',
    method: { id: 'zeeland-quickscan', version: '1.0.0', sha256: 'a'.repeat(64) },
    project: {
      id: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      name: 'Brede school Goes',
      address: 'Voorstraat 1',
      municipality: 'Goes',
      client: 'Gemeente Goes',
      buildingType: 'education',
      kind: 'new_build',
      phase: 'VO',
      gfaM2: 2400.5,
      constructionBudgetEur: 6000000,
      circularBudget: { mode: 'pct', pct: 3 },
    },
    scan: {
      id: '0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e',
      name: 'Ontwerp VO',
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-20T16:30:00.000Z',
      answers: {
        A1: {
          level: 'l2',
          note: 'Gevelelementen hergebruikt, zie rapport',
          evidence: [
            {
              id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
              name: 'gevel.jpg',
              type: 'image/jpeg',
              size: 123456,
              sha256: 'b'.repeat(64),
              addedAt: '2026-11-02T08:00:00.000Z',
            },
          ],
        },
        A2: { notApplicable: true, note: 'Nieuwbouw op leeg kavel' },
        C1: { level: 'l4' },
      },
      costOverrides: [{ question: 'C1', level: 'l4', cost: { basis: 'per_m2_gfa', low: 5, high: 9.5 } }],
      locked: ['C1'],
    },
  };
}

function exampleContent(): IssuedContent {
  return issuedContentFromScan(exampleScanFile(), {
    revisionId: '9e8d7c6b-5a49-4837-a261-504f3e2d1c0b',
    issuedAt: '2026-11-22T10:15:00.000Z',
    phase: 'VO',
    assessor: { name: 'Anouk de Vries', organisation: 'Bureau Zeeuws Circulair', role: 'architect', assessmentType: 'self', publicKey: KEY.publicKey },
    assumptions: 'Kosten excl. btw, prijspeil 2026',
    exclusions: 'Terreininrichting',
    history: [
      {
        revisionId: '1e8d7c6b-5a49-4837-a261-504f3e2d1c0b',
        referenceCode: referenceCodeFromHash('c'.repeat(64)),
        contentHash: 'c'.repeat(64),
        phase: 'SO',
        issuedAt: '2026-06-01T12:00:00.000Z',
      },
    ],
    followUp: [{ phase: 'execution', plannedDate: '2027-05-01' }],
  });
}

/** Every path to a leaf value (string, number, boolean, null) of a JSON value. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return [path];
}

function changedLeaf(value: unknown): unknown {
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  return 0;
}

function withLeafChanged<T>(root: T, path: (string | number)[]): T {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  node[last] = changedLeaf(node[last]);
  return copy as T;
}

describe('signed content and contentHash', () => {
  it('the example content is valid and hashes as SHA-256 of its canonical JSON', () => {
    const content = exampleContent();
    const envelope = buildEnvelope(content, signWithSecretKey(canonicalJson(content), KEY.secretKey), { locale: 'nl', layout: 1 });
    const parsed = parseEnvelope(envelopeJsonText(envelope));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(envelope.contentHash).toBe(sha256Hex(canonicalJson(content)));
    expect(envelope.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(envelope.referenceCode).toBe(referenceCodeFromHash(envelope.contentHash));
    expect(parseReferenceCode(envelope.referenceCode)).toMatchObject({ ok: true, checkValid: true });
  });

  it('changing any single field of the signed content changes the hash', () => {
    const content = exampleContent();
    const base = contentHash(content);
    const paths = leafPaths(content);
    expect(paths.length).toBeGreaterThan(40);
    const seen = new Set([base]);
    for (const path of paths) {
      const hash = contentHash(withLeafChanged(content, path));
      expect(hash, path.join('.')).not.toBe(base);
      seen.add(hash);
    }
    expect(seen.size).toBe(paths.length + 1);
  });

  it('the order of keys does not change the hash (canonical JSON), at every depth', () => {
    const content = exampleContent();
    // every object's keys in reverse order, nested objects included (arrays keep their order)
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reversed = reverseKeys(content) as IssuedContent;
    const shuffled = Object.fromEntries(Object.entries(content).reverse()) as IssuedContent;
    // the texts differ (the keys really are in another order, also inside project and scan) ...
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(content));
    expect(Object.keys(reversed.project)).toEqual(Object.keys(content.project).reverse());
    expect(Object.keys(reversed)).toEqual(Object.keys(content).reverse());
    // ... the values are the same, and so is the hash
    expect(reversed).toEqual(content);
    expect(contentHash(reversed)).toBe(contentHash(content));
    expect(contentHash(shuffled)).toBe(contentHash(content));
  });

  it('the scan timestamps are not part of the signed content, and the scan file can be rebuilt', () => {
    const content = exampleContent();
    expect(JSON.stringify(content)).not.toContain('2026-11-20T16:30');
    const rebuilt = scanFileFromContent(content);
    expect(parseScanFile(rebuilt).ok).toBe(true);
    expect(rebuilt.scan.answers).toEqual(exampleScanFile().scan.answers);
  });

  it('a signature over the canonical content verifies with the assessor key only', () => {
    const content = exampleContent();
    const text = canonicalJson(content);
    const sig = signWithSecretKey(text, KEY.secretKey);
    expect(verifySignature(text, sig, content.assessor.publicKey)).toBe(true);
    expect(verifySignature(canonicalJson(withLeafChanged(content, ['project', 'gfaM2'])), sig, content.assessor.publicKey)).toBe(false);
  });

  it('historyEntryOf links a later revision to this one', () => {
    const content = exampleContent();
    const envelope = buildEnvelope(content, signWithSecretKey(canonicalJson(content), KEY.secretKey), { locale: 'en', layout: 1 });
    const entry = historyEntryOf(envelope);
    const later = { ...exampleContent(), revisionId: '2e8d7c6b-5a49-4837-a261-504f3e2d1c0b', history: [...content.history, entry] };
    expect(parseEnvelope(buildEnvelope(later, envelope.signature, envelope.report)).ok).toBe(true);
  });
});

describe('parseEnvelope', () => {
  const good = () => {
    const content = exampleContent();
    return buildEnvelope(content, signWithSecretKey(canonicalJson(content), KEY.secretKey), { locale: 'nl', layout: 1 });
  };

  it('never throws and explains what is wrong', () => {
    for (const input of ['', '{', 'null', '[]', '42', '"x"', undefined, null, 0, {}, []]) {
      const result = parseEnvelope(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }
  });

  it('refuses unknown fields, a bad phase, a bad key and a bad signature format', () => {
    const cases: [string, (e: ReturnType<typeof good>) => void][] = [
      ['content.extra', (e) => Object.assign(e.content, { extra: 1 })],
      ['content.phase', (e) => Object.assign(e.content, { phase: 'later' })],
      ['content.assessor.publicKey', (e) => Object.assign(e.content.assessor, { publicKey: 'abc' })],
      ['signature', (e) => Object.assign(e, { signature: `${e.signature}==` })],
      ['referenceCode', (e) => Object.assign(e, { referenceCode: 'QS-1234' })],
      ['report.locale', (e) => Object.assign(e.report, { locale: 'de' })],
      ['content.followUp[0].plannedDate', (e) => Object.assign(e.content.followUp[0]!, { plannedDate: '1-5-2027' })],
      ['content.scan.locked[1]', (e) => Object.assign(e.content.scan, { locked: ['C1', 'C1'] })],
    ];
    for (const [path, mutate] of cases) {
      const e = good();
      mutate(e);
      const result = parseEnvelope(JSON.parse(JSON.stringify(e)));
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.errors.map((x) => x.path), path).toContain(path);
    }
  });

  it('parsing does not change the content (no defaults, no transforms)', () => {
    const e = good();
    const result = parseEnvelope(JSON.parse(JSON.stringify(e)));
    expect(result.ok && contentHash(result.envelope.content)).toBe(e.contentHash);
  });
});
