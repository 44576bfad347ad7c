import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyFile, type VerifyResult } from '../../report/verify';
import { rational } from '../../scoring/rational';
import type { Rational } from '../../scoring/types';
import {
  assessBids,
  bidData,
  bidsCsv,
  csvCell,
  rankBids,
  sortBids,
  type AssessedBid,
  type NotRankedReason,
} from './evaluation';
import { loadProfile, type LoadedProfile } from './load-profile';

const dir = join(import.meta.dirname, '../../docs/examples/tender');
const bidFiles = readdirSync(dir)
  .filter((f) => /^bid-\d\d-.*\.pdf$/.test(f))
  .sort();
const trustedKeys = (JSON.parse(readFileSync(join(dir, 'trusted-bidder-keys.json'), 'utf8')) as { publicKey: string; label: string }[]).map((k) => ({
  publicKey: k.publicKey,
  label: k.label,
}));

describe('the tender example (docs/examples/tender) checked as the app does', () => {
  let profile: LoadedProfile;
  let assessed: AssessedBid[];
  beforeAll(async () => {
    const loaded = loadProfile(readFileSync(join(dir, 'requirement-profile.json')));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    profile = loaded.profile;
    const checked = [];
    for (const [i, file] of bidFiles.entries()) {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      const result = await verifyFile(bytes, file, { trustedKeys });
      checked.push({ id: i + 1, file, result, data: bidData(result, bytes) });
    }
    assessed = assessBids(checked, profile);
  }, 120_000);

  it('sorts by rank as the README lists the ranking', () => {
    const order = sortBids(assessed, { key: 'rank', direction: 'ascending' }, 'en', profile.definition);
    expect(order.slice(0, 4).map((b) => b.file)).toEqual(['bid-03-compliant-platinum.pdf', 'bid-01-compliant-gold.pdf', 'bid-02-compliant-silver.pdf', 'bid-12-compliant-silver-en.pdf']);
    expect(order.slice(4).every((b) => b.rank === null)).toBe(true);
  });

  it('writes the missing requirements in Dutch and English', async () => {
    const { gapTexts } = await import('./evaluation');
    const b04 = assessed.find((b) => b.file === 'bid-04-not-compliant-musthave.pdf')!;
    // levels by number and name (docs/glossary.md), never by their internal ids
    expect(gapTexts(b04, profile.definition, 'en')).toEqual(['must-have C1: required at least level 2 · Mixed, mainly mechanical — answer: 1 · Chemical, with some mechanical layers']);
    expect(gapTexts(b04, profile.definition, 'nl')).toEqual(['eis C1: vereist minimaal niveau 2 · Gemengd, overwegend mechanisch — antwoord: 1 · Chemisch, met enkele mechanische lagen']);
    const b05 = assessed.find((b) => b.file === 'bid-05-not-compliant-theme.pdf')!;
    expect(gapTexts(b05, profile.definition, 'nl')).toEqual(['thema F Informatie: 25,0, minimaal 30 vereist']);
  });

  it('exports one CSV row per bid, Dutch with semicolons and decimal commas', () => {
    const csv = bidsCsv(sortBids(assessed, { key: 'rank', direction: 'ascending' }, 'nl', profile.definition), profile.definition, 'nl');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 1).toBe(1 + bidFiles.length);
    expect(lines[0]).toBe('Rang;Bestand;Referentiecode;Beoordelaar;Organisatie;Oordeel;Controle;Voldoet;Wat ontbreekt;Totaal;Label;Fictieve korting (EUR);Niet gerangschikt');
    const first = lines[1]!.split(';');
    expect(first.slice(0, 2)).toEqual(['1', 'bid-03-compliant-platinum.pdf']);
    expect(first.slice(5, 8)).toEqual(['Geslaagd', 'Ongewijzigd, geldig ondertekend', 'ja']);
    expect(first.slice(9, 13)).toEqual(['85,8', 'Platina', '214500,00', '']);
    const altered = lines.find((l) => l.includes('bid-08-altered-data.pdf'))!.split(';');
    expect(altered[0]).toBe('');
    expect(altered.slice(5, 7)).toEqual(['Afgekeurd', 'Gewijzigd (gegevens)']);
    expect(altered[12]).toBe('afgekeurd (gewijzigd, ongeldig ondertekend of niet te controleren)');
  });

  it('exports English with commas and decimal points', () => {
    const csv = bidsCsv(sortBids(assessed, { key: 'rank', direction: 'ascending' }, 'en', profile.definition), profile.definition, 'en');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('Rank,File,Reference code,Assessor,Organisation,Verdict,Check,Compliant,Missing,Total,Label,Fictitious discount (EUR),Not ranked');
    expect(lines[1]).toMatch(/^1,bid-03-compliant-platinum\.pdf,QS-[^,]+,[^,]*,[^,]*,Passed,"Intact, validly signed",yes,,85\.8,Platinum,214500\.00,$/);
  });
});

/* ------------------------------------------------------------------------------------------ */

