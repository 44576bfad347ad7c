import { en } from './en';
import { nl, type MessageKey } from './nl';

export type Locale = 'nl' | 'en';
export type { MessageKey };
export const locales: readonly Locale[] = ['nl', 'en'];
const catalogs: Record<Locale, Record<MessageKey, string>> = { nl, en };

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. Numbers are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
export const toIntlLocale = (locale: Locale) => intlLocale[locale];

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale[locale], options).format(value);
}

/** Euros; whole euros unless cents are asked for. */
export function formatEuro(locale: Locale, euros: number, withCents = false): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: withCents ? 2 : 0,
    maximumFractionDigits: withCents ? 2 : 0,
  }).format(euros);
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
