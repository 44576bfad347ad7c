/**
 * A QuickScan definition as a workbook, for method authors who would rather not write JSON:
 * one sheet per list (sources, themes, questions, levels, evidence, labels, ...), one row per
 * item, Dutch and English side by side in columns. `definitionToWorkbook` and
 * `workbookToDefinition` are exact inverses for every valid definition: the round trip gives
 * the same canonical JSON, so the same SHA-256.
 *
 * Pure module: it works on sheets as arrays of rows of cell values (what read-excel-file
 * returns and write-excel-file takes); reading and writing the .xlsx bytes is `forms/xlsx.ts`.
 * Errors are codes with the sheet, the row (1-based, as a spreadsheet shows it) and the column
 * (letter and header); the surfaces word them. See docs/authoring-definitions.md.
 */
import type { FieldProblem } from './input-problems';
import { validateDefinition, type PathSegment, type QuickScanDefinition } from './schema';

export type Cell = string | number | boolean | null;
export interface WorkbookSheet {
  sheet: string;
  data: Cell[][];
}

/** Where a value sits in the workbook. `row` is 1-based (row 1 is the header). */
export interface CellPlace {
  sheet: string;
  row?: number;
  /** Column letter, e.g. "C". */
  column?: string;
  /** The header of that column, e.g. "title_nl". */
  header?: string;
}

export type WorkbookErrorCode =
  /** A sheet the format needs is missing. */
  | 'missing-sheet'
  /** A sheet of that name is not part of the format (a typo?). */
  | 'unknown-sheet'
  /** A column the sheet needs is missing from its header row. */
  | 'missing-column'
  /** A header names a column the sheet does not have. */
  | 'unknown-column'
  /** The same header occurs twice. */
  | 'duplicate-column'
  /** A required cell is empty. */
  | 'empty-cell'
  /** A cell should hold a number. */
  | 'not-a-number'
  /** A cell should hold TRUE or FALSE. */
  | 'not-a-boolean'
  /** A cell should hold text. */
  | 'not-text'
  /** Only one of a Dutch/English pair is filled in. */
  | 'half-pair'
  /** A row refers to a question, level, label or the like that no earlier row defines. */
  | 'unknown-reference'
  /** The method sheet names a field twice, or a field the format does not have. */
  | 'unknown-field'
  | 'duplicate-field'
  /** The method sheet lacks a required field. */
  | 'missing-field'
  /** A rule of forms/schema.ts: `message` is the validator's text, `definitionPath` its place. */
  | 'definition-rule';

export interface WorkbookError extends CellPlace {
  code: WorkbookErrorCode;
  /** The value concerned (a sheet, column or field name, a reference), when there is one. */
  value?: string;
  /** For `definition-rule`: the validator's problem (a code with values) and readable path. */
  problem?: FieldProblem;
  definitionPath?: string;
}

export type WorkbookResult =
  | { ok: true; definition: QuickScanDefinition }
  | { ok: false; errors: WorkbookError[] };

/* ------------------------------------------------------------------------------------------ */
/* The layout                                                                                 */
/* ------------------------------------------------------------------------------------------ */

export const SHEETS = {
  method: 'method',
  sources: 'sources',
  themes: 'themes',
  questions: 'questions',
  questionSources: 'question_sources',
  levels: 'levels',
  evidence: 'evidence',
  labels: 'labels',
  labelThemeMinimums: 'label_theme_minimums',
} as const;

type Kind = 'text' | 'number' | 'boolean' | 'list';
interface ColumnSpec {
  header: string;
  kind: Kind;
  /** May the cell be empty (the member is then absent)? */
  optional?: boolean;
}

const text = (header: string, optional = false): ColumnSpec => ({ header, kind: 'text', optional });
const num = (header: string): ColumnSpec => ({ header, kind: 'number' });
const bool = (header: string, optional = false): ColumnSpec => ({ header, kind: 'boolean', optional });

