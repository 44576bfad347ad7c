import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyFile, type VerifyResult } from '../report/verify';
import { loadProfile, type LoadedProfile } from '../renderer/tender/load-profile';
import type { ProfileContent } from './profile';
import { rational } from './rational';
import { assessBid, assessBids, bidData, inRankOrder, rankBids, type BidAssessment, type BidData, type BidVerification, type NotRankedReason } from './tender';
import type { Rational, ScoringDefinition } from './types';

/* The one test suite of tender evaluation (scoring/tender.ts), which the CLI and the app both call. */

const dir = join(import.meta.dirname, '../docs/examples/tender');
const bidFiles = readdirSync(dir)
  .filter((f) => /^bid-\d\d-.*\.pdf$/.test(f))
  .sort();
const trustedKeys = (JSON.parse(readFileSync(join(dir, 'trusted-bidder-keys.json'), 'utf8')) as { publicKey: string; label: string }[]).map((k) => ({
  publicKey: k.publicKey,
  label: k.label,
}));

/** file -> [verdict, compliant (null: not assessed), rank, total, label, discount in cents, not ranked] (docs/examples/tender/README.md) */
const EXPECTED: Record<string, [string, boolean | null, number | null, number | null, string | null, number | null, NotRankedReason | null]> = {
  'bid-01-compliant-gold.pdf': ['passed', true, 2, 66.6, 'gold', 16_650_000, null],
  'bid-02-compliant-silver.pdf': ['passed', true, 3, 51.1, 'silver', 12_775_000, null],
  'bid-03-compliant-platinum.pdf': ['passed', true, 1, 85.8, 'platinum', 21_450_000, null],
  'bid-04-not-compliant-musthave.pdf': ['passed', false, null, 63.7, 'silver', null, 'not-compliant'],
  'bid-05-not-compliant-theme.pdf': ['passed', false, null, 50.7, 'silver', null, 'not-compliant'],
  'bid-06-not-compliant-label.pdf': ['passed', false, null, 31.2, null, null, 'not-compliant'],
  'bid-07-altered-pages.pdf': ['failed', true, null, 68.1, 'gold', null, 'failed'],
  'bid-08-altered-data.pdf': ['failed', null, null, null, null, null, 'failed'],
  'bid-09-unknown-signer.pdf': ['indeterminate', true, null, 71.9, 'gold', null, 'indeterminate'],
  'bid-10-not-compliant-na-musthave.pdf': ['passed', false, null, 66.3, 'gold', null, 'not-compliant'],
  'bid-11-unknown-method.pdf': ['indeterminate', null, null, null, null, null, 'indeterminate'],
  'bid-12-compliant-silver-en.pdf': ['passed', true, 3, 51.1, 'silver', 12_775_000, null],
};

describe('the tender example (docs/examples/tender), as the CLI and the app check it', () => {
  let profile: LoadedProfile;
  let assessed: ({ file: string; result: VerifyResult; data: BidData | null } & BidAssessment)[];
  beforeAll(async () => {
    const loaded = loadProfile(readFileSync(join(dir, 'requirement-profile.json')));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    profile = loaded.profile;
    const checked = [];
    for (const file of bidFiles) {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      const result = await verifyFile(bytes, file, { trustedKeys });
      checked.push({ file, result, data: bidData(result, bytes) });
    }
    assessed = assessBids(checked, profile);
    const v2 = loadProfile(readFileSync(join(dir, 'requirement-profile.format-2.json')));
    if (!v2.ok) throw new Error(JSON.stringify(v2.error));
    assessedV2 = assessBids(checked, v2.profile);
  }, 120_000);
  let assessedV2: typeof assessed;

  it('gives the verdicts, compliance, ranks, figures and reasons of the README', () => {
    expect(assessed.map((b) => b.file)).toEqual(Object.keys(EXPECTED));
    for (const b of assessed) {
      expect([b.result.verdict, b.compliance?.compliant ?? null, b.rank, b.total, b.label, b.discountCents, b.notRanked], b.file).toEqual(EXPECTED[b.file]);
    }
  });

  it('the same requirements signed as format 2 (requirement-profile.format-2.json) give exactly the same assessment', () => {
    for (const b of assessedV2) {
      expect([b.result.verdict, b.compliance?.compliant ?? null, b.rank, b.total, b.label, b.discountCents, b.notRanked], b.file).toEqual(EXPECTED[b.file]);
    }
    expect(assessedV2.map((b) => b.file)).toEqual(Object.keys(EXPECTED));
  });

  it('shows no figures of altered data', () => {
    expect(assessed.find((b) => b.file === 'bid-08-altered-data.pdf')!.hasFigures).toBe(false);
  });

  it('lists the ranked bids first, by rank, then the others in input order', () => {
    expect(inRankOrder(assessed).map((b) => b.file).slice(0, 5)).toEqual([
      'bid-03-compliant-platinum.pdf',
      'bid-01-compliant-gold.pdf',
      'bid-02-compliant-silver.pdf',
      'bid-12-compliant-silver-en.pdf',
      'bid-04-not-compliant-musthave.pdf',
    ]);
  });
});

