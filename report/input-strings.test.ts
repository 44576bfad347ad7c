/**
 * The one wording of the input problems (report/input-strings.ts): every code has a Dutch and an
 * English text, they differ, they name the place; a bad method file, scan file and profile read
 * in the user's language.
 */
import { describe, expect, it } from 'vitest';
import zeeland from '../forms/definitions/zeeland-quickscan/1.0.0.json';
import { FIELD_ERROR_CODES, type FieldErrorParams } from '../forms/input-problems';
import { validateDefinition } from '../forms/schema';
import { ScanInputError, type ScanInputErrorCode } from '../scoring/errors';
import { parseScanFile } from '../scoring/scan-file';
import { exampleScan } from './fixtures/example';
import { definitionErrorText, fieldErrorText, fieldProblemText, methodFileProblemText, scanInputErrorText } from './input-strings';

const SAMPLE: FieldErrorParams = {
  field: 'x', expected: 'number', received: 'text', value: '"abc"', allowed: ['"a"', '"b"'], minimum: 1, maximum: 9, kind: 'theme',
  id: 'Z', known: ['A', 'C'], question: 'C1', level: 'l2', index: 0, otherId: 'bronze', low: 12, high: 8, points: 2, below: 40,
  theme: 'C', after: 'validFrom', maxText: 20000, maxEvidence: 50,
};

describe('input problems in words', () => {
  it.each(FIELD_ERROR_CODES)('%s has a Dutch and an English text', (code) => {
    const nl = fieldProblemText({ code, params: SAMPLE }, 'nl');
    const en = fieldProblemText({ code, params: SAMPLE }, 'en');
    expect(nl.length).toBeGreaterThan(3);
    expect(en.length).toBeGreaterThan(3);
    if (code !== 'not-json') expect(nl).not.toBe(en);
    expect(`${nl} ${en}`).not.toMatch(/undefined|\[object/);
  });

  const SCAN_CODES: ScanInputErrorCode[] = ['unknown-question', 'unknown-level', 'not-applicable-not-allowed', 'duplicate-cost-override', 'invalid-cost-override', 'unknown-locked-question', 'invalid-project', 'invalid-budget', 'out-of-range'];
  it.each(SCAN_CODES)('scan input %s has a Dutch and an English text', (code) => {
    const error = new ScanInputError(code, { question: 'C1', level: 'l9', known: ['l0', 'l1'], value: 3 });
    expect(scanInputErrorText(error, 'nl')).not.toBe(scanInputErrorText(error, 'en'));
    expect(error.message).not.toMatch(/ the /); // a code for logs, not a sentence
  });

  it('a bad method file (definition) names the place, in Dutch and English', () => {
    const d = structuredClone(zeeland) as { themes: { weight: unknown }[] };
    d.themes[0]!.weight = 1.5;
    const result = validateDefinition(d);
    if (result.ok) throw new Error('expected errors');
    const first = result.errors[0]!;
    expect(definitionErrorText(first, 'nl')).toMatch(/^themes\[0\] "[^"]+"\.weight: moet een geheel getal zijn, niet het getal 1,5$/);
    expect(definitionErrorText(first, 'en')).toMatch(/^themes\[0\] "[^"]+"\.weight: must be a whole number, not the number 1\.5$/);
    expect(methodFileProblemText({ definitionErrors: result.errors }, 'nl')).toBe(definitionErrorText(first, 'nl'));
    expect(definitionErrorText({ path: '', code: 'wrong-type', params: { expected: 'object', received: 'list' } }, 'nl')).toBe('methode: moet een object zijn, niet een lijst');
  });

  it('a bad scan file names the field, in Dutch and English', () => {
    const scan = exampleScan();
    const parsed = parseScanFile({ ...scan, project: { ...scan.project, kind: 'castle' }, extra: 1 });
    if (parsed.ok) throw new Error('expected errors');
    const texts = (locale: 'nl' | 'en') => parsed.errors.map((e) => fieldErrorText(e, locale));
    expect(texts('en')).toContain('extra: unknown field "extra"');
    expect(texts('nl')).toContain('extra: onbekend veld "extra"');
    expect(texts('en')).toContain('project.kind: must be "new_build" or "renovation" or "extension", not the text "castle"');
    expect(texts('nl')).toContain('project.kind: moet "new_build" of "renovation" of "extension" zijn, niet de tekst "castle"');
    expect(fieldErrorText({ path: '', code: 'not-json' }, 'nl')).toBe('bestand: geen geldige JSON');
  });
});
