/**
 * Keys, issuing and trust lists on the command line (docs/trust-lists.md, docs/cli.md):
 *
 * - `quickscan key new --out <file> [--alg ES256|EdDSA] [--label <text>] [--organisation <org>]`: a private key file
 *   (scoring/key-file.ts; it holds a SECRET, written with mode 0600 and never over an existing
 *   file) and beside it `<file minus .json>.public.json`, the public key file to hand out.
 * - `quickscan issue <scan-file> --key <keyfile> --phase <phase> --out <file> [--name …]
 *   [--organisation …] [--role …] [--assessment self|independent] [--lang nl|en]
 *   [--baseline <earlier issued file>]`: issues exactly what the app issues: with an EdDSA key a
 *   format-1 revision in the current report layout (PDF or `.quickscan-issued.json`); with an
 *   ES256 key a format-2 revision: a PAdES-signed layout-2 PDF, or its envelope.
 *   With --baseline the downgrade rule is checked first (scoring/envelope-check.ts), failing closed.
 * - `quickscan trustlist new|add|revoke|sign`: draft a trust list, add entries, add
 *   revocations, sign it with the operator's key file.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod';
import { canonicalJson } from '../../forms/hash';
import { getDefinition } from '../../forms/registry';
import { downgradesWithoutReason } from '../../scoring/envelope-check';
import {
  anyEnvelopeJsonText,
  buildEnvelope,
  canonicalContent,
  historyEntryOf,
  ISSUE_PHASES,
  issuedContentFromScan,
  type AnyIssuedEnvelope,
  type IssuePhase,
} from '../../scoring/issued';
import { signedRevisionV2 } from '../../scoring/issuing';
import { KEY_TEXT_MAX, makePrivateKeyFile, makePublicKeyFile, publicKeyFileText } from '../../scoring/key-file';
import { generatePrivateJwk, keyFingerprint, signWithPrivateJwk, type KeyAlgorithm } from '../../scoring/keys';
import { signWithSecretKey } from '../../scoring/signature';
import { REVOCATION_REASONS, signTrustList, TRUST_ROLES, trustListContentSchema, trustListEnvelopeSchema, trustListJsonText, type RevocationReason, type TrustListContent, type TrustRole } from '../../scoring/trust';
import type { Command, CommandContext, CommandHelp } from '../command';
import { CliError, EXIT } from '../errors';
import { fieldErrorText } from '../../report/input-strings';
import { parseJsonWith } from '../../scoring/parse-json';
import { readBytes, readJson, writeNewFile } from '../files';
import { readScanFile } from '../scan';
import { readKeyFile, readPublicKey } from '../trust';
import { langOf } from './diff';

export async function writeNew(ctx: CommandContext, path: string, text: string, secret = false): Promise<string> {
  const full = resolve(ctx.io.cwd, path);
  if (secret) {
    if (!(await writeNewFile(full, text, 0o600))) throw new CliError(ctx.s.trust.outExists(path));
  } else {
    await writeFile(full, text);
  }
  return full;
}

export function dateOption(ctx: CommandContext, option: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  if (!z.iso.datetime({ offset: true }).safeParse(iso).success || Number.isNaN(Date.parse(iso))) throw new CliError(ctx.s.trust.badDate(option, value));
  return new Date(Date.parse(iso)).toISOString();
}

const help = (usage: string, summary: string, description: string[], options: [string, string][], examples: string[]): CommandHelp => ({ usage, summary, description, options, examples });

/* ------------------------------------------------------------------------------------------ */
/* key new                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export const keyNewCommand: Command = {
  path: ['key', 'new'],
  options: { out: { type: 'string' }, alg: { type: 'string' }, label: { type: 'string' }, organisation: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  help: (s) =>
    langOf(s) === 'nl'
      ? help(
          'quickscan key new --out <bestand.quickscan-key.json> [--alg ES256|EdDSA] [--label <tekst>] [--organisation <org>] [--json] [--lang nl|en]',
          'Een nieuwe ondertekensleutel voor teams die in bulk uitgeven (GEHEIM bestand) en het publieke sleutelbestand',
          [
            'Schrijft een privé-sleutelbestand (JWK met de geheime sleutel, alleen leesbaar voor u) en ernaast <naam>.public.json met de publieke sleutel en vingerafdruk. Geef alleen het publieke bestand af; het privé-bestand ondertekent revisies op uw naam.',
            'ES256 (P-256, standaard) geeft revisies van formaat 2; EdDSA (Ed25519) revisies van formaat 1, zoals de app nu uitgeeft.',
          ],
          [
            ['--out <bestand>', 'waar het privé-sleutelbestand komt (wordt nooit overschreven)'],
            ['--alg ES256|EdDSA', 'de sleutelsoort (standaard ES256)'],
            ['--label <tekst>', 'een naam voor de sleutel, bijv. "Team aanbestedingen 2027"'],
            ['--organisation <org>', 'de organisatie, zoals in het publieke sleutelbestand (dat ontvangers vertrouwen)'],
          ],
          ['quickscan key new --out team.quickscan-key.json --label "Team aanbestedingen" --organisation "Bouwbedrijf Zeeland"'],
        )
      : help(
          'quickscan key new --out <file.quickscan-key.json> [--alg ES256|EdDSA] [--label <text>] [--organisation <org>] [--json] [--lang nl|en]',
          'A new signing key for teams that issue in bulk (a SECRET file) and its public key file',
          [
            'Writes a private key file (a JWK with the secret key, readable only by you) and beside it <name>.public.json with the public key and fingerprint. Hand out only the public file; the private one signs revisions in your name.',
            'ES256 (P-256, the default) issues format-2 revisions; EdDSA (Ed25519) format-1 revisions, as the app issues now.',
          ],
          [
            ['--out <file>', 'where the private key file goes (never overwritten)'],
            ['--alg ES256|EdDSA', 'the key type (default ES256)'],
            ['--label <text>', 'a name for the key, e.g. "Tender team 2027"'],
            ['--organisation <org>', 'the organisation, as in the public key file (the one recipients trust)'],
          ],
          ['quickscan key new --out team.quickscan-key.json --label "Tender team" --organisation "Bouwbedrijf Zeeland"'],
        ),
  async run(ctx) {
    const t = ctx.s.trust;
    const out = ctx.args.options.out as string | undefined;
    if (!out) throw new CliError(ctx.s.missingValue('--out'));
    const alg = ((ctx.args.options.alg as string | undefined) ?? 'ES256') as KeyAlgorithm;
    if (alg !== 'ES256' && alg !== 'EdDSA') throw new CliError(t.badAlg(String(alg)));
    const labelText = (ctx.args.options.label as string | undefined)?.trim() ?? '';
    const organisation = (ctx.args.options.organisation as string | undefined)?.trim() ?? '';
    if (labelText.length > KEY_TEXT_MAX) throw new CliError(t.keyTextTooLong('--label', KEY_TEXT_MAX));
    if (organisation.length > KEY_TEXT_MAX) throw new CliError(t.keyTextTooLong('--organisation', KEY_TEXT_MAX));
    const privateKey = generatePrivateJwk(alg);
    const file = makePrivateKeyFile(privateKey, labelText, new Date().toISOString());
    const label = file.label || file.fingerprint;
    const publicPath = out.replace(/(\.quickscan-key)?\.json$/i, '') + '.public.json';
    await writeNew(ctx, out, `${JSON.stringify(file, null, 2)}\n`, true);
    await writeNew(ctx, publicPath, publicKeyFileText(makePublicKeyFile(file.publicKey, label, organisation)));
    ctx.warn(t.keySecretWarning);
    if (ctx.json) ctx.outJson({ file: out, publicFile: publicPath, fingerprint: file.fingerprint, alg, publicKey: file.publicKey });
    else ctx.out(t.keyWritten(out, file.fingerprint, alg), t.keyPublicWritten(publicPath));
    return EXIT.ok;
  },
};

/* ------------------------------------------------------------------------------------------ */
/* issue                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export const issueCommand: Command = {
  path: ['issue'],
  options: {
    key: { type: 'string' },
    phase: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    organisation: { type: 'string' },
    role: { type: 'string' },
    assessment: { type: 'string' },
    'report-lang': { type: 'string' },
    assumptions: { type: 'string' },
    exclusions: { type: 'string' },
    baseline: { type: 'string' },
    'issued-at': { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  help: (s) =>
    langOf(s) === 'nl'
      ? help(
          'quickscan issue <scanbestand> --key <sleutelbestand> --phase <fase> --out <bestand.pdf|.quickscan-issued.json> [--name <naam>] [--organisation <org>] [--role <rol>] [--assessment self|independent] [--report-lang nl|en] [--baseline <eerdere revisie>] [--json] [--lang nl|en]',
          'Een scan uitgeven als ondertekende revisie, precies zoals de app dat doet',
          [
            'Bevriest de scan voor een fase, ondertekent met het sleutelbestand (quickscan key new) en schrijft de PDF (huidige opmaak) of de envelop (.quickscan-issued.json).',
            'Met --baseline (de vorige uitgegeven revisie van het project) moet elk verlaagd antwoord een nieuwe toelichting hebben; anders wordt er niets uitgegeven.',
          ],
          [
            ['--key <bestand>', 'het privé-sleutelbestand'],
            ['--phase <fase>', `de fase: ${ISSUE_PHASES.join(', ')}`],
            ['--out <bestand>', '.pdf voor het rapport, .json voor alleen de envelop'],
            ['--name, --organisation, --role', 'de beoordelaar zoals op de revisie (standaard het label van de sleutel)'],
            ['--assessment self|independent', 'zelfbeoordeling of onafhankelijk (standaard self)'],
            ['--report-lang nl|en', 'taal van het rapport (standaard --lang)'],
            ['--baseline <bestand>', 'de vorige revisie: verlagingen vragen een reden'],
          ],
          ['quickscan issue scan.quickscan.json --key team.quickscan-key.json --phase SO --out scan-SO.pdf'],
        )
      : help(
          'quickscan issue <scan-file> --key <keyfile> --phase <phase> --out <file.pdf|.quickscan-issued.json> [--name <name>] [--organisation <org>] [--role <role>] [--assessment self|independent] [--report-lang nl|en] [--baseline <earlier revision>] [--json] [--lang nl|en]',
          'Issue a scan as a signed revision, exactly as the app does',
          [
            'Freezes the scan for a phase, signs it with the key file (quickscan key new) and writes the PDF (current layout) or the envelope (.quickscan-issued.json).',
            "With --baseline (the project's previous issued revision) every lowered answer needs a new note; otherwise nothing is issued.",
          ],
          [
            ['--key <file>', 'the private key file'],
            ['--phase <phase>', `the phase: ${ISSUE_PHASES.join(', ')}`],
            ['--out <file>', '.pdf for the report, .json for the envelope only'],
            ['--name, --organisation, --role', "the assessor as printed on the revision (default: the key's label)"],
            ['--assessment self|independent', 'self-assessment or independent (default self)'],
            ['--report-lang nl|en', 'language of the report (default --lang)'],
            ['--baseline <file>', 'the previous revision: downgrades need a reason'],
          ],
          ['quickscan issue scan.quickscan.json --key team.quickscan-key.json --phase SO --out scan-SO.pdf'],
        ),
  async run(ctx) {
    const t = ctx.s.trust;
    const o = ctx.args.options as Record<string, string | undefined>;
    const scanPath = ctx.args.positionals[0]!;
    if (!o.key) throw new CliError(ctx.s.missingValue('--key'));
    if (!o.phase) throw new CliError(ctx.s.missingValue('--phase'));
    if (!o.out) throw new CliError(ctx.s.missingValue('--out'));
    if (!(ISSUE_PHASES as readonly string[]).includes(o.phase)) throw new CliError(t.badPhase(o.phase, ISSUE_PHASES));
    const assessment = o.assessment ?? 'self';
    if (assessment !== 'self' && assessment !== 'independent') throw new CliError(t.badAssessment(assessment));
    const locale = (o['report-lang'] ?? ctx.lang) as 'nl' | 'en';
    if (locale !== 'nl' && locale !== 'en') throw new CliError(ctx.s.badLang(locale));
    const keyFile = await readKeyFile(ctx, o.key);
    const scan = await readScanFile(ctx, scanPath);
    const method = getDefinition(scan.method.id, scan.method.version);
    if (!method || method.sha256 !== scan.method.sha256) throw new CliError(ctx.s.unknownMethodVersion(scan.method.id, scan.method.version, []));

    // the previous revision: history link and the downgrade rule (failing closed)
    let history: ReturnType<typeof historyEntryOf>[] = [];
    if (o.baseline) {
      const { verifyFile } = await import('../../report/verify');
      const result = await verifyFile(await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, o.baseline), o.baseline);
      const earlier = result.envelope as AnyIssuedEnvelope | undefined;
      if (!earlier || result.checks.dataIntact !== true || result.checks.signatureValid !== true) throw new CliError(t.baselineNotUsable(o.baseline));
      const earlierMethod = getDefinition(earlier.content.method.id, earlier.content.method.version);
      const d = downgradesWithoutReason(earlier.content, { project: scan.project, scan: scan.scan }, earlierMethod?.sha256 === earlier.content.method.sha256 ? earlierMethod?.definition : undefined, method.definition);
      if (!d.ok) throw new CliError(d.notCheckable ? t.downgradesNotCheckable : t.downgradesWithoutReason(d.missing.join(', ')));
      history = [...earlier.content.history, historyEntryOf(earlier)];
    }
    const assessorBase = {
      name: (o.name ?? keyFile.label).trim() || keyFile.fingerprint,
      organisation: o.organisation ?? '',
      role: o.role ?? '',
      assessmentType: assessment as 'self' | 'independent',
    };
    const common = {
      revisionId: randomUUID(),
      issuedAt: o['issued-at'] ? dateOption(ctx, '--issued-at', o['issued-at'], '') : new Date().toISOString(),
      phase: o.phase as IssuePhase,
      assumptions: (o.assumptions ?? '').trim(),
      exclusions: (o.exclusions ?? '').trim(),
      history,
      followUp: [],
    };
    const { CURRENT_LAYOUT, CURRENT_SIGNED_LAYOUT, LAYOUTS, buildReportPdf, buildSignedReportPdf } = await import('../../report/pdf');
    const wantsPdf = /\.pdf$/i.test(o.out);
    let envelope: AnyIssuedEnvelope;
    let bytes: Uint8Array | undefined;
    if (keyFile.privateKey.kty === 'OKP') {
      // format 1: Ed25519 over the canonical JSON, report settings outside, layout-1 pages
      const content = issuedContentFromScan(scan, { ...common, assessor: { ...assessorBase, publicKey: keyFile.privateKey.x } });
      envelope = buildEnvelope(content, signWithSecretKey(canonicalContent(content), keyFile.privateKey.d), { locale, layout: CURRENT_LAYOUT });
      if (wantsPdf) {
        if (!LAYOUTS[CURRENT_LAYOUT]) throw new CliError(t.issueNeedsLayout(CURRENT_LAYOUT));
        bytes = await buildReportPdf(envelope, method.definition);
      }
    } else {
      // format 2: ES256, report settings signed inside; the PDF carries a PAdES signature by the same key
      // the one issuing step of the app and the CLI (scoring/issuing.ts); a loaded method travels with it
      const v2 = await signedRevisionV2(scan, { ...common, assessor: { ...assessorBase, key: keyFile.publicKey }, report: { locale, layout: CURRENT_SIGNED_LAYOUT } }, (text) => signWithPrivateJwk('revision', text, keyFile.privateKey), method);
      envelope = v2;
      if (wantsPdf) {
        const { importP256SigningKey } = await import('../../report/pades');
        bytes = await buildSignedReportPdf(v2, method.definition, await importP256SigningKey(keyFile.privateKey));
      }
    }
    if (bytes) {
      await writeFile(resolve(ctx.io.cwd, o.out), bytes);
    } else {
      await writeFile(resolve(ctx.io.cwd, o.out), anyEnvelopeJsonText(envelope));
    }
    if (ctx.json) ctx.outJson({ file: o.out, referenceCode: envelope.referenceCode, contentHash: envelope.contentHash, formatVersion: envelope.formatVersion, fingerprint: keyFingerprint(keyFile.publicKey) });
    else ctx.out(t.issueWritten(o.out, envelope.referenceCode));
    return EXIT.ok;
  },
};

/* ------------------------------------------------------------------------------------------ */
/* trustlist new | add | revoke | sign                                                        */
/* ------------------------------------------------------------------------------------------ */

