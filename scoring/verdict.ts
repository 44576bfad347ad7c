/**
 * The one rule that turns what a verifier found into a verdict (after ETSI EN 319 102-1's
 * PASSED / INDETERMINATE / FAILED). Every surface (Verify screen, Tender screen, revision views,
 * CLI, standalone verifier, re-validation PDF) shows the verdict decided here; nobody else decides
 * green, amber or red.
 *
 * - `passed`: data and pages intact, signature valid, and the signer vouched for by a trust
 *   anchor the user chose (own list of keys, or a signed trust list whose operator the user added);
 * - `indeterminate`: nothing altered and the signature valid, but something could not be
 *   established: the signer is on no anchor, the trust list is expired, the method is unknown or
 *   its publisher untrusted, the pages could not be rebuilt by this version;
 * - `failed`: altered data or pages, an invalid signature, an update after signing, a key revoked
 *   before the issue date, a damaged or unrecognised file.
 *
 * Findings are codes with values, never sentences (the surfaces word them, in NL and EN). Each
 * code has one fixed severity in {@link FINDING_SEVERITY}; a finding cannot choose its own.
 * `passed` also needs positive evidence: the findings `data-intact`, `signature-valid` and
 * `signer-trusted` must all be present, so a verifier that forgot a check can never pass a file.
 * Pure module.
 */

/** What a finding is about. */
export type FindingArea = 'file' | 'data' | 'pages' | 'signature' | 'signer' | 'method' | 'score' | 'profile' | 'history';

/**
 * How a finding weighs: `ok` (positive evidence), `info` (worth showing, changes nothing),
 * `indeterminate` (cannot pass), `failed` (fails).
 */
export type FindingSeverity = 'ok' | 'info' | 'indeterminate' | 'failed';

/** Every finding code, with its area and its one severity. */
export const FINDING_SEVERITY = {
  // file: could the document be read at all
  'file-unreadable': ['file', 'failed'],
  'file-not-recognised': ['file', 'failed'],
  'file-unsigned': ['file', 'indeterminate'],
  'envelope-invalid': ['file', 'failed'],
  'envelope-duplicate-key': ['file', 'failed'],
  'envelope-forbidden-key': ['file', 'failed'],
  'envelope-not-canonical': ['file', 'failed'],
  'envelope-unknown-format': ['file', 'indeterminate'],
  // data: the signed content
  'data-intact': ['data', 'ok'],
  'data-altered': ['data', 'failed'],
  'reference-code-mismatch': ['data', 'failed'],
  /** A format-1 revision: its reference code carries 55 bits (the "short form"). */
  'reference-code-short-form': ['data', 'info'],
  // pages of a PDF
  'pages-match': ['pages', 'ok'],
  'pages-altered': ['pages', 'failed'],
  'pages-incremental-update': ['pages', 'failed'],
  'pages-unknown-layout': ['pages', 'indeterminate'],
  'pages-rebuild-failed': ['pages', 'indeterminate'],
  /** A PDF whose pages could not be compared (e.g. the scores could not be recomputed). */
  'pages-not-checked': ['pages', 'indeterminate'],
  /** An envelope file has no pages: only its data is verified. */
  'pages-none': ['pages', 'info'],
  // signature
  'signature-valid': ['signature', 'ok'],
  'signature-invalid': ['signature', 'failed'],
  // signer and trust anchor
  'signer-trusted': ['signer', 'ok'],
  'signer-unknown': ['signer', 'indeterminate'],
  'signer-revoked': ['signer', 'failed'],
  /** Revoked after the issue date: the revision keeps passing. */
  'signer-revoked-later': ['signer', 'info'],
  /**
   * The signer's key is the successor of key `fingerprint` (since `at`) by a rotation statement the
   * user confirmed; the trust shown is the old key's (scoring/key-statements.ts). `detail`: the new key.
   */
  'signer-key-rotated': ['signer', 'info'],
  'signer-outside-validity': ['signer', 'indeterminate'],
  'signer-name-mismatch': ['signer', 'indeterminate'],
  'signer-role-mismatch': ['signer', 'indeterminate'],
  'trust-list-expired': ['signer', 'indeterminate'],
  /** A tender profile names the trust list its bids must be signed under; this signer is not on it. */
  'signer-not-on-required-list': ['signer', 'indeterminate'],
  // method
  'method-known': ['method', 'ok'],
  'method-unknown': ['method', 'indeterminate'],
  'method-hash-mismatch': ['method', 'indeterminate'],
  'method-publisher-untrusted': ['method', 'indeterminate'],
  // score, recomputed from the data (only ever shown as the document's score when not failed)
  'score-recomputed': ['score', 'info'],
  'score-not-computed': ['score', 'indeterminate'],
  // the tender requirement profile embedded in a revision
  'profile-trusted': ['profile', 'info'],
  'profile-signer-unknown': ['profile', 'info'],
  'profile-altered': ['profile', 'failed'],
  'profile-signature-invalid': ['profile', 'failed'],
  'profile-other-method': ['profile', 'info'],
  // history: the link between revisions (re-validation) and the downgrade rule
  'history-linked': ['history', 'info'],
  'history-not-linked': ['history', 'indeterminate'],
  'downgrade-without-reason': ['history', 'indeterminate'],
} as const satisfies Record<string, readonly [FindingArea, FindingSeverity]>;

