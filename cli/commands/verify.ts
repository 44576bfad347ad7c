/**
 * `quickscan verify <files...> [--trusted-keys <file>]`: checks issued QuickScan PDFs,
 * `.quickscan-issued.json` envelopes and scan files offline with report/verify.ts.
 * Exit 0 when every file is valid, 1 when any is not, 2 when any cannot be read.
 */
import * as z from 'zod';
import { isValidPublicKey, keyFingerprint, PUBLIC_KEY_B64U_PATTERN } from '../../scoring/signature';
import type { TrustedKey, VerifyResult } from '../../report/verify';
import type { Command, CommandContext } from '../command';
import { CliError, EXIT } from '../errors';
import { readBytes, readJson } from '../files';
import { formatScore } from '../format';
import { checkDossiers, splitDossiers } from './dossier';
import { PROFILE_VERIFY_OPTIONS, verifyWithProfile, wantsProfile, withProfileHelp } from './profile';

const keySchema = z.object({
  publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN).refine(isValidPublicKey),
  label: z.string().optional(),
});
const keysFileSchema = z.union([z.array(keySchema), z.object({ keys: z.array(keySchema) }), keySchema]);

/** Reads a trusted-keys file: a list of `{ publicKey, label }`, `{ keys: [...] }`, or one key. */
export async function readTrustedKeys(ctx: CommandContext, path: string): Promise<TrustedKey[]> {
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const parsed = keysFileSchema.safeParse(json);
  if (!parsed.success) throw new CliError(ctx.s.trustedKeysInvalid(path));
  const list = Array.isArray(parsed.data) ? parsed.data : 'keys' in parsed.data ? parsed.data.keys : [parsed.data];
  return list.map((k) => ({ publicKey: k.publicKey, label: k.label?.trim() || keyFingerprint(k.publicKey) }));
}

interface FileOutcome {
  readonly file: string;
  readonly result: VerifyResult | null;
  /** Why the file could not be read at all (missing, a directory, ...). */
  readonly readError?: string;
}

function resultJson(o: FileOutcome) {
  if (!o.result) return { file: o.file, status: 'unreadable', kind: 'unknown', error: o.readError };
  const { envelope: _envelope, ...rest } = o.result;
  return { file: o.file, ...rest };
}

function exitCode(outcomes: readonly FileOutcome[]): number {
  if (outcomes.some((o) => !o.result || o.result.status === 'unreadable')) return EXIT.badInput;
  if (outcomes.some((o) => o.result!.status !== 'valid')) return EXIT.notValid;
  return EXIT.ok;
}

export const verify: Command = {
  path: ['verify'],
  options: { 'trusted-keys': { type: 'string' }, ...PROFILE_VERIFY_OPTIONS },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  help: (s) => withProfileHelp(s, s.help.verify),
  async run(ctx) {
    const { s, lang } = ctx;
    const keysPath = ctx.args.options['trusted-keys'] as string | undefined;
    const trustedKeys = keysPath === undefined ? undefined : await readTrustedKeys(ctx, keysPath);
    if (wantsProfile(ctx)) return verifyWithProfile(ctx, trustedKeys);
    // loaded on demand: the PDF libraries are only needed here
    const { verifyFile } = await import('../../report/verify');
    const outcomes: FileOutcome[] = [];
    // zip files among the arguments are evidence dossiers, checked against the file they name
    const { files, dossiers } = await splitDossiers(ctx, ctx.args.positionals);
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = await readBytes({ cwd: ctx.io.cwd, s }, file);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        outcomes.push({ file, result: null, readError: error.message });
        continue;
      }
      outcomes.push({ file, result: await verifyFile(bytes, file, { trustedKeys }) });
    }
    const code = exitCode(outcomes);
    const checkedDossiers = await checkDossiers(ctx, outcomes, dossiers);

    if (ctx.json) {
      ctx.outJson({
        files: outcomes.map((o) => {
          const d = checkedDossiers.get(o);
          return { ...resultJson(o), ...(d ? { dossier: { file: d.fileName, ...d.counts, ...(d.check.ok ? { revisionMatches: d.check.revisionMatches, files: d.check.files } : { problem: d.check.problem }) } } : {}) };
        }),
        valid: outcomes.filter((o) => o.result?.status === 'valid').length,
        notValid: outcomes.filter((o) => o.result && o.result.status !== 'valid' && o.result.status !== 'unreadable').length,
        unreadable: outcomes.filter((o) => !o.result || o.result.status === 'unreadable').length,
      });
    } else {
      outcomes.forEach((o, i) => {
        if (i > 0) ctx.out('');
        if (!o.result) {
          ctx.out(`${o.file}: ${s.verifyStatus.unreadable}`, `  - ${o.readError}`);
          return;
        }
        const r = o.result;
        ctx.out(`${o.file}: ${s.verifyStatus[r.status]}`);
        const facts: string[] = [];
        if (r.referenceCode) facts.push(r.referenceCode);
        if (r.projectName) facts.push(r.projectName);
        if (r.phase) facts.push(`${s.phase} ${r.phase}`);
        if (r.issuedAt) facts.push(s.issuedAt(r.issuedAt));
        if (r.score) facts.push(`${s.total.toLowerCase()} ${formatScore(r.score.total, lang)}`);
        if (facts.length > 0) ctx.out(`  ${facts.join(' · ')}`);
        for (const m of r.messages) ctx.out(`  - ${m[lang]}`);
        for (const m of checkedDossiers.get(o)?.messages ?? []) ctx.out(`  - ${m[lang]}`);
      });
    }
    // a file that cannot be read is bad input: one line on standard error too
    if (code === EXIT.badInput) {
      const bad = outcomes.filter((o) => !o.result || o.result.status === 'unreadable').map((o) => o.file);
      ctx.error(s.verifyUnreadable(bad));
    }
    return code;
  },
};