/** A draft: the content of a trust list, unsigned (or a signed list, whose content is taken). */
async function readDraft(ctx: CommandContext, path: string): Promise<TrustListContent> {
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
  const env = trustListEnvelopeSchema.safeParse(json);
  if (env.success) return env.data.content;
  const draft = parseJsonWith(trustListContentSchema, json);
  if (!draft.ok) throw new CliError(ctx.s.trust.draftInvalid(path, draft.errors[0] ? fieldErrorText(draft.errors[0], ctx.lang) : '?'));
  return draft.value;
}

async function writeDraft(ctx: CommandContext, path: string, content: TrustListContent): Promise<number> {
  const checked = parseJsonWith(trustListContentSchema, content);
  if (!checked.ok) throw new CliError(ctx.s.trust.draftInvalid(path, checked.errors[0] ? fieldErrorText(checked.errors[0], ctx.lang) : '?'));
  await writeFile(resolve(ctx.io.cwd, path), `${JSON.stringify(JSON.parse(canonicalJson(content)), null, 2)}\n`);
  if (ctx.json) ctx.outJson({ file: path, entries: content.entries.length, revocations: content.revocations.length });
  else ctx.out(ctx.s.trust.listWritten(path, content.entries.length, content.revocations.length));
  return EXIT.ok;
}

