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

function formatCode(symbols12: string): string {
  return `QS-${symbols12.slice(0, 4)}-${symbols12.slice(4, 8)}-${symbols12.slice(8, 12)}`;
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
  | { ok: true; code: string; checkValid: boolean; expectedCheck: string }
  | { ok: false; reason: string };

/**
 * Reads a reference code as a person might type it: `qs-1a2b-3c4d-5e6*`, `1A2B3C4D5E6*`,
 * `QS 1A2B 3C4D 5E6*`, with I/L for 1 and O for 0. Says whether the check symbol matches.
 */
export function parseReferenceCode(input: string): ParsedReferenceCode {
  if (typeof input !== 'string') return { ok: false, reason: 'not text' };
  if (input.length > 64) return { ok: false, reason: 'too long for a reference code' };
  let s = input.trim().toUpperCase().replace(/[\s\-–—]+/g, '');
  if (s.length === 14 && s.startsWith('QS')) s = s.slice(2);
  if (s.length !== 12) {
    return { ok: false, reason: 'a reference code has 12 symbols after "QS" (e.g. QS-1A2B-3C4D-5E6F)' };
  }
  let data = '';
  for (const raw of s.slice(0, DATA_SYMBOLS)) {
    const ch = raw === 'I' || raw === 'L' ? '1' : raw === 'O' ? '0' : raw;
    if (!CROCKFORD_ALPHABET.includes(ch)) return { ok: false, reason: `"${raw}" cannot occur in a reference code` };
    data += ch;
  }
  const rawCheck = s[DATA_SYMBOLS]!;
  const check = rawCheck === 'I' || rawCheck === 'L' ? '1' : rawCheck === 'O' ? '0' : rawCheck;
  if (!CROCKFORD_CHECK_ALPHABET.includes(check)) {
    return { ok: false, reason: `"${rawCheck}" cannot be the check symbol of a reference code` };
  }
  const expectedCheck = crockfordCheckSymbol(data);
  return { ok: true, code: formatCode(data + check), checkValid: check === expectedCheck, expectedCheck };
}

/** The number of bits of the content hash that the reference code carries. */
export const REFERENCE_CODE_BITS = DATA_BITS;
