/**
 * Key rotation and revocation on the command line (docs/key-statements.md):
 *
 * - `quickscan key rotate --key <old key file> --out <new key file> [--date …] [--name …]
 *   [--organisation …] [--note …] [--alg ES256|EdDSA] [--label …] [--statement <file>]`: a new
 *   private key file (+ its public key file) and a rotation statement signed by the old key and
 *   countersigned by the new one.
 * - `quickscan key revoke --key <key file> --reason <reason> [--date …] [--name …]
 *   [--organisation …] [--note …] [--out <file>]`: a revocation statement signed by that key.
 *
 * Every check is made before anything is written: a bad key file, date or reason, or an output
 * file that exists, is exit 2 with one line and no file.
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { makePrivateKeyFile, makePublicKeyFile, publicKeyFileText } from '../../scoring/key-file';
import {
  KEY_STATEMENT_FILE_SUFFIX,
  keyStatementJsonText,
  privateJwkSigner,
  signKeyRevocation,
  signKeyRotation,
  type KeyRevocationContent,
  type KeyRotationContent,
} from '../../scoring/key-statements';
import { generatePrivateJwk, type KeyAlgorithm } from '../../scoring/keys';
import { REVOCATION_REASONS, type RevocationReason } from '../../scoring/trust';
import type { Command, CommandContext } from '../command';
import { CliError, EXIT } from '../errors';
import { keyStatementStrings } from '../key-statement-strings';
import { writeNewFile } from '../files';
import { readKeyFile } from '../trust';
import { langOf } from './diff';
import { dateOption, writeNew } from './trust';

const stem = (path: string) => path.replace(/(\.quickscan-key)?\.json$/i, '');

async function exists(ctx: CommandContext, path: string): Promise<boolean> {
  return access(resolve(ctx.io.cwd, path)).then(
    () => true,
    () => false,
  );
}

/** Writes a statement file; never over an existing file. */
async function writeStatement(ctx: CommandContext, path: string, text: string): Promise<void> {
  if (!(await writeNewFile(resolve(ctx.io.cwd, path), text))) throw new CliError(keyStatementStrings(ctx.lang).statementExists(path));
}

function holder(ctx: CommandContext, label: string): { name: string; organisation: string; note?: string } {
  const o = ctx.args.options as Record<string, string | undefined>;
  const name = (o.name ?? label).trim();
  if (!name) throw new CliError(keyStatementStrings(ctx.lang).nameNeeded);
  return { name, organisation: (o.organisation ?? '').trim(), ...(o.note?.trim() ? { note: o.note.trim() } : {}) };
}