const TRUSTLIST_USAGE = {
  en: [
    'quickscan trustlist new <draft.json> --name <list name> --operator-key <key file> --operator <name> [--organisation <org>] [--valid-until <date>]',
    'quickscan trustlist add <draft.json> --key <public key file> --name <name> --role <role> [--organisation <org>] [--valid-from <date>] [--valid-to <date>]',
    'quickscan trustlist revoke <draft.json> --fingerprint <XXXX-XXXX-XXXX-XXXX> --reason <reason> [--at <date>]',
    'quickscan trustlist sign <draft.json> --key <operator key file> --out <list.quickscan-trustlist.json> [--valid-until <date>]',
  ],
  nl: [
    'quickscan trustlist new <concept.json> --name <naam van de lijst> --operator-key <sleutelbestand> --operator <naam> [--organisation <org>] [--valid-until <datum>]',
    'quickscan trustlist add <concept.json> --key <publiek sleutelbestand> --name <naam> --role <rol> [--organisation <org>] [--valid-from <datum>] [--valid-to <datum>]',
    'quickscan trustlist revoke <concept.json> --fingerprint <XXXX-XXXX-XXXX-XXXX> --reason <reden> [--at <datum>]',
    'quickscan trustlist sign <concept.json> --key <sleutelbestand beheerder> --out <lijst.quickscan-trustlist.json> [--valid-until <datum>]',
  ],
};

