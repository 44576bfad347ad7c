/**
 * `quickscan verify <files...> [--trusted-keys <file>] [--trust-list <file>]... [--csv]`: checks
 * issued QuickScan PDFs, `.quickscan-issued.json` envelopes and scan files offline with
 * report/verify.ts, and prints each file's verdict (scoring/verdict.ts) with its reasons.
 * Exit 0 when every file passed, 1 when any failed, 3 when none failed but some are
 * indeterminate, 2 for bad input (a file that cannot be read at all, a bad trust list).
 */
import type { VerifyResult } from '../../report/verify';
import { VERDICT_HEADLINES, VERDICT_NAMES, anchorText, findingText, missingReasonText } from '../../report/verdict-strings';
import { csvDecimal, csvText } from '../../scoring/csv';
import { verdictExitCode, type Verdict } from '../../scoring/verdict';
import type { Command, CommandContext } from '../command';
import { STRINGS } from '../strings';
import { CliError, EXIT } from '../errors';
import { readBytes } from '../files';
import { formatScore } from '../format';
import { readAnchors, TRUST_OPTIONS, withKeyStatementHelp } from '../trust';
import { checkDossiers, splitDossiers } from './dossier';
import { PROFILE_VERIFY_OPTIONS, verifyWithProfile, wantsProfile, withProfileHelp } from './profile';

interface FileOutcome {
  readonly file: string;
  readonly result: VerifyResult | null;
  /** Why the file could not be read at all (missing, a directory, ...). */
  readonly readError?: string;
}

function resultJson(o: FileOutcome) {
  if (!o.result) return { file: o.file, verdict: null, status: 'unreadable', kind: 'unknown', error: o.readError };
  const { envelope: _envelope, ...rest } = o.result;
  return { file: o.file, ...rest };
}

/** The exit code of `verify` (also of `verify --profile`): bad input first, then the verdicts. */
export function verifyExitCode(verdicts: readonly (Verdict | null)[]): number {
  if (verdicts.some((v) => v === null)) return EXIT.badInput;
  return verdictExitCode(verdicts as Verdict[]);
}

/** The sentences for a result's reasons (what decided its verdict), in the chosen language. */
export function reasonLines(r: VerifyResult, lang: 'nl' | 'en'): string[] {
  const out: string[] = [];
  for (const reason of r.reasons) {
    const finding = r.findings.find((f) => f.code === reason);
    const text = finding ? findingText(finding) : missingReasonText(reason);
    if (text && !out.includes(text[lang])) out.push(text[lang]);
  }
  return out;
}

function anchorLine(r: VerifyResult, lang: 'nl' | 'en'): string {
  return r.signer?.anchor ? anchorText(r.signer.anchor)[lang] : '';
}

function printCsv(ctx: CommandContext, outcomes: readonly FileOutcome[]): void {
  // no `status`: the older outcome (`valid` for a sound file by an unknown signer) beside the verdict only misled
  const header = ['file', 'verdict', 'reasons', 'kind', 'reference_code', 'reference_code_form', 'project', 'phase', 'issued_at', 'total', 'label', 'signer_fingerprint', 'signer', 'anchor'];
  const rows = outcomes.map((o) => {
    const r = o.result;
    if (!r) return [o.file, '', 'file-unreadable', 'unknown', '', '', '', '', '', '', '', '', '', ''];
    return [
      o.file,
      r.verdict,
      r.reasons.join(' '),
      r.kind,
      r.referenceCode ?? '',
      r.referenceCodeForm ?? '',
      r.projectName ?? '',
      r.phase ?? '',
      r.issuedAt ?? '',
      r.score?.total === null || r.score?.total === undefined ? '' : csvDecimal(r.score.total, 1, ctx.lang),
      r.score?.label?.name[ctx.lang] ?? '',
      r.assessor?.fingerprint ?? '',
      r.assessor?.name ?? '',
      anchorLine(r, ctx.lang),
    ];
  });
  ctx.io.stdout(csvText([header, ...rows], ctx.lang));
}

