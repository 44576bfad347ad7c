/**
 * What is wrong with a field of a file, as data: a code from a closed list and the values that
 * go with it. Every file format (definitions, method files, scan files, issued revisions, trust
 * lists, key files, key statements, requirement profiles) reports its problems this way; the
 * surfaces (app, command line, verifier, PDF) word them in Dutch and English with ONE table,
 * report/input-strings.ts. Nothing here is a sentence (docs/file-formats.md, "Error codes").
 *
 * A schema names a specific problem by using its code as the zod message, e.g.
 * `.regex(ID_PATTERN, { error: 'invalid-id' })`; values a rule knows go in the issue's `params`
 * (`ctx.addIssue({ code: 'custom', message: 'listed-twice', params: { value } })`).
 * Everything else is derived from zod's own issue (type, size, enum, format).
 *
 * Pure module: runs in the browser, in Electron and in the CLI alike.
 */
import type * as z from 'zod';

/** Every code a field problem can have; the wording of each is in report/input-strings.ts. */
export const FIELD_ERROR_CODES = [
  // the file as a whole
  'not-json',
  // generic, from zod's own issues
  'unknown-field',
  'required',
  'wrong-type',
  'invalid-value',
  'too-few',
  'too-many',
  'too-short',
  'too-long',
  'too-small',
  'too-large',
  'not-integer',
  'not-cents',
  'pattern',
  'invalid',
  // formats named by the schemas
  'blank',
  'invalid-id',
  'invalid-definition-id',
  'invalid-version',
  'invalid-date',
  'invalid-datetime',
  'invalid-url',
  'invalid-uuid',
  'invalid-sha256',
  'invalid-reference-code',
  'invalid-long-reference-code',
  'invalid-signature',
  'invalid-ed25519-key',
  'invalid-base64url-32',
  'invalid-fingerprint',
  'invalid-method-data',
  // rules across fields
  'duplicate-id',
  'unknown-theme',
  'unknown-source',
  'unknown-label',
  'unknown-question',
  'unknown-level',
  'listed-twice',
  'duplicate-cost-override',
  'cost-low-above-high',
  'same-points',
  'theme-without-questions',
  'labels-not-ascending',
  'labels-not-nested',
  'answer-too-large',
  'not-after',
  'not-on-curve',
  'unusable-key',
  'not-a-public-key',
  'key-mismatch',
  'fingerprint-mismatch',
  'same-key',
  'countersignature-missing',
  'countersignature-unexpected',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(FIELD_ERROR_CODES);
export const isFieldErrorCode = (value: unknown): value is FieldErrorCode => typeof value === 'string' && CODES.has(value);

/** What a value was, for "must be a text, not a number". */
export type ValueKind = 'nothing' | 'null' | 'text' | 'number' | 'boolean' | 'list' | 'object' | 'other';

/** What a field must be (zod's `expected`, tidied): text, number, whole-number, boolean, object, list, or another zod name. */
export type ExpectedKind = 'text' | 'number' | 'whole-number' | 'boolean' | 'object' | 'list' | (string & {});

/** The kinds of ids that must be unique (code `duplicate-id`). */
export type IdKind = 'source' | 'theme' | 'question' | 'label' | 'level';

/** The values of a problem; which ones are set depends on the code (docs/file-formats.md). */
export interface FieldErrorParams {
  /** unknown-field: the field name; duplicate-id: the list the ids are in. */
  field?: string;
  /** wrong-type. */
  expected?: ExpectedKind;
  /** wrong-type, invalid-value, not-integer, …: what was there. */
  received?: ValueKind;
  /** The offending value, shortened: JSON text of a string (at most 40 characters), a number, true/false. */
  value?: string | number | boolean;
  /** invalid-value: the allowed values, each as JSON text. */
  allowed?: readonly string[];
  /** too-few, too-short, too-small, out-of-range. */
  minimum?: number;
  /** too-many, too-long, too-large, out-of-range. */
  maximum?: number;
  /** too-small / too-large: whether the limit itself is allowed (default true). */
  inclusive?: boolean;
  /** pattern: zod's format name (regex, email, …). */
  format?: string;
  /** duplicate-id. */
  kind?: IdKind;
  /** The id the problem is about (duplicate-id, unknown-*, theme-without-questions). */
  id?: string;
  /** The ids that do exist (unknown-theme, unknown-label, unknown-level). */
  known?: readonly string[];
  /** unknown-level: the question; duplicate-cost-override: the question. */
  question?: string;
  /** duplicate-cost-override: the level. */
  level?: string;
  /** duplicate-id, labels-*: the index of the other item. */
  index?: number;
  /** labels-not-nested: the id of the lower label. */
  otherId?: string;
  /** cost-low-above-high. */
  low?: number;
  high?: number;
  /** same-points. */
  points?: number;
  /** labels-not-ascending / labels-not-nested: this label's value and the one it must not be below. */
  below?: number;
  /** labels-not-nested: the theme. */
  theme?: string;
  /** not-after: the field this one must come after. */
  after?: string;
  /** answer-too-large: the limits. */
  maxText?: number;
  maxEvidence?: number;
}

/** A problem without its place. */
export interface FieldProblem {
  code: FieldErrorCode;
  params?: FieldErrorParams;
}

/** A problem in a file, with a dotted path into it (e.g. `scan.costOverrides[0].cost.high`); '' for the whole file. */
export interface FieldError extends FieldProblem {
  path: string;
}

export function kindOf(value: unknown): ValueKind {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
}

/** The value worth quoting in a message: a short string as JSON, a finite number, a boolean. */
export function shownValue(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value;
  return undefined;
}

const EXPECTED: Record<string, ExpectedKind> = { string: 'text', number: 'number', int: 'whole-number', boolean: 'boolean', object: 'object', array: 'list', record: 'object' };

function received(input: unknown): FieldErrorParams {
  const value = shownValue(input);
  return value === undefined ? { received: kindOf(input) } : { received: kindOf(input), value };
}

function clean(params: FieldErrorParams): FieldErrorParams | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? (out as FieldErrorParams) : undefined;
}

