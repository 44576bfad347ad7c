/**
 * `quickscan revalidation <earlier> <later> [--lang nl|en] [--out file.pdf] [--trusted-keys <file>]`:
 * writes the re-validation PDF (report/revalidation.ts) of two issued revisions — A the earlier
 * (e.g. the one cited in the bid), B the later (e.g. at delivery) — each an issued PDF or a
 * `.quickscan-issued.json` envelope. The PDF carries both signed revisions, so `quickscan verify`
 * checks it offline.
 *
 * Each file is verified first (report/verify.ts). A file whose signed data was altered or whose
 * signature does not fit, a scan file (not signed), an unknown method version or an unreadable
 * file gives exit 2 and nothing is written: the document would not verify. A file whose pages
 * were altered (the data is intact) is used with a warning; an untrusted key with a warning.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getDefinition } from '../../forms/registry';
import { verifyMessages as M } from '../../report/strings';
import type { VerifyOptions, VerifyResult } from '../../report/verify';
import { compareRevisions } from '../../scoring/compare';
import { checkDossier } from '../../scoring/dossier';
import type { AnyIssuedEnvelope } from '../../scoring/issued';
import type { Command, CommandContext, CommandHelp } from '../command';
import { CliError, EXIT } from '../errors';
import { fileErrorReason, readBytes } from '../files';
import { formatScore } from '../format';
import type { Lang } from '../strings';
import { langOf } from './diff';
import { readAnchors, TRUST_OPTIONS, withKeyStatementHelp } from '../trust';

const TEXTS = {
  en: {
    help: {
      usage: 'quickscan revalidation <earlier> <later> [--out <file.pdf>] [--dossier <later.quickscan-dossier.zip>] [--trusted-keys <file>] [--json] [--lang nl|en]',
      summary: 'Write the re-validation PDF of two issued revisions: promised versus delivered',
      description: [
        'EARLIER and LATER are issued PDFs or .quickscan-issued.json files of the same project: EARLIER the revision that made the promises (e.g. the one cited in the bid), LATER the one that checks them (e.g. at delivery). Both are verified first.',
        'The PDF shows both reference codes and phases, who re-validated (the later revision\'s assessor, self-assessment or independent, key fingerprint), the theme scores before and after, the label change, every downgrade with its reason (the note in the later revision), promised versus delivered per question and what changed per question. It carries both signed revisions as attachments: `quickscan verify` checks it offline. The language is --lang (the report is made in Dutch or English).',
        'Without --out the file is revalidation-<earlier code>-<later code>.<lang>.pdf in the current folder. An existing file is replaced.',
        'Exit 0 when the PDF was written; 2 when a file cannot be read, is not an issued revision, was altered or badly signed, or names an unknown method version (nothing is written).',
      ],
      options: [
        ['--out <file.pdf>', 'where to write the PDF'],
        ['--dossier <zip>', 'the evidence dossier of LATER: its files are then shown as supplied and matching; without it they are referenced, not supplied (never withdrawn)'],
        ['--trusted-keys <file>', 'warn when a revision is signed with a key not on this list (as for verify)'],
      ] as (readonly [string, string])[],
      examples: [
        'quickscan revalidation docs/examples/tender/bid-01-compliant-gold.pdf docs/examples/tender/delivery/bid-01-delivery.pdf --lang en --out bid-01-revalidation.en.pdf',
        'quickscan revalidation tender.quickscan-issued.json delivery.quickscan-issued.json --lang nl',
      ],
    },
    notIssued: (file: string) => `${file}: not an issued revision (a scan file is not signed; issue it first)`,
    isRevalidation: (file: string) => `${file}: this is a re-validation PDF, not an issued revision`,
    cannotUse: (file: string, status: string, reason: string) => `${file}: ${status}: ${reason}`,
    pagesAltered: (file: string) => `${file}: the printed pages were altered; the signed data inside is intact and is what the re-validation uses`,
    untrusted: (file: string, fingerprint: string) => `${file}: signed with a key that is not on the trusted list (fingerprint ${fingerprint})`,
    notLinked: 'the later revision does not list the earlier one in its history: check that both are about the same project',
    wrote: (file: string, bytes: string) => `Wrote ${file} (${bytes} bytes)`,
    line: (which: string, code: string, phase: string, date: string) => `  ${which}: ${code} · ${phase} · ${date}`,
    earlier: 'earlier',
    later: 'later',
    summary: (before: string, after: string, labelBefore: string, labelAfter: string) => `  total ${before} → ${after}, label ${labelBefore} → ${labelAfter}`,
    promises: (met: number, exceeded: number, notMet: number, notAssessed: number, downgrades: number) =>
      `  promised versus delivered: ${met} met, ${exceeded} exceeded, ${notMet} not met, ${notAssessed} not assessed; ${downgrades} downgraded`,
    none: 'none',
    writeFailed: (file: string, reason: string) => `${file}: cannot write the PDF: ${reason}`,
    dossierUnusable: (file: string) => `${file}: not an evidence dossier of the later revision; its evidence files are shown as not supplied`,
  },
  nl: {
    help: {
      usage: 'quickscan revalidation <eerder> <later> [--out <bestand.pdf>] [--dossier <later.quickscan-dossier.zip>] [--trusted-keys <bestand>] [--json] [--lang nl|en]',
      summary: 'Maak de herbeoordelings-pdf van twee uitgegeven revisies: beloofd tegenover geleverd',
      description: [
        'EERDER en LATER zijn uitgegeven pdf\'s of .quickscan-issued.json-bestanden van hetzelfde project: EERDER de revisie met de beloften (bijv. die in de inschrijving), LATER de revisie die ze toetst (bijv. bij oplevering). Beide worden eerst geverifieerd.',
        'De pdf toont beide referentiecodes en fasen, wie herbeoordeelde (de beoordelaar van de latere revisie, zelfbeoordeling of onafhankelijk, vingerafdruk van de sleutel), de themascores voor en na, de labelwijziging, elke verslechtering met de reden (de toelichting in de latere revisie), beloofd tegenover geleverd per vraag en wat per vraag veranderde. Beide ondertekende revisies zitten erin als bijlage: `quickscan verify` controleert de pdf offline. De taal is --lang (Nederlands of Engels).',
        'Zonder --out heet het bestand revalidation-<code eerder>-<code later>.<taal>.pdf in de huidige map. Een bestaand bestand wordt vervangen.',
        'Exitcode 0 als de pdf is geschreven; 2 als een bestand niet gelezen kan worden, geen uitgegeven revisie is, gewijzigd of ongeldig ondertekend is, of een onbekende methodeversie noemt (er wordt niets geschreven).',
      ],
      options: [
        ['--out <bestand.pdf>', 'waar de pdf komt'],
        ['--dossier <zip>', 'het bewijsdossier van LATER: de bestanden staan dan als aangeleverd en passend; zonder dossier als genoemd, niet aangeleverd (nooit als ingetrokken)'],
        ['--trusted-keys <bestand>', 'waarschuw als een revisie is ondertekend met een sleutel die niet op deze lijst staat (zoals bij verify)'],
      ] as (readonly [string, string])[],
      examples: [
        'quickscan revalidation docs/examples/tender/bid-01-compliant-gold.pdf docs/examples/tender/delivery/bid-01-delivery.pdf --lang nl --out bid-01-herbeoordeling.pdf',
        'quickscan revalidation aanbesteding.quickscan-issued.json oplevering.quickscan-issued.json',
      ],
    },
    notIssued: (file: string) => `${file}: geen uitgegeven revisie (een scanbestand is niet ondertekend; geef het eerst uit)`,
    isRevalidation: (file: string) => `${file}: dit is een herbeoordelings-pdf, geen uitgegeven revisie`,
    cannotUse: (file: string, status: string, reason: string) => `${file}: ${status}: ${reason}`,
    pagesAltered: (file: string) => `${file}: de afgedrukte pagina's zijn gewijzigd; de ondertekende gegevens erin zijn heel en die gebruikt de herbeoordeling`,
    untrusted: (file: string, fingerprint: string) => `${file}: ondertekend met een sleutel die niet op de lijst van vertrouwde sleutels staat (vingerafdruk ${fingerprint})`,
    notLinked: 'de latere revisie noemt de eerdere niet in haar geschiedenis: controleer dat beide over hetzelfde project gaan',
    wrote: (file: string, bytes: string) => `${file} geschreven (${bytes} bytes)`,
    line: (which: string, code: string, phase: string, date: string) => `  ${which}: ${code} · ${phase} · ${date}`,
    earlier: 'eerder',
    later: 'later',
    summary: (before: string, after: string, labelBefore: string, labelAfter: string) => `  totaal ${before} → ${after}, label ${labelBefore} → ${labelAfter}`,
    promises: (met: number, exceeded: number, notMet: number, notAssessed: number, downgrades: number) =>
      `  beloofd tegenover geleverd: ${met} gehaald, ${exceeded} overtroffen, ${notMet} niet gehaald, ${notAssessed} niet beoordeeld; ${downgrades} verslechterd`,
    none: 'geen',
    writeFailed: (file: string, reason: string) => `${file}: kan de pdf niet schrijven: ${reason}`,
    dossierUnusable: (file: string) => `${file}: geen bewijsdossier van de latere revisie; de bewijsbestanden staan als niet aangeleverd`,
  },
} as const;

interface Loaded {
  readonly file: string;
  readonly result: VerifyResult;
  readonly envelope: AnyIssuedEnvelope;
}

async function load(ctx: CommandContext, path: string, options: VerifyOptions, anchorsGiven: boolean): Promise<Loaded> {
  const t = TEXTS[ctx.lang];
  const bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const { verifyFile } = await import('../../report/verify');
  const result = await verifyFile(bytes, path, options);
  // the first message that says what is wrong (not "the data is intact", "the signature is valid")
  const reason = () => result.messages.find((m) => m.en !== M.dataIntact.en && m.en !== M.signatureValid(result.assessor?.fingerprint ?? '').en)?.[ctx.lang] ?? '';
  if (result.kind === 'revalidation') throw new CliError(t.isRevalidation(path));
  if (result.status === 'unreadable') throw new CliError(t.cannotUse(path, ctx.s.verifyStatus.unreadable, result.messages[0]?.[ctx.lang] ?? ''));
  if (result.kind === 'scan' || !result.envelope) throw new CliError(t.notIssued(path));
  const dataAltered = result.status === 'altered' && (result.alteredParts ?? []).includes('data');
  if (dataAltered || result.status === 'bad-signature' || result.status === 'unknown-method') {
    throw new CliError(t.cannotUse(path, ctx.s.verifyStatus[result.status], reason()));
  }
  if (result.status === 'altered') ctx.warn(t.pagesAltered(path));
  if (anchorsGiven && result.signer?.code !== 'signer-trusted') ctx.warn(t.untrusted(path, result.assessor?.fingerprint ?? '?'));
  return { file: path, result, envelope: result.envelope };
}

function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'nl' ? `${m[3]}-${m[2]}-${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

export const revalidationCommand: Command = {
  path: ['revalidation'],
  options: { out: { type: 'string' }, dossier: { type: 'string' }, ...TRUST_OPTIONS },
  positionals: { min: 2, max: 2 },
  help: (s): CommandHelp => withKeyStatementHelp(langOf(s), TEXTS[langOf(s)].help),
  async run(ctx) {
    const t = TEXTS[ctx.lang];
    const [pathA, pathB] = ctx.args.positionals as [string, string];
    const { anchors, given } = await readAnchors(ctx);
    const A = await load(ctx, pathA, { anchors }, given);
    const B = await load(ctx, pathB, { anchors }, given);
    const ea = A.envelope;
    const eb = B.envelope;
    if (!eb.content.history.some((h) => h.contentHash === ea.contentHash)) ctx.warn(t.notLinked);

    // the released definitions (verify has checked that they are known, with the same SHA-256)
    const da = getDefinition(ea.content.method.id, ea.content.method.version)!.definition;
    const db = getDefinition(eb.content.method.id, eb.content.method.version)!.definition;
    // the current re-validation layout (2: format 1 and 2), stating what this verification found
    const { buildRevalidationPdf, checksOf } = await import('../../report/revalidation');
    const checks = checksOf(new Date().toISOString(), A.result.findings, B.result.findings);
    // the later revision's evidence files at hand: those its dossier supplies with the signed SHA-256
    let supplied: string[] = [];
    const dossierPath = ctx.args.options.dossier as string | undefined;
    if (dossierPath !== undefined) {
      const bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, dossierPath);
      const check = checkDossier({ content: eb.content, contentHash: eb.contentHash, referenceCode: eb.referenceCode }, bytes);
      if (check.ok && check.revisionMatches) supplied = check.supplied;
      else ctx.warn(t.dossierUnusable(dossierPath));
    }
    const pdf = await buildRevalidationPdf(ea, eb, { earlier: da, later: db }, ctx.lang, undefined, { checks, supplied });

    const out = (ctx.args.options.out as string | undefined) ?? `revalidation-${ea.referenceCode}-${eb.referenceCode}.${ctx.lang}.pdf`;
    if (out === '') throw new CliError(ctx.s.fileNameEmpty);
    try {
      await writeFile(resolve(ctx.io.cwd, out), pdf);
    } catch (error) {
      throw new CliError(t.writeFailed(out, fileErrorReason(ctx.s, error)));
    }

    const c = compareRevisions(ea.content, eb.content, da, db, { supplied: new Set(supplied) });
    const labelName = (def: typeof da, id: string | null) => (id === null ? t.none : (def.labels.find((l) => l.id === id)?.name[ctx.lang] ?? id));
    if (ctx.json) {
      const side = (r: Loaded) => ({
        file: r.file,
        status: r.result.status,
        alteredParts: r.result.alteredParts ?? [],
        referenceCode: r.envelope.referenceCode,
        contentHash: r.envelope.contentHash,
        phase: r.envelope.content.phase,
        issuedAt: r.envelope.content.issuedAt,
      });
      ctx.outJson({
        file: out,
        bytes: pdf.length,
        lang: ctx.lang,
        earlier: side(A),
        later: side(B),
        linked: eb.content.history.some((h) => h.contentHash === ea.contentHash),
        total: { before: c.total.before?.display ?? null, after: c.total.after?.display ?? null, change: c.total.delta?.display ?? null },
        label: c.label,
        downgrades: c.downgrades.map((d) => d.question),
        promiseCounts: c.promiseCounts,
      });
    } else {
      ctx.out(
        t.wrote(out, String(pdf.length)),
        t.line(t.earlier, ea.referenceCode, ea.content.phase, dateText(ea.content.issuedAt, ctx.lang)),
        t.line(t.later, eb.referenceCode, eb.content.phase, dateText(eb.content.issuedAt, ctx.lang)),
        t.summary(formatScore(c.total.before?.display ?? null, ctx.lang), formatScore(c.total.after?.display ?? null, ctx.lang), labelName(da, c.label.before), labelName(db, c.label.after)),
        t.promises(c.promiseCounts.met, c.promiseCounts.exceeded, c.promiseCounts['not-met'], c.promiseCounts['not-assessed'], c.downgrades.length),
      );
    }
    return EXIT.ok;
  },
};
