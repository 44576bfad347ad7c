/**
 * The command line's method store: signed method files the user added with `quickscan form add`,
 * kept for ever in a folder (`$QUICKSCAN_HOME/methods`, else `$XDG_CONFIG_HOME/quickscan/methods`,
 * else `~/.config/quickscan/methods`; on Windows `%APPDATA%\quickscan\methods`). Every command
 * loads them into the registry at start, so `score`, `verify` and `form diff` know them; a file
 * that no longer verifies is skipped with a warning, never used.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { registerLoadedMethod, type LoadedMethodInfo } from '../forms/registry';
import { methodFileJsonText, verifyMethodFile, METHOD_FILE_SUFFIX, MAX_METHOD_FILE_BYTES, type VerifiedMethodFile } from '../scoring/method-file';

export function methodStoreDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.QUICKSCAN_HOME) return join(env.QUICKSCAN_HOME, 'methods');
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'quickscan', 'methods');
  const config = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(config, 'quickscan', 'methods');
}

export function loadedInfo(method: VerifiedMethodFile): LoadedMethodInfo {
  return {
    publisherName: method.publisher.name,
    publisherOrganisation: method.publisher.organisation,
    publisherFingerprint: method.publisherFingerprint,
    released: method.released,
    signedAt: method.signedAt,
    file: method.file,
  };
}

export interface StoreProblem {
  file: string;
  problem: string;
}

let loadedFrom: string | undefined;

/** Loads every method file of the store into the registry (once per folder). */
export async function loadMethodStore(env: Readonly<Record<string, string | undefined>>): Promise<{ methods: VerifiedMethodFile[]; problems: StoreProblem[] }> {
  const dir = methodStoreDir(env);
  const methods: VerifiedMethodFile[] = [];
  const problems: StoreProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(METHOD_FILE_SUFFIX)).sort();
  } catch {
    return { methods, problems }; // no store yet
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const bytes = await readFile(path);
      if (bytes.length > MAX_METHOD_FILE_BYTES) {
        problems.push({ file: path, problem: 'too-large' });
        continue;
      }
      const check = verifyMethodFile(new TextDecoder().decode(bytes));
      if (!check.ok) {
        problems.push({ file: path, problem: check.problem });
        continue;
      }
      const registered = registerLoadedMethod(check.method.definition, check.method.sha256, loadedInfo(check.method));
      if (!registered.ok) {
        problems.push({ file: path, problem: registered.problem });
        continue;
      }
      methods.push(check.method);
    } catch {
      problems.push({ file: path, problem: 'unreadable' });
    }
  }
  loadedFrom = dir;
  return { methods, problems };
}

export function storeLoaded(env: Readonly<Record<string, string | undefined>>): boolean {
  return loadedFrom === methodStoreDir(env);
}

/** The store's file name of a method. */
export function storeFileName(method: VerifiedMethodFile): string {
  return `${method.definition.id}@${method.definition.version}${METHOD_FILE_SUFFIX}`;
}

/** Adds a verified method to the store; `exists` when the same id@version is there already. */
export async function addToStore(env: Readonly<Record<string, string | undefined>>, method: VerifiedMethodFile): Promise<{ path: string; added: boolean }> {
  const dir = methodStoreDir(env);
  await mkdir(dir, { recursive: true });
  const path = join(dir, storeFileName(method));
  try {
    await writeFile(path, methodFileJsonText(method.file), { flag: 'wx' });
    return { path, added: true };
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EEXIST') return { path, added: false };
    throw error;
  }
}
