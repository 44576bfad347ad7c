/**
 * Checking a set of bids against a requirement profile in the app, with the same rules as
 * `quickscan verify --profile` (docs/tender-profiles.md, "Checking all bids at once"):
 *
 * 1. every bid is verified by report/verify.ts `verifyFile` (the caller does that);
 * 2. a bid whose signed data is intact and correctly signed (or a plain scan file, for
 *    information) and made with exactly the profile's method is checked with `checkCompliance`,
 *    the scores recomputed from the data, never read from the pages;
 * 3. only bids that are **valid** and **compliant** are ranked, by exact total, highest first;
 *    equal totals share a rank (1, 2, 3, 3, 5). Every other bid is flagged and not ranked, and
 *    gets no fictitious discount.
 *
 * Plus sorting for the table and the CSV export. Pure: no React, no storage, no PDF code
 * (report/verify is only imported for its types).
 */
import type { QuickScanDefinition } from '../../forms/schema';
import type { VerifyResult, VerifyStatus } from '../../report/verify';
import { checkCompliance, complianceGapText, type ComplianceResult } from '../../scoring/compliance';
import { profileAppliesToMethod, type ProfileContent } from '../../scoring/profile';
import { compareRational } from '../../scoring/rational';
import { parseScanFile } from '../../scoring/scan-file';
import type { ScanInput } from '../../scoring/score';
import type { Rational } from '../../scoring/types';
import { csvDecimal, csvText } from '../../scoring/csv';
import { translate, type Locale, type MessageKey } from '../i18n';

export interface MethodRef {
  id: string;
  version: string;
  sha256: string;
}

/** What a bid's data is checked with: the scan as scoreScan takes it, and its method. */
export interface BidData {
  input: ScanInput;
  method: MethodRef;
}

/** A bid file as verified. */
export interface CheckedBid {
  /** Unique within the session; the input order of the files. */
  id: number;
  file: string;
  result: VerifyResult;
  /** The data to check against the profile, when it can be trusted as issued (see {@link bidData}). */
  data: BidData | null;
}

export type NotRankedReason = 'not-valid' | 'other-method' | 'not-assessed' | 'not-compliant';

export interface AssessedBid {
  id: number;
  file: string;
  result: VerifyResult;
  status: VerifyStatus;
  alteredParts: readonly ('data' | 'pages')[];
  referenceCode: string | null;
  /** The assessor named in the file, whatever its status (the status says whether to believe it). */
  bidder: { name: string; organisation: string } | null;
  /** Null when the data could not be checked (not intact, badly signed, unreadable, another method). */
  compliance: ComplianceResult | null;
  /** The bid's method when it is not the profile's. */
  otherMethod: { id: string; version: string } | null;
  /** The recomputed total (0-100, one decimal, truncated); null when there is none or the data is not to be trusted. */
  total: number | null;
  totalExact: Rational | null;
  /** The label id reached; null when none or unknown (see {@link AssessedBid.hasFigures}). */
  label: string | null;
  /** Whether total and label come from trusted data (so a null label means "no label"). */
  hasFigures: boolean;
  /** Only for a valid, compliant bid of a profile with a value per point. */
  discountCents: number | null;
  /** 1-based, shared by equal totals; null when not ranked. */
  rank: number | null;
  notRanked: NotRankedReason | null;
}

export interface ProfileForCheck {
  content: ProfileContent;
  definition: QuickScanDefinition;
}

/**
 * The scan input of a bid whose data can be checked: an issued revision with intact data and a
 * signature that fits it, or a plain (unsigned) scan file. Null otherwise.
 */
export function bidData(result: VerifyResult, bytes: Uint8Array): BidData | null {
  if (result.status === 'unreadable') return null;
  if (result.envelope && result.checks.dataIntact === true && result.checks.signatureValid === true) {
    const c = result.envelope.content;
    return { input: { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides }, method: c.method };
  }
  if (result.status === 'unsigned') {
    try {
      let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const parsed = parseScanFile(text);
      if (!parsed.ok) return null;
      const f = parsed.file;
      return { input: { project: f.project, answers: f.scan.answers, costOverrides: f.scan.costOverrides }, method: f.method };
    } catch {
      return null;
    }
  }
  return null;
}

