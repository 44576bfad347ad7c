/**
 * Loading a scan file and the definition it was made with: the released definition named by
 * method id + version (whose sha256 must match), or a draft given with `--form`.
 */
import { definitionHash, getDefinition, identifyDefinition, listReleases, registerLoadedMethod } from '../forms/registry';
import { isMethodFileJson, verifyMethodFile } from '../scoring/method-file';
import { loadedInfo } from './method-store';
import { methodStrings } from './method-strings';
import { validateDefinition, type QuickScanDefinition } from '../forms/schema';
import { ScanInputError } from '../scoring/errors';
import { ISSUED_LIMITS } from '../scoring/issued';
import { parseScanFile, type ScanFile, type ScanFileError } from '../scoring/scan-file';
import type { ScanInput } from '../scoring/score';
import type { CommandContext } from './command';
import { CliError } from './errors';
import type { Lang } from './strings';
import { definitionErrorText, fieldErrorsText, methodFileProblemText } from '../report/input-strings';
import { readJson } from './files';

/** How many schema issues the one-line reason shows. */
const SHOWN_ISSUES = 3;

export interface LoadedMethod {
  readonly definition: QuickScanDefinition;
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
  /**
   * `release`: a built-in release; `loaded`: a signed method file (the store or --form);
   * `draft`: a bare definition file given with --form.
   */
  readonly source: 'release' | 'loaded' | 'draft';
  /** For `loaded`: who published it. */
  readonly publisher?: { name: string; organisation: string; fingerprint: string; released: string };
  /** With --form: the draft's relation to the releases this build knows. */
  readonly draftStatus?: 'release' | 'altered' | 'unknown';
}

export interface LoadedScan {
  readonly file: ScanFile;
  readonly method: LoadedMethod;
  /** What scoring and optimising read. */
  readonly input: ScanInput;
}

export function describeIssues(errors: readonly ScanFileError[], lang: Lang): string {
  return fieldErrorsText(errors, lang, SHOWN_ISSUES);
}

/**
 * The first text of a scan file longer than the limits of an issued revision (scoring/issued.ts
 * ISSUED_LIMITS: names 500 characters, notes 20,000; at most 2,000 answers), as [where, limit];
 * a scan over them could not be issued, and its text is not written to the terminal.
 */
export interface ScanLimitExceeded {
  readonly where: string;
  readonly limit: number;
  readonly unit: 'characters' | 'entries';
}

const chars = (where: string, limit: number): ScanLimitExceeded => ({ where, limit, unit: 'characters' });
const entries = (where: string, limit: number): ScanLimitExceeded => ({ where, limit, unit: 'entries' });

export function scanOverLimit(file: ScanFile): ScanLimitExceeded | null {
  const short = ISSUED_LIMITS.shortText;
  const p = file.project;
  const fields: [string, string][] = [
    ['project.name', p.name],
    ['project.address', p.address],
    ['project.municipality', p.municipality],
    ['project.client', p.client],
    ['project.buildingType', p.buildingType],
    ['project.phase', p.phase],
    ['scan.name', file.scan.name],
    ['method.id', file.method.id],
    ['method.version', file.method.version],
  ];
  for (const [where, text] of fields) if (text.length > short) return chars(where, short);
  const answers = Object.entries(file.scan.answers);
  if (answers.length > ISSUED_LIMITS.answers) return entries('scan.answers', ISSUED_LIMITS.answers);
  for (const [question, a] of answers) {
    if (question.length > 100) return chars('scan.answers', 100);
    if ('level' in a && a.level.length > 100) return chars(`scan.answers.${question}.level`, 100);
    if ((a.note?.length ?? 0) > ISSUED_LIMITS.text) return chars(`scan.answers.${question}.note`, ISSUED_LIMITS.text);
    if ((a.evidence?.length ?? 0) > ISSUED_LIMITS.evidencePerAnswer) return entries(`scan.answers.${question}.evidence`, ISSUED_LIMITS.evidencePerAnswer);
    for (const e of a.evidence ?? []) if (e.name.length > short || e.type.length > short) return chars(`scan.answers.${question}.evidence`, short);
  }
  if ((file.scan.costOverrides?.length ?? 0) > ISSUED_LIMITS.costOverrides) return entries('scan.costOverrides', ISSUED_LIMITS.costOverrides);
  if ((file.scan.locked?.length ?? 0) > ISSUED_LIMITS.answers) return entries('scan.locked', ISSUED_LIMITS.answers);
  return null;
}

