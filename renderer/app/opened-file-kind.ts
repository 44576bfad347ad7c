import { looksLikePdf } from '../../report/sniff';
import { PUBLIC_KEY_FORMAT } from '../../scoring/key-file';
import type { OpenedFile } from '../platform';

/**
 * Where a document the operating system hands to the app belongs:
 * - `verify`: a PDF (an issued report) is checked on the Verify screen;
 * - `trust-list`: a signed trust list (`*.quickscan-trustlist.json`) goes to the trust settings,
 *   where the user confirms it (an opened file never changes what the user trusts by itself);
 * - `key-statement`: a key rotation or revocation statement (`*.quickscan-key-statement.json`)
 *   goes to the trust settings, where the user sees what it does and confirms it;
 * - `public-key`: a public key file (`quickscan-public-key`, the app's or `quickscan key new`'s)
 *   goes to the trust settings, where the user sees the key and confirms trusting it;
 * - `method`: a signed method file (`*.quickscan-method.json`) or a bare method definition goes to
 *   the method settings, where it is checked and added;
 * - `import`: everything else the import understands (a `.quickscan` document, a scan file, a
 *   project, an issued revision's data) becomes a project.
 * Decided by content where the content says it (the `format` member, the PDF header), else by name.
 */
export type OpenedFileKind = 'verify' | 'trust-list' | 'key-statement' | 'public-key' | 'method' | 'import';

const TRUST_LIST_FORMATS = ['quickscan-trustlist', 'quickscan-trustlist-envelope'];

export function openedFileKind(file: OpenedFile): OpenedFileKind {
  if (looksLikePdf(file.data) || (/\.pdf$/i.test(file.name) && !looksLikeJson(file.data))) return 'verify';
  const format = jsonFormatOf(file.data);
  if (format !== undefined) {
    if (TRUST_LIST_FORMATS.includes(format)) return 'trust-list';
    if (format === 'quickscan-key-statement-envelope' || format === 'quickscan-key-statement') return 'key-statement';
    if (format === PUBLIC_KEY_FORMAT) return 'public-key';
    if (format === 'quickscan-definition' || format.startsWith('quickscan-method')) return 'method';
    if (format.startsWith('quickscan-')) return 'import';
  }
  if (/\.quickscan-trustlist\.json$/i.test(file.name)) return 'trust-list';
  if (/\.quickscan-key-statement\.json$/i.test(file.name)) return 'key-statement';
  if (/\.quickscan-method\.json$/i.test(file.name)) return 'method';
  return 'import';
}

function looksLikeJson(data: Uint8Array): boolean {
  for (const byte of data.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b;
  }
  return false;
}

/** The top-level `format` of a JSON document (files up to 20 MB are read here; larger ones go to the import, which explains). */
function jsonFormatOf(data: Uint8Array): string | undefined {
  if (!looksLikeJson(data) || data.byteLength > 20 * 1024 * 1024) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(data).replace(/^\uFEFF/, ''));
    const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
    return typeof format === 'string' ? format : undefined;
  } catch {
    return undefined;
  }
}