export type FindingCode = keyof typeof FINDING_SEVERITY;
export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as FindingCode[];

/** Which trust anchor vouched for a signer: the user's own list, or a trust list (name, version). */
export type AnchorRef =
  | { kind: 'own'; label: string; fingerprint: string }
  | { kind: 'trust-list'; listId: string; name: string; sequence: number; operator: string; operatorFingerprint: string };

/**
 * One thing a verifier established. Values only: `fingerprint` of the key concerned, the
 * `anchor` that vouched (or revoked), `detail` a value such as a layout number, a method id or a
 * field path (never a sentence), `side` which revision of a re-validation it concerns, `at`
 * a date (the revocation date for `signer-revoked*`, the list's expiry for `trust-list-expired`).
 */
export interface Finding {
  code: FindingCode;
  fingerprint?: string;
  anchor?: AnchorRef;
  detail?: string;
  at?: string;
  side?: 'earlier' | 'later';
}

export type Verdict = 'passed' | 'indeterminate' | 'failed';

export interface VerdictDecision {
  verdict: Verdict;
  /**
   * The codes that decided it, in the order found: for `failed` the failing findings, for
   * `indeterminate` the indeterminate ones (or the missing evidence, as `missing-*`), for
   * `passed` `signer-trusted`.
   */
  reasons: VerdictReason[];
}

/** A finding code, or evidence that `passed` needs and that no finding gave. */
export type VerdictReason = FindingCode | 'missing-data-intact' | 'missing-signature-valid' | 'missing-signer-trusted';

export function findingArea(code: FindingCode): FindingArea {
  return FINDING_SEVERITY[code][0];
}

export function findingSeverity(code: FindingCode): FindingSeverity {
  const entry = (FINDING_SEVERITY as Record<string, readonly [FindingArea, FindingSeverity]>)[code];
  // an unknown code (a newer verifier's finding read by an older surface) can never pass
  return entry ? entry[1] : 'indeterminate';
}

const REQUIRED_FOR_PASSED = [
  ['data-intact', 'missing-data-intact'],
  ['signature-valid', 'missing-signature-valid'],
  ['signer-trusted', 'missing-signer-trusted'],
] as const;

/**
 * THE rule. `failed` when any finding fails; else `indeterminate` when any finding is
 * indeterminate or the evidence for passing is incomplete; else `passed`. With a re-validation
 * (findings with `side`), both sides must each carry the evidence for `passed`.
 */
export function decideVerdict(findings: readonly Finding[]): VerdictDecision {
  const failed = uniq(findings.filter((f) => findingSeverity(f.code) === 'failed').map((f) => f.code));
  if (failed.length > 0) return { verdict: 'failed', reasons: failed };
  const indeterminate: VerdictReason[] = uniq(findings.filter((f) => findingSeverity(f.code) === 'indeterminate').map((f) => f.code));
  // with a re-validation every revision (side) must carry the evidence itself
  const sided = findings.filter((f) => f.side !== undefined);
  const sides: (Finding['side'] | undefined)[] = sided.length > 0 ? [...new Set(sided.map((f) => f.side))] : [undefined];
  for (const side of sides) {
    const own = findings.filter((f) => f.side === side);
    // a signer already found indeterminate (unknown, list expired, ...) needs no second reason
    const signerUnsettled = own.some((f) => findingArea(f.code) === 'signer' && findingSeverity(f.code) === 'indeterminate');
    for (const [code, missing] of REQUIRED_FOR_PASSED) {
      if (own.some((f) => f.code === code)) continue;
      if (code === 'signer-trusted' && signerUnsettled) continue;
      if (!indeterminate.includes(missing)) indeterminate.push(missing);
    }
  }
  if (indeterminate.length > 0) return { verdict: 'indeterminate', reasons: indeterminate };
  return { verdict: 'passed', reasons: ['signer-trusted'] };
}

/** The verdict of several documents together (a batch, a tender's bids): the worst one. */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('failed')) return 'failed';
  if (verdicts.length === 0 || verdicts.includes('indeterminate')) return 'indeterminate';
  return 'passed';
}

/** The command line's exit code for verdicts: 0 all passed, 1 any failed, 3 none failed but some indeterminate. */
export function verdictExitCode(verdicts: readonly Verdict[]): 0 | 1 | 3 {
  const worst = worstVerdict(verdicts);
  return worst === 'passed' ? 0 : worst === 'failed' ? 1 : 3;
}

function uniq<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
