/**
 * The zod schema of a QuickScan definition: the versioned question set (themes, questions,
 * answer levels, labels) that the app, the scoring and the verifier all read.
 *
 * See docs/contracts.md for the shape and docs/authoring-definitions.md for the rules.
 * Pure module: runs in the browser, in Electron and in the CLI alike.
 */
import * as z from 'zod';
import { problemsOfIssue, type FieldErrorParams, type FieldProblem, type IdKind } from './input-problems';

/* ------------------------------------------------------------------------------------------ */
/* Metadata registry (named $defs and descriptions in the generated JSON Schema)              */
/* ------------------------------------------------------------------------------------------ */

/**
 * A private registry so that `.meta()` calls here never touch zod's global registry (which is
 * shared with every other module and would clash on ids if this module were loaded twice).
 */
export const definitionMetadata = z.registry<{ id?: string; title?: string; description?: string }>();

function named<T extends z.ZodType>(schema: T, id: string, description: string): T {
  definitionMetadata.add(schema, { id, description });
  return schema;
}
function described<T extends z.ZodType>(schema: T, description: string): T {
  definitionMetadata.add(schema, { description });
  return schema;
}

/* ------------------------------------------------------------------------------------------ */
/* Patterns                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** Ids of themes, questions, levels, sources and labels: letters, digits, `_` and `-`. */
export const ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/;
/** The definition's own id: kebab-case, e.g. "zeeland-quickscan". */
export const DEFINITION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Semantic Versioning 2.0.0 (the official regular expression from semver.org). */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Largest cost figure accepted, so that amounts in euro cents stay exact integers. */
export const MAX_COST_EUR = 1_000_000_000;

// Problems are codes (forms/input-problems.ts), worded by the surfaces (report/input-strings.ts).
const id = () => z.string().regex(ID_PATTERN, { error: 'invalid-id' });

const nonBlank = () => z.string().regex(/\S/, { error: 'blank' });

/* ------------------------------------------------------------------------------------------ */
/* Building blocks                                                                            */
/* ------------------------------------------------------------------------------------------ */

export const localizedTextSchema = named(
  z
    .object({
      nl: nonBlank(),
      en: nonBlank(),
    })
    .strict(),
  'LocalizedText',
  'A text in Dutch (nl) and English (en); both must be non-empty.',
);

export const projectKinds = ['new_build', 'renovation', 'extension'] as const;
export const projectKindSchema = named(
  z.enum(projectKinds),
  'ProjectKind',
  'The kind of building project: new build, renovation or extension.',
);

/** True when `value` is a finite number with at most two decimals (exact in euro cents). */
export function hasAtMostTwoDecimals(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const cents = Math.round(value * 100);
  return Number.isSafeInteger(cents) && cents / 100 === value;
}

const euros = () => z.number().min(-MAX_COST_EUR).max(MAX_COST_EUR).refine(hasAtMostTwoDecimals, { error: 'not-cents' });

export const costIndicationSchema = named(
  z
    .object({
      basis: described(
        z.enum(['per_m2_gfa', 'lump_sum']),
        'per_m2_gfa: EUR per m² gross floor area; lump_sum: EUR for the whole project.',
      ),
      low: described(euros(), 'Low end of the extra cost in EUR, at most 2 decimals; negative = a saving.'),
      high: described(euros(), 'High end of the extra cost in EUR, at most 2 decimals; at least low.'),
    })
    .strict(),
  'CostIndication',
  'Extra cost against conventional practice, in EUR, at most 2 decimals; negative = a saving. low <= high.',
);

export const sourceSchema = named(
  z
    .object({
      id: id(),
      title: nonBlank(),
      citation: localizedTextSchema,
      url: z
        .url({ protocol: /^https?$/, error: (issue) => (issue.code === 'invalid_format' ? 'invalid-url' : undefined) })
        .optional(),
    })
    .strict(),
  'Source',
  'A public framework or document that questions cite.',
);

export const sourceRefSchema = named(
  z
    .object({
      source: id(),
      locator: nonBlank(),
    })
    .strict(),
  'SourceRef',
  'A reference from a question to a Source id, with a locator inside it (e.g. "2.4", "R3", "§5.3").',
);

export const answerLevelSchema = named(
  z
    .object({
      id: id(),
      points: described(
        z
          .number()
          .int()
          .min(0),
        'Points for this level: an integer >= 0.',
      ),
      label: localizedTextSchema,
      help: localizedTextSchema,
      cost: costIndicationSchema,
      evidence: described(
        z.array(localizedTextSchema),
        'What would prove this level (may be empty for the conventional level).',
      ),
    })
    .strict(),
  'AnswerLevel',
  'One answer to a question, from conventional (first) to best circular (last).',
);

