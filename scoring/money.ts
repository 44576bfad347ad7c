import type { CostIndication, CostCents } from './types';
import { ScanInputError } from './errors';

/** An amount with at most 2 decimals as an integer number of hundredths. */
export function toHundredths(x: number): number {
  return Math.round(x * 100);
}

/** a / b for integers, rounded half away from zero (b > 0). */
export function divRoundHalfAway(a: number, b: number): number {
  const q = Math.trunc(a / b);
  const r = a - q * b;
  if (2 * Math.abs(r) >= b) return q + Math.sign(a);
  return q;
}

function divRoundHalfAwayBig(a: bigint, b: bigint): bigint {
  const neg = a < 0n;
  const abs = neg ? -a : a;
  const q = (2n * abs + b) / (2n * b);
  return neg ? -q : q;
}

/** EUR amount (at most 2 decimals) times GFA (at most 2 decimals), in whole cents, half away from zero. */
export function perM2ToCents(eurHundredths: number, gfaHundredths: number): number {
  const product = eurHundredths * gfaHundredths;
  if (Number.isSafeInteger(product)) return divRoundHalfAway(product, 100);
  return Number(divRoundHalfAwayBig(BigInt(eurHundredths) * BigInt(gfaHundredths), 100n));
}

/** One bound of a cost indication in cents for a project of `gfaHundredths` hundredths of m². */
export function boundToCents(basis: CostIndication['basis'], eur: number, gfaHundredths: number): number {
  const h = toHundredths(eur);
  return basis === 'lump_sum' ? h : perM2ToCents(h, gfaHundredths);
}

/** Low and high of a cost indication in cents (each rounded once, half away from zero). */
export function costToCents(cost: CostIndication, gfaHundredths: number): { low: number; high: number } {
  return { low: boundToCents(cost.basis, cost.low, gfaHundredths), high: boundToCents(cost.basis, cost.high, gfaHundredths) };
}

/** The cost figure shown for a sum of lows and highs: mid = (low + high) / 2, half away from zero. */
export function costCents(lowCents: number, highCents: number): CostCents {
  return { lowCents, midCents: divRoundHalfAway(lowCents + highCents, 2), highCents };
}

/** The extra budget for circular measures in cents: an amount, or a percentage of the construction budget. */
export function circularBudgetCents(
  budget: { mode: 'eur'; amountEur: number } | { mode: 'pct'; pct: number },
  constructionBudgetEur: number,
): number {
  if (budget.mode === 'eur') {
    if (!(budget.amountEur >= 0) || !Number.isFinite(budget.amountEur)) {
      throw new ScanInputError('invalid-budget', { field: 'circular-budget', value: budget.amountEur });
    }
    return toHundredths(budget.amountEur);
  }
  if (!(budget.pct >= 0) || !Number.isFinite(budget.pct) || !(constructionBudgetEur >= 0)) {
    throw new ScanInputError('invalid-budget', { field: 'budget-percentage' });
  }
  // cents * (pct hundredths) / 10000, exact
  const product = BigInt(toHundredths(constructionBudgetEur)) * BigInt(toHundredths(budget.pct));
  return Number(divRoundHalfAwayBig(product, 10000n));
}
