/** Reading the command's input files, with one-line reasons for everything that can go wrong. */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './errors';
import { findJsonSyntaxError } from './json-syntax';
import type { Strings } from './strings';

/** Largest input file read (scan files and definitions are a few hundred kB at most). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

interface Where {
  readonly cwd: string;
  readonly s: Strings;
}

function code(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** The bytes of a file; a missing file, a directory or an unreadable file is a CliError. */
export async function readBytes(where: Where, file: string): Promise<Uint8Array> {
  const { s } = where;
  if (file === '') throw new CliError(s.fileNameEmpty);
  const full = resolve(where.cwd, file);
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new CliError(s.fileIsDirectory(file));
    if (!info.isFile()) throw new CliError(s.fileNotRegular(file));
    if (info.size > MAX_INPUT_BYTES) throw new CliError(s.fileTooLarge(file, Math.round(MAX_INPUT_BYTES / 1024 / 1024)));
    return new Uint8Array(await readFile(full));
  } catch (error) {
    if (error instanceof CliError) throw error;
    const c = code(error);
    if (c === 'ENOENT' || c === 'ENOTDIR') throw new CliError(s.fileNotFound(file));
    if (c === 'EACCES' || c === 'EPERM') throw new CliError(s.fileNoAccess(file));
    if (c === 'EISDIR') throw new CliError(s.fileIsDirectory(file));
    throw new CliError(s.fileUnreadable(file, error instanceof Error ? error.message : String(error)));
  }
}

/** A file's text, decoded as UTF-8 (a leading byte-order mark is dropped). */
export async function readText(where: Where, file: string): Promise<string> {
  const bytes = await readBytes(where, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(where.s.fileNotUtf8(file));
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file parsed as JSON; a syntax error names its line and column. */
export async function readJson(where: Where, file: string): Promise<unknown> {
  const text = await readText(where, file);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const { s } = where;
    if (text.trim() === '') throw new CliError(s.jsonEmpty(file));
    const found = findJsonSyntaxError(text);
    if (!found) throw new CliError(s.jsonInvalid(file));
    throw new CliError(s.jsonSyntax(file, found.line, found.column, s.jsonProblem(found.problem)));
  }
}
