/**
 * `quickscan diff <a> <b> [--json]`: re-validation through the project. Compares two revisions
 * of a scan — issued PDFs, `.quickscan-issued.json` envelopes or scan files, A the earlier
 * (e.g. the one cited in the bid), B the later (e.g. at delivery) — per theme, the total and the
 * label, lists the downgrades and the promised-versus-delivered table (scoring/compare.ts).
 *
 * Each file is verified first (report/verify.ts) and its status shown; an altered or badly
 * signed file is still compared (with a warning on standard error), an unreadable file or an
 * unknown method version gives exit 2. Exit 0 otherwise.
 */
import { levelText as levelName } from '../../report/names';
import type { QuickScanDefinition } from '../../forms/schema';
import type { VerifyStatus } from '../../report/verify';
import { checkDossier } from '../../scoring/dossier';
import { compareRevisions, type EvidenceFileState, type LevelRef, type PromiseStatus, type RevisionComparison, type RevisionLike } from '../../scoring/compare';
import { scanFileFromContent } from '../../scoring/issued';
import type { ScanFile } from '../../scoring/scan-file';
import type { Command, CommandContext, CommandHelp } from '../command';
import { CliError, EXIT } from '../errors';
import { readBytes } from '../files';
import { formatEuro, formatScore, table } from '../format';
import type { Lang, Strings } from '../strings';
import { STRINGS } from '../strings';
import { readScanFile, resolveMethod, withScanInput } from '../scan';

/* ------------------------------------------------------------------------------------------ */
/* Texts (this command's own, in both languages)                                              */
/* ------------------------------------------------------------------------------------------ */

