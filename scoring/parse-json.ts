import type * as z from 'zod';
import { plainErrors } from '../forms/schema';

/** A problem in a file, with a dotted path into it (e.g. `scan.costOverrides[0].cost.high`); '' for the whole file. */
export interface FieldError {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

const MAX_ERRORS = 50;

/**
 * Validates a file given as parsed JSON or as JSON text against a schema. Never throws: bad JSON
 * and every schema problem come back as errors with their paths (unknown fields one by one).
 */
export function parseJsonWith<S extends z.ZodType>(schema: S, json: unknown): { ok: true; value: z.output<S> } | { ok: false; errors: FieldError[] } {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
    }
  }
  const result = schema.safeParse(value, { error: plainErrors });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.slice(0, MAX_ERRORS).flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: `unknown field "${key}"` }))
        : [{ path: formatPath(issue.path), message: issue.message }],
    ),
  };
}
