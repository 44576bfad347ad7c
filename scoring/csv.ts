/**
 * The one CSV writer of the project (RFC 4180), for every table a user takes into a spreadsheet:
 * the tender screen's bids, the verification results of the app, the command line and the
 * standalone verifier.
 *
 * - `nl`: `;` between cells (Excel with a decimal comma), `en`: `,`;
 * - UTF-8 with a byte-order mark (so Excel reads accents), CRLF line ends, a line end after the last row;
 * - a cell is quoted when it holds the separator, a quote, a line break or leading or trailing
 *   space (quotes doubled);
 * - text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 *   carriage return: file names and names come from other people's files) gets a leading apostrophe;
 * - control characters and bidirectional overrides in a cell are written as visible escapes
 *   (`\x1B`, `\u202E`; scoring/visible-text.ts), except tab and line breaks.
 *
 * Pure module: the callers word the header in the user's language.
 */

import { visibleText } from './visible-text';

export type CsvDialect = 'nl' | 'en';

/** `;` for Dutch, `,` for English. */
export const csvSeparator = (dialect: CsvDialect) => (dialect === 'nl' ? ';' : ',');

/** One cell, neutralised and quoted where needed. */
export function csvCell(value: string, separator: string): string {
  const visible = visibleText(value, '\t\r\n');
  let text = /^[=+\-@\t\r]/.test(visible) ? `'${visible}` : visible;
  if (text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Rows (the first one the header) as the text of a CSV file, BOM first. */
export function csvText(rows: readonly (readonly string[])[], dialect: CsvDialect): string {
  const sep = csvSeparator(dialect);
  return `\uFEFF${rows.map((r) => r.map((cell) => csvCell(cell, sep)).join(sep)).join('\r\n')}\r\n`;
}

/** A number with `digits` decimals as the dialect writes it (decimal comma in Dutch), no thousands separators. */
export function csvDecimal(value: number, digits: number, dialect: CsvDialect): string {
  const text = value.toFixed(digits);
  return dialect === 'nl' ? text.replace('.', ',') : text;
}

/** An amount in cents as euros with two decimals, exact (no floating point), as the dialect writes it. */
export function csvCents(cents: number, dialect: CsvDialect): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const text = `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return dialect === 'nl' ? text.replace('.', ',') : text;
}
