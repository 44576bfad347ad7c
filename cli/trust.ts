/**
 * The trust anchors of a command line run: `--trusted-keys <file>` (the user's own list) and
 * `--trust-list <file>` (repeatable; signed trust lists). Naming a file on the command line is
 * the user's explicit choice, so a trust list's operator counts as added by the user; the
 * operator's name and fingerprint are printed so that it can be compared. A bad list (damaged,
 * altered, wrongly signed, revoked operator) is bad input (exit 2), with one message; an expired
 * list is used, with a warning (its signers come out indeterminate).
 *
 * `--key-statement <file>` (repeatable) adds key rotation and revocation statements
 * (scoring/key-statements.ts). Naming a rotation on the command line is the user's confirmation
 * of it (said in --help); a statement that does not check out is bad input (exit 2).
 */
import { readPrivateKeyFile, readTrustedKeysList, type PrivateKeyFile } from '../scoring/key-file';
import { toPublicJwk, type PublicJwk } from '../scoring/keys';
import { verifyKeyStatement, withKeyStatements, type VerifiedKeyStatement } from '../scoring/key-statements';
import { verifyTrustList, type TrustAnchors, type VerifiedTrustList } from '../scoring/trust';
import type { CommandContext, CommandHelp } from './command';
import { CliError } from './errors';
import type { Lang } from './strings';
import type { FieldError } from '../scoring/parse-json';
import { fieldErrorText } from '../report/input-strings';
import { readBytes, readJson } from './files';
import { keyStatementStrings } from './key-statement-strings';

export const TRUST_OPTIONS = {
  'trusted-keys': { type: 'string' },
  'trust-list': { type: 'string', multiple: true },
  'key-statement': { type: 'string', multiple: true },
} as const;

/** A command's help with the `--key-statement` option (and what naming a rotation means). */
export function withKeyStatementHelp(lang: 'nl' | 'en', help: CommandHelp): CommandHelp {
  const option = keyStatementStrings(lang).verifyOption;
  return { ...help, usage: help.usage.replace(/ \[--json/, ` [${option[0]}]... [--json`), options: [...help.options, option] };
}

/** Reads and checks one key statement file; throws CliError (exit 2) when it cannot be used. */
export async function readKeyStatement(ctx: CommandContext, path: string, quiet = false): Promise<VerifiedKeyStatement> {
  const k = keyStatementStrings(ctx.lang);
  const bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const check = verifyKeyStatement(bytes);
  if (!check.ok) {
    const detail = check.problem === 'malformed' ? detailOf(check.errors, ctx.lang) : (check.detail ?? '?');
    throw new CliError(k.problem[check.problem](path, detail));
  }
  const st = check.statement;
  if (!quiet && !ctx.json) {
    if (st.kind === 'key-rotation') ctx.error(k.loadedRotation(path, st.oldFingerprint, st.newFingerprint, st.content.effectiveAt.slice(0, 10), st.content.name));
    else ctx.error(k.loadedRevocation(path, st.fingerprint, st.content.revokedAt.slice(0, 10), st.content.reason, st.content.name));
  }
  return st;
}

function detailOf(errors: readonly FieldError[] | undefined, lang: Lang): string {
  const first = errors?.[0];
  return first ? fieldErrorText(first, lang) : '?';
}

/** Reads and checks one trust list file; throws CliError (exit 2) when it cannot be used. */
export async function readTrustList(ctx: CommandContext, path: string, now: Date, quiet = false): Promise<VerifiedTrustList> {
  const t = ctx.s.trust;
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const check = verifyTrustList(json, { now });
  if (!check.ok) {
    const p = t.trustListProblem;
    switch (check.problem) {
      case 'malformed':
        throw new CliError(p.malformed(path, detailOf(check.errors, ctx.lang)));
      case 'data-altered':
        throw new CliError(p['data-altered'](path));
      case 'signature-invalid':
        throw new CliError(p['signature-invalid'](path));
      case 'operator-not-trusted':
        throw new CliError(p['operator-not-trusted'](path, check.operatorFingerprint ?? '?'));
      case 'operator-revoked':
        throw new CliError(p['operator-revoked'](path, check.operatorFingerprint ?? '?'));
    }
  }
  const c = check.list.content;
  if (!quiet && !ctx.json) ctx.error(t.trustListLoaded(path, c.name, c.sequence, c.operator.name, check.list.operatorFingerprint, c.entries.length));
  if (check.expired) ctx.warn(t.trustListExpired(path, c.validUntil.slice(0, 10)));
  if (check.notYetIssued) ctx.warn(t.trustListNotYetIssued(path, c.issuedAt));
  return check.list;
}

/** The anchors of `--trusted-keys` and `--trust-list`; `undefined` keys/lists when none was given. */
export async function readAnchors(ctx: CommandContext, now: Date = new Date()): Promise<{ anchors: TrustAnchors; given: boolean }> {
  const keysPath = ctx.args.options['trusted-keys'] as string | undefined;
  const listPaths = (ctx.args.options['trust-list'] as string[] | undefined) ?? [];
  const keys = [];
  if (keysPath !== undefined) {
    const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, keysPath);
    const list = readTrustedKeysList(json);
    if (!list) throw new CliError(ctx.s.trust.trustedKeysInvalid(keysPath));
    keys.push(...list);
  }
  const lists: VerifiedTrustList[] = [];
  for (const path of listPaths) lists.push(await readTrustList(ctx, path, now));
  const statementPaths = (ctx.args.options['key-statement'] as string[] | undefined) ?? [];
  const statements: VerifiedKeyStatement[] = [];
  for (const path of statementPaths) statements.push(await readKeyStatement(ctx, path));
  return { anchors: withKeyStatements({ keys, lists }, statements), given: keysPath !== undefined || listPaths.length > 0 || statementPaths.length > 0 };
}

/** Reads a private key file for signing; throws CliError with the reason when it is not one. */
export async function readKeyFile(ctx: CommandContext, path: string): Promise<PrivateKeyFile> {
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const read = readPrivateKeyFile(json);
  if (read.ok) return read.file;
  const p = ctx.s.trust.keyFileProblem;
  if (read.problem === 'invalid') throw new CliError(p.invalid(path, detailOf(read.errors, ctx.lang)));
  throw new CliError(p[read.problem](path));
}

/** A public key from a public key file, a private key file (its public half) or a bare JWK. */
export async function readPublicKey(ctx: CommandContext, path: string): Promise<{ key: PublicJwk; label: string }> {
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const priv = readPrivateKeyFile(json);
  if (priv.ok) return { key: priv.file.publicKey, label: priv.file.label };
  const list = readTrustedKeysList(json);
  if (list && list.length === 1) return list[0]!;
  const bare = toPublicJwk(json);
  if (bare) return { key: bare, label: '' };
  throw new CliError(ctx.s.trust.notAPublicKey(path));
}
