/**
 * The committed tender examples (docs/examples/tender/) must keep giving exactly the statuses,
 * compliance, ranks and figures their names and README promise. A failure after a change to the
 * report, the scoring or the verifier means the examples rotted: regenerate them with
 * `node scripts/make-tender-examples.mjs` if the change is intended (and update the README's
 * table), otherwise fix the change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from './io';
import { run } from './run';

const dir = join(import.meta.dirname, '../docs/examples/tender');
const bids = readdirSync(dir)
  .filter((f) => /^bid-\d\d-.*\.pdf$/.test(f))
  .sort();
const args = ['verify', '--profile', 'requirement-profile.json', '--trusted-keys', 'trusted-bidder-keys.json', ...bids];

async function cli(argv: string[]) {
  const io = memoryIo({ env: { LANG: 'en_GB.UTF-8' }, cwd: dir });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** file -> [status, altered parts, compliant (null: not assessed), rank, total, label, discount in cents, gaps] */
const EXPECTED: Record<string, [string, string[], boolean | null, number | null, number | null, string | null, number | null, string[]]> = {
  'bid-01-compliant-gold.pdf': ['valid', [], true, 2, 66.6, 'gold', 16_650_000, []],
  'bid-02-compliant-silver.pdf': ['valid', [], true, 3, 51.1, 'silver', 12_775_000, []],
  'bid-03-compliant-platinum.pdf': ['valid', [], true, 1, 85.8, 'platinum', 21_450_000, []],
  'bid-04-not-compliant-musthave.pdf': ['valid', [], false, null, 63.7, 'silver', null, ['must-have C1 below']],
  'bid-05-not-compliant-theme.pdf': ['valid', [], false, null, 50.7, 'silver', null, ['theme F']],
  'bid-06-not-compliant-label.pdf': ['valid', [], false, null, 31.2, null, null, ['label']],
  'bid-07-altered-pages.pdf': ['altered', ['pages'], true, null, 68.1, 'gold', null, []],
  'bid-08-altered-data.pdf': ['altered', ['data'], null, null, null, null, null, []],
  'bid-09-unknown-signer.pdf': ['untrusted-signature', [], true, null, 71.9, 'gold', null, []],
  'bid-10-not-compliant-na-musthave.pdf': ['valid', [], false, null, 66.3, 'gold', null, ['must-have D2 not-applicable']],
  'bid-11-unknown-method.pdf': ['unknown-method', [], null, null, null, null, null, []],
  'bid-12-compliant-silver-en.pdf': ['valid', [], true, 3, 51.1, 'silver', 12_775_000, []],
};

interface BidJson {
  file: string;
  status: string;
  alteredParts: string[];
  rank: number | null;
  total: number | null;
  label: string | null;
  fictitiousDiscountCents: number | null;
  compliance: { compliant: boolean; missing: { kind: string; question?: string; theme?: string; status?: string }[] } | null;
}