const problem = (code: FieldErrorCode, params: FieldErrorParams = {}): FieldProblem => {
  const p = clean(params);
  return p ? { code, params: p } : { code };
};

/** A finite number, or undefined (zod reports bigints and dates too). */
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : undefined);

/**
 * The problems of one zod issue (parse with `{ reportInput: true }` so that the offending value
 * is known), each with its path. An unknown-keys issue gives one problem per key.
 */
export function problemsOfIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; problem: FieldProblem }[] {
  const path = [...issue.path];
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'unrecognized_keys') return issue.keys.map((field) => ({ path: [...path, field], problem: problem('unknown-field', { field }) }));
  if (isFieldErrorCode(issue.message)) {
    const own = issue.code === 'custom' && issue.params ? (issue.params as FieldErrorParams) : {};
    const limits: FieldErrorParams =
      issue.code === 'too_small' ? { minimum: num(issue.minimum) } : issue.code === 'too_big' ? { maximum: num(issue.maximum) } : {};
    const shown = typeof input === 'object' && input !== null ? {} : received(input);
    return [{ path, problem: problem(issue.message, { ...shown, ...limits, ...own }) }];
  }
  return [{ path, problem: genericProblem(issue, input) }];
}

function genericProblem(issue: z.core.$ZodIssue, input: unknown): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined && issue.path.length > 0) return problem('required');
      if (issue.expected === 'int' && typeof input === 'number') return problem('not-integer', received(input));
      return problem('wrong-type', { expected: EXPECTED[issue.expected] ?? issue.expected, ...received(input) });
    case 'invalid_value':
      if (input === undefined) return problem('required');
      return problem('invalid-value', { allowed: issue.values.map((v) => JSON.stringify(v) ?? String(v)), ...received(input) });
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return problem('too-few', { minimum: num(issue.minimum) });
      if (issue.origin === 'string') return problem('too-short', { minimum: num(issue.minimum) });
      return problem('too-small', { minimum: num(issue.minimum), inclusive: issue.inclusive === false ? false : undefined, ...received(input) });
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return problem('too-many', { maximum: num(issue.maximum) });
      if (issue.origin === 'string') return problem('too-long', { maximum: num(issue.maximum) });
      return problem('too-large', { maximum: num(issue.maximum), inclusive: issue.inclusive === false ? false : undefined, ...received(input) });
    case 'invalid_format':
      switch (issue.format) {
        case 'date':
          return problem('invalid-date', received(input));
        case 'datetime':
          return problem('invalid-datetime', received(input));
        case 'url':
          return problem('invalid-url', received(input));
        case 'uuid':
        case 'guid':
          return problem('invalid-uuid', received(input));
        default:
          return problem('pattern', { format: issue.format, ...received(input) });
      }
    case 'invalid_union':
      return problem('invalid', typeof input === 'object' && input !== null ? {} : received(input));
    default:
      return problem('invalid', typeof input === 'object' && input !== null ? {} : received(input));
  }
}
