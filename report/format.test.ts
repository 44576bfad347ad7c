import { describe, expect, it } from 'vitest';
import {
  amsterdamTime,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatEuroAmount,
  formatEuroCents,
  formatEuroWhole,
  formatInteger,
  formatIsoDate,
  formatScore,
  pdfDate,
  toWinAnsi,
} from './format';

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const intl = (locale: string, options: Intl.NumberFormatOptions, value: number) => norm(new Intl.NumberFormat(locale, options).format(value));

describe('number formatting (frozen copies of the nl-NL and en-GB conventions)', () => {
  it('agrees with Intl for integers, scores and euros', () => {
    const values = [0, 1, 7, 12, 999, 1000, 1234, 12345, 123456, 1234567, 987654321, -1, -1000, -1234567];
    for (const v of values) {
      expect(formatInteger(v, 'nl')).toBe(intl('nl-NL', {}, v));
      expect(formatInteger(v, 'en')).toBe(intl('en-GB', {}, v));
      expect(formatEuroWhole(v * 100, 'nl')).toBe(intl('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }, v));
      expect(formatEuroWhole(v * 100, 'en')).toBe(intl('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }, v));
    }
    for (const cents of [0, 5, 50, 99, 100, 123456, -123456, 100000001]) {
      expect(formatEuroCents(cents, 'nl')).toBe(intl('nl-NL', { style: 'currency', currency: 'EUR' }, cents / 100));
      expect(formatEuroCents(cents, 'en')).toBe(intl('en-GB', { style: 'currency', currency: 'EUR' }, cents / 100));
    }
    for (const d of [0, 0.1, 9.9, 47.6, 72.4, 99.9, 100]) {
      const o = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
      expect(formatScore(d, 'nl')).toBe(intl('nl-NL', o, d));
      expect(formatScore(d, 'en')).toBe(intl('en-GB', o, d));
    }
  });

  it('rounds whole euros half away from zero, from cents', () => {
    expect(formatEuroWhole(50, 'nl')).toBe('€ 1');
    expect(formatEuroWhole(-50, 'nl')).toBe('€ -1');
    expect(formatEuroWhole(49, 'en')).toBe('€0');
    expect(formatEuroWhole(-17560000, 'en')).toBe('-€175,600');
  });

  it('shows areas and cost figures with the decimals they have', () => {
    expect(formatDecimal(2400, 'nl')).toBe('2.400');
    expect(formatDecimal(2400.5, 'nl')).toBe('2.400,5');
    expect(formatDecimal(2400.25, 'en')).toBe('2,400.25');
    expect(formatEuroAmount(9.5, 'nl')).toBe('€ 9,50');
    expect(formatEuroAmount(-150, 'nl')).toBe('€ -150');
    expect(formatEuroAmount(28.5, 'en')).toBe('€28.50');
  });
});

describe('dates without the machine time zone', () => {
  it('uses Netherlands time: CET in winter, CEST in summer, switching at 01:00 UTC', () => {
    expect(amsterdamTime('2026-11-22T10:15:00.000Z')).toMatchObject({ hour: 11, offsetHours: 1 });
    expect(amsterdamTime('2026-07-01T22:30:00Z')).toMatchObject({ day: 2, hour: 0, offsetHours: 2 });
    // 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC
    expect(amsterdamTime('2026-03-29T00:59:59Z').offsetHours).toBe(1);
    expect(amsterdamTime('2026-03-29T01:00:00Z').offsetHours).toBe(2);
    expect(amsterdamTime('2026-10-25T00:59:59Z').offsetHours).toBe(2);
    expect(amsterdamTime('2026-10-25T01:00:00Z').offsetHours).toBe(1);
    expect(amsterdamTime('2026-12-31T23:30:00Z')).toMatchObject({ year: 2027, month: 1, day: 1 });
    expect(amsterdamTime('2026-11-22T11:15:00+01:00')).toMatchObject({ hour: 11 });
  });

  it('agrees with Intl (Europe/Amsterdam) over a range of instants', () => {
    const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2031, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) {
      const iso = new Date(t).toISOString();
      const a = amsterdamTime(iso);
      const expected = f.format(new Date(t));
      expect(`${String(a.day).padStart(2, '0')}/${String(a.month).padStart(2, '0')}/${a.year}, ${String(a.hour).padStart(2, '0')}:${String(a.minute).padStart(2, '0')}`, iso).toBe(expected);
    }
  });

  it('formats dates as dd-mm-yyyy in Dutch and spelled out in English', () => {
    expect(formatDate('2026-11-22T10:15:00.000Z', 'nl')).toBe('22-11-2026');
    expect(formatDate('2026-11-22T10:15:00.000Z', 'en')).toBe('22 November 2026');
    expect(formatDateTime('2026-11-22T10:15:00.000Z', 'nl')).toBe('22-11-2026 11:15 (UTC+01:00)');
    expect(formatIsoDate('2027-05-01', 'nl')).toBe('01-05-2027');
    expect(formatIsoDate('2027-05-01', 'en')).toBe('1 May 2027');
    expect(pdfDate('2026-11-22T11:15:00.123+01:00')).toBe('D:20261122101500Z');
  });
});

describe('toWinAnsi', () => {
  it('keeps Dutch text and Windows-1252 punctuation as it is', () => {
    const text = 'Efficiënt, geïnventariseerd, café, Çelik, € 1.234 – „Goud” • 2.400 m² × 7,2 m';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('replaces what Helvetica (WinAnsi) cannot show', () => {
    expect(toWinAnsi('ĳzer ≥ 50% ✓ Łódź Ő −3')).toBe('ijzer >= 50% v Lódz O -3');
    expect(toWinAnsi('a\u00adb\u200bc')).toBe('abc');
    expect(toWinAnsi('tab\there\r\nline')).toBe('tab here\nline');
    expect(toWinAnsi('日本 😀')).toBe('?? ?');
  });
});
