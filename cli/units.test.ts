/** The small parts of the command line: number formats, JSON error positions, arguments, numbers. */
import { describe, expect, it } from 'vitest';
import { ArgError, parseArgs } from './args';
import { CliError } from './errors';
import { formatDecimal, formatEuro, formatEuroCents, formatEuroDelta, formatEuroExact, formatInteger, formatScore } from './format';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax';
import { parseCount, parseHundredths } from './numbers';
import { sampleIndices } from './commands/optimize';
import { STRINGS } from './strings';

describe('number formats', () => {
  it('Dutch and English', () => {
    expect(formatScore(1234.5, 'nl')).toBe('1.234,5');
    expect(formatScore(1234.5, 'en')).toBe('1,234.5');
    expect(formatScore(41.2, 'nl')).toBe('41,2');
    expect(formatScore(0, 'en')).toBe('0.0');
    expect(formatScore(null, 'en')).toBe('–');
    expect(formatEuro(1_234_500, 'nl')).toBe('€ 12.345');
    expect(formatEuro(1_234_500, 'en')).toBe('€12,345');
    expect(formatEuro(-62_060_000, 'nl')).toBe('€ -620.600');
    expect(formatEuro(-62_060_000, 'en')).toBe('-€620,600');
    expect(formatEuro(150, 'en')).toBe('€2'); // half away from zero
    expect(formatEuro(-150, 'en')).toBe('-€2');
    expect(formatEuro(-49, 'en')).toBe('€0');
    expect(formatEuroCents(123_456, 'nl')).toBe('€ 1.234,56');
    expect(formatEuroExact(10_000_050, 'nl')).toBe('€ 100.000,50');
    expect(formatEuroExact(10_000_000, 'en')).toBe('€100,000');
    expect(formatEuroDelta(340_000, 'en')).toBe('+€3,400');
    expect(formatEuroDelta(340_000, 'nl')).toBe('€ +3.400');
    expect(formatEuroDelta(-120_000, 'nl')).toBe('€ -1.200');
    expect(formatInteger(2400, 'nl')).toBe('2.400');
    expect(formatDecimal(3150.75, 'nl')).toBe('3.150,75');
    expect(formatDecimal(2.5, 'en')).toBe('2.5');
  });
});

describe('JSON syntax errors', () => {
  it('finds the first error with line and column', () => {
    expect(findJsonSyntaxError('{"a": 1}')).toBeNull();
    expect(findJsonSyntaxError('[1, 2,]')).toMatchObject({ line: 1, column: 7, problem: { kind: 'char', char: ']' } });
    expect(findJsonSyntaxError('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 3, column: 3, problem: { kind: 'expected', expected: ', }', char: '"' } });
    expect(findJsonSyntaxError('{"a": tru}')).toMatchObject({ line: 1, column: 10 });
    expect(findJsonSyntaxError('{"a": [1, 2')).toMatchObject({ problem: { kind: 'expected', char: null } });
    expect(findJsonSyntaxError('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9 });
    expect(findJsonSyntaxError('{"a": 01}')).toMatchObject({ column: 8 });
    expect(findJsonSyntaxError('{} x')).toMatchObject({ column: 4, problem: { kind: 'char', char: 'x' } });
    expect(findJsonSyntaxError('{"é": 😀}')).toMatchObject({ column: 7, problem: { kind: 'char', char: '😀' } });
    expect(findJsonSyntaxError('"\\q"')).toMatchObject({ column: 3 });
    expect(findJsonSyntaxError('')).toMatchObject({ problem: { kind: 'end' } });
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['0', '-0.5e+10', '"\\u00e9\\n"', '[[],{}]', ' {"a":[true,false,null]} ', '1.', '.5', '+1', '[1,]', '{"a":1,}', "{'a':1}", 'NaN', '"\t"']) {
      let ok = true;
      try {
        JSON.parse(text);
      } catch {
        ok = false;
      }
      expect(findJsonSyntaxError(text) === null, text).toBe(ok);
    }
  });

  it('lines end at LF (CRLF too)', () => {
    expect(lineAndColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
  });
});

describe('arguments', () => {
  const spec = { json: { type: 'boolean' }, budget: { type: 'string' }, help: { type: 'boolean' } } as const;
  it('parses options anywhere, values inline or next, negative numbers as values', () => {
    expect(parseArgs(['a', '--budget', '-5', '--json', 'b'], spec)).toEqual({ positionals: ['a', 'b'], options: { budget: '-5', json: true } });
    expect(parseArgs(['--budget=7', '-h', '--', '--json'], spec)).toEqual({ positionals: ['--json'], options: { budget: '7', help: true } });
    expect(parseArgs(['-'], spec).positionals).toEqual(['-']);
  });
  it('refuses what it does not know', () => {
    const problem = (argv: string[]) => {
      try {
        parseArgs(argv, spec);
      } catch (e) {
        return e instanceof ArgError ? e.problem : e;
      }
      return null;
    };
    expect(problem(['--nope'])).toEqual({ kind: 'unknown-option', option: '--nope' });
    expect(problem(['-x'])).toEqual({ kind: 'unknown-option', option: '-x' });
    expect(problem(['--budget'])).toEqual({ kind: 'missing-value', option: '--budget' });
    expect(problem(['--json=1'])).toEqual({ kind: 'unexpected-value', option: '--json' });
    expect(problem(['--budget', '1', '--budget', '2'])).toEqual({ kind: 'repeated-option', option: '--budget' });
  });
});

describe('numeric options', () => {
  const s = STRINGS.en;
  const reason = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof CliError ? e.message : String(e);
    }
    return null;
  };
  it('amounts with at most two decimals, point or comma', () => {
    expect(parseHundredths('150000', '--budget', s)).toBe(15_000_000);
    expect(parseHundredths('150000.5', '--budget', s)).toBe(15_000_050);
    expect(parseHundredths('1500,05', '--budget', s)).toBe(150_005);
    expect(parseHundredths(' 0 ', '--budget', s)).toBe(0);
    expect(parseHundredths('-0', '--budget', s)).toBe(0);
    expect(reason(() => parseHundredths('-1', '--budget', s))).toMatch(/must not be negative/);
    expect(reason(() => parseHundredths('150.000', '--budget', s))).toMatch(/thousands separators/);
    expect(reason(() => parseHundredths('1,234.5', '--budget', s))).toMatch(/thousands separators/);
    expect(reason(() => parseHundredths('', '--budget', s))).toMatch(/not a number/);
    expect(reason(() => parseHundredths('Infinity', '--budget', s))).toMatch(/not a number/);
    expect(reason(() => parseHundredths('99999999999999', '--budget', s))).toMatch(/too large/);
    expect(parseCount('3', '--top', 0, 10, s)).toBe(3);
    expect(reason(() => parseCount('11', '--top', 0, 10, s))).toMatch(/from 0 to 10/);
    expect(reason(() => parseCount('2.5', '--top', 0, 10, s))).toMatch(/not a whole number/);
  });
});

describe('frontier rows', () => {
  it('spreads the rows evenly, first and last included, plus the best point', () => {
    expect(sampleIndices(3, 15)).toEqual([0, 1, 2]);
    const rows = sampleIndices(100, 5, 42);
    expect(rows).toEqual([0, 25, 42, 50, 74, 99]);
  });
});
