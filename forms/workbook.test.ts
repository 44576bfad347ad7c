/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at untyped JSON on purpose */
import { describe, expect, it } from 'vitest';
import released100 from './definitions/zeeland-quickscan/1.0.0.json';
import releasedOpen from './definitions/open-quickscan/1.0.0.json';
import mini from './fixtures/mini-definition.json';
import { canonicalHash } from './hash';
import { validateDefinition, type QuickScanDefinition } from './schema';
import { columnLetter, definitionToWorkbook, workbookToDefinition, type WorkbookSheet } from './workbook';
import { definitionToXlsx, NotAWorkbookError, xlsxToDefinition } from './xlsx';
import { definitionErrorText } from '../report/input-strings';

function valid(json: unknown): QuickScanDefinition {
  const r = validateDefinition(json);
  if (!r.ok) throw new Error(r.errors.map((e) => definitionErrorText(e, 'en')).join('\n'));
  return r.definition;
}

function sheet(sheets: WorkbookSheet[], name: string): WorkbookSheet {
  const s = sheets.find((x) => x.sheet === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe('method workbook', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it.each([
    ['zeeland-quickscan 1.0.0', released100],
    ['open-quickscan 1.0.0', releasedOpen],
    ['the mini fixture', mini],
  ])('round-trips %s through .xlsx bytes to the same canonical hash', async (_name, json) => {
    const definition = valid(json);
    const bytes = await definitionToXlsx(definition);
    expect(bytes[0]).toBe(0x50); // a zip: PK
    const back = await xlsxToDefinition(bytes);
    if (!back.ok) throw new Error(JSON.stringify(back.errors.slice(0, 3)));
    expect(canonicalHash(back.definition)).toBe(canonicalHash(json));
  });

  it('keeps optional members absent, false and present apart', () => {
    const d = structuredClone(valid(releasedOpen)) as any;
    d.questions[0].changesBrief = false;
    delete d.notice;
    delete d.sources[0].url;
    const back = workbookToDefinition(definitionToWorkbook(d));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(canonicalHash(back.definition)).toBe(canonicalHash(d));
    expect(back.definition.questions[0]!.changesBrief).toBe(false);
    expect(back.definition.questions[5]!.changesBrief).toBeUndefined();
  });

  it('refuses a broken row, naming sheet, row and column in every error', () => {
    const sheets = definitionToWorkbook(valid(mini));
    const levels = sheet(sheets, 'levels');
    levels.data[2]![2] = 'veel'; // points of the second level
    levels.data[3]![8] = 50; // cost_low above cost_high of the third level
    levels.data[3]![9] = 10;
    const questions = sheet(sheets, 'questions');
    questions.data[1]![7] = 'misschien';
    const result = workbookToDefinition(sheets);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { code: 'not-a-boolean', sheet: 'questions', row: 2, column: 'H', header: 'allow_not_applicable', value: 'misschien' },
      { code: 'not-a-number', sheet: 'levels', row: 3, column: 'C', header: 'points', value: 'veel' },
    ]);
  });

  it('places the rules of the schema at their cell', () => {
    const sheets = definitionToWorkbook(valid(mini));
    const levels = sheet(sheets, 'levels');
    levels.data[3]![8] = 50;
    levels.data[3]![9] = 10;
    sheet(sheets, 'themes').data[1]![1] = 0;
    const result = workbookToDefinition(sheets);
    if (result.ok) throw new Error('expected errors');
    for (const e of result.errors) {
      expect(e.sheet).toBeTruthy();
      expect(e.row).toBeGreaterThan(1);
      expect(e.column).toMatch(/^[A-Z]+$/);
    }
    expect(result.errors.map((e) => [e.code, e.sheet, e.row, e.column])).toEqual([
      ['definition-rule', 'themes', 2, 'B'],
      ['definition-rule', 'levels', 4, 'I'],
    ]);
    expect(result.errors[1]!.problem).toEqual({ code: 'cost-low-above-high', params: { low: 50, high: 10 } });
  });

  it('names missing sheets and columns, unknown references', () => {
    const sheets = definitionToWorkbook(valid(mini)).filter((s) => s.sheet !== 'evidence');
    const themes = sheet(sheets, 'themes');
    themes.data[0]![1] = 'gewicht';
    sheet(sheets, 'question_sources').data[1]![0] = 'ZZ9';
    const result = workbookToDefinition(sheets);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { code: 'missing-sheet', sheet: 'evidence', value: 'evidence' },
        { code: 'unknown-column', sheet: 'themes', row: 1, column: 'B', header: 'gewicht', value: 'gewicht' },
        { code: 'missing-column', sheet: 'themes', row: 1, header: 'weight', value: 'weight' },
        { code: 'unknown-reference', sheet: 'question_sources', row: 2, column: 'A', header: 'question', value: 'ZZ9' },
      ]),
    );
  });

  it('says when the bytes are not a workbook', async () => {
    await expect(xlsxToDefinition(new TextEncoder().encode('{"format":"quickscan-definition"}'))).rejects.toBeInstanceOf(NotAWorkbookError);
  });
});
