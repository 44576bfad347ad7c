/**
 * The Tender screen's side of checking bids against a requirement profile. The rules (what may
 * be assessed, what is ranked, the fictitious discount) are scoring/tender.ts, the same module
 * `quickscan verify --profile` runs; this file adds what only the screen needs: the bid's file
 * details, texts, sorting and the CSV export. Pure: no React, no storage, no PDF code
 * (report/verify is only imported for its types).
 */
import type { QuickScanDefinition } from '../../forms/schema';
import type { VerifyResult, VerifyStatus } from '../../report/verify';
import { complianceGapText } from '../../report/compliance-text';
import { compareRational } from '../../scoring/rational';
import { assessBids as assessTenderBids, bidData, rankBids, type BidAssessment, type BidData, type NotRankedReason, type ProfileForAssessment } from '../../scoring/tender';
import type { Rational } from '../../scoring/types';
import { csvCents, csvDecimal, csvText } from '../../scoring/csv';
import { translate, type Locale, type MessageKey } from '../i18n';
import { verifyStatusKey } from '../components/verify-status';

export { bidData, rankBids };
export type { BidData, NotRankedReason };

/** A bid file as verified. */
export interface CheckedBid {
  /** Unique within the session; the input order of the files. */
  id: number;
  file: string;
  result: VerifyResult;
  /** The data to check against the profile, when it can be trusted as issued (see {@link bidData}). */
  data: BidData | null;
}

export interface AssessedBid extends BidAssessment {
  id: number;
  file: string;
  result: VerifyResult;
  status: VerifyStatus;
  alteredParts: readonly ('data' | 'pages')[];
  referenceCode: string | null;
  /** The assessor named in the file, whatever its verdict (the verdict says whether to believe it). */
  bidder: { name: string; organisation: string } | null;
}

export type ProfileForCheck = ProfileForAssessment & { definition: QuickScanDefinition };

/** Checks and ranks every bid (scoring/tender.ts), with the details the table shows. */
export function assessBids(bids: readonly CheckedBid[], profile: ProfileForCheck): AssessedBid[] {
  return assessTenderBids(bids, profile).map(({ data: _data, ...bid }) => ({
    ...bid,
    status: bid.result.status,
    alteredParts: bid.result.alteredParts ?? [],
    referenceCode: bid.result.referenceCode ?? null,
    bidder: bid.result.assessor ? { name: bid.result.assessor.name, organisation: bid.result.assessor.organisation } : null,
  }));
}

/* ------------------------------------------------------------------------------------------ */
/* Texts                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/** The status in words, as on the Verify screen. */
export function statusText(bid: Pick<AssessedBid, 'status' | 'alteredParts'>, locale: Locale): string {
  return translate(locale, verifyStatusKey(bid));
}

/** What the bid misses, one text per requirement, in the user's language. */
export function gapTexts(bid: Pick<AssessedBid, 'compliance'>, definition: QuickScanDefinition, locale: Locale): string[] {
  return (bid.compliance?.missing ?? []).map((gap) => complianceGapText(gap, locale, definition));
}

export function labelName(definition: QuickScanDefinition, id: string | null, locale: Locale): string {
  if (id === null) return translate(locale, 'label.none');
  return definition.labels.find((l) => l.id === id)?.name[locale] ?? id;
}

