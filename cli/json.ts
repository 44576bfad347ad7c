/** JSON output: 2-space indented, bigints as strings, exact rationals as "num/den". */
import type { Rational } from '../scoring/types';
import { UNSAFE_TEXT_PATTERN } from '../scoring/visible-text';

/**
 * JSON text of a value. Characters a terminal would act on that JSON.stringify leaves raw (DEL,
 * C1 controls, bidirectional overrides, U+2028/2029) are written as `\uXXXX` escapes: the same
 * JSON value, safe to print (JSON.stringify already escapes C0 inside strings; the line breaks
 * left are the indentation's).
 */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
  return `${text.replace(UNSAFE_TEXT_PATTERN, (ch) => (ch === '\n' ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))}\n`;
}

/** An exact rational as "num/den" (lowest terms), or null. */
export function ratio(r: Rational | null | undefined): string | null {
  return r ? `${r.num}/${r.den}` : null;
}
