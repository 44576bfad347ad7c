/**
 * What the standalone verifier does with a dropped file, and its results as table rows (for the
 * CSV). Pure: the page (main.ts) only draws. Verification itself is report/verify.ts.
 */
import type { VerifyResult } from '../report/verify';
import { formatScore } from '../report/format';
import { translate, type Locale, type MessageKey } from '../renderer/i18n';
import { readTrustedKeyList } from '../renderer/issue/public-key-file';
import { keyFingerprint } from '../scoring/signature';
import { looksLikeZip } from '../scoring/zip';
import { isDossier, type VerifiedDossier } from '../report/dossier';

/** A file of keys the user trusts (an assessor's public key file or a list of keys). */
export interface TrustInput {
  fileName: string;
  keys: { publicKey: string; label: string; fingerprint: string }[];
}

export type Classified = { kind: 'verify' } | { kind: 'dossier' } | { kind: 'trust'; trust: TrustInput } | { kind: 'problem'; key: MessageKey };

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
export function classifyInput(fileName: string, bytes: Uint8Array): Classified {
  if (looksLikeZip(bytes)) return isDossier(bytes) ? { kind: 'dossier' } : { kind: 'problem', key: 'verifier.notDossier' };
  if (looksLikeJson(bytes)) {
    const keys = readTrustedKeyList(bytes);
    if (keys) return { kind: 'trust', trust: { fileName, keys: keys.map((k) => ({ ...k, fingerprint: keyFingerprint(k.publicKey) })) } };
  }
  return { kind: 'verify' };
}

/** The message key of a result's status (as the app's Verify screen words it). */
export function statusKey(result: VerifyResult): MessageKey {
  if (result.status === 'altered') return (result.alteredParts ?? []).includes('data') ? 'verify.status.altered.data' : 'verify.status.altered.pages';
  return `verify.status.${result.status}`;
}

export const RESULT_COLUMNS = ['file', 'status', 'reference', 'project', 'phase', 'issuedAt', 'assessor', 'organisation', 'fingerprint', 'trustedAs', 'method', 'total', 'label', 'contentHash', 'dossier', 'findings'] as const;

/** One CSV row of a result, in the column order of {@link RESULT_COLUMNS}. */
export function resultRow(fileName: string, r: VerifyResult, locale: Locale, dossier?: VerifiedDossier): string[] {
  return [
    fileName,
    translate(locale, statusKey(r)),
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
