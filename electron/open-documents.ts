import { constants, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Name endings of the documents the app opens from the operating system (file association,
 * "Open with", a file dropped on the app icon, the command line). `.quickscan` is the associated
 * type and what the app saves projects and scans as; the others are the app's and the CLI's
 * other files (a scan file, a project as JSON, older zips, an issued revision, a trust list, a
 * signed method file), and a `.pdf` may be a report to verify. The app page decides by content
 * where each lands (renderer/app/opened-files.ts).
 */
export const OPENABLE_SUFFIXES = [
  '.quickscan',
  '.quickscan.json',
  '.quickscan.zip',
  '.quickscan-project.json',
  '.quickscan-project.zip',
  '.quickscan-issued.json',
  '.quickscan-trustlist.json',
  '.quickscan-method.json',
  '.pdf',
] as const;

/** Longest path taken from a command line; anything longer is not a path a user opened. */
const MAX_PATH_LENGTH = 4096;

export function hasOpenableSuffix(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return OPENABLE_SUFFIXES.some((suffix) => lower.endsWith(suffix) && lower.length > suffix.length);
}

export interface ArgvContext {
  /** Directory that relative paths are resolved against (the launching process's working directory). */
  cwd: string;
  /**
   * How many leading entries are not documents: 1 for a packaged app (the executable), 2 when
   * started as `electron <app path>` during development (`process.defaultApp`).
   */
  leadingEntries: number;
  /** The app's own folder or archive: never opened as a document. */
  appPath?: string;
  /** Whether a path is an existing regular file (injected so the parsing stays testable). */
  isRegularFile: (absolutePath: string) => boolean;
  /** Path flavour; defaults to the running platform's (tests pass path.win32 for Windows command lines). */
  pathApi?: path.PlatformPath;
}

/**
 * The documents named on a command line: the launching process's own argv, or the argv that a
 * second instance hands to the running one. Skips the executable (and the app path), every switch
 * (`--inspect`, Chromium's `--original-process-start-time=…`, `-psn_…` on old macOS), and anything
 * that is not an existing regular file with an openable name ending. `file://` URLs (Linux desktop
 * files pass `%U`) become paths. Order is kept; duplicates are dropped.
 */
export function documentPathsFromArgv(argv: readonly string[], context: ArgvContext): string[] {
  const pathApi = context.pathApi ?? path;
  const appPath = context.appPath ? pathApi.resolve(context.cwd, context.appPath) : null;
  const found: string[] = [];
  let switchesEnded = false;
  for (const arg of argv.slice(Math.max(0, context.leadingEntries))) {
    if (typeof arg !== 'string' || arg === '' || arg.length > MAX_PATH_LENGTH || arg.includes('\0')) continue;
    if (!switchesEnded && arg === '--') {
      switchesEnded = true;
      continue;
    }
    if (!switchesEnded && arg.startsWith('-')) continue;
    const candidate = toLocalPath(arg, context.cwd, pathApi);
    if (!candidate || candidate === appPath) continue;
    if (!hasOpenableSuffix(pathApi.basename(candidate))) continue;
    if (found.includes(candidate)) continue;
    if (!context.isRegularFile(candidate)) continue;
    found.push(candidate);
  }
  return found;
}

function toLocalPath(arg: string, cwd: string, pathApi: path.PlatformPath): string | null {
  if (/^file:/i.test(arg)) {
    try {
      return pathApi.resolve(fileURLToPath(arg, { windows: pathApi === path.win32 }));
    } catch {
      return null;
    }
  }
  // Any other URL (https:, a custom scheme) is not a local document. A scheme has two or more
  // letters, so Windows drive paths (`C:\…`) are not mistaken for one.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) return null;
  return pathApi.resolve(cwd, arg);
}

/** True for an existing regular file (not a directory, device, pipe or socket); follows symlinks. */
export function isRegularFileSync(absolutePath: string): boolean {
  try {
    return statSync(absolutePath).isFile();
  } catch {
    return false;
  }
}

export type DocumentReadFailure = 'not-a-file' | 'too-large' | 'changed-while-reading' | 'unreadable';

export class DocumentReadError extends Error {
  constructor(
    readonly reason: DocumentReadFailure,
    readonly fileName: string,
  ) {
    super(`cannot open ${fileName}: ${reason}`);
    this.name = 'DocumentReadError';
  }
}

/**
 * Reads one document the operating system handed over, refusing anything that is not a regular
 * file or is larger than `maxBytes`. The size is checked on the opened handle, and a file that
 * grows while it is read is refused rather than cut short. Opens non-blocking so a named pipe
 * swapped in after the check cannot hang the app.
 */
export async function readDocumentFile(absolutePath: string, maxBytes: number): Promise<{ name: string; data: Uint8Array }> {
  const name = path.basename(absolutePath);
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  let handle;
  try {
    handle = await open(absolutePath, flags);
  } catch {
    throw new DocumentReadError('unreadable', name);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new DocumentReadError('not-a-file', name);
    if (stats.size > maxBytes) throw new DocumentReadError('too-large', name);
    // One byte more than expected tells a file that grew apart from one that did not.
    const buffer = new Uint8Array(stats.size + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled !== stats.size) throw new DocumentReadError('changed-while-reading', name);
    return { name, data: buffer.subarray(0, filled) };
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw new DocumentReadError('unreadable', name);
  } finally {
    await handle.close();
  }
}
