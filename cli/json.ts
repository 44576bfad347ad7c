/** JSON output: 2-space indented, bigints as strings, exact rationals as "num/den". */
import type { Rational } from '../scoring/types';

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}

/** An exact rational as "num/den" (lowest terms), or null. */
export function ratio(r: Rational | null | undefined): string | null {
  return r ? `${r.num}/${r.den}` : null;
}
