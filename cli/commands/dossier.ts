/**
 * `quickscan dossier <issued.pdf | .quickscan-issued.json> <evidence files or folders...> [--out <file>]`:
 * writes the evidence dossier of an issued revision (scoring/dossier.ts): a zip with every
 * evidence file the signed answers name, found among the given files and folders by SHA-256,
 * and a manifest bound to the revision. `quickscan verify <pdf> <dossier>` checks it.
 *
 * Also the dossier part of `quickscan verify`: zip files among its arguments are dossiers,
 * paired with the verified file whose content hash their manifest names.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sha256Hex } from '../../forms/hash';
import type { VerifiedDossier } from '../../report/dossier';
import type { VerifyResult } from '../../report/verify';
import { buildDossier, DOSSIER_FILE_SUFFIX, DOSSIER_LIMITS, evidenceReferences } from '../../scoring/dossier';
import { looksLikeZip } from '../../scoring/zip';
import type { Command, CommandContext, CommandHelp } from '../command';
import { CliError, EXIT } from '../errors';
import { fileErrorReason, readBytes } from '../files';
import { langOf } from './diff';
import { readIssued } from './issued-input';

const TEXTS = {
  en: {
    help: {
      usage: 'quickscan dossier <issued.pdf | file.quickscan-issued.json> <evidence file or folder>... [--out <file>] [--json] [--lang nl|en]',
      summary: 'Write the evidence dossier of an issued revision: its evidence files in one zip, bound to the revision',
      description: [
        'The signed revision names each evidence file with its SHA-256. This command looks for those files among the files and folders given (folders are searched through), by their SHA-256, and writes them with a manifest (dossier.json) naming the revision into one zip. Files the revision does not name are left out; a named file that is not found is reported.',
        '`quickscan verify <pdf> <dossier>` checks a dossier against its PDF. Without --out the file is <reference code>.quickscan-dossier.zip in the current folder.',
        'Exit 0 when written (also when some files were not found: they are listed); 2 when a file cannot be read or the revision is not intact.',
      ],
      options: [['--out <file>', 'where to write the dossier']] as (readonly [string, string])[],
      examples: ['quickscan dossier issued.pdf evidence/ --out issued.quickscan-dossier.zip', 'quickscan verify issued.pdf issued.quickscan-dossier.zip'],
    },
    wrote: (file: string, included: number, named: number) => `Wrote ${file}: ${included} of the ${named} evidence files the revision names`,
    notFound: (name: string, questions: string) => `  not found: ${name} (${questions})`,
    writeFailed: (file: string, reason: string) => `${file}: cannot write: ${reason}`,
    unpaired: (file: string) => `${file}: an evidence dossier for none of the files verified here`,
  },
  nl: {
    help: {
      usage: 'quickscan dossier <uitgegeven.pdf | bestand.quickscan-issued.json> <bewijsbestand of map>... [--out <bestand>] [--json] [--lang nl|en]',
      summary: 'Maak het bewijsdossier van een uitgegeven revisie: haar bewijsbestanden in één zip, gebonden aan de revisie',
      description: [
        'De ondertekende revisie noemt elk bewijsbestand met zijn SHA-256. Deze opdracht zoekt die bestanden tussen de opgegeven bestanden en mappen (mappen worden doorzocht), op hun SHA-256, en schrijft ze met een overzicht (dossier.json) dat de revisie noemt in één zip. Bestanden die de revisie niet noemt blijven buiten; een genoemd bestand dat niet gevonden wordt, wordt gemeld.',
        '`quickscan verify <pdf> <dossier>` controleert een dossier tegen zijn pdf. Zonder --out heet het bestand <referentiecode>.quickscan-dossier.zip in de huidige map.',
        'Exitcode 0 als het bestand is geschreven (ook als niet alle bestanden gevonden zijn: die worden genoemd); 2 als een bestand niet gelezen kan worden of de revisie niet ongewijzigd is.',
      ],
      options: [['--out <bestand>', 'waar het dossier komt']] as (readonly [string, string])[],
      examples: ['quickscan dossier uitgegeven.pdf bewijs/ --out uitgegeven.quickscan-dossier.zip', 'quickscan verify uitgegeven.pdf uitgegeven.quickscan-dossier.zip'],
    },
    wrote: (file: string, included: number, named: number) => `${file} geschreven: ${included} van de ${named} bewijsbestanden die de revisie noemt`,
    notFound: (name: string, questions: string) => `  niet gevonden: ${name} (${questions})`,
    writeFailed: (file: string, reason: string) => `${file}: kan niet schrijven: ${reason}`,
    unpaired: (file: string) => `${file}: een bewijsdossier bij geen van de hier geverifieerde bestanden`,
  },
} as const;

/** Every regular file under the given paths (folders searched through), at most `limit` of them. */
async function filesUnder(ctx: CommandContext, paths: readonly string[], limit = DOSSIER_LIMITS.maxFiles * 10): Promise<string[]> {
  const out: string[] = [];
  const walk = async (path: string): Promise<void> => {
    if (out.length >= limit) return;
    const full = resolve(ctx.io.cwd, path);
    const info = await stat(full).catch(() => null);
    if (info?.isDirectory()) {
      for (const name of (await readdir(full)).sort()) await walk(join(path, name));
    } else out.push(path);
  };
  for (const p of paths) await walk(p);
  return out;
}

