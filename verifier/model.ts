/**
 * What the standalone verifier does with a dropped file, and its results as table rows (for the
 * CSV). Pure: the page (main.ts) only draws. Verification itself is report/verify.ts.
 */
import type { VerifyResult } from '../report/verify';
import { formatScore } from '../report/format';
import { type Locale, type MessageKey, type MessageParams } from '../renderer/i18n';
import { keyStatementProblemMessage } from '../renderer/issue/key-statement-text';
import { KEY_STATEMENT_ENVELOPE_FORMAT, KEY_STATEMENT_FILE_SUFFIX, verifyKeyStatement, withKeyStatements, type VerifiedKeyRotation, type VerifiedKeyStatement } from '../scoring/key-statements';
import { keyFingerprint, type PublicJwk } from '../scoring/keys';
import { readTrustedKeysList } from '../scoring/key-file';
import { TRUST_LIST_ENVELOPE_FORMAT, verifyTrustList, type TrustAnchors, type VerifiedTrustList } from '../scoring/trust';
import { looksLikeZip } from '../scoring/zip';
import { isDossier, type VerifiedDossier } from '../report/dossier';
import { VERDICT_NAMES } from '../report/verdict-strings';
import { jsonOfBytes } from '../scoring/json-bytes';

/** A file the user trusts: an assessor's public key file, a list of keys, a signed trust list, or a key statement. */
export interface TrustInput {
  fileName: string;
  keys: { key: PublicJwk; label: string; fingerprint: string }[];
  /** A signed trust list (checked by scoring/trust.ts); its operator is trusted because the user dropped it. */
  list?: VerifiedTrustList;
  /** The list as dropped: checked again against the revocations of the key statements dropped. */
  listDocument?: unknown;
  /**
   * A key statement (checked by scoring/key-statements.ts). A revocation counts as soon as it is
   * dropped (it only takes trust away); a rotation only once the user confirmed it.
   */
  statement?: VerifiedKeyStatement;
}

export type Classified =
  | { kind: 'verify' }
  | { kind: 'dossier' }
  | { kind: 'trust'; trust: TrustInput }
  /** A key rotation: to be confirmed by the user before it counts (as the app's Settings → Trust asks). */
  | { kind: 'confirm'; trust: TrustInput & { statement: VerifiedKeyRotation } }
  /** `params`: the message names the file itself. */
  | { kind: 'problem'; key: MessageKey; params?: MessageParams };

function parseJson(bytes: Uint8Array): unknown {
  const json = jsonOfBytes(bytes);
  return json.ok ? json.value : undefined;
}

const looksLikeJson = (bytes: Uint8Array) => {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 4096 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
};

/**
 * A file the user dropped: keys to trust, or something to verify (PDFs, envelopes, scan files;
 * whatever it is, report/verify.ts says so). Keys are only ever trusted from files the user
 * dropped as such; an issued PDF never adds one.
 */
export function classifyInput(fileName: string, bytes: Uint8Array, locale: Locale = 'nl'): Classified {
  if (looksLikeZip(bytes)) return isDossier(bytes) ? { kind: 'dossier' } : { kind: 'problem', key: 'verifier.notDossier' };
  const json = looksLikeJson(bytes) ? parseJson(bytes) : undefined;
  const format = json && typeof json === 'object' ? (json as { format?: unknown }).format : undefined;
  if (format === KEY_STATEMENT_ENVELOPE_FORMAT || fileName.toLowerCase().endsWith(KEY_STATEMENT_FILE_SUFFIX)) {
    // checked from its bytes: duplicate member names can only be seen there
    const check = verifyKeyStatement(bytes);
    if (!check.ok) return { kind: 'problem', ...keyStatementProblemMessage(fileName, check, locale) };
    const st = check.statement;
    return st.kind === 'key-rotation' ? { kind: 'confirm', trust: { fileName, keys: [], statement: st } } : { kind: 'trust', trust: { fileName, keys: [], statement: st } };
  }
  if (looksLikeJson(bytes)) {
    if (format === TRUST_LIST_ENVELOPE_FORMAT) {
      const checked = verifyTrustList(json, { now: new Date() });
      if (!checked.ok) return { kind: 'problem', key: 'verifier.trustListInvalid' };
      return { kind: 'trust', trust: { fileName, keys: [], list: checked.list, listDocument: json } };
    }
    // a public key file of any version, or a list as --trusted-keys takes (scoring/key-file.ts)
    const keys = readTrustedKeysList(bytes);
    if (keys) return { kind: 'trust', trust: { fileName, keys: keys.map((k) => ({ ...k, fingerprint: keyFingerprint(k.key) })) } };
  }
  return { kind: 'verify' };
}