const r = (num: number, den: number): Rational => rational(BigInt(num), BigInt(den));

function fakeBid(id: number, totalExact: Rational | null, notRanked: NotRankedReason | null, extra: Partial<AssessedBid> = {}): AssessedBid {
  const result = { status: 'valid', kind: 'pdf', checks: {}, messages: [] } as unknown as VerifyResult;
  return {
    id,
    file: `bid-${id}.pdf`,
    result,
    status: 'valid',
    alteredParts: [],
    referenceCode: null,
    bidder: null,
    compliance: null,
    otherMethod: null,
    total: totalExact === null ? null : Math.trunc((Number(totalExact.num) * 1000) / Number(totalExact.den)) / 10,
    totalExact,
    label: null,
    hasFigures: totalExact !== null,
    discountCents: null,
    rank: null,
    notRanked,
    ...extra,
  };
}

describe('sortBids', () => {
  const bids = rankBids([
    fakeBid(1, r(1, 2), null, { file: 'b.pdf', discountCents: 100 }),
    fakeBid(2, null, 'failed', { file: 'a.pdf', status: 'altered', alteredParts: ['data'] }),
    fakeBid(3, r(3, 4), null, { file: 'C.pdf', discountCents: 300 }),
    fakeBid(4, r(9, 10), 'failed', { file: 'd.pdf', status: 'untrusted-signature' }),
  ]);
  const ids = (list: AssessedBid[]) => list.map((b) => b.id);

  it('puts empty values last in both directions', () => {
    expect(ids(sortBids(bids, { key: 'rank', direction: 'ascending' }, 'nl'))).toEqual([3, 1, 2, 4]);
    expect(ids(sortBids(bids, { key: 'rank', direction: 'descending' }, 'nl'))).toEqual([1, 3, 2, 4]);
    expect(ids(sortBids(bids, { key: 'total', direction: 'descending' }, 'nl'))).toEqual([4, 3, 1, 2]);
    expect(ids(sortBids(bids, { key: 'discount', direction: 'ascending' }, 'nl'))).toEqual([1, 3, 2, 4]);
  });

  it('sorts file names without regard to case', () => {
    expect(ids(sortBids(bids, { key: 'file', direction: 'ascending' }, 'en'))).toEqual([2, 1, 3, 4]);
    expect(ids(sortBids(bids, { key: 'file', direction: 'descending' }, 'en'))).toEqual([4, 3, 1, 2]);
  });

  it('sorts the status from valid to most serious', () => {
    expect(ids(sortBids(bids, { key: 'status', direction: 'ascending' }, 'en'))).toEqual([3, 1, 4, 2]);
  });
});

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('bid-01.pdf', ';')).toBe('bid-01.pdf');
    expect(csvCell('51,1', ';')).toBe('51,1');
    expect(csvCell('', ',')).toBe('');
  });

  it('quotes the separator, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('51,1', ',')).toBe('"51,1"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('Bouw "De Schelp"', ',')).toBe('"Bouw ""De Schelp"""');
    expect(csvCell('line one\nline two', ';')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb', ',')).toBe('"a\r\nb"');
    expect(csvCell(' padded ', ',')).toBe('" padded "');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")', ',')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+31 6', ';')).toBe("'+31 6");
    expect(csvCell('-1', ';')).toBe("'-1");
    expect(csvCell('@SUM(A1)', ';')).toBe("'@SUM(A1)");
    expect(csvCell('\tx', ';')).toBe("'\tx");
  });
});

describe('the format-2 example profile (requirement-profile.format-2.json) in the app', () => {
  it('loads (purpose-bound P-256 signature, long code) and ranks bids as the format-1 profile does', async () => {
    const v2 = loadProfile(readFileSync(join(dir, 'requirement-profile.format-2.json')));
    const v1 = loadProfile(readFileSync(join(dir, 'requirement-profile.json')));
    if (!v2.ok || !v1.ok) throw new Error('profiles do not load');
    expect(v2.profile.verification).toMatchObject({ ok: true, formatVersion: 2, fingerprint: 'DKQV-4G7K-EB9W-A9QR', referenceCodeForm: 'long' });
    const checked: Parameters<typeof assessBids>[0][number][] = [];
    for (const [i, file] of ['bid-01-compliant-gold.pdf', 'bid-04-not-compliant-musthave.pdf', 'bid-09-unknown-signer.pdf', 'bid-03-compliant-platinum.pdf'].entries()) {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      const result = await verifyFile(bytes, file, { trustedKeys });
      checked.push({ id: i + 1, file, result, data: bidData(result, bytes) });
    }
    const ranks = (p: LoadedProfile) => assessBids(checked, p).map((b) => [b.file, b.rank, b.notRanked]);
    expect(ranks(v2.profile)).toEqual(ranks(v1.profile));
    expect(ranks(v2.profile)).toContainEqual(['bid-01-compliant-gold.pdf', 2, null]);
  }, 60_000);
});