export const questionSchema = named(
  z
    .object({
      id: described(id(), 'Stable forever, e.g. "C2".'),
      theme: described(id(), 'A Theme id.'),
      title: localizedTextSchema,
      help: localizedTextSchema,
      sources: z.array(sourceRefSchema).min(1),
      appliesTo: described(
        z.array(projectKindSchema).min(1),
        'The project kinds the question applies to; for other kinds it is not applicable.',
      ),
      allowNotApplicable: described(
        z.boolean(),
        'May the assessor mark the question "not applicable" for a project.',
      ),
      levels: z.array(answerLevelSchema).min(2),
      changesBrief: described(
        z.boolean(),
        'A better answer changes the brief or programme (less floor area, sharing space, keeping instead of building): the budget advice keeps the answer as it is unless the user opts in. Optional, since 1.1.0; absent = false.',
      ).optional(),
    })
    .strict(),
  'Question',
  'A question of a theme, with its answer levels.',
);

export const themeSchema = named(
  z
    .object({
      id: id(),
      weight: described(
        z
          .number()
          .int()
          .min(1),
        'Weight of the theme in the total: an integer >= 1.',
      ),
      title: localizedTextSchema,
      description: localizedTextSchema,
    })
    .strict(),
  'Theme',
  'A theme of the QuickScan; its score is the points of its questions over their maximum.',
);

const percent = () => z.number().int().min(0).max(100);

export const labelLevelSchema = named(
  z
    .object({
      id: id(),
      name: localizedTextSchema,
      minTotal: described(percent(), 'Minimum total score, integer 0..100.'),
      minPerTheme: described(
        percent(),
        'Minimum score on every applicable theme, integer 0..100.',
      ),
      themeMinimums: described(
        z.record(z.string(), percent()),
        'Per-theme overrides of minPerTheme: theme id -> integer 0..100.',
      ).optional(),
    })
    .strict(),
  'LabelLevel',
  'A label level (e.g. bronze): a total threshold and a minimum per theme. Listed from lowest to highest.',
);

/* ------------------------------------------------------------------------------------------ */
/* Cross-field rules                                                                          */
/* ------------------------------------------------------------------------------------------ */

export type PathSegment = string | number;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders an issue path readably, naming array items by their id where they have one:
 * `["questions", 3, "levels", 4, "cost"]` -> `questions[3] "C2".levels[4] "l4".cost`.
 * The root itself renders as '' (the surfaces name it).
 */
export function renderPath(path: readonly PropertyKey[], root: unknown): string {
  let out = '';
  let node: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
      node = Array.isArray(node) ? node[segment] : undefined;
      if (isRecord(node) && typeof node.id === 'string' && node.id !== '') {
        out += ` ${JSON.stringify(node.id)}`;
      }
      continue;
    }
    const key = String(segment);
    if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
    node = isRecord(node) ? node[key] : undefined;
  }
  return out;
}

/** A problem found by the cross-field rules: where (segments), and what (a code with its values). */
export interface CrossFieldIssue extends FieldProblem {
  path: PathSegment[];
}

function arrayAt(value: unknown, key: string): unknown[] {
  if (!isRecord(value)) return [];
  const a = value[key];
  return Array.isArray(a) ? a : [];
}

function idOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.id === 'string' ? value.id : undefined;
}

const isPercent = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;

/**
 * A label's minimum score on one theme: its `themeMinimums` entry, else its `minPerTheme`;
 * undefined when that value is itself invalid (its own rule reports it).
 */
function themeMinimum(label: unknown, themeId: string): number | undefined {
  if (!isRecord(label)) return undefined;
  const own = isRecord(label.themeMinimums) ? label.themeMinimums[themeId] : undefined;
  const value = own !== undefined ? own : label.minPerTheme;
  return isPercent(value) ? value : undefined;
}

/**
 * The rules that span more than one field. Written defensively over `unknown`, so that they
 * also run (and report) when other parts of the definition are malformed.
 */
