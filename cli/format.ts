/**
 * Number and money formatting for the text output, from exact integers (no `Intl`, so the
 * output is the same on every Node version): Dutch `1.234,5` and `€ 12.345`, English
 * `1,234.5` and `€12,345`.
 */
import type { Lang } from './strings';

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  nl: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

function groupDigits(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** `scaled` / 10^`decimals` with exactly `decimals` decimals and digit grouping. */
export function formatScaled(scaled: bigint | number, decimals: number, lang: Lang): string {
  const value = BigInt(scaled);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals);
  const { group, decimal } = SEPARATORS[lang];
  return `${negative ? '-' : ''}${groupDigits(intPart, group)}${decimals > 0 ? decimal + fracPart : ''}`;
}

/** A whole number with digit grouping: 1.234 / 1,234. */
export function formatInteger(n: number, lang: Lang): string {
  return formatScaled(Math.trunc(n), 0, lang);
}

/** A number with at most 2 decimals, shown with as many as it has (0, 1 or 2): 2.400 / 3.150,75. */
export function formatDecimal(n: number, lang: Lang): string {
  const hundredths = Math.round(n * 100);
  if (hundredths % 100 === 0) return formatScaled(hundredths / 100, 0, lang);
  if (hundredths % 10 === 0) return formatScaled(hundredths / 10, 1, lang);
  return formatScaled(hundredths, 2, lang);
}

/** A score already truncated to one decimal (0-100), always with one decimal; null as "–". */
export function formatScore(display: number | null | undefined, lang: Lang): string {
  if (display === null || display === undefined) return '–';
  return formatScaled(Math.round(display * 10), 1, lang);
}

function withEuro(amount: string, negative: boolean, lang: Lang): string {
  if (lang === 'nl') return `€ ${negative ? '-' : ''}${amount}`;
  return `${negative ? '-' : ''}€${amount}`;
}

/** Euro cents as whole euros, rounded half away from zero: € 12.345 / €12,345. */
export function formatEuro(cents: number, lang: Lang): string {
  const c = Math.round(cents);
  const euros = Math.floor((Math.abs(c) + 50) / 100);
  return withEuro(formatScaled(euros, 0, lang), c < 0 && euros !== 0, lang);
}

/** Euro cents with cents: € 12.345,67 / €12,345.67. */
export function formatEuroCents(cents: number, lang: Lang): string {
  const c = Math.round(cents);
  return withEuro(formatScaled(Math.abs(c), 2, lang), c < 0, lang);
}

/** A signed difference in whole euros: +€1,234 / -€1,234 (nl: € +1.234 / € -1.234). */
export function formatEuroDelta(cents: number, lang: Lang): string {
  const text = formatEuro(cents, lang);
  if (Math.round(cents) <= 0 || Math.floor((Math.abs(Math.round(cents)) + 50) / 100) === 0) return text;
  return lang === 'nl' ? text.replace('€ ', '€ +') : `+${text}`;
}

/** Euros, whole when there are no cents, else with cents: € 150.000 / € 150.000,50. */
export function formatEuroExact(cents: number, lang: Lang): string {
  return Math.round(cents) % 100 === 0 ? formatEuro(cents, lang) : formatEuroCents(cents, lang);
}

/** Pads on the right to `width` characters (code points). */
export function padEnd(text: string, width: number): string {
  const len = [...text].length;
  return len >= width ? text : text + ' '.repeat(width - len);
}

/** Pads on the left to `width` characters (code points). */
export function padStart(text: string, width: number): string {
  const len = [...text].length;
  return len >= width ? text : ' '.repeat(width - len) + text;
}

/** Lays out rows as columns separated by two spaces; `right` lists right-aligned columns. */
export function table(rows: readonly (readonly string[])[], right: readonly number[] = [], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) =>
    (indent + row.map((cell, i) => (i === row.length - 1 && !right.includes(i) ? cell : right.includes(i) ? padStart(cell, widths[i]!) : padEnd(cell, widths[i]!))).join('  ')).trimEnd(),
  );
}