function trustlistHelp(s: CommandContext['s'], which: 0 | 1 | 2 | 3): CommandHelp {
  const nl = langOf(s) === 'nl';
  const usage = TRUSTLIST_USAGE[nl ? 'nl' : 'en'][which]!;
  const summaries = nl
    ? ['Een nieuw concept van een vertrouwenslijst', 'Een sleutel op het concept zetten', 'Een sleutel intrekken in het concept', 'Het concept ondertekenen als vertrouwenslijst (volgende versie)']
    : ['Start a trust list draft', 'Add a key to the draft', 'Revoke a key in the draft', 'Sign the draft as a trust list (next version)'];
  const description = nl
    ? [`Rollen: ${TRUST_ROLES.join(', ')}. Redenen van intrekking: ${REVOCATION_REASONS.join(', ')}. Een sleutel die na de uitgiftedatum van een revisie is ingetrokken, houdt die revisie geldig; date een intrekking wegens compromittering dus op het vermoedelijke moment ervan. Zie docs/trust-lists.md.`]
    : [`Roles: ${TRUST_ROLES.join(', ')}. Revocation reasons: ${REVOCATION_REASONS.join(', ')}. A key revoked after a revision's issue date keeps that revision passing, so date a revocation for key compromise at the suspected moment of compromise. See docs/trust-lists.md.`];
  return { usage, summary: summaries[which]!, description, options: [], examples: [usage.split(' [')[0]!] };
}