const TEXTS = {
  en: {
    help: {
      usage: 'quickscan diff <a> <b> [--dossier <b.quickscan-dossier.zip>] [--json] [--lang nl|en]',
      summary: 'Compare two revisions of a scan: themes, label, downgrades, promised versus delivered',
      description: [
        'A and B are issued PDFs, .quickscan-issued.json files or scan files (*.quickscan.json); A is the earlier revision (e.g. the one cited in the bid), B the later one (e.g. at delivery). Each file is verified first and its status shown; an altered or badly signed file is compared all the same, with a warning.',
        'Per theme the score before and after and the change; the total and the label; every question whose points went down; and per question what A promised against what B delivered (met, exceeded, not met, not assessed). Different method versions are compared by question id.',
        'Exit 0 when both files could be compared, 2 when one cannot be read or names an unknown method version.',
      ],
      options: [['--dossier <zip>', 'the evidence dossier of B: each evidence file is then supplied and matching, referenced but not supplied, or withdrawn']] as (readonly [string, string])[],
      examples: [
        'quickscan diff docs/examples/tender/bid-01-compliant-gold.pdf docs/examples/tender/delivery/bid-01-delivery.pdf',
        'quickscan diff tender.quickscan-issued.json delivery.quickscan-issued.json --json',
      ],
    },
    status: {
      valid: 'valid',
      altered: 'ALTERED',
      'unknown-method': 'UNKNOWN METHOD',
      'bad-signature': 'BAD SIGNATURE',
      'untrusted-signature': 'key not trusted',
      unsigned: 'not signed (scan file)',
      unreadable: 'UNREADABLE',
    } satisfies Record<VerifyStatus, string>,
    notIntact: (file: string, status: string) => `${file}: ${status}: the comparison shows the data as it is in the file; do not rely on it`,
    cannotCompare: (file: string, reason: string) => `${file}: cannot be compared: ${reason}`,
    noData: 'no readable data',
    project: 'Project',
    colTheme: 'Theme',
    change: 'Change',
    total: 'Total',
    label: 'Label',
    none: 'none',
    labelChange: { up: 'up', down: 'down', same: 'unchanged' },
    cost: 'Extra cost (midpoint)',
    gfa: (a: string, b: string) => `GFA ${a} m² → ${b} m²`,
    downgrades: (n: number) => (n === 0 ? 'Downgrades: none' : `Downgrades (${n}): points went down`),
    colQuestion: 'Question',
    colFrom: 'A',
    colTo: 'B',
    colPoints: 'Points',
    colEvidence: 'Evidence',
    notApplicable: 'not applicable',
    unanswered: 'unanswered',
    promised: (counts: Record<PromiseStatus, number>) =>
      `Promised (A) versus delivered (B): ${counts.met} met, ${counts.exceeded} exceeded, ${counts['not-met']} not met, ${counts['not-assessed']} not assessed`,
    colPromised: 'Promised',
    colDelivered: 'Delivered',
    colStatus: 'Status',
    promiseStatus: { met: 'met', exceeded: 'exceeded', 'not-met': 'NOT MET', 'not-assessed': 'not assessed' } satisfies Record<PromiseStatus, string>,
    evidence: { evidenced: 'evidenced', claimed: 'without evidence', na: 'n/a', unanswered: '–' },
    onlyInA: (ids: string) => `Only in A's method version: ${ids}`,
    onlyInB: (ids: string) => `Only in B's method version: ${ids}`,
    changed: (n: number, up: number, down: number) => `Answers changed: ${n} (${up} up, ${down} down)`,
    evidenceFiles: (supplied: number, notSupplied: number, withdrawn: number) => `Evidence files: ${supplied} supplied and matching, ${notSupplied} referenced but not supplied, ${withdrawn} withdrawn`,
    evidenceState: { supplied: 'supplied and matching', 'not-supplied': 'referenced, not supplied', withdrawn: 'WITHDRAWN' } satisfies Record<EvidenceFileState, string>,
    dossierUnusable: (file: string) => `${file}: not an evidence dossier of B; evidence files are shown as not supplied`,
  },
  nl: {
    help: {
      usage: 'quickscan diff <a> <b> [--dossier <b.quickscan-dossier.zip>] [--json] [--lang nl|en]',
      summary: 'Vergelijk twee revisies van een scan: thema\'s, label, verslechteringen, beloofd tegenover geleverd',
      description: [
        'A en B zijn uitgegeven pdf\'s, .quickscan-issued.json-bestanden of scanbestanden (*.quickscan.json); A is de eerdere revisie (bijv. die in de inschrijving), B de latere (bijv. bij oplevering). Elk bestand wordt eerst geverifieerd en de uitkomst getoond; een gewijzigd of ongeldig ondertekend bestand wordt toch vergeleken, met een waarschuwing.',
        'Per thema de score voor en na en het verschil; het totaal en het label; elke vraag waarvan de punten omlaag gingen; en per vraag wat A beloofde tegenover wat B leverde (gehaald, overtroffen, niet gehaald, niet beoordeeld). Verschillende methodeversies worden per vraag-id vergeleken.',
        'Exitcode 0 als beide bestanden vergeleken konden worden, 2 als een bestand niet gelezen kan worden of een onbekende methodeversie noemt.',
      ],
      options: [['--dossier <zip>', 'het bewijsdossier van B: elk bewijsbestand is dan aangeleverd en passend, genoemd maar niet aangeleverd, of ingetrokken']] as (readonly [string, string])[],
      examples: [
        'quickscan diff docs/examples/tender/bid-01-compliant-gold.pdf docs/examples/tender/delivery/bid-01-delivery.pdf',
        'quickscan diff aanbesteding.quickscan-issued.json oplevering.quickscan-issued.json --json',
      ],
    },
    status: {
      valid: 'geldig',
      altered: 'GEWIJZIGD',
      'unknown-method': 'ONBEKENDE METHODE',
      'bad-signature': 'ONGELDIGE HANDTEKENING',
      'untrusted-signature': 'sleutel niet vertrouwd',
      unsigned: 'niet ondertekend (scanbestand)',
      unreadable: 'ONLEESBAAR',
    } satisfies Record<VerifyStatus, string>,
    notIntact: (file: string, status: string) => `${file}: ${status}: de vergelijking toont de gegevens zoals ze in het bestand staan; vertrouw er niet op`,
    cannotCompare: (file: string, reason: string) => `${file}: kan niet worden vergeleken: ${reason}`,
    noData: 'geen leesbare gegevens',
    project: 'Project',
    colTheme: 'Thema',
    change: 'Verschil',
    total: 'Totaal',
    label: 'Label',
    none: 'geen',
    labelChange: { up: 'hoger', down: 'lager', same: 'gelijk' },
    cost: 'Extra kosten (middenraming)',
    gfa: (a: string, b: string) => `BVO ${a} m² → ${b} m²`,
    downgrades: (n: number) => (n === 0 ? 'Verslechteringen: geen' : `Verslechteringen (${n}): punten gingen omlaag`),
    colQuestion: 'Vraag',
    colFrom: 'A',
    colTo: 'B',
    colPoints: 'Punten',
    colEvidence: 'Bewijs',
    notApplicable: 'niet van toepassing',
    unanswered: 'niet beantwoord',
    promised: (counts: Record<PromiseStatus, number>) =>
      `Beloofd (A) tegenover geleverd (B): ${counts.met} gehaald, ${counts.exceeded} overtroffen, ${counts['not-met']} niet gehaald, ${counts['not-assessed']} niet beoordeeld`,
    colPromised: 'Beloofd',
    colDelivered: 'Geleverd',
    colStatus: 'Uitkomst',
    promiseStatus: { met: 'gehaald', exceeded: 'overtroffen', 'not-met': 'NIET GEHAALD', 'not-assessed': 'niet beoordeeld' } satisfies Record<PromiseStatus, string>,
    evidence: { evidenced: 'met bewijs', claimed: 'zonder bewijs', na: 'n.v.t.', unanswered: '–' },
    onlyInA: (ids: string) => `Alleen in de methodeversie van A: ${ids}`,
    onlyInB: (ids: string) => `Alleen in de methodeversie van B: ${ids}`,
    evidenceFiles: (supplied: number, notSupplied: number, withdrawn: number) => `Bewijsbestanden: ${supplied} aangeleverd en passend, ${notSupplied} genoemd maar niet aangeleverd, ${withdrawn} ingetrokken`,
    evidenceState: { supplied: 'aangeleverd en passend', 'not-supplied': 'genoemd, niet aangeleverd', withdrawn: 'INGETROKKEN' } satisfies Record<EvidenceFileState, string>,
    dossierUnusable: (file: string) => `${file}: geen bewijsdossier van B; bewijsbestanden worden getoond als niet aangeleverd`,
    changed: (n: number, up: number, down: number) => `Gewijzigde antwoorden: ${n} (${up} hoger, ${down} lager)`,
  },
} as const;

