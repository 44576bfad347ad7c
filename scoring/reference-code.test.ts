import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256Hex } from '../forms/hash';
import {
  CROCKFORD_ALPHABET,
  CROCKFORD_CHECK_ALPHABET,
  crockfordCheckSymbol,
  parseReferenceCode,
  REFERENCE_CODE_PATTERN,
  referenceCodeFromHash,
  longReferenceCodeFromHash,
  LONG_REFERENCE_CODE_BITS,
  LONG_REFERENCE_CODE_PATTERN,
  referenceCodeForm,
} from './reference-code';

const symbols = (code: string) => code.slice(3).replace(/-/g, '');
const format = (s: string) => `QS-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;

describe('referenceCodeFromHash', () => {
  it('encodes the first 55 bits of the hash in Crockford base32 with a mod-37 check symbol', () => {
    expect(referenceCodeFromHash('0'.repeat(64))).toBe('QS-0000-0000-0000');
    // all ones: 55 one-bits = 2^55 - 1; 11 symbols "Z"; (2^55 - 1) mod 37 = 2
    expect(referenceCodeFromHash('f'.repeat(64))).toBe(`QS-ZZZZ-ZZZZ-ZZZ${CROCKFORD_CHECK_ALPHABET[Number((2n ** 55n - 1n) % 37n)]}`);
    // bit 55 (the 56th bit) is not used
    expect(referenceCodeFromHash(`00000000000001${'0'.repeat(50)}`)).toBe('QS-0000-0000-0000');
    expect(referenceCodeFromHash(`00000000000002${'0'.repeat(50)}`)).toBe(`QS-0000-0000-001${CROCKFORD_CHECK_ALPHABET[1]}`);
    const hex = sha256Hex('QuickScan');
    const value = BigInt(`0x${hex.slice(0, 14)}`) >> 1n;
    let data = '';
    for (let v = value, i = 0; i < 11; i++, v >>= 5n) data = CROCKFORD_ALPHABET[Number(v & 31n)]! + data;
    expect(referenceCodeFromHash(hex)).toBe(format(data + CROCKFORD_CHECK_ALPHABET[Number(value % 37n)]!));
    expect(referenceCodeFromHash(hex.toUpperCase())).toBe(referenceCodeFromHash(hex));
  });

  it('always matches the pattern and parses back with a valid check symbol', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), (hex) => {
        const code = referenceCodeFromHash(hex);
        expect(code).toMatch(REFERENCE_CODE_PATTERN);
        expect(parseReferenceCode(code)).toEqual({ ok: true, code, checkValid: true, expectedCheck: code.at(-1), form: 'short' });
      }),
    );
  });

  it('refuses what is not a SHA-256', () => {
    expect(() => referenceCodeFromHash('abc')).toThrow();
    expect(() => referenceCodeFromHash('g'.repeat(64))).toThrow();
  });
});

describe('the check symbol', () => {
  const codes = Array.from({ length: 60 }, (_, i) => referenceCodeFromHash(sha256Hex(`code ${i}`)));

  it('detects every single-symbol substitution (data and check positions)', () => {
    let tried = 0;
    for (const code of codes) {
      const s = symbols(code);
      for (let pos = 0; pos < 12; pos++) {
        const alphabet = pos < 11 ? CROCKFORD_ALPHABET : CROCKFORD_CHECK_ALPHABET;
        for (const ch of alphabet) {
          if (ch === s[pos]) continue;
          const typo = s.slice(0, pos) + ch + s.slice(pos + 1);
          const parsed = parseReferenceCode(format(typo));
          expect(parsed.ok && parsed.checkValid, `${code} -> ${typo}`).toBe(false);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(60 * 11 * 31);
  });

  it('detects every transposition of two adjacent different symbols', () => {
    for (const code of codes) {
      const s = symbols(code);
      for (let pos = 0; pos < 11; pos++) {
        if (s[pos] === s[pos + 1]) continue;
        const swapped = s.slice(0, pos) + s[pos + 1] + s[pos] + s.slice(pos + 2);
        const parsed = parseReferenceCode(format(swapped));
        // a check symbol moved into the data part may be no data symbol at all: also detected
        expect(parsed.ok && parsed.checkValid, `${code} -> ${swapped}`).toBe(false);
      }
    }
  });

  it('detects every substitution and adjacent transposition, exhaustively in the value space (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 11, maxLength: 11 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 31 }),
        (digits, pos, delta) => {
          const data = digits.map((d) => CROCKFORD_ALPHABET[d]).join('');
          const check = crockfordCheckSymbol(data);
          const sub = [...digits];
          sub[pos] = (sub[pos]! + delta) % 32;
          expect(crockfordCheckSymbol(sub.map((d) => CROCKFORD_ALPHABET[d]).join(''))).not.toBe(check);
          if (pos < 10 && digits[pos] !== digits[pos + 1]) {
            const t = [...digits];
            [t[pos], t[pos + 1]] = [t[pos + 1]!, t[pos]!];
            expect(crockfordCheckSymbol(t.map((d) => CROCKFORD_ALPHABET[d]).join(''))).not.toBe(check);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseReferenceCode', () => {
  const code = referenceCodeFromHash(sha256Hex('lenient reading'));

  it('accepts lower case, missing dashes, spaces and no prefix', () => {
    const s = symbols(code);
    for (const input of [code, code.toLowerCase(), `QS${s}`, s, s.toLowerCase(), `  qs ${s.slice(0, 4)} ${s.slice(4, 8)} ${s.slice(8)} `, `QS–${s}`]) {
      expect(parseReferenceCode(input), input).toEqual({ ok: true, code, checkValid: true, expectedCheck: code.at(-1), form: 'short' });
    }
  });

  it('reads I and L as 1 and O as 0', () => {
    const withOnes = format(`1${'0'.repeat(10)}${crockfordCheckSymbol(`1${'0'.repeat(10)}`)}`);
    const typed = withOnes.replace('QS-1000-0000', 'qs-iOoo-OoOo');
    expect(parseReferenceCode(typed)).toMatchObject({ ok: true, code: withOnes, checkValid: true });
    expect(parseReferenceCode(typed.replace('i', 'L'))).toMatchObject({ ok: true, code: withOnes, checkValid: true });
  });

  it('reports a wrong check symbol and the expected one', () => {
    const wrong = code.slice(0, -1) + (code.at(-1) === '0' ? '1' : '0');
    expect(parseReferenceCode(wrong)).toEqual({ ok: true, code: wrong, checkValid: false, expectedCheck: code.at(-1), form: 'short' });
  });

  it('refuses other shapes with a reason code', () => {
    const cases: [string, string, string?][] = [
      ['', 'wrong-length'],
      ['QS-', 'wrong-length'],
      ['QS-1234-5678', 'wrong-length'],
      ['QS-1234-5678-9ABC-DEF0', 'wrong-length'],
      ['QS-UUUU-5678-9ABC', 'bad-symbol', 'U'],
      ['QS-1234-5678-9AB!', 'bad-check-symbol', '!'],
      ['x'.repeat(100), 'too-long'],
    ];
    for (const [input, reason, symbol] of cases) {
      expect(parseReferenceCode(input), input).toEqual({ ok: false, reason, ...(symbol ? { symbol } : {}) });
    }
  });
});

describe('long reference codes (format 2)', () => {
  it('carry 115 bits, six groups of four, and parse back as the long form', () => {
    const hash = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';
    const code = longReferenceCodeFromHash(hash);
    expect(code).toMatch(LONG_REFERENCE_CODE_PATTERN);
    expect(code).not.toMatch(REFERENCE_CODE_PATTERN);
    expect(LONG_REFERENCE_CODE_BITS).toBeGreaterThanOrEqual(100);
    // the first 11 symbols are those of the short code of the same hash
    expect(code.replaceAll('-', '').slice(2, 13)).toBe(referenceCodeFromHash(hash).replaceAll('-', '').slice(2, 13));
    expect(referenceCodeForm(code)).toBe('long');
    expect(referenceCodeForm(referenceCodeFromHash(hash))).toBe('short');
    expect(parseReferenceCode(code.toLowerCase().replaceAll('-', ' '))).toEqual({ ok: true, code, checkValid: true, expectedCheck: code.at(-1), form: 'long' });
    // one symbol changed: the check symbol no longer fits
    const i = 5;
    const changed = code.slice(0, i) + (code[i] === '0' ? '1' : '0') + code.slice(i + 1);
    expect(parseReferenceCode(changed)).toMatchObject({ ok: true, checkValid: false, form: 'long' });
  });
});