const COLUMNS = {
  sources: [text('id'), text('title'), text('citation_nl'), text('citation_en'), text('url', true)],
  themes: [text('id'), num('weight'), text('title_nl'), text('title_en'), text('description_nl'), text('description_en')],
  questions: [
    text('id'),
    text('theme'),
    text('title_nl'),
    text('title_en'),
    text('help_nl'),
    text('help_en'),
    { header: 'applies_to', kind: 'list' },
    bool('allow_not_applicable'),
    bool('changes_brief', true),
  ],
  questionSources: [text('question'), text('source'), text('locator')],
  levels: [
    text('question'),
    text('id'),
    num('points'),
    text('label_nl'),
    text('label_en'),
    text('help_nl'),
    text('help_en'),
    text('cost_basis'),
    num('cost_low'),
    num('cost_high'),
  ],
  evidence: [text('question'), text('level'), text('nl'), text('en')],
  labels: [text('id'), text('name_nl'), text('name_en'), num('min_total'), num('min_per_theme')],
  labelThemeMinimums: [text('label'), text('theme'), num('minimum')],
} satisfies Record<string, ColumnSpec[]>;

/** The method sheet: one row per field (field | value). */
const METHOD_FIELDS: readonly { field: string; kind: Kind; optional?: boolean }[] = [
  { field: 'format', kind: 'text' },
  { field: 'format_version', kind: 'number' },
  { field: 'id', kind: 'text' },
  { field: 'version', kind: 'text' },
  { field: 'released', kind: 'text' },
  { field: 'title_nl', kind: 'text' },
  { field: 'title_en', kind: 'text' },
  { field: 'description_nl', kind: 'text' },
  { field: 'description_en', kind: 'text' },
  { field: 'notice_nl', kind: 'text', optional: true },
  { field: 'notice_en', kind: 'text', optional: true },
  { field: 'publisher', kind: 'text' },
];

/** Column letter of a 0-based index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Definition -> workbook                                                                     */
/* ------------------------------------------------------------------------------------------ */

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** The workbook of a definition (valid or not-yet-valid: it writes what is there). */
export function definitionToWorkbook(d: QuickScanDefinition): WorkbookSheet[] {
  const header = (specs: readonly ColumnSpec[]): Cell[] => specs.map((c) => c.header);
  const methodValues: Record<string, Cell> = {
    format: d.format,
    format_version: d.formatVersion,
    id: d.id,
    version: d.version,
    released: d.released,
    title_nl: d.title.nl,
    title_en: d.title.en,
    description_nl: d.description.nl,
    description_en: d.description.en,
    notice_nl: orNull(d.notice?.nl),
    notice_en: orNull(d.notice?.en),
    publisher: d.publisher,
  };
  return [
    {
      sheet: SHEETS.method,
      data: [['field', 'value'], ...METHOD_FIELDS.map((f) => [f.field, methodValues[f.field] ?? null])],
    },
    {
      sheet: SHEETS.sources,
      data: [header(COLUMNS.sources), ...d.sources.map((s) => [s.id, s.title, s.citation.nl, s.citation.en, orNull(s.url)])],
    },
    {
      sheet: SHEETS.themes,
      data: [
        header(COLUMNS.themes),
        ...d.themes.map((t) => [t.id, t.weight, t.title.nl, t.title.en, t.description.nl, t.description.en]),
      ],
    },
    {
      sheet: SHEETS.questions,
      data: [
        header(COLUMNS.questions),
        ...d.questions.map((q) => [
          q.id,
          q.theme,
          q.title.nl,
          q.title.en,
          q.help.nl,
          q.help.en,
          q.appliesTo.join(', '),
          q.allowNotApplicable,
          orNull(q.changesBrief),
        ]),
      ],
    },
    {
      sheet: SHEETS.questionSources,
      data: [header(COLUMNS.questionSources), ...d.questions.flatMap((q) => q.sources.map((s) => [q.id, s.source, s.locator]))],
    },
    {
      sheet: SHEETS.levels,
      data: [
        header(COLUMNS.levels),
        ...d.questions.flatMap((q) =>
          q.levels.map((l) => [q.id, l.id, l.points, l.label.nl, l.label.en, l.help.nl, l.help.en, l.cost.basis, l.cost.low, l.cost.high]),
        ),
      ],
    },
    {
      sheet: SHEETS.evidence,
      data: [
        header(COLUMNS.evidence),
        ...d.questions.flatMap((q) => q.levels.flatMap((l) => l.evidence.map((e) => [q.id, l.id, e.nl, e.en]))),
      ],
    },
    {
      sheet: SHEETS.labels,
      data: [header(COLUMNS.labels), ...d.labels.map((l) => [l.id, l.name.nl, l.name.en, l.minTotal, l.minPerTheme])],
    },
    {
      sheet: SHEETS.labelThemeMinimums,
      data: [
        header(COLUMNS.labelThemeMinimums),
        ...d.labels.flatMap((l) => Object.entries(l.themeMinimums ?? {}).map(([theme, min]) => [l.id, theme, min])),
      ],
    },
  ];
}