/** Checks one verified bid against the profile; `rank` is left null ({@link rankBids} sets it). */
export function assessBid(bid: CheckedBid, profile: ProfileForCheck): AssessedBid {
  const r = bid.result;
  let compliance: ComplianceResult | null = null;
  let otherMethod: AssessedBid['otherMethod'] = null;
  if (bid.data) {
    if (profileAppliesToMethod(profile.content, bid.data.method)) {
      try {
        compliance = checkCompliance(profile.definition, bid.data.input, profile.content);
      } catch {
        compliance = null; // answers that do not fit the method: not assessed
      }
    } else {
      otherMethod = { id: bid.data.method.id, version: bid.data.method.version };
    }
  }
  const hasFigures = bid.data !== null && (compliance !== null || r.score !== undefined);
  const total = hasFigures ? (compliance?.score.total?.display ?? r.score?.total ?? null) : null;
  const totalExact = compliance?.score.total?.exact ?? null;
  const label = hasFigures ? (compliance ? compliance.score.label.reached : (r.score?.label?.id ?? null)) : null;
  const notRanked: NotRankedReason | null =
    r.status !== 'valid' ? 'not-valid' : otherMethod ? 'other-method' : compliance === null ? 'not-assessed' : !compliance.compliant ? 'not-compliant' : null;
  return {
    id: bid.id,
    file: bid.file,
    result: r,
    status: r.status,
    alteredParts: r.alteredParts ?? [],
    referenceCode: r.referenceCode ?? null,
    bidder: r.assessor ? { name: r.assessor.name, organisation: r.assessor.organisation } : null,
    compliance,
    otherMethod,
    total,
    totalExact,
    label,
    hasFigures,
    discountCents: r.status === 'valid' ? (compliance?.fictitiousDiscountCents ?? null) : null,
    rank: null,
    notRanked,
  };
}

/**
 * Ranks the bids that may be ranked (`notRanked === null`, with an exact total): highest exact
 * total first, equal totals share a rank (1, 2, 3, 3, 5). Keeps the input order of the list.
 */
export function rankBids<T extends { notRanked: NotRankedReason | null; totalExact: Rational | null; rank: number | null }>(bids: readonly T[]): T[] {
  const ranked = bids
    .map((bid, index) => ({ bid, index }))
    .filter(({ bid }) => bid.notRanked === null && bid.totalExact !== null)
    .sort((x, y) => -compareRational(x.bid.totalExact!, y.bid.totalExact!) || x.index - y.index);
  const ranks = new Map<number, number>();
  ranked.forEach(({ bid, index }, k) => {
    const prev = ranked[k - 1];
    ranks.set(index, prev && compareRational(prev.bid.totalExact!, bid.totalExact!) === 0 ? ranks.get(prev.index)! : k + 1);
  });
  return bids.map((bid, index) => ({ ...bid, rank: ranks.get(index) ?? null }));
}

/** Checks and ranks every bid. */
export function assessBids(bids: readonly CheckedBid[], profile: ProfileForCheck): AssessedBid[] {
  return rankBids(bids.map((b) => assessBid(b, profile)));
}

/* ------------------------------------------------------------------------------------------ */
/* Texts                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/** The status in words, as on the Verify screen. */
export function statusText(bid: Pick<AssessedBid, 'status' | 'alteredParts'>, locale: Locale): string {
  if (bid.status === 'altered') return translate(locale, bid.alteredParts.includes('data') ? 'verify.status.altered.data' : 'verify.status.altered.pages');
  return translate(locale, `verify.status.${bid.status}` as MessageKey);
}

/** What the bid misses, one text per requirement, in the user's language. */
export function gapTexts(bid: Pick<AssessedBid, 'compliance'>, definition: QuickScanDefinition, locale: Locale): string[] {
  return (bid.compliance?.missing ?? []).map((gap) =>
    complianceGapText(gap, locale, {
      label: (id) => definition.labels.find((l) => l.id === id)?.name[locale] ?? id,
      theme: (id) => `${id} ${definition.themes.find((t) => t.id === id)?.title[locale] ?? ''}`.trim(),
    }),
  );
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

/** A number with `digits` decimals, as the locale writes it, without thousands separators. */
const decimal = csvDecimal;

function centsText(cents: number, locale: Locale): string {
  const text = `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return locale === 'nl' ? text.replace('.', ',') : text;
}

export const CSV_COLUMNS = ['rank', 'file', 'reference', 'assessor', 'organisation', 'status', 'compliant', 'missing', 'total', 'label', 'discount', 'notRanked'] as const;

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
    statusText(b, locale),
    b.compliance === null ? '' : t(b.compliance.compliant ? 'common.yes' : 'common.no'),
    gapTexts(b, definition, locale).join('; '),
    b.total === null ? '' : decimal(b.total, 1, locale),
    b.hasFigures ? labelName(definition, b.label, locale) : '',
    b.discountCents === null ? '' : centsText(b.discountCents, locale),
    notRankedText(b, locale),
  ]);
  return csvText([header, ...rows], locale);
}
