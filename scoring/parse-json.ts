import type * as z from 'zod';
import { problemsOfIssue, type FieldError } from '../forms/input-problems';

/**
 * A problem in a file, with a dotted path into it (e.g. `scan.costOverrides[0].cost.high`); '' for
 * the whole file. A code and values, never a sentence: report/input-strings.ts `fieldErrorText` words it.
 */
export type { FieldError, FieldErrorCode, FieldErrorParams, FieldProblem } from '../forms/input-problems';

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

const MAX_ERRORS = 50;

/** The problems of a failed zod parse (run with `{ reportInput: true }`), with dotted paths. */
export function fieldErrorsOf(error: z.core.$ZodError): FieldError[] {
  return error.issues
    .slice(0, MAX_ERRORS)
    .flatMap((issue) => problemsOfIssue(issue).map(({ path, problem }) => ({ path: formatPath(path), ...problem })));
}

/**
 * Validates a file given as parsed JSON or as JSON text against a schema. Never throws: bad JSON
 * and every schema problem come back as errors with their paths (unknown fields one by one).
 */
export function parseJsonWith<S extends z.ZodType>(schema: S, json: unknown): { ok: true; value: z.output<S> } | { ok: false; errors: FieldError[] } {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return { ok: false, errors: [{ path: '', code: 'not-json' }] };
    }
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: fieldErrorsOf(result.error) };
}