/* ------------------------------------------------------------------------------------------ */
/* Workbook -> definition                                                                     */
/* ------------------------------------------------------------------------------------------ */

const isEmpty = (cell: Cell | undefined): boolean => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** Reads the cells of one sheet against its columns; collects errors with their places. */
class SheetReader {
  readonly rows: { row: number; get: (header: string) => unknown; place: (header: string) => CellPlace }[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    readonly sheet: string,
    data: readonly (readonly Cell[])[] | undefined,
    specs: readonly ColumnSpec[],
    private readonly errors: WorkbookError[],
  ) {
    if (data === undefined) {
      errors.push({ code: 'missing-sheet', sheet, value: sheet });
      return;
    }
    const head = data[0] ?? [];
    head.forEach((cell, i) => {
      if (isEmpty(cell)) return;
      const name = String(cell).trim();
      const place = { sheet, row: 1, column: columnLetter(i), header: name };
      if (!specs.some((s) => s.header === name)) errors.push({ code: 'unknown-column', ...place, value: name });
      else if (this.index.has(name)) errors.push({ code: 'duplicate-column', ...place, value: name });
      else this.index.set(name, i);
    });
    const missing = specs.filter((s) => !this.index.has(s.header));
    for (const s of missing) errors.push({ code: 'missing-column', sheet, row: 1, header: s.header, value: s.header });
    if (missing.length > 0) return;

    data.slice(1).forEach((cells, r) => {
      const rowNumber = r + 2;
      if (cells.every((c) => isEmpty(c))) return; // blank rows are skipped
      const values = new Map<string, unknown>();
      const place = (header: string): CellPlace => {
        const i = this.index.get(header)!;
        return { sheet, row: rowNumber, column: columnLetter(i), header };
      };
      for (const spec of specs) {
        const cell = cells[this.index.get(spec.header)!] ?? null;
        const value = readCell(cell, spec, place(spec.header), errors);
        if (value !== undefined) values.set(spec.header, value);
      }
      this.rows.push({ row: rowNumber, get: (h) => values.get(h), place });
    });
  }
}

function readCell(cell: Cell, spec: { kind: Kind; optional?: boolean | undefined }, place: CellPlace, errors: WorkbookError[]): unknown {
  if (isEmpty(cell)) {
    if (!spec.optional) errors.push({ code: 'empty-cell', ...place });
    return undefined;
  }
  switch (spec.kind) {
    case 'text':
      if (typeof cell === 'string') return cell;
      if (typeof cell === 'number') return String(cell); // a locator such as 2.3 typed as a number
      errors.push({ code: 'not-text', ...place, value: String(cell) });
      return undefined;
    case 'list':
      if (typeof cell !== 'string') {
        errors.push({ code: 'not-text', ...place, value: String(cell) });
        return undefined;
      }
      return cell
        .split(/[,;]/)
        .map((x) => x.trim())
        .filter((x) => x !== '');
    case 'number': {
      if (typeof cell === 'number') return cell;
      const n = typeof cell === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(cell) ? Number(cell) : NaN;
      if (Number.isFinite(n)) return n;
      errors.push({ code: 'not-a-number', ...place, value: String(cell) });
      return undefined;
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return cell;
      const t = String(cell).trim().toLowerCase();
      if (['true', 'waar', 'ja', 'yes'].includes(t)) return true;
      if (['false', 'onwaar', 'nee', 'no'].includes(t)) return false;
      errors.push({ code: 'not-a-boolean', ...place, value: String(cell) });
      return undefined;
    }
  }
}