export const trustlistNewCommand: Command = {
  path: ['trustlist', 'new'],
  options: { name: { type: 'string' }, 'operator-key': { type: 'string' }, operator: { type: 'string' }, organisation: { type: 'string' }, 'valid-until': { type: 'string' } },
  positionals: { min: 1, max: 1 },
  help: (s) => trustlistHelp(s, 0),
  async run(ctx) {
    const o = ctx.args.options as Record<string, string | undefined>;
    if (!o.name) throw new CliError(ctx.s.missingValue('--name'));
    if (!o['operator-key']) throw new CliError(ctx.s.missingValue('--operator-key'));
    if (!o.operator) throw new CliError(ctx.s.missingValue('--operator'));
    const operatorKey = await readPublicKey(ctx, o['operator-key']);
    const now = new Date();
    const content: TrustListContent = {
      format: 'quickscan-trustlist',
      formatVersion: 1,
      listId: randomUUID(),
      name: o.name,
      sequence: 0 + 1,
      issuedAt: now.toISOString(),
      validUntil: dateOption(ctx, '--valid-until', o['valid-until'], new Date(now.getTime() + 365 * 86_400_000).toISOString()),
      operator: { name: o.operator, organisation: o.organisation ?? '', key: operatorKey.key },
      entries: [],
      revocations: [],
    };
    return writeDraft(ctx, ctx.args.positionals[0]!, content);
  },
};

