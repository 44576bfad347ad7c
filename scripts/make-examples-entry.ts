/**
 * Makes the issued examples in docs/examples/issued/ from the example scans in
 * docs/examples/*.quickscan.json: for each scan an envelope (`.quickscan-issued.json`) and the
 * PDF in Dutch and English, signed with the TEST key of report/fixtures/test-key.json (public,
 * so these files prove nothing about anyone). Run by scripts/make-examples.mjs.
 *
 * Reproducible: Ed25519 signatures are deterministic and the PDFs are too, so running it again
 * without changes rewrites identical files. report/examples.test.ts checks that the committed
 * files still verify as valid.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { getDefinition } from '../forms/registry';
import { sha256Hex } from '../forms/hash';
import {
  buildEnvelope,
  canonicalContent,
  envelopeJsonText,
  historyEntryOf,
  issuedContentFromScan,
  ISSUE_PHASES,
  type IssueInput,
  type IssuePhase,
} from '../scoring/issued';
import { parseScanFile, type ScanFile } from '../scoring/scan-file';
import { keyFingerprint, publicKeyFromSecretKey, signWithSecretKey } from '../scoring/signature';
import { buildReportPdf, buildSignedReportPdf, CURRENT_LAYOUT, CURRENT_SIGNED_LAYOUT } from '../report/pdf';
import { importP256SigningKey } from '../report/pades';
import { canonicalJson } from '../forms/hash';
import { buildEnvelopeV2, issuedContentV2FromScan } from '../scoring/issued';
import { keyFingerprint as jwkFingerprint, publicJwkOf, signWithPrivateJwk, type PrivateJwk } from '../scoring/keys';

interface ExampleIssue {
  assessor: Omit<IssueInput['assessor'], 'publicKey'>;
  issuedAt: string;
  assumptions: string;
  exclusions: string;
  followUp: IssueInput['followUp'];
  /** An earlier revision issued from the same scan at this phase and time (to show the history). */
  earlier?: { phase: IssuePhase; issuedAt: string };
}

/** Issue details per example scan (by file name); other scans get DEFAULT_ISSUE. */
const ISSUES: Record<string, ExampleIssue> = {
  'new-build-school-goes': {
    assessor: { name: 'Anouk de Vries', organisation: 'Zeeuws Architectenbureau Onder de Toren', role: 'Projectarchitect', assessmentType: 'self' },
    issuedAt: '2026-11-22T10:15:00.000Z',
    assumptions: 'Kosten exclusief btw, prijspeil 2026, ten opzichte van een traditioneel gebouwde school met dezelfde BVO. MPG berekend met de Nationale Milieudatabase van oktober 2026.',
    exclusions: 'Terreininrichting, gymzaal en losse inventaris.',
    followUp: [
      { phase: 'DO', plannedDate: '2027-02-15' },
      { phase: 'execution', plannedDate: '2027-09-01' },
      { phase: 'delivery', plannedDate: '2028-06-30' },
    ],
    earlier: { phase: 'SO', issuedAt: '2026-06-12T14:00:00.000Z' },
  },
  'renovation-office-middelburg': {
    assessor: { name: 'ir. Pieter Verhulst', organisation: 'Circulair Advies Walcheren', role: 'Onafhankelijk adviseur circulair bouwen', assessmentType: 'independent' },
    issuedAt: '2026-11-19T09:30:00.000Z',
    assumptions: 'Bestaande betonskelet blijft staan; kosten volgens de kostenraming SO van oktober 2026, exclusief btw.',
    exclusions: 'Asbestsanering (apart traject) en parkeerkelder.',
    followUp: [
      { phase: 'VO', plannedDate: '2027-03-01' },
      { phase: 'delivery', plannedDate: '2029-01-31' },
    ],
  },
  'holiday-park-veere-na': {
    assessor: { name: 'Sanne Kodde', organisation: 'Duinpark Oostkapelle B.V.', role: 'Ontwikkelaar', assessmentType: 'self' },
    issuedAt: '2026-11-21T15:00:00.000Z',
    assumptions: 'Prijzen per recreatiewoning omgerekend naar BVO; prefab houtskeletbouw als referentie.',
    exclusions: 'Infrastructuur van het park en nutsaansluitingen.',
    followUp: [{ phase: 'tender', plannedDate: '2027-01-20' }],
  },
};

const DEFAULT_ISSUE: ExampleIssue = {
  assessor: { name: 'Voorbeeld Beoordelaar', organisation: 'Voorbeeldbureau', role: 'Adviseur', assessmentType: 'self' },
  issuedAt: '2026-11-22T12:00:00.000Z',
  assumptions: '',
  exclusions: '',
  followUp: [],
};

