/** Parsing of numeric options (--budget, --budget-pct, --top) with one-line reasons. */
import { CliError } from './errors';
import type { Strings } from './strings';

/**
 * An amount with at most 2 decimals, written with a decimal point or comma and no thousands
 * separators ("150000", "150000.50", "1500,5"), as an integer number of hundredths.
 * "150.000" is refused (3 decimals) rather than read as 150.
 */
export function parseHundredths(raw: string, option: string, s: Strings): number {
  const text = raw.trim();
  const m = /^([+-]?)(\d+)(?:[.,](\d*))?$/.exec(text);
  if (!m) {
    if (/\d/.test(text) && /^[+-]?[\d.,\s'_]+$/.test(text)) throw new CliError(s.optionNumberFormat(option, raw));
    throw new CliError(s.optionNotNumber(option, raw));
  }
  const sign = m[1]!;
  const whole = m[2]!.replace(/^0+(?=\d)/, '');
  const decimals = m[3] ?? '';
  if (sign === '-' && /[1-9]/.test(whole + decimals)) throw new CliError(s.optionNegative(option, raw));
  if (decimals.length > 2) throw new CliError(s.optionNumberFormat(option, raw));
  if (whole.length > 13) throw new CliError(s.optionTooLarge(option, raw));
  return Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
}

/** A whole number from `min` to `max`. */
export function parseCount(raw: string, option: string, min: number, max: number, s: Strings): number {
  if (!/^\d+$/.test(raw.trim())) {
    if (/^-\d+$/.test(raw.trim())) throw new CliError(s.optionNegative(option, raw));
    throw new CliError(s.optionNotWhole(option, raw));
  }
  const n = Number(raw.trim());
  if (n < min || n > max) throw new CliError(s.optionRange(option, raw, min, max));
  return n;
}
