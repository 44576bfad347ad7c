import { describe, expect, it } from 'vitest';
import { numberForInput, parseLocaleNumber } from './numbers';

describe('parseLocaleNumber', () => {
  it.each([
    ['2400', 2400],
    ['2.400', 2400],
    ['2400,5', 2400.5],
    ['1.234.567,89', 1234567.89],
    ['€ 150.000', 150000],
    ['2.400 m²', 2400],
    ['3,5', 3.5],
  ])('reads Dutch %s', (text, value) => expect(parseLocaleNumber(text, 'nl')).toBe(value));

  it.each([
    ['2,400', 2400],
    ['2400.5', 2400.5],
    ['1,234,567.89', 1234567.89],
  ])('reads English %s', (text, value) => expect(parseLocaleNumber(text, 'en')).toBe(value));

  it.each(['', 'abc', '12,34,5', '1.2.3', '--5', '2,400.5'])('refuses %s in Dutch', (text) => {
    expect(parseLocaleNumber(text, 'nl')).toBeNull();
  });

  it('writes numbers back in the user format', () => {
    expect(numberForInput(2400.5, 'nl')).toBe('2400,5');
    expect(numberForInput(2400.5, 'en')).toBe('2400.5');
    expect(numberForInput(null, 'nl')).toBe('');
  });
});
