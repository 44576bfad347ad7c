/**
 * Number, money and date formatting for the report, and the reduction of text to the
 * Windows-1252 repertoire of the PDF's built-in Helvetica.
 *
 * Why not `Intl` at run time: a report's pages are rebuilt byte for byte when a PDF is
 * verified, possibly years later, in another browser engine or Node version. `Intl` output
 * follows the CLDR data shipped with the engine, which changes between versions (spaces,
 * signs, currency placement). These functions give the nl-NL and en-GB conventions of CLDR 48
 * (checked against `Intl` in format.test.ts) from exact integers, and never change for a
 * layout version. Dates are computed from the ISO text without the machine's time zone.
 */
import type { ReportLocale } from '../scoring/issued';

function groupDigits(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

const SEPARATORS: Record<ReportLocale, { group: string; decimal: string }> = {
  nl: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * An integer `scaled` divided by 10^`decimals`, shown with exactly `decimals` decimals,
 * digit grouping and the locale's separators. Exact: no floating point.
 */
export function formatScaled(scaled: bigint | number, decimals: number, locale: ReportLocale): string {
  const value = BigInt(scaled);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals);
  const { group, decimal } = SEPARATORS[locale];
  return `${negative ? '-' : ''}${groupDigits(intPart, group)}${decimals > 0 ? decimal + fracPart : ''}`;
}

/** A whole number with digit grouping: 1.234 / 1,234. */
export function formatInteger(n: number, locale: ReportLocale): string {
  return formatScaled(Math.trunc(n), 0, locale);
}

/** A number with at most 2 decimals (e.g. an area), shown with as many decimals as it has (0, 1 or 2). */
export function formatDecimal(n: number, locale: ReportLocale): string {
  const hundredths = Math.round(n * 100);
  if (hundredths % 100 === 0) return formatScaled(hundredths / 100, 0, locale);
  if (hundredths % 10 === 0) return formatScaled(hundredths / 10, 1, locale);
  return formatScaled(hundredths, 2, locale);
}

/** A score already truncated to one decimal (0-100), always shown with one decimal: 72,4 / 72.4. */
export function formatScore(display: number, locale: ReportLocale): string {
  return formatScaled(Math.round(display * 10), 1, locale);
}

function withEuro(amount: string, negative: boolean, locale: ReportLocale): string {
  // nl-NL: "€ 1.234,50" and "€ -1.234,50"; en-GB: "€1,234.50" and "-€1,234.50"
  if (locale === 'nl') return `€ ${negative ? '-' : ''}${amount}`;
  return `${negative ? '-' : ''}€${amount}`;
}

/** Euro cents as euros with cents: € 1.234,50 / €1,234.50. */
export function formatEuroCents(cents: number, locale: ReportLocale): string {
  const negative = cents < 0;
  return withEuro(formatScaled(Math.abs(Math.round(cents)), 2, locale), negative, locale);
}

/** Euro cents as whole euros (half away from zero): € 1.235 / €1,235. */
export function formatEuroWhole(cents: number, locale: ReportLocale): string {
  const c = Math.round(cents);
  const euros = Math.sign(c) * Math.floor((Math.abs(c) + 50) / 100);
  return withEuro(formatScaled(Math.abs(euros), 0, locale), euros < 0, locale);
}

/** A euro amount with at most 2 decimals (a cost indication): whole when it has no cents. */
export function formatEuroAmount(eur: number, locale: ReportLocale): string {
  const cents = Math.round(eur * 100);
  return cents % 100 === 0 ? formatEuroWhole(cents, locale) : formatEuroCents(cents, locale);
}

/* ------------------------------------------------------------------------------------------ */
/* Dates                                                                                      */
/* ------------------------------------------------------------------------------------------ */

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

interface Civil {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The last Sunday of a month, as a UTC timestamp at 01:00 UTC (the EU summer-time switch). */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0)); // day 0 of the next month
  const back = lastDay.getUTCDay(); // 0 = Sunday
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - back, 1, 0, 0);
}

/**
 * Netherlands civil time of an instant: CET (UTC+1), and CEST (UTC+2) from the last Sunday of
 * March to the last Sunday of October, 01:00 UTC (EU rule since 1996). Independent of the
 * machine's time zone and of the engine's time-zone data.
 */