/** A path in the definition and the cell it came from, to place the validator's errors. */
type SourceMap = { path: PathSegment[]; place: CellPlace }[];

/**
 * Reads a workbook back into a definition and validates it with every rule of
 * forms/schema.ts. Every error names the sheet, and where it can the row and column.
 */
export function workbookToDefinition(sheets: readonly WorkbookSheet[]): WorkbookResult {
  const errors: WorkbookError[] = [];
  const byName = new Map<string, Cell[][]>();
  const known = new Set<string>(Object.values(SHEETS));
  for (const s of sheets) {
    if (!known.has(s.sheet)) errors.push({ code: 'unknown-sheet', sheet: s.sheet, value: s.sheet });
    else byName.set(s.sheet, s.data);
  }
  const map: SourceMap = [];
  const at = (path: PathSegment[], place: CellPlace) => map.push({ path, place });

  /* method */
  const method: Record<string, unknown> = {};
  const methodData = byName.get(SHEETS.method);
  if (methodData === undefined) errors.push({ code: 'missing-sheet', sheet: SHEETS.method, value: SHEETS.method });
  else {
    const seen = new Map<string, CellPlace>();
    methodData.slice(1).forEach((cells, r) => {
      const row = r + 2;
      if (cells.every((c) => isEmpty(c))) return;
      const name = isEmpty(cells[0] ?? null) ? '' : String(cells[0]).trim();
      const place: CellPlace = { sheet: SHEETS.method, row, column: 'A', header: 'field' };
      const field = METHOD_FIELDS.find((f) => f.field === name);
      if (!field) return void errors.push({ code: 'unknown-field', ...place, value: name });
      if (seen.has(name)) return void errors.push({ code: 'duplicate-field', ...place, value: name });
      const valuePlace: CellPlace = { sheet: SHEETS.method, row, column: 'B', header: name };
      seen.set(name, valuePlace);
      const value = readCell(cells[1] ?? null, field, valuePlace, errors);
      if (value !== undefined) method[name] = value;
    });
    for (const f of METHOD_FIELDS) {
      if (!seen.has(f.field) && !f.optional) errors.push({ code: 'missing-field', sheet: SHEETS.method, value: f.field });
    }
    const p = (field: string) => seen.get(field) ?? { sheet: SHEETS.method };
    at(['format'], p('format'));
    at(['formatVersion'], p('format_version'));
    at(['id'], p('id'));
    at(['version'], p('version'));
    at(['released'], p('released'));
    at(['title'], p('title_nl'));
    at(['description'], p('description_nl'));
    at(['notice'], p('notice_nl'));
    at(['publisher'], p('publisher'));
    at(['title', 'en'], p('title_en'));
    at(['description', 'en'], p('description_en'));
    at(['notice', 'en'], p('notice_en'));
  }

  /** A `{ nl, en }` pair from two columns; reports a half-filled optional pair. */
  const pair = (nl: unknown, en: unknown, place: CellPlace, optional = false): { nl: string; en: string } | undefined => {
    if (optional && nl === undefined && en === undefined) return undefined;
    if (optional && (nl === undefined || en === undefined)) {
      errors.push({ code: 'half-pair', ...place });
      return undefined;
    }
    return { nl: nl as string, en: en as string };
  };

  const read = (key: keyof typeof COLUMNS) => new SheetReader(SHEETS[key], byName.get(SHEETS[key]), COLUMNS[key], errors);

  const sources = read('sources').rows.map((r, i) => {
    at(['sources', i], r.place('id'));
    at(['sources', i, 'title'], r.place('title'));
    at(['sources', i, 'citation'], r.place('citation_nl'));
    at(['sources', i, 'citation', 'en'], r.place('citation_en'));
    at(['sources', i, 'url'], r.place('url'));
    const url = r.get('url');
    return {
      id: r.get('id'),
      title: r.get('title'),
      citation: pair(r.get('citation_nl'), r.get('citation_en'), r.place('citation_nl')),
      ...(url === undefined ? {} : { url }),
    };
  });

  const themes = read('themes').rows.map((r, i) => {
    at(['themes', i], r.place('id'));
    at(['themes', i, 'weight'], r.place('weight'));
    at(['themes', i, 'title'], r.place('title_nl'));
    at(['themes', i, 'title', 'en'], r.place('title_en'));
    at(['themes', i, 'description'], r.place('description_nl'));
    at(['themes', i, 'description', 'en'], r.place('description_en'));
    return {
      id: r.get('id'),
      weight: r.get('weight'),
      title: pair(r.get('title_nl'), r.get('title_en'), r.place('title_nl')),
      description: pair(r.get('description_nl'), r.get('description_en'), r.place('description_nl')),
    };
  });

  type Q = Record<string, unknown> & { sources: unknown[]; levels: (Record<string, unknown> & { evidence: unknown[] })[] };
  const questionById = new Map<string, { q: Q; index: number }>();
  const questions: Q[] = read('questions').rows.map((r, i) => {
    at(['questions', i], r.place('id'));
    at(['questions', i, 'theme'], r.place('theme'));
    at(['questions', i, 'title'], r.place('title_nl'));
    at(['questions', i, 'title', 'en'], r.place('title_en'));
    at(['questions', i, 'help'], r.place('help_nl'));
    at(['questions', i, 'help', 'en'], r.place('help_en'));
    at(['questions', i, 'appliesTo'], r.place('applies_to'));
    at(['questions', i, 'allowNotApplicable'], r.place('allow_not_applicable'));
    at(['questions', i, 'changesBrief'], r.place('changes_brief'));
    const changesBrief = r.get('changes_brief');
    const q: Q = {
      id: r.get('id'),
      theme: r.get('theme'),
      title: pair(r.get('title_nl'), r.get('title_en'), r.place('title_nl')),
      help: pair(r.get('help_nl'), r.get('help_en'), r.place('help_nl')),
      sources: [],
      appliesTo: r.get('applies_to'),
      allowNotApplicable: r.get('allow_not_applicable'),
      levels: [],
      ...(changesBrief === undefined ? {} : { changesBrief }),
    };
    const qid = r.get('id');
    if (typeof qid === 'string' && !questionById.has(qid)) questionById.set(qid, { q, index: i });
    return q;
  });
  const findQuestion = (r: SheetReader['rows'][number], header: string) => {
    const qid = r.get(header);
    if (typeof qid !== 'string') return undefined;
    const found = questionById.get(qid);
    if (!found) errors.push({ code: 'unknown-reference', ...r.place(header), value: qid });
    return found;
  };

  read('questionSources').rows.forEach((r) => {
    const found = findQuestion(r, 'question');
    if (!found) return;
    const i = found.q.sources.length;
    at(['questions', found.index, 'sources', i], r.place('source'));
    at(['questions', found.index, 'sources', i, 'locator'], r.place('locator'));
    found.q.sources.push({ source: r.get('source'), locator: r.get('locator') });
  });

  read('levels').rows.forEach((r) => {
    const found = findQuestion(r, 'question');
    if (!found) return;
    const i = found.q.levels.length;
    const base: PathSegment[] = ['questions', found.index, 'levels', i];
    at(base, r.place('id'));
    at([...base, 'points'], r.place('points'));
    at([...base, 'label'], r.place('label_nl'));
    at([...base, 'label', 'en'], r.place('label_en'));
    at([...base, 'help'], r.place('help_nl'));
    at([...base, 'help', 'en'], r.place('help_en'));
    at([...base, 'cost'], r.place('cost_low'));
    at([...base, 'cost', 'basis'], r.place('cost_basis'));
    at([...base, 'cost', 'high'], r.place('cost_high'));
    at([...base, 'evidence'], r.place('id'));
    found.q.levels.push({
      id: r.get('id'),
      points: r.get('points'),
      label: pair(r.get('label_nl'), r.get('label_en'), r.place('label_nl')),
      help: pair(r.get('help_nl'), r.get('help_en'), r.place('help_nl')),
      cost: { basis: r.get('cost_basis'), low: r.get('cost_low'), high: r.get('cost_high') },
      evidence: [],
    });
  });

  read('evidence').rows.forEach((r) => {
    const found = findQuestion(r, 'question');
    if (!found) return;
    const levelId = r.get('level');
    const li = found.q.levels.findIndex((l) => l.id === levelId);
    if (li < 0) {
      if (typeof levelId === 'string') errors.push({ code: 'unknown-reference', ...r.place('level'), value: levelId });
      return;
    }
    const level = found.q.levels[li]!;
    const ei = level.evidence.length;
    at(['questions', found.index, 'levels', li, 'evidence', ei], r.place('nl'));
    at(['questions', found.index, 'levels', li, 'evidence', ei, 'en'], r.place('en'));
    level.evidence.push(pair(r.get('nl'), r.get('en'), r.place('nl')));
  });

  const labelById = new Map<string, Record<string, unknown>>();
  const labels = read('labels').rows.map((r, i) => {
    at(['labels', i], r.place('id'));
    at(['labels', i, 'name'], r.place('name_nl'));
    at(['labels', i, 'name', 'en'], r.place('name_en'));
    at(['labels', i, 'minTotal'], r.place('min_total'));
    at(['labels', i, 'minPerTheme'], r.place('min_per_theme'));
    const label: Record<string, unknown> = {
      id: r.get('id'),
      name: pair(r.get('name_nl'), r.get('name_en'), r.place('name_nl')),
      minTotal: r.get('min_total'),
      minPerTheme: r.get('min_per_theme'),
    };
    const lid = r.get('id');
    if (typeof lid === 'string' && !labelById.has(lid)) labelById.set(lid, label);
    return label;
  });
  read('labelThemeMinimums').rows.forEach((r) => {
    const lid = r.get('label');
    if (typeof lid !== 'string') return;
    const label = labelById.get(lid);
    if (!label) return void errors.push({ code: 'unknown-reference', ...r.place('label'), value: lid });
    const theme = r.get('theme');
    if (typeof theme !== 'string') return;
    const mins = (label.themeMinimums ??= {}) as Record<string, unknown>;
    if (theme in mins) return void errors.push({ code: 'duplicate-field', ...r.place('theme'), value: theme });
    mins[theme] = r.get('minimum');
    at(['labels', labels.indexOf(label), 'themeMinimums', theme], r.place('minimum'));
  });

  const definition = {
    format: method.format,
    formatVersion: method.format_version,
    id: method.id,
    version: method.version,
    released: method.released,
    title: pair(method.title_nl, method.title_en, { sheet: SHEETS.method }),
    description: pair(method.description_nl, method.description_en, { sheet: SHEETS.method }),
    ...optionalPair('notice', method.notice_nl, method.notice_en, errors),
    publisher: method.publisher,
    sources,
    themes,
    questions,
    labels,
  };

  // Cell-level problems first: validating a half-read workbook would only repeat them.
  if (errors.length > 0) return { ok: false, errors };

  const result = validateDefinition(definition);
  if (result.ok) return result;
  return {
    ok: false,
    errors: result.errors.map((e) => ({
      code: 'definition-rule',
      ...placeOf(e.segments, map),
      problem: e.params ? { code: e.code, params: e.params } : { code: e.code },
      definitionPath: e.path,
    })),
  };
}

function optionalPair(key: string, nl: unknown, en: unknown, errors: WorkbookError[]): Record<string, unknown> {
  if (nl === undefined && en === undefined) return {};
  if (nl === undefined || en === undefined) {
    errors.push({ code: 'half-pair', sheet: SHEETS.method, value: key });
    return {};
  }
  return { [key]: { nl, en } };
}

/** The cell that the longest recorded prefix of `path` came from. */
function placeOf(path: readonly PathSegment[], map: SourceMap): CellPlace {
  let best: { length: number; place: CellPlace } | undefined;
  for (const entry of map) {
    if (entry.path.length > path.length) continue;
    if (!entry.path.every((seg, i) => seg === path[i])) continue;
    if (best === undefined || entry.path.length > best.length) best = { length: entry.path.length, place: entry.place };
  }
  return best?.place ?? { sheet: SHEETS.method };
}