export const verify: Command = {
  path: ['verify'],
  options: { ...TRUST_OPTIONS, csv: { type: 'boolean' }, ...PROFILE_VERIFY_OPTIONS },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  help: (s) => withKeyStatementHelp(s === STRINGS.nl ? 'nl' : 'en', withProfileHelp(s, s.help.verify)),
  async run(ctx) {
    const { s, lang } = ctx;
    const { anchors } = await readAnchors(ctx);
    if (wantsProfile(ctx)) return verifyWithProfile(ctx, { anchors });
    if (ctx.args.options.csv === true && ctx.json) throw new CliError(`--csv / --json`);
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
      outcomes.push({ file, result: await verifyFile(bytes, file, { anchors }) });
    }
    const code = verifyExitCode(outcomes.map((o) => o.result?.verdict ?? null));
    const count = (v: Verdict) => outcomes.filter((o) => o.result?.verdict === v).length;
    const checkedDossiers = await checkDossiers(ctx, outcomes, dossiers);

    if (ctx.json) {
      ctx.outJson({
        files: outcomes.map((o) => {
          const d = checkedDossiers.get(o);
          return { ...resultJson(o), ...(d ? { dossier: { file: d.fileName, ...d.counts, ...(d.check.ok ? { revisionMatches: d.check.revisionMatches, files: d.check.files } : { problem: d.check.problem }) } } : {}) };
        }),
        passed: count('passed'),
        indeterminate: count('indeterminate'),
        failed: count('failed'),
        unreadable: outcomes.filter((o) => !o.result).length,
      });
    } else if (ctx.args.options.csv === true) {
      printCsv(ctx, outcomes);
    } else {
      outcomes.forEach((o, i) => {
        if (i > 0) ctx.out('');
        if (!o.result) {
          ctx.out(`${o.file}: ${s.verifyStatus.unreadable}`, `  - ${o.readError}`);
          return;
        }
        const r = o.result;
        ctx.out(`${o.file}: ${VERDICT_NAMES[r.verdict][lang]}`, `  ${VERDICT_HEADLINES[r.verdict][lang]}`);
        const reasons = reasonLines(r, lang);
        for (const line of reasons) ctx.out(`  ! ${line}`);
        const facts: string[] = [];
        if (r.referenceCode) facts.push(r.referenceCodeForm === 'short' ? `${r.referenceCode} (${s.trust.shortForm})` : r.referenceCode);
        if (r.projectName) facts.push(r.projectName);
        if (r.phase) facts.push(`${s.phase} ${r.phase}`);
        if (r.issuedAt) facts.push(s.issuedAt(r.issuedAt));
        if (r.score) facts.push(`${s.total.toLowerCase()} ${formatScore(r.score.total, lang)}`);
        if (r.assessor) facts.push(s.trust.signerLine(r.assessor.fingerprint));
        if (facts.length > 0) ctx.out(`  ${facts.join(' · ')}`);
        if (r.profile && !r.profile.authorityTrusted) ctx.out(`  ! ${s.trust.profileAuthorityUnconfirmed(r.profile.contractingAuthority, r.profile.fingerprint || '?')}`);
        for (const m of r.messages) if (!reasons.includes(m[lang])) ctx.out(`  - ${m[lang]}`);
        for (const m of checkedDossiers.get(o)?.messages ?? []) ctx.out(`  - ${m[lang]}`);
      });
      if (outcomes.length > 1) ctx.out('', s.trust.verdictSummary(count('passed'), count('indeterminate'), count('failed')));
    }
    // a file that cannot be read at all is bad input: one line on standard error too
    const unreadable = outcomes.filter((o) => !o.result).map((o) => o.file);
    if (unreadable.length > 0) ctx.error(s.verifyUnreadable(unreadable));
    return code;
  },
};