/** Reads and validates a scan file (exit 2 with the first issues when it fails the schema or a limit). */
export async function readScanFile(ctx: CommandContext, path: string): Promise<ScanFile> {
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const parsed = parseScanFile(json);
  if (!parsed.ok) throw new CliError(ctx.s.scanInvalid(path, parsed.errors.length, describeIssues(parsed.errors, ctx.lang)));
  const over = scanOverLimit(parsed.file);
  if (over) throw new CliError(ctx.s.scanOverLimit(path, over));
  return parsed.file;
}

/** The definition to score a scan with; `formPath` is the --form option. */
export async function resolveMethod(ctx: CommandContext, file: ScanFile, formPath: string | undefined): Promise<LoadedMethod> {
  const { s } = ctx;
  const { id, version, sha256 } = file.method;
  if (formPath === undefined) {
    let loaded;
    try {
      loaded = getDefinition(id, version);
    } catch (error) {
      // a damaged release in this build: not the user's input, but nothing can be scored
      throw new CliError(s.releaseBroken(id, version, error instanceof Error ? error.message.split('\n')[0]! : String(error)));
    }
    if (!loaded) {
      const known = listReleases().map((r) => `${r.id} ${r.version}`);
      throw new CliError(s.unknownMethodVersion(id, version, known));
    }
    if (loaded.sha256 !== sha256) throw new CliError(s.methodHashMismatch(id, version, sha256, loaded.sha256));
    if (loaded.loaded) {
      const l = loaded.loaded;
      ctx.warn(methodStrings(s).loadedMethodWarning(`${id} ${version}`, l.publisherName, l.publisherFingerprint));
      return { definition: loaded.definition, id, version, sha256, source: 'loaded', publisher: { name: l.publisherName, organisation: l.publisherOrganisation, fingerprint: l.publisherFingerprint, released: l.released } };
    }
    return { definition: loaded.definition, id, version, sha256, source: 'release' };
  }

  const json = await readJson({ cwd: ctx.io.cwd, s }, formPath);
  if (isMethodFileJson(json)) {
    const m = methodStrings(s);
    const check = verifyMethodFile(json);
    if (!check.ok) throw new CliError(m.methodFileProblem(formPath, check.problem, methodFileProblemText(check, ctx.lang)));
    const method = check.method;
    const d = method.definition;
    const registered = registerLoadedMethod(d, method.sha256, loadedInfo(method));
    if (!registered.ok) throw new CliError(m.registerProblem(`${d.id} ${d.version}`, registered.problem));
    if (d.id !== id || d.version !== version) ctx.warn(s.formOtherMethod(formPath, `${d.id} ${d.version}`, `${id} ${version}`));
    else if (method.sha256 !== sha256) ctx.warn(s.formOtherHash(formPath));
    ctx.warn(m.loadedMethodWarning(`${d.id} ${d.version}`, method.publisher.name, method.publisherFingerprint));
    return {
      definition: d,
      id: d.id,
      version: d.version,
      sha256: method.sha256,
      source: 'loaded',
      publisher: { name: method.publisher.name, organisation: method.publisher.organisation, fingerprint: method.publisherFingerprint, released: method.released },
    };
  }
  const result = validateDefinition(json);
  if (!result.ok) {
    const first = result.errors[0] ? definitionErrorText(result.errors[0], ctx.lang) : '';
    throw new CliError(s.formInvalid(formPath, result.errors.length, first));
  }
  const definition = result.definition;
  const draftHash = definitionHash(json);
  const identity = identifyDefinition(json);
  if (definition.id !== id || definition.version !== version) {
    ctx.warn(s.formOtherMethod(formPath, `${definition.id} ${definition.version}`, `${id} ${version}`));
  } else if (draftHash !== sha256) {
    ctx.warn(s.formOtherHash(formPath));
  }
  return { definition, id: definition.id, version: definition.version, sha256: draftHash, source: 'draft', draftStatus: identity.status };
}

/** Reads a scan file and its definition. */
export async function loadScan(ctx: CommandContext, path: string, formPath: string | undefined): Promise<LoadedScan> {
  const file = await readScanFile(ctx, path);
  const method = await resolveMethod(ctx, file, formPath);
  return {
    file,
    method,
    input: { project: file.project, answers: file.scan.answers, costOverrides: file.scan.costOverrides },
  };
}

/** Runs scoring code, turning a ScanInputError (unknown question or level, ...) into exit 2. */
export function withScanInput<T>(ctx: CommandContext, path: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ScanInputError) throw new CliError(ctx.s.scanInputError(path, error));
    throw error;
  }
}
