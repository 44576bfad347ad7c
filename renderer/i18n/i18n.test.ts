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
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
  });

  it('fills placeholders with locale-formatted numbers', () => {
    expect(translate('nl', 'projects.count', { count: 1234 })).toBe('1.234 projecten');
    expect(translate('en', 'projects.count', { count: 1234 })).toBe('1,234 projects');
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