export function notRankedText(bid: Pick<AssessedBid, 'notRanked' | 'otherMethod'>, locale: Locale): string {
  switch (bid.notRanked) {
    case null:
      return '';
    case 'other-method':
      return translate(locale, 'tender.notRanked.other-method', { method: `${bid.otherMethod?.id ?? '?'} ${bid.otherMethod?.version ?? ''}`.trim() });
    default:
      return translate(locale, `tender.notRanked.${bid.notRanked}`);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Sorting                                                                                     */
/* ------------------------------------------------------------------------------------------ */

export const SORT_KEYS = ['rank', 'file', 'reference', 'bidder', 'status', 'compliant', 'total', 'label', 'discount'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortState = { key: 'rank', direction: 'ascending' };

/** From best to worst. */
const STATUS_ORDER: readonly VerifyStatus[] = ['valid', 'untrusted-signature', 'unsigned', 'unknown-method', 'bad-signature', 'altered', 'unreadable'];

function sortValue(bid: AssessedBid, key: SortKey, definition: QuickScanDefinition | null): string | number | Rational | null {
  switch (key) {
    case 'rank':
      return bid.rank;
    case 'file':
      return bid.file;
    case 'reference':
      return bid.referenceCode;
    case 'bidder':
      return bid.bidder ? `${bid.bidder.organisation} ${bid.bidder.name}`.trim() : null;
    case 'status':
      return STATUS_ORDER.indexOf(bid.status) * 2 + (bid.alteredParts.includes('data') ? 1 : 0);
    case 'compliant':
      // compliant and valid, compliant but not valid, not compliant and valid, not compliant and not valid
      return bid.compliance === null ? null : (bid.compliance.compliant ? 0 : 2) + (bid.status === 'valid' ? 0 : 1);
    case 'total':
      return bid.totalExact ?? bid.total;
    case 'label':
      if (!bid.hasFigures) return null;
      return bid.label === null ? -1 : (definition?.labels.findIndex((l) => l.id === bid.label) ?? -1);
    case 'discount':
      return bid.discountCents;
  }
}

function compareValues(a: string | number | Rational, b: string | number | Rational, locale: Locale): number {
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, locale === 'nl' ? 'nl-NL' : 'en-GB', { numeric: true, sensitivity: 'base' });
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'object' && typeof b === 'object') return compareRational(a, b);
  // a display total against an exact one (a bid without exact total): compare as numbers
  const num = (v: string | number | Rational) => (typeof v === 'object' ? Number(v.num) / Number(v.den) * 100 : Number(v));
  return num(a) - num(b);
}

/**
 * The bids in the order of a column. Empty values come last in both directions; ties keep the
 * ranking order (ranked first by rank, then the others in input order).
 */
export function sortBids(bids: readonly AssessedBid[], sort: SortState, locale: Locale, definition: QuickScanDefinition | null = null): AssessedBid[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const base = (a: AssessedBid, b: AssessedBid) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || bids.indexOf(a) - bids.indexOf(b);
  return [...bids].sort((a, b) => {
    const va = sortValue(a, sort.key, definition);
    const vb = sortValue(b, sort.key, definition);
    if (va === null || vb === null) {
      if (va === null && vb === null) return base(a, b);
      return va === null ? 1 : -1;
    }
    return sign * compareValues(va, vb, locale) || base(a, b);
  });
}

/* ------------------------------------------------------------------------------------------ */
/* CSV                                                                                         */
/* ------------------------------------------------------------------------------------------ */

export { csvCell, csvSeparator } from '../../scoring/csv';

export const CSV_COLUMNS = ['rank', 'file', 'reference', 'assessor', 'organisation', 'verdict', 'status', 'compliant', 'missing', 'total', 'label', 'discount', 'notRanked'] as const;

/**
 * The table as CSV for a spreadsheet: UTF-8 text starting with a byte-order mark (so Excel reads
 * the accents), a header row in the user's language, one row per bid in the given order, CRLF
 * line ends; `;` and decimal commas in Dutch, `,` and decimal points in English.
 */
export function bidsCsv(bids: readonly AssessedBid[], definition: QuickScanDefinition, locale: Locale): string {
  const t = (key: MessageKey) => translate(locale, key);
  const header = CSV_COLUMNS.map((c) => t(`tender.csv.${c}` as MessageKey));
  const rows = bids.map((b) => [
    b.rank === null ? '' : String(b.rank),
    b.file,
    b.referenceCode ?? '',
    b.bidder?.name ?? '',
    b.bidder?.organisation ?? '',
    t(`verdict.${b.result.verdict}`),
    statusText(b, locale),
    b.compliance === null ? '' : t(b.compliance.compliant ? 'common.yes' : 'common.no'),
    gapTexts(b, definition, locale).join('; '),
    b.total === null ? '' : csvDecimal(b.total, 1, locale),
    b.hasFigures ? labelName(definition, b.label, locale) : '',
    b.discountCents === null ? '' : csvCents(b.discountCents, locale),
    notRankedText(b, locale),
  ]);
  return csvText([header, ...rows], locale);
}