describe('committed tender examples (docs/examples/tender)', () => {
  let json: { bids: BidJson[]; ranking: { rank: number; file: string }[]; passed: number; indeterminate: number; failed: number; unreadable: number; profile: { verification: { ok: boolean; fingerprint: string } } };
  let code: number;
  beforeAll(async () => {
    const r = await cli([...args, '--json']);
    expect(r.err).toBe('');
    code = r.code;
    json = JSON.parse(r.out);
  });

  it('has the twelve bids the README describes', () => {
    expect(bids).toEqual(Object.keys(EXPECTED).sort());
  });

  it('the profile is intact and signed by the example authority key', () => {
    expect(json.profile.verification).toMatchObject({ ok: true, fingerprint: 'V5DG-3S4Z-DTNX-0WFG' });
  });

  it('gives exactly the expected status, compliance, rank and figures per bid', () => {
    const actual = Object.fromEntries(
      json.bids.map((b) => [
        b.file,
        [
          b.status,
          b.alteredParts,
          b.compliance ? b.compliance.compliant : null,
          b.rank,
          b.total,
          b.label,
          b.fictitiousDiscountCents,
          (b.compliance?.missing ?? []).map((g) => [g.kind, g.question ?? g.theme, g.kind === 'must-have' ? g.status : undefined].filter((x) => x !== undefined).join(' ')),
        ],
      ]),
    );
    expect(actual).toEqual(EXPECTED);
    expect(json.ranking.map((r) => [r.rank, r.file])).toEqual([
      [1, 'bid-03-compliant-platinum.pdf'],
      [2, 'bid-01-compliant-gold.pdf'],
      [3, 'bid-02-compliant-silver.pdf'],
      [3, 'bid-12-compliant-silver-en.pdf'],
    ]);
    // verdicts (scoring/verdict.ts): bids 07 and 08 failed, 09 (unknown signer) and 11 (unknown method) indeterminate
    expect([json.passed, json.indeterminate, json.failed, json.unreadable]).toEqual([8, 2, 2, 0]);
    expect(code).toBe(1);
  });

  it('the README shows exactly what the command prints', async () => {
    const r = await cli([...args, '--lang', 'en']);
    expect(r.code).toBe(1);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const block = /```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'docs/examples/tender/README.md: the expected output block').toBe(r.out);
  });

  it('the delivery revision of bid 01: promised versus delivered', async () => {
    const r = await cli(['diff', 'bid-01-compliant-gold.pdf', 'delivery/bid-01-delivery.pdf', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect([c.a.status, c.b.status]).toEqual(['valid', 'valid']);
    expect(c.comparison.label).toEqual({ before: 'gold', after: 'silver', change: 'down' });
    expect(c.comparison.total.before.display).toBe(66.6);
    expect(c.comparison.total.after.display).toBe(64.7);
    expect(c.comparison.downgrades.map((d: { question: string }) => d.question)).toEqual(['C1', 'F2', 'G1']);
    expect(c.comparison.promiseCounts).toEqual({ met: 30, exceeded: 1, 'not-met': 3, 'not-assessed': 2 });
  });
});

describe('the format-2 requirement profile (docs/examples/tender/requirement-profile.format-2.json)', () => {
  it('is the same requirements, signed as format 2 by the P-256 authority TEST key (purpose profile, long code)', async () => {
    const r = await cli(['profile', 'requirement-profile.format-2.json', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { formatVersion: number; signer: { key: { kty: string } }; verification: Record<string, unknown> };
    expect(j.formatVersion).toBe(2);
    expect(j.signer.key.kty).toBe('EC');
    expect(j.verification).toMatchObject({ ok: true, formatVersion: 2, fingerprint: 'DKQV-4G7K-EB9W-A9QR', referenceCode: 'QS-744H-5HNZ-MT3K-KV9M-Y3JW-XYTZ', referenceCodeForm: 'long' });
    const v1 = JSON.parse(readFileSync(join(dir, 'requirement-profile.json'), 'utf8')) as { content: Record<string, unknown> };
    const v2 = JSON.parse(readFileSync(join(dir, 'requirement-profile.format-2.json'), 'utf8')) as { content: Record<string, unknown> };
    const requirements = ({ signer: _s, formatVersion: _f, ...rest }: Record<string, unknown>) => rest;
    expect(requirements(v2.content)).toEqual(requirements(v1.content));
  });

  it('ranks the twelve bids exactly as the format-1 profile does', async () => {
    const a = await cli([...args, '--json']);
    const b = await cli(['verify', '--profile', 'requirement-profile.format-2.json', ...args.slice(3), '--json']);
    expect(b.err).toBe('');
    expect(b.code).toBe(a.code);
    const strip = (text: string) => {
      const j = JSON.parse(text) as { bids: unknown; ranking: unknown; passed: number; indeterminate: number; failed: number };
      return { bids: j.bids, ranking: j.ranking, counts: [j.passed, j.indeterminate, j.failed] };
    };
    expect(strip(b.out)).toEqual(strip(a.out));
  });
});