export function crossFieldIssues(definition: unknown): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  const add = (path: PathSegment[], code: FieldProblem['code'], params: FieldErrorParams) => issues.push({ path, code, params });

  if (!isRecord(definition)) return issues;

  /** Reports every id that occurs more than once in `items`; returns the set of ids. */
  const uniqueIds = (items: unknown[], basePath: PathSegment[], kind: IdKind): Set<string> => {
    const firstIndex = new Map<string, number>();
    items.forEach((item, index) => {
      const itemId = idOf(item);
      if (itemId === undefined) return;
      const first = firstIndex.get(itemId);
      if (first === undefined) firstIndex.set(itemId, index);
      else add([...basePath, index, 'id'], 'duplicate-id', { kind, id: itemId, field: String(basePath.at(-1)), index: first });
    });
    return new Set(firstIndex.keys());
  };

  const sources = arrayAt(definition, 'sources');
  const themes = arrayAt(definition, 'themes');
  const questions = arrayAt(definition, 'questions');
  const labels = arrayAt(definition, 'labels');

  const sourceIds = uniqueIds(sources, ['sources'], 'source');
  const themeIds = uniqueIds(themes, ['themes'], 'theme');
  uniqueIds(questions, ['questions'], 'question');
  uniqueIds(labels, ['labels'], 'label');

  const themesWithQuestions = new Set<string>();
  questions.forEach((question, qi) => {
    if (!isRecord(question)) return;
    const qPath: PathSegment[] = ['questions', qi];

    if (typeof question.theme === 'string') {
      if (themeIds.has(question.theme)) themesWithQuestions.add(question.theme);
      else add([...qPath, 'theme'], 'unknown-theme', { id: question.theme, known: [...themeIds] });
    }

    arrayAt(question, 'sources').forEach((ref, ri) => {
      if (isRecord(ref) && typeof ref.source === 'string' && !sourceIds.has(ref.source)) {
        add([...qPath, 'sources', ri, 'source'], 'unknown-source', { id: ref.source });
      }
    });

    const seenKinds = new Set<unknown>();
    arrayAt(question, 'appliesTo').forEach((kind, ki) => {
      if (seenKinds.has(kind)) add([...qPath, 'appliesTo', ki], 'listed-twice', { value: JSON.stringify(String(kind)) });
      seenKinds.add(kind);
    });

    const levels = arrayAt(question, 'levels');
    uniqueIds(levels, [...qPath, 'levels'], 'level');
    levels.forEach((level, li) => {
      const cost = isRecord(level) ? level.cost : undefined;
      if (isRecord(cost) && typeof cost.low === 'number' && typeof cost.high === 'number' && cost.low > cost.high) {
        add([...qPath, 'levels', li, 'cost'], 'cost-low-above-high', { low: cost.low, high: cost.high });
      }
    });
    const points = levels.map((level) => (isRecord(level) ? level.points : undefined));
    if (points.length >= 2 && points.every((p) => typeof p === 'number') && new Set(points).size === 1) {
      add([...qPath, 'levels'], 'same-points', { points: points[0] as number });
    }
  });

  themes.forEach((theme, ti) => {
    const themeId = idOf(theme);
    if (themeId !== undefined && !themesWithQuestions.has(themeId)) {
      add(['themes', ti], 'theme-without-questions', { id: themeId });
    }
  });

  let previous: { index: number; minTotal: number } | undefined;
  labels.forEach((label, li) => {
    if (!isRecord(label)) return;
    if (typeof label.minTotal === 'number') {
      if (previous !== undefined && label.minTotal <= previous.minTotal) {
        add(['labels', li, 'minTotal'], 'labels-not-ascending', { value: label.minTotal, below: previous.minTotal, index: previous.index });
      }
      previous = { index: li, minTotal: label.minTotal };
    }
    if (isRecord(label.themeMinimums)) {
      for (const key of Object.keys(label.themeMinimums)) {
        if (!themeIds.has(key)) add(['labels', li, 'themeMinimums', key], 'unknown-theme', { id: key, known: [...themeIds] });
      }
    }
  });

  // Labels nest: a higher label is never easier on any theme than the label below it.
  labels.forEach((label, li) => {
    if (li === 0) return;
    const lower = labels[li - 1];
    for (const themeId of themeIds) {
      const here = themeMinimum(label, themeId);
      const below = themeMinimum(lower, themeId);
      if (here === undefined || below === undefined || here >= below) continue;
      const own = isRecord(label) && isRecord(label.themeMinimums) && typeof label.themeMinimums[themeId] === 'number';
      add(own ? ['labels', li, 'themeMinimums', themeId] : ['labels', li, 'minPerTheme'], 'labels-not-nested', {
        theme: themeId,
        value: here,
        below,
        index: li - 1,
        otherId: idOf(lower),
      });
    }
  });

  return issues;
}

