/**
 * The method a command is given: a file (a definition *.json, a signed *.quickscan-method.json,
 * a workbook *.xlsx) or `id@version` of a method this quickscan knows (a built-in release or a
 * method in the local store). Also the one place that writes a command's output file.
 */
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { definitionHash, getDefinition, listReleases } from '../forms/registry';
import { validateDefinition, type QuickScanDefinition } from '../forms/schema';
import { NotAWorkbookError, xlsxToDefinition } from '../forms/xlsx';
import { isMethodFileJson, verifyMethodFile } from '../scoring/method-file';
import type { CommandContext } from './command';
import { CliError } from './errors';
import { definitionErrorText, methodFileProblemText } from '../report/input-strings';
import { fileErrorReason, readBytes, readJson } from './files';
import { methodStrings } from './method-strings';

export interface GivenMethod {
  definition: QuickScanDefinition;
  sha256: string;
  /** Where it came from: `registry` (id@version) or `file`. */
  from: 'registry' | 'file';
}

const ID_AT_VERSION = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\S+)$/;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Reads a workbook into a definition; exit 2 naming the first cell problem. */
export async function readWorkbookDefinition(ctx: CommandContext, file: string): Promise<QuickScanDefinition> {
  const m = methodStrings(ctx.s);
  const bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, file);
  let result;
  try {
    result = await xlsxToDefinition(bytes);
  } catch (error) {
    if (error instanceof NotAWorkbookError) throw new CliError(m.notAWorkbook(file));
    throw error;
  }
  if (!result.ok) {
    if (!ctx.json) {
      ctx.out(m.workbookInvalid(file, result.errors.length));
      for (const e of result.errors) ctx.out(`  - ${m.workbookError(e)}`);
    } else {
      ctx.outJson({ valid: false, file, errors: result.errors.map((e) => ({ ...e, text: m.workbookError(e) })) });
    }
    throw new CliError(m.workbookFirst(file, result.errors.length, m.workbookError(result.errors[0]!)));
  }
  return result.definition;
}

export async function loadGivenMethod(ctx: CommandContext, arg: string): Promise<GivenMethod> {
  const m = methodStrings(ctx.s);
  const full = resolve(ctx.io.cwd, arg);
  if (!(await exists(full))) {
    const match = ID_AT_VERSION.exec(arg);
    const loaded = match ? getDefinition(match[1]!, match[2]!) : undefined;
    if (!loaded) throw new CliError(m.methodNotFound(arg, listReleases().map((r) => `${r.id}@${r.version}`)));
    return { definition: loaded.definition, sha256: loaded.sha256, from: 'registry' };
  }
  if (/\.xlsx$/i.test(arg)) {
    const definition = await readWorkbookDefinition(ctx, arg);
    return { definition, sha256: definitionHash(definition), from: 'file' };
  }
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, arg);
  if (isMethodFileJson(json)) {
    const check = verifyMethodFile(json);
    if (!check.ok) throw new CliError(m.methodFileProblem(arg, check.problem, methodFileProblemText(check, ctx.lang)));
    return { definition: check.method.definition, sha256: check.method.sha256, from: 'file' };
  }
  const result = validateDefinition(json);
  if (!result.ok) throw new CliError(m.methodInvalid(arg, result.errors.length, result.errors[0] ? definitionErrorText(result.errors[0], ctx.lang) : ''));
  return { definition: result.definition, sha256: definitionHash(json), from: 'file' };
}

/** Writes an output file; refuses to overwrite unless `force`. */
export async function writeOutput(ctx: CommandContext, file: string, data: Uint8Array | string, force: boolean): Promise<void> {
  const m = methodStrings(ctx.s);
  const full = resolve(ctx.io.cwd, file);
  try {
    await writeFile(full, data, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
    if (code === 'EEXIST') throw new CliError(m.outExists(file));
    throw new CliError(m.outWriteFailed(file, fileErrorReason(ctx.s, error)));
  }
}
