import { describe, expect, it } from 'vitest';
import { escapeChar, hasUnsafeText, visibleText } from './visible-text';

describe('visibleText', () => {
  it('escapes C0, DEL, C1, ESC, NUL, bidirectional overrides and isolates, line separators', () => {
    expect(visibleText('a\u001b[31mb')).toBe('a\\x1B[31mb');
    expect(visibleText('nul\u0000')).toBe('nul\\x00');
    expect(visibleText('del\u007f c1\u0085\u009b')).toBe('del\\x7F c1\\x85\\x9B');
    expect(visibleText('exe\u202etxt.\u202a\u202b\u202c\u202d')).toBe('exe\\u202Etxt.\\u202A\\u202B\\u202C\\u202D');
    expect(visibleText('\u2066x\u2067y\u2068z\u2069')).toBe('\\u2066x\\u2067y\\u2068z\\u2069');
    expect(visibleText('\u200e\u200f\u061c\u2028\u2029\ufeff')).toBe('\\u200E\\u200F\\u061C\\u2028\\u2029\\uFEFF');
    expect(visibleText('line\nbreak\ttab\r')).toBe('line\\x0Abreak\\x09tab\\x0D');
  });

  it('keeps ordinary text, accents, emoji and right-to-left letters as they are', () => {
    const text = 'Brede school Goes-Oost · € 12.345 · m² · café · 🏗️ · שלום · مرحبا';
    expect(visibleText(text)).toBe(text);
    expect(hasUnsafeText(text)).toBe(false);
  });

  it('keeps the characters it is told to allow', () => {
    expect(visibleText('a\nb\u001b', '\n')).toBe('a\nb\\x1B');
    expect(hasUnsafeText('a\nb', '\n')).toBe(false);
    expect(hasUnsafeText('a\nb')).toBe(true);
  });

  it('is idempotent: an escaped text has nothing left to escape', () => {
    const once = visibleText('x\u0000\u202e\u009f');
    expect(visibleText(once)).toBe(once);
    expect(escapeChar('\u0007')).toBe('\\x07');
  });
});