/* ------------------------------------------------------------------------------------------ */

const ALL = ['new_build', 'renovation', 'extension'] as const;
const DEF: ScoringDefinition = {
  themes: [{ id: 'T1', weight: 1 }],
  questions: [
    {
      id: 'Q1',
      theme: 'T1',
      appliesTo: ALL,
      allowNotApplicable: false,
      levels: [
        { id: 'a0', points: 0, cost: { basis: 'lump_sum', low: 0, high: 0 } },
        { id: 'a1', points: 2, cost: { basis: 'lump_sum', low: 100, high: 300 } },
      ],
    },
  ],
  labels: [{ id: 'bronze', minTotal: 30, minPerTheme: 0 }],
};
const METHOD = { id: 'test', version: '1.0.0', sha256: '0'.repeat(64) };
const PROFILE: ProfileContent = {
  format: 'quickscan-requirement-profile',
  formatVersion: 1,
  id: '3f1c2b8e-5a4d-4e6f-9a7b-1c2d3e4f5a6b',
  tender: { name: 'Test', reference: 'T-1' },
  contractingAuthority: 'Test authority',
  created: '2026-11-02',
  method: METHOD,
  minimumLabel: 'bronze',
  mustHaves: [],
  valuePerPointEur: 1000,
  signer: { name: 'Test', role: '', publicKey: 's4FwCxZrvgRqLPRt3LqEtq1aRtsuy7bAn5hZrH7I8mI' },
} as ProfileContent;
const profile = { content: PROFILE, definition: DEF };
const data = (level: string, method = METHOD): BidData => ({ input: { project: { kind: 'new_build', gfaM2: 100 }, answers: { Q1: { level } } }, method });
const verified = (verdict: BidVerification['verdict']): BidVerification => ({ verdict, status: 'valid', checks: { dataIntact: true, signatureValid: true }, score: { total: 100, label: { id: 'bronze' } } });