export const trustlistAddCommand: Command = {
  path: ['trustlist', 'add'],
  options: { key: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' }, 'valid-from': { type: 'string' }, 'valid-to': { type: 'string' } },
  positionals: { min: 1, max: 1 },
  help: (s) => trustlistHelp(s, 1),
  async run(ctx) {
    const t = ctx.s.trust;
    const o = ctx.args.options as Record<string, string | undefined>;
    const path = ctx.args.positionals[0]!;
    if (!o.key) throw new CliError(ctx.s.missingValue('--key'));
    if (!o.name) throw new CliError(ctx.s.missingValue('--name'));
    if (!o.role) throw new CliError(ctx.s.missingValue('--role'));
    if (!(TRUST_ROLES as readonly string[]).includes(o.role)) throw new CliError(t.badRole(o.role, TRUST_ROLES));
    const content = await readDraft(ctx, path);
    const { key } = await readPublicKey(ctx, o.key);
    const fp = keyFingerprint(key);
    if (content.entries.some((e) => keyFingerprint(e.key) === fp)) throw new CliError(t.keyAlreadyListed(fp));
    const validTo = o['valid-to'] === undefined ? undefined : dateOption(ctx, '--valid-to', o['valid-to'], '');
    content.entries.push({
      key,
      name: o.name,
      organisation: o.organisation ?? '',
      role: o.role as TrustRole,
      validFrom: dateOption(ctx, '--valid-from', o['valid-from'], new Date().toISOString()),
      ...(validTo !== undefined ? { validTo } : {}),
    });
    return writeDraft(ctx, path, content);
  },
};

export const trustlistRevokeCommand: Command = {
  path: ['trustlist', 'revoke'],
  options: { fingerprint: { type: 'string' }, reason: { type: 'string' }, at: { type: 'string' }, note: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  help: (s) => trustlistHelp(s, 2),
  async run(ctx) {
    const t = ctx.s.trust;
    const o = ctx.args.options as Record<string, string | undefined>;
    const path = ctx.args.positionals[0]!;
    if (!o.fingerprint) throw new CliError(ctx.s.missingValue('--fingerprint'));
    if (!o.reason) throw new CliError(ctx.s.missingValue('--reason'));
    if (!(REVOCATION_REASONS as readonly string[]).includes(o.reason)) throw new CliError(t.badReason(o.reason, REVOCATION_REASONS));
    const content = await readDraft(ctx, path);
    content.revocations.push({
      fingerprint: o.fingerprint.trim().toUpperCase(),
      revokedAt: dateOption(ctx, '--at', o.at, new Date().toISOString()),
      reason: o.reason as RevocationReason,
      ...(o.note ? { note: o.note } : {}),
    });
    return writeDraft(ctx, path, content);
  },
};

export const trustlistSignCommand: Command = {
  path: ['trustlist', 'sign'],
  options: { key: { type: 'string' }, out: { type: 'string' }, 'valid-until': { type: 'string' } },
  positionals: { min: 1, max: 1 },
  help: (s) => trustlistHelp(s, 3),
  async run(ctx) {
    const t = ctx.s.trust;
    const o = ctx.args.options as Record<string, string | undefined>;
    const path = ctx.args.positionals[0]!;
    if (!o.key) throw new CliError(ctx.s.missingValue('--key'));
    if (!o.out) throw new CliError(ctx.s.missingValue('--out'));
    const draft = await readDraft(ctx, path);
    const keyFile = await readKeyFile(ctx, o.key);
    const operatorFp = keyFingerprint(draft.operator.key);
    if (keyFile.fingerprint !== operatorFp) throw new CliError(t.operatorKeyMismatch(operatorFp));
    // a signed list given as the draft: its next version
    const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path);
    const wasSigned = trustListEnvelopeSchema.safeParse(json).success;
    const now = new Date();
    const content: TrustListContent = {
      ...draft,
      sequence: wasSigned ? draft.sequence + 1 : draft.sequence,
      issuedAt: now.toISOString(),
      validUntil: dateOption(ctx, '--valid-until', o['valid-until'], Date.parse(draft.validUntil) > now.getTime() ? draft.validUntil : new Date(now.getTime() + 365 * 86_400_000).toISOString()),
    };
    const checked = parseJsonWith(trustListContentSchema, content);
    if (!checked.ok) throw new CliError(t.draftInvalid(path, checked.errors[0] ? fieldErrorText(checked.errors[0], ctx.lang) : '?'));
    const envelope = signTrustList(checked.value, keyFile.privateKey);
    await writeFile(resolve(ctx.io.cwd, o.out), trustListJsonText(envelope));
    // the draft moves on to the next version, so signing it again never repeats a version number
    if (!wasSigned) await writeFile(resolve(ctx.io.cwd, path), `${JSON.stringify(JSON.parse(canonicalJson({ ...checked.value, sequence: checked.value.sequence + 1 })), null, 2)}\n`);
    if (ctx.json) ctx.outJson({ file: o.out, listId: content.listId, sequence: content.sequence, operatorFingerprint: operatorFp, contentHash: envelope.contentHash });
    else ctx.out(t.listSigned(o.out, content.name, content.sequence, operatorFp));
    return EXIT.ok;
  },
};

export const TRUST_COMMANDS: readonly Command[] = [keyNewCommand, issueCommand, trustlistNewCommand, trustlistAddCommand, trustlistRevokeCommand, trustlistSignCommand];
