import { fieldErrorText } from '../../report/input-strings';
import type { FieldError } from '../../scoring/parse-json';
import { visibleText } from '../../scoring/visible-text';
import type { Locale, MessageKey, MessageParams } from '../i18n';

/** A message key of this module: every one exists in nl.ts and en.ts. */
export type FileMessageKey = Extract<MessageKey, `files.${string}`>;

/**
 * Why a file could not be imported (or exported), as a message key with its parameters. When a
 * field of the file is wrong, `field` is that problem (a code): {@link fileErrorText} words it in
 * the user's language as the `detail` parameter (`params.detail` holds only its path and code).
 */
export interface FileError {
  key: FileMessageKey;
  params: MessageParams;
  field?: FieldError;
}

/** The text of a file error in the user's language, with the wrong field worded (report/input-strings.ts). */
export function fileErrorText(t: (key: MessageKey, params?: MessageParams) => string, locale: Locale, error: FileError): string {
  return t(error.key, error.field ? { ...error.params, detail: shortDetail(fieldErrorText(error.field, locale)) } : error.params);
}

/** Thrown inside this module only; import and export functions turn it into a typed result. */
export class FileFailure extends Error {
  constructor(
    readonly key: FileMessageKey,
    readonly params: MessageParams = {},
    readonly field?: FieldError,
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'FileFailure';
  }
  get error(): FileError {
    return this.field ? { key: this.key, params: this.params, field: this.field } : { key: this.key, params: this.params };
  }
}

export const fail = (key: FileMessageKey, params: MessageParams = {}, field?: FieldError): never => {
  throw new FileFailure(key, params, field);
};

/** A field problem of a part of a file, placed under that part's path (`scans[2]` + `name` -> `scans[2].name`). */
export function placedUnder(where: string, field: FieldError | undefined): FieldError | undefined {
  if (!field) return undefined;
  const path = !field.path ? where : !where ? field.path : field.path.startsWith('[') ? `${where}${field.path}` : `${where}.${field.path}`;
  return { ...field, path };
}

/** `fail` for a file whose field is wrong: the detail is worded later, in the user's language (fileErrorText). */
export const failOnField = (key: FileMessageKey, params: MessageParams, field: FieldError | undefined): never =>
  fail(key, { ...params, detail: field ? shortDetail(`${field.path || 'file'}: ${field.code}`) : '?' }, field);

/** A short, single-line technical detail for a message (never the whole text of a hostile file). */
export function shortDetail(text: unknown, max = 160): string {
  const raw = text instanceof Error ? text.message : String(text);
  // control characters and bidirectional overrides from the file are shown, not obeyed
  const line = visibleText((raw.split('\n')[0] ?? '').trim());
  return line.length > max ? `${line.slice(0, max - 1)}…` : line || '?';
}

/**
 * Whether an error (or one it wraps) is the storage quota running out. Dexie may report it
 * directly, as the `inner` error of an AbortError, or among a BulkError's `failures`.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  if (Array.isArray(e.failures)) return e.failures.some((f) => isQuotaError(f, depth + 1));
  if (e.failures && typeof e.failures === 'object') return Object.values(e.failures).some((f) => isQuotaError(f, depth + 1));
  return false;
}
