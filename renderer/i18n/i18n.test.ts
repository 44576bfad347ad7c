import { describe, expect, it } from 'vitest';
import { en } from './en';
import { formatDate, formatEuro, formatNumber, translate } from './index';
import { nl } from './nl';

describe('messages', () => {
  it('has every Dutch message in English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe('');
    for (const [key, value] of Object.entries(nl)) expect(value.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    // The names filled in; the inside of plural forms ({n, plural, one {…} other {…}}) aside.
    const placeholders = (s: string) => [...new Set(s.replace(/(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\}/g, '').match(/\{\w+(?=[},])/g) ?? [])].sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
  });

  it('fills placeholders with locale-formatted numbers', () => {
    expect(translate('nl', 'projects.count', { count: 1234 })).toBe('1.234 projecten');
    expect(translate('en', 'projects.count', { count: 1234 })).toBe('1,234 projects');
  });
});

describe('plurals', () => {
  it('picks one or other by Intl.PluralRules, in both languages', () => {
    expect(translate('nl', 'result.counts', { unanswered: 1, na: 2 })).toBe('1 vraag nog open, 2 niet van toepassing.');
    expect(translate('nl', 'result.counts', { unanswered: 3, na: 1 })).toBe('3 vragen nog open, 1 niet van toepassing.');
    expect(translate('en', 'result.counts', { unanswered: 1, na: 0 })).toBe('1 question still open, 0 not applicable.');
    expect(translate('en', 'result.counts', { unanswered: 1200, na: 0 })).toBe('1,200 questions still open, 0 not applicable.');
  });

  it('no message reads “1 <plural>” through a bare number placeholder before a plural noun', () => {
    for (const [key, value] of Object.entries(nl)) expect(value, key).not.toMatch(/\{(count|changes|n)\} (vragen|wijzigingen|bestanden|bewijsstukken|projecten|scans|revisies|punten)\b/);
  });
});

describe('formats', () => {
  it('writes Dutch dates as dd-mm-yyyy', () => {
    expect(formatDate('nl', '2026-03-07T10:00:00Z')).toBe('07-03-2026');
  });

  it('writes euros and decimals the Dutch way', () => {
    expect(formatEuro('nl', 1234567).replace(/\s/g, ' ')).toBe('€ 1.234.567');
    expect(formatEuro('en', 1234567)).toBe('€1,234,567');
    expect(formatNumber('nl', 12.5)).toBe('12,5');
  });
});

describe('plurals of formatted figures', () => {
  it('a score with a decimal takes the plural form', () => {
    expect(translate('nl', 'result.missingTotal', { points: '2,5' })).toBe('2,5 punten meer op het totaal');
    expect(translate('nl', 'scan.points', { points: 1 })).toBe('1 punt');
  });
});