/** The verdict of report/verify.ts (scoring/verdict.ts decides it), when the result has one. */
export function verdictOf(result: VerifyResult): 'passed' | 'indeterminate' | 'failed' | null {
  const v = (result as { verdict?: unknown }).verdict;
  return v === 'passed' || v === 'indeterminate' || v === 'failed' ? v : null;
}

/** What is trusted, for report/verify.ts, and the trust lists that do not count after all. */
export interface TrustState {
  options: { trustedKeys?: { publicKey: string; label: string }[]; anchors?: TrustAnchors };
  /** Dropped trust lists whose operator key a dropped revocation revoked: not used. */
  unusable: TrustInput[];
}

/**
 * What is trusted: own keys (also in the older list form), trust lists, and key statements with
 * scoring/key-statements.ts `withKeyStatements` (the one rule; the caller passes only rotations
 * the user confirmed). Each list is checked again against the revocations dropped, as the app does.
 */
export function trustState(trust: readonly TrustInput[], now: Date = new Date()): TrustState {
  const keys = trust.flatMap((x) => x.keys);
  const statements = trust.flatMap((x) => (x.statement ? [x.statement] : []));
  const revocations = withKeyStatements({ keys: [], lists: [] }, statements).revocations ?? [];
  const unusable: TrustInput[] = [];
  const lists = trust.flatMap((x) => {
    if (!x.list) return [];
    if (revocations.length === 0) return [x.list];
    const again = verifyTrustList(x.listDocument, { now, revocations });
    if (again.ok) return [again.list];
    unusable.push(x);
    return [];
  });
  if (keys.length === 0 && lists.length === 0 && statements.length === 0) return { options: {}, unusable };
  // Ed25519 keys also in the older list form (raw key), which every version of verify.ts reads
  const trustedKeys = keys.flatMap((k) => (k.key.kty === 'OKP' ? [{ publicKey: k.key.x, label: k.label }] : []));
  return { options: { trustedKeys, anchors: withKeyStatements({ keys: keys.map((k) => ({ key: k.key, label: k.label })), lists }, statements) }, unusable };
}

/** What is trusted, for report/verify.ts (see {@link trustState}). */
export function trustOptions(trust: readonly TrustInput[]): TrustState['options'] {
  return trustState(trust).options;
}

/** The CSV columns: the verdict, not the older status beside it (it could say valid for an indeterminate file). */
export const RESULT_COLUMNS = ['file', 'verdict', 'reference', 'project', 'phase', 'issuedAt', 'assessor', 'organisation', 'fingerprint', 'trustedAs', 'method', 'total', 'label', 'contentHash', 'dossier', 'findings'] as const;

/** One CSV row of a result, in the column order of {@link RESULT_COLUMNS}. */
export function resultRow(fileName: string, r: VerifyResult, locale: Locale, dossier?: VerifiedDossier): string[] {
  const verdict = verdictOf(r);
  return [
    fileName,
    verdict ? VERDICT_NAMES[verdict][locale] : '',
    r.referenceCode ?? '',
    r.projectName ?? '',
    r.phase ?? '',
    r.issuedAt ?? '',
    r.assessor?.name ?? '',
    r.assessor?.organisation ?? '',
    r.assessor?.fingerprint ?? '',
    r.trustedKeyLabel ?? '',
    r.method ? `${r.method.id} ${r.method.version}` : '',
    r.score?.total === null || r.score?.total === undefined ? '' : formatScore(r.score.total, locale),
    r.score?.label?.name[locale] ?? '',
    r.contentHash ?? '',
    dossier ? (dossier.messages[0]?.[locale] ?? '') : '',
    [...r.messages, ...(dossier?.messages.slice(1) ?? [])].map((m) => m[locale]).join(' | '),
  ];
}
