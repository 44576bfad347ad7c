import type { Locale } from '../i18n';

/**
 * Reads a number as a Dutch or English user types it: "1.234,5" and "1234,5" in Dutch,
 * "1,234.5" in English; spaces, € and m² are ignored. Returns null for anything else.
 */
export function parseLocaleNumber(text: string, locale: Locale): number | null {
  const cleaned = text.replace(/[\s\u00a0€]|m²|m2/gi, '');
  if (cleaned === '') return null;
  const [thousands, decimal] = locale === 'nl' ? ['.', ','] : [',', '.'];
  const pattern = locale === 'nl' ? /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/ : /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
  if (!pattern.test(cleaned)) return null;
  const normalised = cleaned.split(thousands).join('').replace(decimal, '.');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** Writes a number for an input field in the user's format, without thousands separators. */
export function numberForInput(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return locale === 'nl' ? text.replace('.', ',') : text;
}

export const hasAtMostTwoDecimals = (value: number): boolean => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