export const dossierCommand: Command = {
  path: ['dossier'],
  options: { out: { type: 'string' } },
  positionals: { min: 2, max: Number.POSITIVE_INFINITY },
  help: (s): CommandHelp => TEXTS[langOf(s)].help,
  async run(ctx) {
    const t = TEXTS[ctx.lang];
    const [file, ...evidencePaths] = ctx.args.positionals as [string, ...string[]];
    const issued = await readIssued(ctx, file);
    const env = issued.envelope;
    const wanted = new Set(evidenceReferences(env.content).map((r) => r.sha256));
    const found = new Map<string, Uint8Array>();
    for (const path of await filesUnder(ctx, evidencePaths)) {
      const full = resolve(ctx.io.cwd, path);
      const info = await stat(full);
      if (!info.isFile() || info.size > DOSSIER_LIMITS.maxFileBytes) continue;
      const bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, path);
      const hash = sha256Hex(bytes);
      if (wanted.has(hash)) found.set(hash, bytes);
    }
    const built = buildDossier(env, found);
    const out = (ctx.args.options.out as string | undefined) ?? `${env.referenceCode}${DOSSIER_FILE_SUFFIX}`;
    if (out === '') throw new CliError(ctx.s.fileNameEmpty);
    try {
      await writeFile(resolve(ctx.io.cwd, out), built.bytes);
    } catch (error) {
      throw new CliError(t.writeFailed(out, fileErrorReason(ctx.s, error)));
    }
    if (ctx.json) {
      ctx.outJson({ file: out, revision: built.manifest.revision, files: built.manifest.files, missing: built.missing });
    } else {
      ctx.out(t.wrote(out, built.manifest.files.length, wanted.size), ...built.missing.map((m) => t.notFound(m.name, m.questions.join(', '))));
    }
    return EXIT.ok;
  },
};

/** `verify`: the zip files among its arguments (dossiers) and the rest. */
export async function splitDossiers(ctx: CommandContext, files: readonly string[]): Promise<{ files: string[]; dossiers: { fileName: string; bytes: Uint8Array }[] }> {
  const rest: string[] = [];
  const dossiers: { fileName: string; bytes: Uint8Array }[] = [];
  for (const f of files) {
    if (/\.zip$/i.test(f)) {
      const bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, f).catch(() => null);
      if (bytes && looksLikeZip(bytes)) {
        dossiers.push({ fileName: f, bytes });
        continue;
      }
    }
    rest.push(f);
  }
  return { files: rest, dossiers };
}

/** `verify`: each dossier checked against the verified file it names; warns about the others. */
export async function checkDossiers<T extends { file: string; result: VerifyResult | null }>(ctx: CommandContext, outcomes: readonly T[], dossiers: readonly { fileName: string; bytes: Uint8Array }[]): Promise<Map<T, VerifiedDossier>> {
  const { pairDossiers, verifyDossier } = await import('../../report/dossier');
  const checked = new Map<T, VerifiedDossier>();
  const pairs = pairDossiers(outcomes, dossiers);
  for (const [o, d] of pairs) checked.set(o, verifyDossier(o.result!, d.fileName, d.bytes));
  for (const d of dossiers) if (![...pairs.values()].includes(d)) ctx.warn(TEXTS[ctx.lang].unpaired(d.fileName));
  return checked;
}
