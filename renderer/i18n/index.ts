import { en } from './en';
import { nl, type MessageKey } from './nl';

export type Locale = 'nl' | 'en';
export type { MessageKey };
export const locales: readonly Locale[] = ['nl', 'en'];
const catalogs: Record<Locale, Record<MessageKey, string>> = { nl, en };

export type MessageParams = Record<string, string | number>;

/**
 * Looks up a message and fills `{name}` placeholders. Numbers are formatted for the locale.
 * Plurals: `{count, plural, one {# vraag} other {# vragen}}` picks the form with
 * Intl.PluralRules (also `=0 {…}`); `#` is the formatted number.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[locale][key];
  if (!params) return template;
  return fillPlurals(locale, template, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;

function fillPlurals(locale: Locale, template: string, params: MessageParams): string {
  if (!template.includes(', plural,')) return template;
  return template.replace(PLURAL, (whole, name: string, forms: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const options = new Map<string, string>();
    for (const m of forms.matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g)) options.set(m[1]!, m[2]!);
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlLocale[locale])));
    // A number already formatted (a score with one decimal) takes the other form, unless it reads 1.
    const form = typeof value === 'number' ? (options.get(`=${value}`) ?? options.get(rules.select(value))) : value === '1' ? options.get('one') : undefined;
    return (form ?? options.get('other') ?? '').replace(/#/g, typeof value === 'number' ? formatNumber(locale, value) : value);
  });
}

const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
export const toIntlLocale = (locale: Locale) => intlLocale[locale];

// Making an Intl.NumberFormat costs far more than using one: a screen with a thousand amounts
// (the budget advice on a large method) keeps one per locale and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${options ? JSON.stringify(options) : ''}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale[locale], options)));
  return format;
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

const EURO_WHOLE: Intl.NumberFormatOptions = { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 };
const EURO_CENTS: Intl.NumberFormatOptions = { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** Euros; whole euros unless cents are asked for. */
export function formatEuro(locale: Locale, euros: number, withCents = false): string {
  return numberFormat(locale, withCents ? EURO_CENTS : EURO_WHOLE).format(euros);
}

/** Dutch dates read dd-mm-yyyy; English ones dd/mm/yyyy. */
export function formatDate(locale: Locale, iso: string | Date, withTime = false): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  const options: Intl.DateTimeFormatOptions = withTime
    ? { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return new Intl.DateTimeFormat(intlLocale[locale], options).format(date);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}
