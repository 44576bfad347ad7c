/**
 * Number and money formatting for the text output: the report's deterministic formatter
 * (report/format.ts: exact integers, no `Intl`, the same digits as the PDF), plus the forms only
 * the terminal needs (a missing score as "–", signed differences, whole-or-cents amounts) and
 * column layout. Dutch `1.234,5` and `€ 12.345`, English `1,234.5` and `€12,345`.
 */
import { formatDecimal, formatEuroCents, formatEuroWhole, formatInteger, formatScaled, formatScore as formatReportScore } from '../report/format';
import type { Lang } from './strings';

export { formatDecimal, formatEuroCents, formatInteger, formatScaled };

/** A score already truncated to one decimal (0-100), always with one decimal; null as "–". */
export function formatScore(display: number | null | undefined, lang: Lang): string {
  if (display === null || display === undefined) return '–';
  return formatReportScore(display, lang);
}

/** Euro cents as whole euros, rounded half away from zero: € 12.345 / €12,345. */
export function formatEuro(cents: number, lang: Lang): string {
  return formatEuroWhole(cents, lang);
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