export const keyRotateCommand: Command = {
  path: ['key', 'rotate'],
  options: {
    key: { type: 'string' },
    out: { type: 'string' },
    date: { type: 'string' },
    name: { type: 'string' },
    organisation: { type: 'string' },
    note: { type: 'string' },
    alg: { type: 'string' },
    label: { type: 'string' },
    statement: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  help: (s) => keyStatementStrings(langOf(s)).rotateHelp,
  async run(ctx) {
    const k = keyStatementStrings(ctx.lang);
    const o = ctx.args.options as Record<string, string | undefined>;
    if (!o.key) throw new CliError(ctx.s.missingValue('--key'));
    if (!o.out) throw new CliError(ctx.s.missingValue('--out'));
    if (resolve(ctx.io.cwd, o.key) === resolve(ctx.io.cwd, o.out)) throw new CliError(k.sameOut);
    const alg = (o.alg ?? 'ES256') as KeyAlgorithm;
    if (alg !== 'ES256' && alg !== 'EdDSA') throw new CliError(ctx.s.trust.badAlg(String(alg)));
    const old = await readKeyFile(ctx, o.key);
    const now = new Date().toISOString();
    const effectiveAt = dateOption(ctx, '--date', o.date, now);
    const who = holder(ctx, old.label);
    const publicPath = `${stem(o.out)}.public.json`;
    const statementPath = o.statement ?? `${stem(o.out)}.rotation${KEY_STATEMENT_FILE_SUFFIX}`;
    if (await exists(ctx, o.out)) throw new CliError(ctx.s.trust.outExists(o.out));
    if (await exists(ctx, statementPath)) throw new CliError(k.statementExists(statementPath));

    const fresh = makePrivateKeyFile(generatePrivateJwk(alg), (o.label ?? old.label).trim(), now);
    const content: KeyRotationContent = {
      format: 'quickscan-key-statement',
      formatVersion: 1,
      statement: 'key-rotation',
      oldKey: old.publicKey,
      newKey: fresh.publicKey,
      effectiveAt,
      issuedAt: now,
      ...who,
    };
    const envelope = await signKeyRotation(content, privateJwkSigner(old.privateKey), privateJwkSigner(fresh.privateKey));
    await writeNew(ctx, o.out, `${JSON.stringify(fresh, null, 2)}\n`, true);
    await writeNew(ctx, publicPath, publicKeyFileText(makePublicKeyFile(fresh.publicKey, fresh.label || fresh.fingerprint)));
    await writeStatement(ctx, statementPath, keyStatementJsonText(envelope));
    ctx.warn(ctx.s.trust.keySecretWarning);
    if (ctx.json) ctx.outJson({ file: o.out, publicFile: publicPath, statement: statementPath, oldFingerprint: old.fingerprint, fingerprint: fresh.fingerprint, alg, effectiveAt, contentHash: envelope.contentHash });
    else ctx.out(k.rotated(o.out, fresh.fingerprint, statementPath, old.fingerprint, effectiveAt.slice(0, 10)), ctx.s.trust.keyPublicWritten(publicPath));
    return EXIT.ok;
  },
};

export const keyRevokeCommand: Command = {
  path: ['key', 'revoke'],
  options: {
    key: { type: 'string' },
    reason: { type: 'string' },
    date: { type: 'string' },
    name: { type: 'string' },
    organisation: { type: 'string' },
    note: { type: 'string' },
    out: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  help: (s) => keyStatementStrings(langOf(s)).revokeHelp,
  async run(ctx) {
    const k = keyStatementStrings(ctx.lang);
    const o = ctx.args.options as Record<string, string | undefined>;
    if (!o.key) throw new CliError(ctx.s.missingValue('--key'));
    if (!o.reason) throw new CliError(ctx.s.missingValue('--reason'));
    if (!(REVOCATION_REASONS as readonly string[]).includes(o.reason)) throw new CliError(ctx.s.trust.badReason(o.reason, REVOCATION_REASONS));
    const file = await readKeyFile(ctx, o.key);
    const now = new Date().toISOString();
    const revokedAt = dateOption(ctx, '--date', o.date, now);
    const who = holder(ctx, file.label);
    const out = o.out ?? `${stem(o.key)}.revocation${KEY_STATEMENT_FILE_SUFFIX}`;
    if (await exists(ctx, out)) throw new CliError(k.statementExists(out));
    const content: KeyRevocationContent = {
      format: 'quickscan-key-statement',
      formatVersion: 1,
      statement: 'key-revocation',
      key: file.publicKey,
      revokedAt,
      reason: o.reason as RevocationReason,
      issuedAt: now,
      ...who,
    };
    const envelope = await signKeyRevocation(content, privateJwkSigner(file.privateKey));
    await writeStatement(ctx, out, keyStatementJsonText(envelope));
    if (ctx.json) ctx.outJson({ statement: out, fingerprint: file.fingerprint, revokedAt, reason: o.reason, contentHash: envelope.contentHash });
    else ctx.out(k.revoked(out, file.fingerprint, revokedAt.slice(0, 10), o.reason));
    return EXIT.ok;
  },
};

export const KEY_STATEMENT_COMMANDS: readonly Command[] = [keyRotateCommand, keyRevokeCommand];
