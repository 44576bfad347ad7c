/** Reading the command's input files, with one-line reasons for everything that can go wrong. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './errors';
import { findJsonSyntaxError } from './json-syntax';
import type { Strings } from './strings';
import { utf8Text } from '../scoring/json-bytes';

/**
 * The size limits of input files (documented in `quickscan --help`, README.md and docs/cli.md);
 * a larger file is refused with exit 2 before it is read. Far above real use: a scan file or a
 * definition is a few hundred kB, an issued PDF well under 1 MB.
 */
export const INPUT_LIMITS = {
  /** JSON files: scan files, definitions, method files, profiles, trust lists, keys, issued revisions. */
  jsonBytes: 16 * 1024 * 1024,
  /** Any other file: PDFs, dossier zips, evidence files. */
  fileBytes: 64 * 1024 * 1024,
} as const;

/** Largest input file read at all. */
export const MAX_INPUT_BYTES = INPUT_LIMITS.fileBytes;

interface Where {
  readonly cwd: string;
  readonly s: Strings;
}

function code(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * Why a file operation failed, in the user's words: the system's error code (ENOSPC, EACCES, …)
 * worded, never the JavaScript message. Unknown codes are shown as the code itself.
 */
export function fileErrorReason(s: Strings, error: unknown): string {
  const c = code(error);
  switch (c) {
    case 'ENOENT':
    case 'ENOTDIR':
      return s.reasonNoSuchPath;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return s.reasonNoAccess;
    case 'EISDIR':
      return s.reasonIsDirectory;
    case 'ENOSPC':
    case 'EDQUOT':
      return s.reasonDiskFull;
    case 'ENAMETOOLONG':
      return s.reasonNameTooLong;
    case 'ELOOP':
      return s.reasonLinkLoop;
    case 'EEXIST':
      return s.reasonExists;
    default:
      return c && /^E[A-Z0-9]+$/.test(c) ? s.reasonSystem(c) : s.reasonUnknown;
  }
}

/**
 * The bytes of a file; a missing file, a directory, an unreadable file or one larger than
 * `limit` bytes (default {@link INPUT_LIMITS}.fileBytes) is a CliError.
 */
export async function readBytes(where: Where, file: string, limit: number = INPUT_LIMITS.fileBytes): Promise<Uint8Array> {
  const { s } = where;
  if (file === '') throw new CliError(s.fileNameEmpty);
  const full = resolve(where.cwd, file);
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new CliError(s.fileIsDirectory(file));
    if (!info.isFile()) throw new CliError(s.fileNotRegular(file));
    if (info.size > limit) throw new CliError(s.fileTooLarge(file, Math.round(limit / 1024 / 1024)));
    return new Uint8Array(await readFile(full));
  } catch (error) {
    if (error instanceof CliError) throw error;
    const c = code(error);
    if (c === 'ENOENT' || c === 'ENOTDIR') throw new CliError(s.fileNotFound(file));
    if (c === 'EACCES' || c === 'EPERM') throw new CliError(s.fileNoAccess(file));
    if (c === 'EISDIR') throw new CliError(s.fileIsDirectory(file));
    throw new CliError(s.fileUnreadable(file, fileErrorReason(s, error)));
  }
}

/** A file's text, decoded as UTF-8 (a leading byte-order mark is dropped); at most `limit` bytes. */
export async function readText(where: Where, file: string, limit: number = INPUT_LIMITS.jsonBytes): Promise<string> {
  const bytes = await readBytes(where, file, limit);
  const text = utf8Text(bytes);
  if (text === undefined) throw new CliError(where.s.fileNotUtf8(file));
  return text;
}

/** A file parsed as JSON (at most {@link INPUT_LIMITS}.jsonBytes); a syntax error names its line and column. */
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

/**
 * Writes a file that must not exist yet: the check and the write are one step (`wx`), so nothing
 * is ever overwritten, not even by a file that appears meanwhile. False when the file exists.
 */
export async function writeNewFile(fullPath: string, text: string, mode?: number): Promise<boolean> {
  try {
    await writeFile(fullPath, text, mode === undefined ? { flag: 'wx' } : { flag: 'wx', mode });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false;
    throw error;
  }
}