/** The language of a Strings object (help texts get only the Strings). */
export function langOf(s: Strings): Lang {
  return s === STRINGS.nl ? 'nl' : 'en';
}

/* ------------------------------------------------------------------------------------------ */
/* Reading a revision                                                                         */
/* ------------------------------------------------------------------------------------------ */

export interface LoadedRevision {
  readonly file: string;
  readonly kind: 'pdf' | 'envelope' | 'scan';
  readonly status: VerifyStatus;
  readonly alteredParts?: readonly ('data' | 'pages')[] | undefined;
  readonly referenceCode: string | null;
  readonly contentHash: string | null;
  readonly projectName: string;
  readonly revision: RevisionLike;
  readonly method: { id: string; version: string; sha256: string };
  readonly definition: QuickScanDefinition;
}

/** Reads and verifies a PDF, an envelope or a scan file, and finds its released definition. */
export async function loadRevision(ctx: CommandContext, path: string): Promise<LoadedRevision> {
  const t = TEXTS[ctx.lang];
  const bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const { verifyFile } = await import('../../report/verify');
  const result = await verifyFile(bytes, path);
  if (result.status === 'unreadable') throw new CliError(t.cannotCompare(path, result.messages[0]?.[ctx.lang] ?? t.noData));
  let scanFile: ScanFile;
  let revision: RevisionLike;
  if (result.kind === 'scan') {
    scanFile = await readScanFile(ctx, path);
    revision = scanFile;
  } else if (result.envelope) {
    scanFile = scanFileFromContent(result.envelope.content);
    revision = result.envelope.content;
  } else {
    throw new CliError(t.cannotCompare(path, result.messages.map((m) => m[ctx.lang]).join('; ')));
  }
  const method = await resolveMethod(ctx, scanFile, undefined);
  return {
    file: path,
    kind: result.kind === 'scan' ? 'scan' : result.kind === 'pdf' ? 'pdf' : 'envelope',
    status: result.status,
    alteredParts: result.alteredParts,
    referenceCode: result.referenceCode ?? null,
    contentHash: result.checks.dataIntact === true ? (result.contentHash ?? null) : null,
    projectName: scanFile.project.name,
    revision,
    method: { id: method.id, version: method.version, sha256: method.sha256 },
    definition: method.definition,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Output                                                                                     */
/* ------------------------------------------------------------------------------------------ */

function isRational(v: unknown): v is { num: bigint; den: bigint } {
  return typeof v === 'object' && v !== null && typeof (v as { num?: unknown }).num === 'bigint' && typeof (v as { den?: unknown }).den === 'bigint';
}

/** A copy with every exact rational written as "num/den" (as the other commands' JSON does). */
export function exactAsText(value: unknown): unknown {
  if (isRational(value)) return `${value.num}/${value.den}`;
  if (Array.isArray(value)) return value.map(exactAsText);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exactAsText(v)]));
  }
  return value;
}

