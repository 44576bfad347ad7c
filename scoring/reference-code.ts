/**
 * The short, human-readable reference code of an issued revision: `QS-XXXX-XXXX-XXXX`.
 *
 * - The first 11 symbols are Crockford base32 (alphabet `0123456789ABCDEFGHJKMNPQRSTVWXYZ`,
 *   no I, L, O, U) of the first 55 bits of the content hash (SHA-256, big-endian bit order).
 * - The 12th symbol is Crockford's check symbol: the 55-bit number modulo 37, written with the
 *   alphabet above extended by `*`, `~`, `$`, `=` and `U` for the values 32..36
 *   (https://www.crockford.com/base32.html, "Check Symbol").
 *
 * Why this detects every single-symbol substitution and every transposition of two adjacent
 * symbols: the code's value is N = Σ dᵢ·32ⁱ. Changing one symbol by d (0 < |d| < 32) changes N by
 * d·32ⁱ, and swapping adjacent symbols a, b changes it by (a − b)·32ⁱ·31. As 37 is prime and
 * does not divide d, 32 or 31, neither change is 0 modulo 37, so the check symbol no longer fits.
 * Swapping the last data symbol with the check symbol is caught too (it would need v ≡ a, i.e.
 * the same symbol). Two or more errors are caught with probability about 36/37.
 *
 * Two forms:
 * - the short form `QS-XXXX-XXXX-XXXX` (11 data symbols = 55 bits + check) of format-1 revisions
 *   and profiles; it keeps verifying, and surfaces label it "short form";
 * - the long form `QS-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX` (23 data symbols = the first 115 bits of the
 *   hash + the same check symbol) of format-2 revisions: finding two contents with one long code
 *   takes about 2^57 work, out of reach, where the short form's 2^27.5 takes seconds.
 *
 * Reading: lower case is accepted, dashes and spaces are optional, the `QS` prefix is optional,
 * and Crockford's confusable letters are read as digits (I, L → 1; O → 0). Pure module.
 */
import { base32crockford } from '@scure/base';

/** The 32 data symbols (Crockford base32). */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The 37 check symbols: the data symbols plus `*~$=U` for 32..36. */
export const CROCKFORD_CHECK_ALPHABET = `${CROCKFORD_ALPHABET}*~$=U`;

const DATA_SYMBOLS = 11;
const DATA_BITS = 55;
/** `QS-XXXX-XXXX-XXXX`, upper case, exactly as produced by {@link referenceCodeFromHash}. */
export const REFERENCE_CODE_PATTERN = /^QS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}[0-9A-HJKMNP-TV-Z*~$=U]$/;

/** Crockford's check symbol of a string of data symbols (upper-case canonical alphabet). */
export function crockfordCheckSymbol(dataSymbols: string): string {
  let value = 0n;
  for (const ch of dataSymbols) {
    const digit = CROCKFORD_ALPHABET.indexOf(ch);
    if (digit < 0) throw new Error(`crockfordCheckSymbol: "${ch}" is not a Crockford base32 symbol`);
    value = value * 32n + BigInt(digit);
  }
  return CROCKFORD_CHECK_ALPHABET[Number(value % 37n)]!;
}

function formatCode(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += 4) groups.push(symbols.slice(i, i + 4));
  return `QS-${groups.join('-')}`;
}

const LONG_DATA_SYMBOLS = 23;
const LONG_DATA_BITS = 115;
/** `QS-` + six groups of four, upper case, exactly as produced by {@link longReferenceCodeFromHash}. */
export const LONG_REFERENCE_CODE_PATTERN = /^QS(-[0-9A-HJKMNP-TV-Z]{4}){5}-[0-9A-HJKMNP-TV-Z]{3}[0-9A-HJKMNP-TV-Z*~$=U]$/;
/** Either form. */
export const ANY_REFERENCE_CODE_PATTERN = new RegExp(`${REFERENCE_CODE_PATTERN.source}|${LONG_REFERENCE_CODE_PATTERN.source}`);

export type ReferenceCodeForm = 'short' | 'long';

/**
 * The long reference code of a content hash (format-2 revisions): `QS-` + 23 Crockford symbols
 * of the first 115 bits + the check symbol, in six groups of four.
 */