/* ------------------------------------------------------------------------------------------ */
/* The definition                                                                             */
/* ------------------------------------------------------------------------------------------ */

export const quickScanDefinitionSchema = named(
  z
    .object({
      format: z.literal('quickscan-definition'),
      formatVersion: z.literal(1),
      id: described(
        z.string().regex(DEFINITION_ID_PATTERN, { error: 'invalid-definition-id' }),
        'The method id, kebab-case, e.g. "zeeland-quickscan". Stable forever.',
      ),
      version: described(
        z.string().regex(SEMVER_PATTERN, { error: 'invalid-version' }),
        'Semantic version of this release, e.g. "1.0.0".',
      ),
      released: described(
        z.iso.date({ error: (issue) => (issue.code === 'invalid_format' ? 'invalid-date' : undefined) }),
        'Release date, YYYY-MM-DD.',
      ),
      title: localizedTextSchema,
      description: localizedTextSchema,
      // Optional, since 1.1.0: one sentence on what the method is and is not (e.g. not an
      // official instrument of an authority), shown with the title wherever the method is named.
      notice: localizedTextSchema.optional(),
      publisher: nonBlank(),
      sources: z.array(sourceSchema).min(1),
      themes: z.array(themeSchema).min(1),
      questions: z.array(questionSchema).min(1),
      labels: described(z.array(labelLevelSchema), 'Label levels, listed from lowest to highest minTotal.'),
    })
    .strict()
    .superRefine(
      (value, ctx) => {
        for (const issue of crossFieldIssues(value)) {
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.code, params: issue.params, input: value });
        }
      },
      // Run even when other fields failed, so that one pass reports every problem.
      { when: () => true },
    ),
  'QuickScanDefinition',
  'A versioned QuickScan definition: themes, questions with answer levels, and label levels.',
);

/* ------------------------------------------------------------------------------------------ */
/* Types                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type ProjectKind = z.infer<typeof projectKindSchema>;
export type CostIndication = z.infer<typeof costIndicationSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type AnswerLevel = z.infer<typeof answerLevelSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type LabelLevel = z.infer<typeof labelLevelSchema>;
export type QuickScanDefinition = z.infer<typeof quickScanDefinitionSchema>;

/* ------------------------------------------------------------------------------------------ */
/* validateDefinition                                                                         */
/* ------------------------------------------------------------------------------------------ */

/**
 * One problem in a definition: where, and what as a code with its values (forms/input-problems.ts).
 * Worded for people by report/input-strings.ts `definitionErrorText` (Dutch and English).
 */
export interface DefinitionError extends FieldProblem {
  /** Readable path, with ids where known, e.g. `questions[3] "C2".levels[4] "l4".cost`; '' for the definition itself. */
  path: string;
  /** The same path as segments, e.g. `["questions", 3, "levels", 4, "cost"]`. */
  segments: PathSegment[];
}

export type ValidationResult =
  | { ok: true; definition: QuickScanDefinition }
  | { ok: false; errors: DefinitionError[] };

/**
 * Validates a definition (usually freshly parsed JSON) and returns either the typed definition
 * or ALL problems found, each with a readable path and a message that names the place.
 */
export function validateDefinition(json: unknown): ValidationResult {
  const result = quickScanDefinitionSchema.safeParse(json, { reportInput: true });
  if (result.success) return { ok: true, definition: result.data };
  const seen = new Set<string>();
  const errors: DefinitionError[] = [];
  const push = (segments: readonly PropertyKey[], found: FieldProblem) => {
    const path = renderPath(segments, json);
    const key = JSON.stringify([path, found.code, found.params ?? null]);
    if (seen.has(key)) return;
    seen.add(key);
    errors.push({ path, segments: segments.map((p) => (typeof p === 'number' ? p : String(p))), ...found });
  };
  for (const issue of result.error.issues) for (const { path, problem } of problemsOfIssue(issue)) push(path, problem);
  // zod skips refinements after some failures (e.g. a non-integer); the cross-field rules are
  // written to cope with malformed input, so run them on the raw input to report everything.
  for (const { path, ...found } of crossFieldIssues(json)) push(path, found);
  return { ok: false, errors };
}

/** All errors as a technical text block for logs (one `path: code` per line); people get definitionErrorText. */
export function formatDefinitionErrors(errors: readonly DefinitionError[]): string {
  return errors.map((e) => `- ${e.path}: ${e.code}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('\n');
}
