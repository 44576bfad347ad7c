import type { Rational, ScoreValue } from './types';

export function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** gcd of two safe non-negative integers. */
export function gcdNum(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function lcmNum(a: number, b: number): number {
  return (a / gcdNum(a, b)) * b;
}

/** `num/den` in lowest terms with a positive denominator. */
export function rational(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new RangeError('rational: zero denominator');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcdBig(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Floor division for bigints (rounds toward minus infinity). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** A 0..1 value shown on 0-100, rounded down to one decimal: a shown figure never claims more. */
export function displayTruncated(r: Rational): number {
  return Number(floorDiv(r.num * 1000n, r.den)) / 10;
}

/** A 0..1 value shown on 0-100, rounded up to one decimal (for what is still missing). */
export function displayRoundedUp(r: Rational): number {
  return Number(-floorDiv(-r.num * 1000n, r.den)) / 10;
}

export function scoreValue(r: Rational): ScoreValue {
  return { exact: r, display: displayTruncated(r) };
}

/** The rational as a JavaScript number (approximate; for charts, never for comparisons). */
export function rationalToNumber(r: Rational): number {
  return Number(r.num) / Number(r.den);
}