/** dd-mm-yyyy in Dutch, yyyy-mm-dd in English, from an ISO date-time. */
export function dateText(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'nl' ? `${m[3]}-${m[2]}-${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

function signedScore(display: number | null | undefined, lang: Lang): string {
  if (display === null || display === undefined) return '–';
  const text = formatScore(display, lang);
  return display > 0 ? `+${text}` : text;
}

/** A level by number and name (report/names.ts), "2 · Technische opname"; the fallback when there is none. */
function levelText(def: QuickScanDefinition, question: string, level: LevelRef | null, fallback: string, lang: Lang): string {
  return level ? levelName(def, question, level.id, lang) : fallback;
}

function statusText(r: LoadedRevision, lang: Lang): string {
  const t = TEXTS[lang];
  const base = t.status[r.status];
  return r.alteredParts && r.alteredParts.length > 0 ? `${base} (${r.alteredParts.join(', ')})` : base;
}

function headerLine(which: 'A' | 'B', r: LoadedRevision, lang: Lang): string {
  const rev = r.revision;
  const facts = [statusText(r, lang)];
  if (r.referenceCode) facts.push(r.referenceCode);
  const phase = rev.phase ?? rev.project.phase;
  if (phase) facts.push(phase);
  if (rev.issuedAt) facts.push(dateText(rev.issuedAt, lang));
  facts.push(`${r.method.id} ${r.method.version}`);
  return `${which}: ${r.file} – ${facts.join(' · ')}`;
}

function questionTitle(a: QuickScanDefinition, b: QuickScanDefinition, id: string, lang: Lang): string {
  const q = a.questions.find((x) => x.id === id) ?? b.questions.find((x) => x.id === id);
  const title = q?.title[lang] ?? '';
  return title.length > 48 ? `${title.slice(0, 47)}…` : title;
}

function themeTitle(a: QuickScanDefinition, b: QuickScanDefinition, id: string, lang: Lang): string {
  return (a.themes.find((x) => x.id === id) ?? b.themes.find((x) => x.id === id))?.title[lang] ?? id;
}

function labelName(def: QuickScanDefinition, id: string | null, lang: Lang): string {
  if (id === null) return TEXTS[lang].none;
  return def.labels.find((l) => l.id === id)?.name[lang] ?? id;
}

function printText(ctx: CommandContext, A: LoadedRevision, B: LoadedRevision, c: RevisionComparison): void {
  const { lang } = ctx;
  const t = TEXTS[lang];
  const da = A.definition;
  const db = B.definition;
  ctx.out(headerLine('A', A, lang), headerLine('B', B, lang));
  ctx.out(`${t.project}: ${A.projectName === B.projectName ? A.projectName : `${A.projectName} → ${B.projectName}`}`, '');

  ctx.out(
    ...table(
      [
        ['', t.colTheme, 'A', 'B', t.change],
        ...c.themes.map((th) => [th.theme, themeTitle(da, db, th.theme, lang), formatScore(th.before?.display, lang), formatScore(th.after?.display, lang), signedScore(th.delta?.display, lang)]),
        ['', t.total, formatScore(c.total.before?.display, lang), formatScore(c.total.after?.display, lang), signedScore(c.total.delta?.display, lang)],
      ],
      [2, 3, 4],
    ),
    '',
  );
  const rows: [string, string][] = [
    [t.label, `${labelName(da, c.label.before, lang)} → ${labelName(db, c.label.after, lang)} (${t.labelChange[c.label.change]})`],
    [t.cost, `${formatEuro(c.a.cost.midCents, lang)} → ${formatEuro(c.b.cost.midCents, lang)}${c.a.gfaM2 !== c.b.gfaM2 ? `; ${t.gfa(String(c.a.gfaM2), String(c.b.gfaM2))}` : ''}`],
  ];
  // an answer changed: another level, or a level <-> not applicable / unanswered
  const answerKey = (side: NonNullable<RevisionComparison['questions'][number]['before']>) => side.level?.id ?? side.evidence;
  const changed = c.questions.filter((q) => q.before !== null && q.after !== null && answerKey(q.before) !== answerKey(q.after));
  const up = changed.filter((q) => (q.pointsDelta ?? 0) > 0).length;
  const down = changed.filter((q) => (q.pointsDelta ?? 0) < 0).length;
  ctx.out(...table(rows, [], ''), t.changed(changed.length, up, down));
  if (c.onlyInA.length > 0) ctx.out(t.onlyInA(c.onlyInA.join(', ')));
  if (c.onlyInB.length > 0) ctx.out(t.onlyInB(c.onlyInB.join(', ')));
  ctx.out('');

  ctx.out(t.downgrades(c.downgrades.length));
  if (c.downgrades.length > 0) {
    ctx.out(
      ...table(
        [
          [t.colQuestion, '', t.colFrom, t.colTo, t.colPoints],
          ...c.downgrades.map((d) => [
            d.question,
            questionTitle(da, db, d.question, lang),
            levelText(da, d.question, d.from, t.unanswered, lang),
            d.kind === 'not-applicable' ? t.notApplicable : levelText(db, d.question, d.to, t.unanswered, lang),
            String(d.pointsDelta),
          ]),
        ],
        [4],
      ),
    );
  }
  ctx.out('');

  if (c.evidenceFiles.length > 0) {
    ctx.out(t.evidenceFiles(c.evidenceCounts.supplied, c.evidenceCounts['not-supplied'], c.evidenceCounts.withdrawn));
    ctx.out(...table([[t.colQuestion, t.colEvidence, t.colStatus], ...c.evidenceFiles.map((f) => [f.question, f.name, t.evidenceState[f.state]])]), '');
  }

  ctx.out(t.promised(c.promiseCounts));
  const byId = new Map(c.questions.map((q) => [q.question, q]));
  ctx.out(
    ...table(
      [
        [t.colQuestion, t.colPromised, t.colDelivered, t.colStatus, t.colEvidence],
        ...c.promisedVsDelivered
          .filter((r) => r.promised !== null)
          .map((r) => {
            const q = byId.get(r.question)!;
            const delivered = q.after === null ? '–' : q.after.evidence === 'na' ? t.notApplicable : levelText(db, r.question, r.delivered, t.unanswered, lang);
            const evidence = q.after === null ? '' : `${t.evidence[q.before!.evidence]} → ${t.evidence[q.after.evidence]}`;
            return [r.question, levelText(da, r.question, r.promised, '–', lang), delivered, t.promiseStatus[r.status], evidence];
          }),
      ],
    ),
  );
}

function comparisonJson(A: LoadedRevision, B: LoadedRevision, c: RevisionComparison) {
  const file = (r: LoadedRevision) => ({
    file: r.file,
    kind: r.kind,
    status: r.status,
    alteredParts: r.alteredParts ?? [],
    referenceCode: r.referenceCode,
    projectName: r.projectName,
    method: r.method,
  });
  return { a: file(A), b: file(B), comparison: exactAsText(c) };
}

/* ------------------------------------------------------------------------------------------ */

export const diffCommand: Command = {
  path: ['diff'],
  options: { dossier: { type: 'string' } },
  positionals: { min: 2, max: 2 },
  help: (s): CommandHelp => TEXTS[langOf(s)].help,
  async run(ctx) {
    const t = TEXTS[ctx.lang];
    const [pathA, pathB] = ctx.args.positionals as [string, string];
    const A = await loadRevision(ctx, pathA);
    const B = await loadRevision(ctx, pathB);
    for (const r of [A, B]) {
      if (r.status === 'altered' || r.status === 'bad-signature') ctx.warn(t.notIntact(r.file, statusText(r, ctx.lang)));
    }
    // B's evidence files at hand: those its dossier supplies with the signed SHA-256
    let supplied: Set<string> | undefined;
    const dossierPath = ctx.args.options.dossier as string | undefined;
    if (dossierPath !== undefined) {
      const bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, dossierPath);
      const rev = B.revision as RevisionLike & { revisionId?: string };
      const check = B.contentHash && rev.revisionId ? checkDossier({ content: { revisionId: rev.revisionId, scan: rev.scan }, contentHash: B.contentHash, referenceCode: B.referenceCode ?? '' }, bytes) : null;
      if (check?.ok && check.revisionMatches) supplied = new Set(check.supplied);
      else ctx.warn(t.dossierUnusable(dossierPath));
    }
    const comparison = withScanInput(ctx, `${pathA}, ${pathB}`, () => compareRevisions(A.revision, B.revision, A.definition, B.definition, { supplied }));
    if (ctx.json) ctx.outJson(comparisonJson(A, B, comparison));
    else printText(ctx, A, B, comparison);
    return EXIT.ok;
  },
};