describe('assessBid: the verdict decides whether a bid can count, nothing else', () => {
  it('a passed, compliant bid is rankable and gets the fictitious discount (100.0 points x EUR 1,000)', () => {
    const a = assessBid(verified('passed'), data('a1'), profile);
    expect([a.notRanked, a.compliance?.compliant, a.total, a.discountCents]).toEqual([null, true, 100, 10_000_000]);
  });

  it('an indeterminate bid (signer not vouched for) is assessed, shown, and neither ranked nor discounted', () => {
    const a = assessBid(verified('indeterminate'), data('a1'), profile);
    expect([a.notRanked, a.compliance?.compliant, a.total, a.discountCents]).toEqual(['indeterminate', true, 100, null]);
  });

  it('a failed bid is never ranked, whatever its data says', () => {
    const a = assessBid(verified('failed'), data('a1'), profile);
    expect([a.notRanked, a.discountCents]).toEqual(['failed', null]);
    expect(rankBids([{ ...a }]).map((b) => b.rank)).toEqual([null]);
  });

  it('a compliance check that cannot run (answers that do not fit the method) is "not assessed", never "not compliant"', () => {
    const a = assessBid(verified('passed'), data('no-such-level'), profile);
    expect([a.notRanked, a.compliance]).toEqual(['not-assessed', null]);
  });

  it('a bid made with another method version is flagged as such', () => {
    const a = assessBid(verified('passed'), data('a1', { ...METHOD, version: '1.1.0' }), profile);
    expect([a.notRanked, a.otherMethod]).toEqual(['other-method', { id: 'test', version: '1.1.0' }]);
  });

  it('a not compliant bid says so and gets no discount', () => {
    const a = assessBid(verified('passed'), data('a0'), profile);
    expect([a.notRanked, a.compliance?.compliant, a.discountCents]).toEqual(['not-compliant', false, null]);
  });

  it('without data that may be shown there are no figures', () => {
    const a = assessBid(verified('failed'), null, profile);
    expect([a.hasFigures, a.total, a.label]).toEqual([false, null, null]);
  });
});

describe('bidData', () => {
  it('reads a plain scan file (for information) and nothing from a file that is not intact and signed', () => {
    const notIntact: BidVerification = { verdict: 'failed', status: 'altered', checks: { dataIntact: false, signatureValid: null } };
    expect(bidData(notIntact, new Uint8Array())).toBeNull();
    const unsigned: BidVerification = { verdict: 'indeterminate', status: 'unsigned', checks: { dataIntact: null, signatureValid: null } };
    expect(bidData(unsigned, new Uint8Array([0xff, 0xfe]))).toBeNull();
    const scanFile = readFileSync(join(import.meta.dirname, '../docs/examples/new-build-school-goes.quickscan.json'));
    expect(bidData(unsigned, new Uint8Array(scanFile))?.method.id).toBe('zeeland-quickscan');
  });
});

/* ------------------------------------------------------------------------------------------ */

const r = (num: number, den: number): Rational => rational(BigInt(num), BigInt(den));
const fake = (id: number, totalExact: Rational | null, notRanked: NotRankedReason | null) => ({
  id,
  totalExact,
  total: totalExact === null ? null : Math.trunc((Number(totalExact.num) * 1000) / Number(totalExact.den)) / 10,
  notRanked,
  rank: null as number | null,
});

describe('rankBids', () => {
  it('ranks the highest exact total first and lets equal totals share a rank (1, 2, 3, 3, 5)', () => {
    const bids = [fake(1, r(1, 2), null), fake(2, r(9, 10), null), fake(3, r(2, 4), null), fake(4, r(3, 4), null), fake(5, r(1, 10), null)];
    expect(rankBids(bids).map((b) => b.rank)).toEqual([3, 1, 3, 2, 5]);
  });

  it('decides on the exact total, not the shown one', () => {
    // both show 51.1; 573/1120 > 5112/10001
    const bids = [fake(1, r(5112, 10001), null), fake(2, r(573, 1120), null)];
    expect(bids.map((b) => b.total)).toEqual([51.1, 51.1]);
    expect(rankBids(bids).map((b) => b.rank)).toEqual([2, 1]);
  });

  it('never ranks a flagged bid, however high its total', () => {
    const bids = [fake(1, r(99, 100), 'failed'), fake(2, r(1, 2), null), fake(3, r(98, 100), 'not-compliant'), fake(4, r(97, 100), 'other-method'), fake(5, null, null), fake(6, r(96, 100), 'indeterminate')];
    expect(rankBids(bids).map((b) => b.rank)).toEqual([null, 1, null, null, null, null]);
  });

  it('keeps the input order of the list', () => {
    const bids = [fake(7, r(1, 3), null), fake(3, r(2, 3), null)];
    expect(rankBids(bids).map((b) => [b.id, b.rank])).toEqual([
      [7, 2],
      [3, 1],
    ]);
  });
});
