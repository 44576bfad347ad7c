/**
 * Makes the tender examples in docs/examples/tender/ (see its README.md): a requirement profile
 * signed with the example authority's TEST key, twelve bids issued as PDFs with the report code
 * (each bid's file name says what it shows), a trusted-keys file for the bidders' TEST key, a
 * delivery revision of bid 01 for `quickscan diff` with its re-validation report (Dutch and
 * English), and two bids issued again with the requirement profile embedded (their PDFs show the
 * compliance section). Run by scripts/make-tender-examples.mjs.
 *
 * Every key used here is a TEST key whose secret is committed (report/fixtures/test-key.json,
 * report/fixtures/other-test-key.json, docs/examples/tender/authority-test-key.json): these files
 * prove nothing about anyone. All bidders, people and the tender are fictitious.
 *
 * Reproducible: fixed dates and ids, deterministic Ed25519 signatures and PDFs. The script
 * checks that every bid complies (or not) as its name says, and cli/tender-examples.test.ts
 * checks the committed files with `quickscan verify --profile`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../forms/hash';
import { definitionHash, getDefinition } from '../forms/registry';
import type { QuickScanDefinition } from '../forms/schema';
import { buildReportPdf, CURRENT_LAYOUT } from '../report/pdf';
import { buildRevalidationPdf } from '../report/revalidation';
import { editPageContent, pageContentText, replaceAttachedEnvelope } from '../report/fixtures/tamper';
import { checkCompliance } from '../scoring/compliance';
import {
  buildEnvelope,
  canonicalContent,
  envelopeJsonText,
  historyEntryOf,
  type IssuedContent,
  type IssuedEnvelope,
  type ReportLocale,
} from '../scoring/issued';
import { buildProfileEnvelope, canonicalProfileContent, profileEnvelopeJsonText, type ProfileContentV1 as ProfileContent } from '../scoring/profile';
import type { Answer, EvidenceRef, ProjectInputs } from '../scoring/scan-file';
import { keyFingerprint, publicKeyFromSecretKey, signWithSecretKey } from '../scoring/signature';

interface KeyFile {
  secretKey: string;
  publicKey: string;
  label: string;
}

/** A stable UUID (version 4 layout) derived from a text, so the examples are reproducible. */
function stableUuid(seed: string): string {
  const h = sha256Hex(`quickscan-tender-example:${seed}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function evidence(seed: string, name: string, type: string, size: number, addedAt: string): EvidenceRef {
  return { id: stableUuid(`evidence/${seed}/${name}`), name, type, size, sha256: sha256Hex(`evidence-file:${seed}/${name}`), addedAt };
}

/* ------------------------------------------------------------------------------------------ */
/* The tender                                                                                 */
/* ------------------------------------------------------------------------------------------ */

const TENDER = {
  name: 'Nieuwbouw Integraal Kindcentrum De Schelp, Kapelle (voorbeeld)',
  reference: 'KAP-2026-IKC-017',
  authority: 'Gemeente Kapelle (fictief voorbeeld)',
  created: '2026-11-02',
};

function profileContent(methodSha: string, authorityKey: string): ProfileContent {
  return {
    format: 'quickscan-requirement-profile',
    formatVersion: 1,
    id: stableUuid('profile'),
    tender: { name: TENDER.name, reference: TENDER.reference },
    contractingAuthority: TENDER.authority,
    created: TENDER.created,
    method: { id: 'zeeland-quickscan', version: '1.0.0', sha256: methodSha },
    minimumLabel: 'silver',
    themeMinimums: { C: 40, F: 30 },
    mustHaves: [
      { question: 'C1', minLevel: 'l2' },
      { question: 'D2', minLevel: 'l2' },
      { question: 'F1', minLevel: 'l3' },
      { question: 'G1', minLevel: 'l2' },
    ],
    valuePerPointEur: 2500,
    notes:
      'Voorbeeld (fictief). Minimaal label Zilver; Verbindingen minimaal 40 en Informatie minimaal 30; eisen: overwegend mechanische verbindingen (C1), bereikbare installatiezones (D2), paspoort op elementniveau (F1), terugnamegarantie (G1). Fictieve korting: EUR 2.500 per punt van het totaal.',
    signer: { name: 'ir. L. Dekker (fictief)', role: 'Inkoopadviseur duurzaam bouwen', publicKey: authorityKey },
  };
}

function project(bid: string): ProjectInputs {
  return {
    id: stableUuid(`project/${bid}`),
    name: 'IKC De Schelp',
    address: 'Schelpenlaan 1, 4421 AA Kapelle (fictief)',
    municipality: 'Kapelle',
    client: TENDER.authority,
    buildingType: 'education',
    kind: 'new_build',
    phase: 'tender',
    gfaM2: 3200,
    constructionBudgetEur: 8500000,
    circularBudget: { mode: 'pct', pct: 3 },
  };
}

/**
 * Answers as one level digit per question of zeeland-quickscan 1.0.0, in definition order,
 * in groups of four per theme (A..I): `-` unanswered (A2 and A4 do not apply to a new build),
 * `n` marked not applicable.
 */
function answersFrom(code: string, questionIds: readonly string[]): Record<string, Answer> {
  const chars = code.replace(/ /g, '');
  if (chars.length !== questionIds.length) throw new Error(`answer code ${code} has ${chars.length} answers, the method ${questionIds.length}`);
  const answers: Record<string, Answer> = {};
  questionIds.forEach((id, i) => {
    const c = chars[i]!;
    if (c === 'n') answers[id] = { notApplicable: true };
    else if (c !== '-') answers[id] = { level: `l${c}` };
  });
  return answers;
}

interface Bid {
  /** File name without .pdf. */
  file: string;
  bidder: string;
  assessor: string;
  role: string;
  code: string;
  issuedAt: string;
  locale?: ReportLocale;
  /** What the file name promises, checked before writing. */
  expect: { compliant: boolean; gaps?: string[] };
  /** Sign with the other TEST key (not on the trusted list). */
  otherSigner?: boolean;
  /** Issue with a method version this build does not know. */
  unknownMethod?: boolean;
  tamper?: 'pages' | 'data';
  notes?: Record<string, string>;
  evidence?: Record<string, EvidenceRef[]>;
}

const DAY = (d: number, h = 10) => `2026-12-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;

const BIDS: Bid[] = [
  {
    file: 'bid-01-compliant-gold',
    bidder: 'Bouwcombinatie Deltaweg (fictief)',
    assessor: 'S. de Wit',
    role: 'Tendermanager',
    code: '3-3- 3232 3332 3332 3232 3323 3332 2222 3232',
    issuedAt: DAY(1),
    expect: { compliant: true },
    notes: {
      C1: 'Houtskeletbouw met geschroefde en geboute verbindingen; gevel droog gemonteerd.',
      F1: 'Paspoort op elementniveau in Madaster, opgesteld vanaf het DO.',
      G1: 'Terugnamegarantie gevelbekleding en systeemplafonds (intentieverklaringen).',
    },
    evidence: {
      C1: [evidence('bid-01', 'detail-gevelaansluiting.pdf', 'application/pdf', 482113, '2026-11-28T09:00:00.000Z')],
      G1: [evidence('bid-01', 'intentieverklaring-terugname.pdf', 'application/pdf', 120877, '2026-11-29T14:10:00.000Z')],
    },
  },
  {
    file: 'bid-02-compliant-silver',
    bidder: 'Bouwbedrijf Middenmeer (fictief)',
    assessor: 'P. Janse',
    role: 'Calculator',
    code: '2-2- 2222 2322 2222 2222 3222 2222 2222 2222',
    issuedAt: DAY(2),
    expect: { compliant: true },
  },
  {
    file: 'bid-03-compliant-platinum',
    bidder: 'Circulair Bouwteam Walcheren (fictief)',
    assessor: 'ing. R. Minderhoud',
    role: 'Adviseur circulair bouwen',
    code: '4-3- 4343 4443 4343 3333 4333 4343 3333 4343',
    issuedAt: DAY(3),
    expect: { compliant: true },
    notes: { C1: 'Volledig demontabel houtbouwsysteem.' },
  },
  {
    file: 'bid-04-not-compliant-musthave',
    bidder: 'Aannemersbedrijf Oosterschelde (fictief)',
    assessor: 'K. Verhage',
    role: 'Projectleider',
    code: '3-3- 3232 1332 3332 3232 3323 3332 2222 3232',
    issuedAt: DAY(3, 15),
    expect: { compliant: false, gaps: ['must-have C1'] },
    notes: { C1: 'Gevel verlijmd, binnenwanden gedeeltelijk geschroefd.' },
  },
  {
    file: 'bid-05-not-compliant-theme',
    bidder: 'Bouwgroep De Bevelanden (fictief)',
    assessor: 'M. Hoogerland',
    role: 'Werkvoorbereider',
    code: '2-2- 2222 2322 2222 3322 3100 2222 2222 2222',
    issuedAt: DAY(4),
    expect: { compliant: false, gaps: ['theme F'] },
  },
  {
    file: 'bid-06-not-compliant-label',
    bidder: 'Bouwbedrijf Scheldeoord (fictief)',
    assessor: 'J. Padmos',
    role: 'Directeur',
    code: '1-1- 1111 2222 1211 1111 3211 2111 1111 1111',
    issuedAt: DAY(4, 14),
    expect: { compliant: false, gaps: ['label'] },
  },
  {
    file: 'bid-07-altered-pages',
    bidder: 'Houtbouw Zeeland (fictief)',
    assessor: 'A. Kodde',
    role: 'Tendermanager',
    code: '3-3- 3332 3332 3332 3332 3322 3332 2322 3322',
    issuedAt: DAY(5),
    expect: { compliant: true },
    tamper: 'pages',
  },
  {
    file: 'bid-08-altered-data',
    bidder: 'Bouwonderneming Biezelinge (fictief)',
    assessor: 'W. Sinke',
    role: 'Calculator',
    code: '3-3- 3222 1322 2322 2222 3222 2222 2222 2222',
    issuedAt: DAY(5, 16),
    expect: { compliant: false, gaps: ['must-have C1'] },
    tamper: 'data',
  },
  {
    file: 'bid-09-unknown-signer',
    bidder: 'Bouwbedrijf Noordzee (fictief)',
    assessor: 'E. Buijze',
    role: 'Projectontwikkelaar',
    code: '3-3- 3332 4333 3432 3232 3333 3332 3222 3332',
    issuedAt: DAY(6),
    expect: { compliant: true },
    otherSigner: true,
  },
  {
    file: 'bid-10-not-compliant-na-musthave',
    bidder: 'Aannemer Reimerswaal (fictief)',
    assessor: 'H. Dominicus',
    role: 'Projectleider',
    code: '3-3- 3232 3332 3n32 3232 3323 3332 2222 3232',
    issuedAt: DAY(7),
    expect: { compliant: false, gaps: ['must-have D2'] },
    notes: { D2: 'Installaties in de vloer; bereikbaarheid niet van toepassing geacht.' },
  },
  {
    file: 'bid-11-unknown-method',
    bidder: 'Bouwbedrijf Tholen (fictief)',
    assessor: 'D. Quist',
    role: 'Tendermanager',
    code: '3-3- 3322 3333 3322 3222 3332 3322 3222 3322',
    issuedAt: DAY(7, 15),
    expect: { compliant: true },
    unknownMethod: true,
  },
  {
    file: 'bid-12-compliant-silver-en',
    bidder: 'Sluis Construction (fictitious)',
    assessor: 'T. Cornelis',
    role: 'Bid manager',
    // the same theme points as bid 02 (C2 and C3 swapped): the same exact total, a shared rank
    code: '2-2- 2222 2232 2222 2222 3222 2222 2222 2222',
    issuedAt: DAY(8),
    locale: 'en',
    expect: { compliant: true },
  },
];

/** Bids issued again with the requirement profile embedded (a new revision each): file, bid, language. */
const WITH_PROFILE: [string, string, ReportLocale][] = [
  ['bid-01-compliant-gold.with-profile.nl', 'bid-01-compliant-gold', 'nl'],
  ['bid-04-not-compliant-musthave.with-profile.en', 'bid-04-not-compliant-musthave', 'en'],
];

/** Bid 01 again at delivery: some promises kept, some not. */
const DELIVERY_CODE = '3-3- 3232 2332 3332 4232 3223 1332 2222 3232';

/* ------------------------------------------------------------------------------------------ */

export interface MadeExample {
  file: string;
  bytes: number;
}

export async function makeTenderExamples(root: string): Promise<MadeExample[]> {
  const readKey = (path: string): KeyFile => {
    const key = JSON.parse(readFileSync(join(root, path), 'utf8')) as KeyFile;
    if (publicKeyFromSecretKey(key.secretKey) !== key.publicKey) throw new Error(`${path}: the public key does not belong to the secret key`);
    return key;
  };
  const bidderKey = readKey('report/fixtures/test-key.json');
  const otherKey = readKey('report/fixtures/other-test-key.json');
  const authorityKey = readKey('docs/examples/tender/authority-test-key.json');

  const loaded = getDefinition('zeeland-quickscan', '1.0.0');
  if (!loaded) throw new Error('zeeland-quickscan 1.0.0 is not registered');
  const definition = loaded.definition;
  const questionIds = definition.questions.map((q) => q.id);

  const outDir = join(root, 'docs/examples/tender');
  mkdirSync(join(outDir, 'delivery'), { recursive: true });
  mkdirSync(join(outDir, 'with-profile'), { recursive: true });
  const made: MadeExample[] = [];
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(outDir, name), data);
    made.push({ file: `docs/examples/tender/${name}`, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length });
  };

  // the requirement profile, signed by the (test) contracting authority
  const profile = profileContent(loaded.sha256, authorityKey.publicKey);
  const profileEnvelope = buildProfileEnvelope(profile, signWithSecretKey(canonicalProfileContent(profile), authorityKey.secretKey));
  write('requirement-profile.json', profileEnvelopeJsonText(profileEnvelope));

  write(
    'trusted-bidder-keys.json',
    `${JSON.stringify(
      [
        {
          label: `${bidderKey.label}: signs the example bids (TEST ONLY)`,
          publicKey: bidderKey.publicKey,
        },
      ],
      null,
      2,
    )}\n`,
  );

  // an unreleased method version, for bid 11
  const draft: QuickScanDefinition = { ...structuredClone(definition), version: '1.1.0' };
  const draftSha = definitionHash(draft);

  const sign = (content: IssuedContent, key: KeyFile, locale: ReportLocale): IssuedEnvelope =>
    buildEnvelope(content, signWithSecretKey(canonicalContent(content), key.secretKey), { locale, layout: CURRENT_LAYOUT });

  const contentFor = (bid: Bid, code: string, key: KeyFile, overrides: Partial<IssuedContent> = {}): IssuedContent => {
    const answers = answersFrom(code, questionIds);
    for (const [q, note] of Object.entries(bid.notes ?? {})) if (answers[q]) answers[q] = { ...answers[q]!, note };
    for (const [q, refs] of Object.entries(bid.evidence ?? {})) if (answers[q]) answers[q] = { ...answers[q]!, evidence: refs };
    return {
      format: 'quickscan-issued',
      formatVersion: 1,
      revisionId: stableUuid(`revision/${bid.file}`),
      issuedAt: bid.issuedAt,
      phase: 'tender',
      assessor: { name: `${bid.assessor} (fictief)`, organisation: bid.bidder, role: bid.role, assessmentType: 'self', publicKey: key.publicKey },
      method: bid.unknownMethod ? { id: draft.id, version: draft.version, sha256: draftSha } : { id: definition.id, version: definition.version, sha256: loaded.sha256 },
      project: project(bid.file),
      scan: { id: stableUuid(`scan/${bid.file}`), name: `Inschrijving ${TENDER.reference}`, answers },
      assumptions: 'Kosten exclusief btw, prijspeil 2026, ten opzichte van een traditioneel gebouwd kindcentrum met dezelfde BVO.',
      exclusions: 'Terreininrichting en losse inventaris.',
      history: [],
      followUp: [
        { phase: 'execution', plannedDate: '2027-10-01' },
        { phase: 'delivery', plannedDate: '2028-08-31' },
      ],
      ...overrides,
    };
  };

  let bid01: IssuedEnvelope | undefined;
  for (const bid of BIDS) {
    const key = bid.otherSigner ? otherKey : bidderKey;
    const locale = bid.locale ?? 'nl';
    const content = contentFor(bid, bid.code, key);

    // the file name must tell the truth
    const compliance = checkCompliance(definition, { project: content.project, answers: content.scan.answers }, profile);
    const gaps = compliance.missing.map((g) => (g.kind === 'must-have' ? `must-have ${g.question}` : g.kind === 'theme' ? `theme ${g.theme}` : g.kind));
    if (compliance.compliant !== bid.expect.compliant || JSON.stringify(gaps) !== JSON.stringify(bid.expect.gaps ?? [])) {
      throw new Error(`${bid.file}: compliant ${compliance.compliant}, gaps ${JSON.stringify(gaps)}; expected ${JSON.stringify(bid.expect)}`);
    }

    const envelope = sign(content, key, locale);
    if (bid.file === 'bid-01-compliant-gold') bid01 = envelope;
    let pdf = await buildReportPdf(envelope, bid.unknownMethod ? draft : definition);
    if (bid.tamper === 'pages') {
      // someone "improves" the printed total on the cover: one digit in the page's text
      const total = compliance.score.total!.display;
      const printed = (locale === 'nl' ? total.toFixed(1).replace('.', ',') : total.toFixed(1));
      const raised = printed.replace(/^\d/, (d) => String(Math.min(9, Number(d) + 1)));
      const page = await pageContentText(pdf, 0);
      if (!page.includes(`(${printed})`)) throw new Error(`${bid.file}: the printed total ${printed} is not on the cover`);
      pdf = await editPageContent(pdf, 0, (text) => text.replace(`(${printed})`, `(${raised})`));
    } else if (bid.tamper === 'data') {
      // someone raises C1 in the attached data so that the bid seems to meet the must-have
      pdf = await replaceAttachedEnvelope(pdf, (text) => {
        const env = JSON.parse(text) as IssuedEnvelope;
        env.content.scan.answers.C1 = { level: 'l3' };
        return envelopeJsonText(env);
      });
    }
    write(`${bid.file}.pdf`, pdf);
  }

  // bid 01 at delivery: the same scan re-validated, with the tender revision in its history
  const first = BIDS[0]!;
  const delivery = contentFor(
    { ...first, file: 'bid-01-delivery', issuedAt: '2028-09-12T10:00:00.000Z' },
    DELIVERY_CODE,
    bidderKey,
    {
      phase: 'delivery',
      assessor: { name: 'ir. B. Lievense (fictief)', organisation: 'Bureau Bouwtoets Zeeland (fictief)', role: 'Onafhankelijk toetser', assessmentType: 'independent', publicKey: bidderKey.publicKey },
      project: { ...project(first.file), phase: 'delivery' },
      history: [historyEntryOf(bid01!)],
      followUp: [{ phase: 'use', plannedDate: '2030-09-01' }],
    },
  );
  delivery.scan = { ...delivery.scan, id: stableUuid(`scan/${first.file}`), name: 'Oplevering' };
  delivery.scan.answers.C1 = {
    level: 'l2',
    note: 'Gevelbekleding op de bouwplaats verlijmd in plaats van geschroefd (afwijking van het DO).',
    evidence: [evidence('delivery', 'foto-gevel-noord.jpg', 'image/jpeg', 2311044, '2028-09-01T11:20:00.000Z')],
  };
  delivery.scan.answers.G1 = { level: 'l1', note: 'Terugnamegarantie niet gecontracteerd; alleen snijafval en verpakking.' };
  delivery.scan.answers.E1 = {
    level: 'l4',
    evidence: [evidence('delivery', 'doorsnede-as-built.pdf', 'application/pdf', 811230, '2028-09-05T08:00:00.000Z')],
  };
  const deliveryEnvelope = sign(delivery, bidderKey, 'nl');
  write('delivery/bid-01-delivery.quickscan-issued.json', envelopeJsonText(deliveryEnvelope));
  write('delivery/bid-01-delivery.pdf', await buildReportPdf(deliveryEnvelope, definition));

  // the re-validation report of bid 01: the tender revision against the delivery revision
  for (const locale of ['nl', 'en'] as const) {
    write(`delivery/bid-01-revalidation.${locale}.pdf`, await buildRevalidationPdf(bid01!, deliveryEnvelope, { earlier: definition, later: definition }, locale, 1));
  }

  // bids issued with the requirement profile embedded: their PDFs get the compliance section
  for (const [file, bidFile, locale] of WITH_PROFILE) {
    const bid = BIDS.find((b) => b.file === bidFile)!;
    const content = contentFor(bid, bid.code, bidderKey, { revisionId: stableUuid(`revision/${bid.file}/with-profile`), profile: profileEnvelope });
    const compliance = checkCompliance(definition, { project: content.project, answers: content.scan.answers }, profile);
    if (compliance.compliant !== bid.expect.compliant) throw new Error(`${file}: compliant ${compliance.compliant}, expected ${bid.expect.compliant}`);
    write(`with-profile/${file}.pdf`, await buildReportPdf(sign(content, bidderKey, locale), definition));
  }

  made.push({ file: `(authority test key fingerprint ${keyFingerprint(authorityKey.publicKey)})`, bytes: 0 });
  return made;
}
