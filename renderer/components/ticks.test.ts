import { describe, expect, it } from 'vitest';
import { niceTicks } from './ticks';

const round = (v: number) => {
  if (v === 0) return true;
  const mantissa = Math.abs(v) / 10 ** Math.floor(Math.log10(Math.abs(v)));
  return [1, 2, 2.5, 5].some((m) => Math.abs(mantissa - m) < 1e-9);
};

describe('niceTicks', () => {
  it('steps of 1, 2, 2.5 or 5 × 10^n, covering the range, ends included', () => {
    expect(niceTicks(0, 100, 6).values).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 100, 5).values).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 187_345, 6).values).toEqual([0, 50_000, 100_000, 150_000, 200_000]);
    expect(niceTicks(-12_000, 61_500, 6).values).toEqual([-20_000, 0, 20_000, 40_000, 60_000, 80_000]);
    expect(niceTicks(0, 0.3, 4).values).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 1, 6).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('for any range: at most maxTicks round values, evenly spaced, enclosing the range', () => {
    for (const [a, b] of [[0, 1], [0, 7], [3, 1234], [-5e6, 1.2e7], [0.01, 0.07], [-250, -10], [12_345, 12_346], [0, 3_217_004.5]] as const) {
      for (const n of [3, 5, 6, 8]) {
        const t = niceTicks(a, b, n);
        expect(t.values.length).toBeLessThanOrEqual(n);
        expect(t.min).toBeLessThanOrEqual(a);
        expect(t.max).toBeGreaterThanOrEqual(b);
        expect(round(t.step)).toBe(true);
        t.values.forEach((v, i) => expect(v).toBeCloseTo(t.min + i * t.step, 9));
        expect(t.values.every((v) => Number.isFinite(v) && String(v).length < 12)).toBe(true);
      }
    }
  });

  it('an empty range still gets an axis', () => {
    expect(niceTicks(0, 0).values.length).toBeGreaterThan(1);
    expect(niceTicks(500, 500).min).toBeLessThan(500);
    expect(() => niceTicks(0, Infinity)).toThrow(RangeError);
  });
});