/** A stable UUID (version 4 layout) derived from a text, so the examples are reproducible. */
function stableUuid(seed: string): string {
  const h = sha256Hex(`quickscan-example:${seed}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface MadeExample {
  file: string;
  bytes: number;
}

export async function makeExamples(root: string): Promise<MadeExample[]> {
  const keyFile = JSON.parse(readFileSync(join(root, 'report/fixtures/test-key.json'), 'utf8')) as { secretKey: string; publicKey: string; label: string };
  if (publicKeyFromSecretKey(keyFile.secretKey) !== keyFile.publicKey) throw new Error('report/fixtures/test-key.json: the public key does not belong to the secret key');
  const outDir = join(root, 'docs/examples/issued');
  mkdirSync(outDir, { recursive: true });
  const made: MadeExample[] = [];
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(outDir, name), data);
    made.push({ file: `docs/examples/issued/${name}`, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length });
  };

  // signed PDFs (format 2, report layout 2, PAdES) with the TEST P-256 key, in docs/examples/signed/;
  // ECDSA signatures are randomised, so these files differ on every run
  const p256 = JSON.parse(readFileSync(join(root, 'report/fixtures/test-key-p256.json'), 'utf8')) as { label: string; privateJwk: PrivateJwk & { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string } };
  const p256Public = publicJwkOf(p256.privateJwk);
  const signingKey = await importP256SigningKey(p256.privateJwk);
  const signedDir = join(root, 'docs/examples/signed');
  mkdirSync(signedDir, { recursive: true });
  const writeSigned = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(signedDir, name), data);
    made.push({ file: `docs/examples/signed/${name}`, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length });
  };

  const scans = readdirSync(join(root, 'docs/examples'))
    .filter((f) => f.endsWith('.quickscan.json'))
    .sort();
  if (scans.length === 0) throw new Error('no example scans in docs/examples/*.quickscan.json');

  for (const file of scans) {
    const name = basename(file, '.quickscan.json');
    const parsed = parseScanFile(readFileSync(join(root, 'docs/examples', file), 'utf8'));
    if (!parsed.ok) throw new Error(`docs/examples/${file} is not a valid scan file: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    const scan: ScanFile = parsed.file;
    const loaded = getDefinition(scan.method.id, scan.method.version);
    if (!loaded || loaded.sha256 !== scan.method.sha256) {
      throw new Error(`docs/examples/${file}: method ${scan.method.id} ${scan.method.version} (${scan.method.sha256.slice(0, 12)}…) is not a release of this build`);
    }
    const details = ISSUES[name] ?? DEFAULT_ISSUE;
    const phase: IssuePhase = (ISSUE_PHASES as readonly string[]).includes(scan.project.phase) ? (scan.project.phase as IssuePhase) : 'VO';
    const base: Omit<IssueInput, 'revisionId' | 'issuedAt' | 'phase' | 'history'> = {
      assessor: { ...details.assessor, publicKey: keyFile.publicKey },
      assumptions: details.assumptions,
      exclusions: details.exclusions,
      followUp: details.followUp,
    };
    const sign = (input: IssueInput) => {
      const content = issuedContentFromScan(scan, input);
      return buildEnvelope(content, signWithSecretKey(canonicalContent(content), keyFile.secretKey), { locale: 'nl', layout: CURRENT_LAYOUT });
    };

    const history = [];
    if (details.earlier) {
      const earlier = sign({ ...base, revisionId: stableUuid(`${name}/${details.earlier.phase}`), issuedAt: details.earlier.issuedAt, phase: details.earlier.phase, history: [] });
      write(`${name}.${details.earlier.phase}.quickscan-issued.json`, envelopeJsonText(earlier));
      history.push(historyEntryOf(earlier));
    }
    const envelope = sign({ ...base, revisionId: stableUuid(`${name}/${phase}`), issuedAt: details.issuedAt, phase, history });
    write(`${name}.quickscan-issued.json`, envelopeJsonText(envelope));
    for (const locale of ['nl', 'en'] as const) {
      const pdf = await buildReportPdf({ ...envelope, report: { locale, layout: CURRENT_LAYOUT } }, loaded.definition);
      write(`${name}.${locale}.pdf`, pdf);
    }
    for (const locale of ['nl', 'en'] as const) {
      const { publicKey: _publicKey, ...assessor } = base.assessor;
      const content = issuedContentV2FromScan(scan, {
        ...base,
        assessor: { ...assessor, key: p256Public },
        revisionId: stableUuid(`${name}/${phase}/format-2`),
        issuedAt: details.issuedAt,
        phase,
        history: [],
        report: { locale, layout: CURRENT_SIGNED_LAYOUT },
      });
      const v2 = buildEnvelopeV2(content, signWithPrivateJwk('revision', canonicalJson(content), p256.privateJwk));
      writeSigned(`${name}.signed.${locale}.pdf`, await buildSignedReportPdf(v2, loaded.definition, signingKey));
    }
  }
  writeSigned(
    'test-key-p256.public.json',
    `${JSON.stringify({ $comment: 'The public half of the TEST P-256 key that signs these PDFs (its private key is committed in report/fixtures/test-key-p256.json, so a signature by it proves nothing).', label: p256.label, key: p256Public, fingerprint: jwkFingerprint(p256Public) }, null, 2)}\n`,
  );

  write(
    'test-key.public.json',
    `${JSON.stringify(
      {
        $comment:
          'The public half of the TEST key that signs these examples (its secret is committed in report/fixtures/test-key.json, so a signature by it proves nothing). Add it to the trusted keys only to try out verification.',
        label: keyFile.label,
        publicKey: keyFile.publicKey,
        fingerprint: keyFingerprint(keyFile.publicKey),
      },
      null,
      2,
    )}\n`,
  );
  return made;
}
