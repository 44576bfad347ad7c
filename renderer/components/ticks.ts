/**
 * Axis ticks on round numbers: steps of 1, 2, 2.5 or 5 × 10^n, the axis widened to whole steps
 * so that its ends are ticks too. Pure; used by the charts (FrontierChart, ThemeChart).
 */
export interface Ticks {
  /** The axis, widened to whole steps: min <= every value <= max. */
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** From min to max, every step (exact multiples of the step, no 0.30000000000000004). */
  readonly values: readonly number[];
}

const MULTIPLIERS = [1, 2, 2.5, 5, 10];

/** The smallest round step that covers [min, max] in at most `maxTicks - 1` steps. */
export function niceTicks(min: number, max: number, maxTicks = 6): Ticks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError('ticks need finite bounds');
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) / 10;
    min -= pad;
    max += pad;
  }
  const intervals = Math.max(1, maxTicks - 1);
  const raw = (max - min) / intervals;
  const exponent = Math.floor(Math.log10(raw));
  for (let e = exponent; ; e++) {
    const power = 10 ** e;
    for (const m of MULTIPLIERS) {
      const step = m * power;
      const lo = Math.floor(min / step + 1e-9);
      const hi = Math.ceil(max / step - 1e-9);
      if (hi - lo <= intervals) {
        // whole multiples, rounded to the step's decimals so that labels are exact
        const decimals = Math.max(0, -Math.floor(Math.log10(step)) + (m === 2.5 ? 1 : 0));
        const at = (k: number) => Number((k * step).toFixed(decimals)) + 0;
        const values = Array.from({ length: hi - lo + 1 }, (_, i) => at(lo + i));
        return { min: values[0]!, max: values.at(-1)!, step, values };
      }
    }
  }
}