export function longReferenceCodeFromHash(hex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('longReferenceCodeFromHash: expected a SHA-256 as 64 hex digits');
  const bytes = new Uint8Array(15); // 120 bits; base32 of 15 bytes = 24 symbols, the first 23 carry bits 0..114
  for (let i = 0; i < 15; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const data = base32crockford.encode(bytes).slice(0, LONG_DATA_SYMBOLS);
  return formatCode(data + crockfordCheckSymbol(data));
}

/** The code of a hash in the given form. */
export function referenceCodeOfForm(hex: string, form: ReferenceCodeForm): string {
  return form === 'long' ? longReferenceCodeFromHash(hex) : referenceCodeFromHash(hex);
}

/** Which form a (canonical) code has; undefined when it is neither. */
export function referenceCodeForm(code: string): ReferenceCodeForm | undefined {
  return REFERENCE_CODE_PATTERN.test(code) ? 'short' : LONG_REFERENCE_CODE_PATTERN.test(code) ? 'long' : undefined;
}

/**
 * The reference code of a content hash (64 hex digits, lower or upper case):
 * `QS-` + 11 Crockford symbols of the first 55 bits + the check symbol, grouped by four.
 */
export function referenceCodeFromHash(hex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('referenceCodeFromHash: expected a SHA-256 as 64 hex digits');
  const bytes = new Uint8Array(7); // 56 bits; base32 of 7 bytes = 12 symbols, the first 11 carry bits 0..54
  for (let i = 0; i < 7; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const data = base32crockford.encode(bytes).slice(0, DATA_SYMBOLS);
  return formatCode(data + crockfordCheckSymbol(data));
}

export type ParsedReferenceCode =
  /** The input has the shape of a reference code. `code` is its canonical form (`QS-…`, upper case). */
  | { ok: true; code: string; checkValid: boolean; expectedCheck: string; form: ReferenceCodeForm }
  | { ok: false; reason: ReferenceCodeProblem; symbol?: string };

/** Why a text is not a reference code (a code; the surfaces word it): not text, too long, not 12 or 24 symbols after "QS", a symbol that cannot occur, a check symbol that cannot occur (`symbol` names it). */
export type ReferenceCodeProblem = 'not-text' | 'too-long' | 'wrong-length' | 'bad-symbol' | 'bad-check-symbol';

/**
 * Reads a reference code as a person might type it: `qs-1a2b-3c4d-5e6*`, `1A2B3C4D5E6*`,
 * `QS 1A2B 3C4D 5E6*`, with I/L for 1 and O for 0. Says whether the check symbol matches.
 */
export function parseReferenceCode(input: string): ParsedReferenceCode {
  if (typeof input !== 'string') return { ok: false, reason: 'not-text' };
  if (input.length > 64) return { ok: false, reason: 'too-long' };
  let s = input.trim().toUpperCase().replace(/[\s\-–—]+/g, '');
  if ((s.length === 14 || s.length === 26) && s.startsWith('QS')) s = s.slice(2);
  if (s.length !== 12 && s.length !== 24) {
    return { ok: false, reason: 'wrong-length' };
  }
  const form: ReferenceCodeForm = s.length === 24 ? 'long' : 'short';
  const dataSymbols = form === 'long' ? LONG_DATA_SYMBOLS : DATA_SYMBOLS;
  let data = '';
  for (const raw of s.slice(0, dataSymbols)) {
    const ch = raw === 'I' || raw === 'L' ? '1' : raw === 'O' ? '0' : raw;
    if (!CROCKFORD_ALPHABET.includes(ch)) return { ok: false, reason: 'bad-symbol', symbol: raw };
    data += ch;
  }
  const rawCheck = s[dataSymbols]!;
  const check = rawCheck === 'I' || rawCheck === 'L' ? '1' : rawCheck === 'O' ? '0' : rawCheck;
  if (!CROCKFORD_CHECK_ALPHABET.includes(check)) {
    return { ok: false, reason: 'bad-check-symbol', symbol: rawCheck };
  }
  const expectedCheck = crockfordCheckSymbol(data);
  return { ok: true, code: formatCode(data + check), checkValid: check === expectedCheck, expectedCheck, form };
}

/** The number of bits of the content hash that the short reference code carries. */
export const REFERENCE_CODE_BITS = DATA_BITS;
/** The number of bits of the content hash that the long reference code carries. */
export const LONG_REFERENCE_CODE_BITS = LONG_DATA_BITS;
