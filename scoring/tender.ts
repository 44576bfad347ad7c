/**
 * Tender evaluation: the ONE implementation of checking bids against a requirement profile,
 * ranking them and the fictitious discount, used by `quickscan verify --profile` (cli/) and the
 * app's Tender screen (renderer/tender/). docs/tender-profiles.md, "Checking all bids at once":
 *
 * 1. every bid file is verified first (report/verify.ts); its `verdict` (scoring/verdict.ts) is
 *    the one answer to "can this file be believed": this module never decides that itself;
 * 2. a bid whose signed data is intact and correctly signed (or a plain scan file, for
 *    information) and made with exactly the profile's method is checked with `checkCompliance`,
 *    the scores recomputed from the data, never read from the pages;
 * 3. only bids whose verdict is `passed` and that are compliant are ranked, by exact total,
 *    highest first; equal totals share a rank (1, 2, 3, 3, 5). Every other bid says why it is not
 *    ranked, and gets no fictitious discount.
 *
 * Pure: codes and values only; the surfaces word them.
 */
import { checkCompliance, type ComplianceResult } from './compliance';
import { profileAppliesToMethod, type ProfileContent } from './profile';
import { compareRational } from './rational';
import { parseScanFile } from './scan-file';
import type { ScanInput } from './score';
import type { Rational, ScoringDefinition } from './types';
import type { Verdict } from './verdict';
import { utf8Text } from './json-bytes';

export interface BidMethodRef {
  id: string;
  version: string;
  sha256: string;
}

/** What a bid's data is checked with: the scan as scoreScan takes it, and its method. */
export interface BidData {
  input: ScanInput;
  method: BidMethodRef;
}

/**
 * What the verifier established about a bid file (the fields of report/verify.ts `VerifyResult`
 * this module reads).
 */
export interface BidVerification {
  verdict: Verdict;
  /** `unsigned`: a plain scan file; other values are not read here. */
  status: string;
  checks: { dataIntact: boolean | null; signatureValid: boolean | null };
  /** The issued envelope as read. */
  envelope?: { content: { project: ScanInput['project']; scan: { answers: ScanInput['answers']; costOverrides?: ScanInput['costOverrides'] }; method: BidMethodRef } } | undefined;
  /** The verifier's recomputed figures (absent when the data cannot be believed). */
  score?: { total: number | null; label: { id: string } | null } | undefined;
}

/** Why a bid is not ranked, most fundamental first. */
export type NotRankedReason = 'failed' | 'indeterminate' | 'other-method' | 'not-assessed' | 'not-compliant';

export interface BidAssessment {
  /** Null when the data could not be checked (not intact, badly signed, unreadable, another method, answers that do not fit). */
  compliance: ComplianceResult | null;
  /** The bid's method when it is not the profile's. */
  otherMethod: { id: string; version: string } | null;
  /** The recomputed total (0-100, one decimal, truncated); null when there is none or the data is not to be believed. */
  total: number | null;
  totalExact: Rational | null;
  /** The label id reached; null when none or unknown (see `hasFigures`). */
  label: string | null;
  /** Whether total and label come from data that may be shown (so a null label means "no label"). */
  hasFigures: boolean;
  /** Only for a ranked bid (passed, compliant) of a profile with a value per point. */
  discountCents: number | null;
  /** 1-based, shared by equal totals; null when not ranked. */
  rank: number | null;
  notRanked: NotRankedReason | null;
}

export interface ProfileForAssessment {
  content: ProfileContent;
  definition: ScoringDefinition;
}

/**
 * The scan input of a bid whose data can be checked: an issued revision with intact data and a
 * signature that fits it, or a plain (unsigned) scan file. Null otherwise.
 */
export function bidData(result: BidVerification, bytes: Uint8Array): BidData | null {
  if (result.envelope && result.checks.dataIntact === true && result.checks.signatureValid === true) {
    const c = result.envelope.content;
    return { input: { project: c.project, answers: c.scan.answers, costOverrides: c.scan.costOverrides }, method: c.method };
  }
  if (result.status === 'unsigned') {
    const text = utf8Text(bytes);
    if (text === undefined) return null;
    const parsed = parseScanFile(text);
    if (!parsed.ok) return null;
    const f = parsed.file;
    return { input: { project: f.project, answers: f.scan.answers, costOverrides: f.scan.costOverrides }, method: f.method };
  }
  return null;
}

/** Checks one verified bid against the profile; `rank` is left null ({@link rankBids} sets it). */
export function assessBid(verification: BidVerification, data: BidData | null, profile: ProfileForAssessment): BidAssessment {
  let compliance: ComplianceResult | null = null;
  let otherMethod: BidAssessment['otherMethod'] = null;
  if (data) {
    if (profileAppliesToMethod(profile.content, data.method)) {
      try {
        compliance = checkCompliance(profile.definition, data.input, profile.content);
      } catch {
        compliance = null; // answers that do not fit the method: not assessed
      }
    } else {
      otherMethod = { id: data.method.id, version: data.method.version };
    }
  }
  const score = verification.score;
  const hasFigures = data !== null && (compliance !== null || score !== undefined);
  const total = hasFigures ? (compliance?.score.total?.display ?? score?.total ?? null) : null;
  const totalExact = compliance?.score.total?.exact ?? null;
  const label = hasFigures ? (compliance ? compliance.score.label.reached : (score?.label?.id ?? null)) : null;
  const notRanked: NotRankedReason | null =
    verification.verdict === 'failed'
      ? 'failed'
      : verification.verdict === 'indeterminate'
        ? 'indeterminate'
        : otherMethod
          ? 'other-method'
          : compliance === null
            ? 'not-assessed'
            : !compliance.compliant
              ? 'not-compliant'
              : null;
  return {
    compliance,
    otherMethod,
    total,
    totalExact,
    label,
    hasFigures,
    discountCents: notRanked === null ? compliance!.fictitiousDiscountCents : null,
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

/**
 * Checks and ranks every bid; each result is the bid's own fields plus its assessment, in the
 * input order.
 */
export function assessBids<T extends { result: BidVerification; data: BidData | null }>(bids: readonly T[], profile: ProfileForAssessment): (T & BidAssessment)[] {
  return rankBids(bids.map((bid) => ({ ...bid, ...assessBid(bid.result, bid.data, profile) })));
}

/** Ranked bids first by rank, then the others in input order (the order of a printed table). */
export function inRankOrder<T extends { rank: number | null }>(bids: readonly T[]): T[] {
  return bids
    .map((bid, index) => ({ bid, index }))
    .sort((a, b) => (a.bid.rank ?? Infinity) - (b.bid.rank ?? Infinity) || a.index - b.index)
    .map(({ bid }) => bid);
}