export function amsterdamTime(iso: string): Civil & { offsetHours: number } {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new Error(`amsterdamTime: not a date-time: ${iso}`);
  const year = new Date(t).getUTCFullYear();
  const summer = t >= lastSundayAt0100Utc(year, 3) && t < lastSundayAt0100Utc(year, 10);
  const offsetHours = summer ? 2 : 1;
  const local = new Date(t + offsetHours * 3_600_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    offsetHours,
  };
}

function formatCivilDate(c: { year: number; month: number; day: number }, locale: ReportLocale): string {
  if (locale === 'nl') return `${pad2(c.day)}-${pad2(c.month)}-${c.year}`;
  return `${c.day} ${MONTHS_EN[c.month - 1]} ${c.year}`;
}

/** A calendar date `YYYY-MM-DD`: 01-05-2027 / 1 May 2027. */
export function formatIsoDate(date: string, locale: ReportLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return formatCivilDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, locale);
}

/** The Netherlands date of an instant: 22-11-2026 / 22 November 2026. */
export function formatDate(iso: string, locale: ReportLocale): string {
  return formatCivilDate(amsterdamTime(iso), locale);
}

/** The Netherlands date and time of an instant, with its UTC offset: 22-11-2026 11:15 (UTC+01:00). */
export function formatDateTime(iso: string, locale: ReportLocale): string {
  const c = amsterdamTime(iso);
  return `${formatCivilDate(c, locale)} ${pad2(c.hour)}:${pad2(c.minute)} (UTC+${pad2(c.offsetHours)}:00)`;
}

/** A long Dutch date ("22 november 2026"), for running text. */
export function formatLongDate(iso: string, locale: ReportLocale): string {
  const c = amsterdamTime(iso);
  return locale === 'nl' ? `${c.day} ${MONTHS_NL[c.month - 1]} ${c.year}` : `${c.day} ${MONTHS_EN[c.month - 1]} ${c.year}`;
}

/** The PDF date string of an instant, in UTC: `D:20261122101500Z` (pdf-lib writes the same form). */
export function pdfDate(iso: string): string {
  const d = new Date(Date.parse(iso));
  return `D:${String(d.getUTCFullYear()).padStart(4, '0')}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`;
}

/* ------------------------------------------------------------------------------------------ */
/* Windows-1252                                                                               */
/* ------------------------------------------------------------------------------------------ */

/** The characters of Windows-1252 0x80-0x9F (the rest of the page is Latin-1). */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Replacements for characters outside Windows-1252 that occur in Dutch and technical text. */
const REPLACEMENTS: Record<string, string> = {
  'ĳ': 'ij',
  'Ĳ': 'IJ',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '—',
  '′': "'",
  '″': '"',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  'Ł': 'L',
  'ł': 'l',
  'Đ': 'D',
  'đ': 'd',
  'ı': 'i',
};

function isCp1252(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c >= 0x20 && c <= 0x7e) return true;
  if (c >= 0xa0 && c <= 0xff) return c !== 0xad; // a soft hyphen prints as nothing or a stray dash
  return CP1252_EXTRA.includes(ch);
}

/**
 * Text reduced to what the built-in Helvetica (WinAnsiEncoding) can show: characters outside
 * Windows-1252 are replaced (ĳ → ij, ≥ → >=, ő → o, …), control characters become spaces,
 * and anything else becomes `?`. Line breaks (\n) are kept. The signed data is not changed:
 * this is only how the text is printed.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '\n') {
      out += ch;
      continue;
    }
    if (isCp1252(ch)) {
      out += ch;
      continue;
    }
    const replacement = REPLACEMENTS[ch];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      out += ' ';
      continue;
    }
    // Latin letters with diacritics outside Windows-1252 (ő, ś, č, ṣ ...): drop the marks. Only
    // for the Latin Extended blocks, whose decompositions have been stable since Unicode 1.1.
    if ((c >= 0x100 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) {
      const stripped = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (stripped !== ch && stripped.length > 0 && [...stripped].every(isCp1252)) {
        out += stripped;
        continue;
      }
    }
    // invisible characters: soft hyphen, zero-width space/joiners, marks, word joiner, BOM
    if (c === 0xad || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || (c >= 0x300 && c <= 0x36f)) continue;
    out += '?';
  }
  return out;
}
