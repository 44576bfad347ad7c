import { getDefinition } from '../../forms/registry';
import { checkIssuedEnvelope } from '../../scoring/envelope-check';
import {
  anyEnvelopeJsonText,
  assessorKeyOf,
  buildEnvelope,
  canonicalContent,
  historyEntryOf,
  issuedContentFromScan,
  parseAnyEnvelope,
  reportSettingsOf,
  type AnyIssuedEnvelope,
  type FollowUp,
  type IssuePhase,
} from '../../scoring/issued';
import { signedRevisionV2 } from '../../scoring/issuing';
import { sameKey } from '../../scoring/keys';
import { addRevision, listRevisions, readIssuedPdf } from '../db/revisions';
import { newId } from '../db/projects';
import type { ProjectRecord, RevisionRecord, ScanRecord } from '../db/records';
import { buildScanFile } from '../scan/export';
import type { ProfileEnvelope } from '../../scoring/profile';
import { loadVerificationAnchors } from './anchors';
import type { AssessorProfile } from './assessor';
import { ed25519PublicKeyOf, getSigningKey, isLegacyKey, signCanonical, signForPurpose } from './signing';

/** The layout format-2 revisions are issued with (report/pdf.ts CURRENT_SIGNED_LAYOUT; kept here so the PDF code loads only when needed). */
const SIGNED_LAYOUT = 2;

export interface IssueRequest {
  phase: IssuePhase;
  /** The tender requirement profile loaded into the scan: embedded and signed with it, so the PDF shows compliance. */
  profile?: ProfileEnvelope | undefined;
  assessmentType: 'self' | 'independent';
  assumptions: string;
  exclusions: string;
  followUp: FollowUp[];
  /** The language of the pages: signed inside a format-2 revision, so the PDF is in this language only. */
  locale: 'nl' | 'en';
}

/** Why issuing or a revision's PDF was refused: a message key of the `keys` section (renderer/i18n). */
/** `profile-format-2`: a legacy Ed25519 key issues format 1, which cannot carry a format-2 profile (scoring/issued.ts ProfileFormatError). */
export type IssueRefusal = 'no-key' | 'unknown-method' | 'pdf-not-held' | 'profile-format-2';

export class IssueRefused extends Error {
  constructor(readonly code: IssueRefusal) {
    super(`issue refused: ${code}`);
    this.name = 'IssueRefused';
  }
}

/** The project's issued revisions, oldest first (stored by renderer/db/revisions.ts). */
export { listRevisions };

/** The stored envelope (format 1 or 2), checked again on every read (a stored record is never trusted blindly). */
export function envelopeOf(record: RevisionRecord): AnyIssuedEnvelope {
  const parsed = parseAnyEnvelope(record.envelope);
  // a stored record the app wrote itself no longer reads: a technical detail (path and code) for the failure message
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.code}`).join('; '));
  return parsed.envelope;
}

/**
 * The languages a revision's PDF is offered in: both for format 1 (its language is outside the
 * signed data, the pages are rebuilt), only the signed one for format 2.
 */
export function pdfLocalesOf(envelope: AnyIssuedEnvelope): ('nl' | 'en')[] {
  return envelope.formatVersion === 2 ? [envelope.content.report.locale] : ['nl', 'en'];
}

/**
 * Freezes a scan as an issued revision: canonical content, hash, reference code and the
 * assessor's signature. The revision links to the project's earlier revisions; it is stored once
 * and never edited. With a P-256 key it is format 2 (language and layout signed inside, purpose
 * `revision`) and its layout-2 PDF carries a PAdES signature by the same key; that PDF is stored
 * with it, as issued. An Ed25519 key (made before backups existed) still issues format 1 until the
 * user moves to a new key. Without a key nothing is made: the user creates one in Settings.
 */
export async function issueRevision(project: ProjectRecord & { gfaM2: number }, scan: ScanRecord, profile: AssessorProfile, request: IssueRequest): Promise<RevisionRecord> {
  const key = await getSigningKey();
  if (!key) throw new IssueRefused('no-key');
  const file = await buildScanFile(project, scan);
  const earlier = await listRevisions(project.id);
  const common = {
    revisionId: newId(),
    issuedAt: new Date().toISOString(),
    phase: request.phase,
    assumptions: request.assumptions.trim(),
    exclusions: request.exclusions.trim(),
    history: earlier.map((r) => historyEntryOf(envelopeOf(r))),
    followUp: request.followUp,
    profile: request.profile,
  };
  const assessor = { name: profile.name, organisation: profile.organisation, role: profile.role, assessmentType: request.assessmentType };
  let envelope: AnyIssuedEnvelope;
  let pdf: { locale: 'nl' | 'en'; data: Uint8Array } | undefined;
  if (isLegacyKey(key)) {
    if (request.profile?.formatVersion === 2) throw new IssueRefused('profile-format-2');
    const content = issuedContentFromScan(file, { ...common, assessor: { ...assessor, publicKey: ed25519PublicKeyOf(key) } });
    envelope = buildEnvelope(content, await signCanonical(key, canonicalContent(content)), { locale: request.locale, layout: 1 });
  } else {
    const method = getDefinition(file.method.id, file.method.version);
    if (!method || method.sha256 !== file.method.sha256) throw new IssueRefused('unknown-method');
    const v2 = await signedRevisionV2(file, { ...common, assessor: { ...assessor, key: key.key }, report: { locale: request.locale, layout: SIGNED_LAYOUT } }, (text) => signForPurpose(key, 'revision', text), method);
    const { buildSignedReportPdf } = await import('../../report/pdf');
    pdf = { locale: request.locale, data: await buildSignedReportPdf(v2, method.definition, key.privateKey) };
    envelope = v2;
  }
  // the one envelope check of every reader (hash, code, signature, canonical form) before it is kept
  const checked = checkIssuedEnvelope(anyEnvelopeJsonText(envelope));
  if (!checked.ok) throw new Error(checked.findings.map((f) => f.code + (f.detail ? ` ${f.detail}` : '')).join('; '));
  const record: RevisionRecord = {
    id: envelope.content.revisionId,
    projectId: project.id,
    scanId: scan.id,
    referenceCode: envelope.referenceCode,
    contentHash: envelope.contentHash,
    phase: envelope.content.phase,
    issuedAt: envelope.content.issuedAt,
    envelope,
  };
  await addRevision(record, (stored) => parseAnyEnvelope(stored).ok, pdf);
  return record;
}

/**
 * The PDF of an issued revision. Format 1: rebuilt (frozen layout 1) in the chosen language.
 * Format 2: the signed PDF as issued, in its signed language only; when this app does not hold it
 * (a revision imported from a file) it is made again only if the current key is the one that
 * signed the revision, else refused ('pdf-not-held'). jsPDF, pdf-lib and pkijs load only now.
 */
export async function revisionPdf(record: RevisionRecord, locale: 'nl' | 'en'): Promise<Uint8Array> {
  const envelope = envelopeOf(record);
  const definition = getDefinition(envelope.content.method.id, envelope.content.method.version);
  if (!definition || definition.sha256 !== envelope.content.method.sha256) throw new IssueRefused('unknown-method');
  const { buildReportPdf, buildSignedReportPdf } = await import('../../report/pdf');
  if (envelope.formatVersion === 1) return buildReportPdf({ ...envelope, report: { ...envelope.report, locale } }, definition.definition);
  if (reportSettingsOf(envelope).locale !== locale) throw new IssueRefused('pdf-not-held');
  const stored = await readIssuedPdf(record.id);
  if (stored) return stored.data;
  const key = await getSigningKey();
  if (!key || !sameKey(key.key, assessorKeyOf(envelope.content))) throw new IssueRefused('pdf-not-held');
  return buildSignedReportPdf(envelope, definition.definition, key.privateKey);
}

/**
 * The re-validation report of two issued revisions (earlier: the promise, later: re-validated),
 * of format 1 or 2 (re-validation layout 2). Both are verified first with the anchors the user
 * trusts (plus the own key, labelled `ownKeyLabel`), and the report states each one's verdict.
 * `held`: SHA-256s of evidence files the app holds; the later revision's files among them are
 * shown as supplied and matching (the app checked their hashes when they were added).
 */
export async function revalidationPdf(earlier: RevisionRecord, later: RevisionRecord, locale: 'nl' | 'en', ownKeyLabel?: string, held?: ReadonlySet<string>): Promise<Uint8Array> {
  const a = envelopeOf(earlier);
  const b = envelopeOf(later);
  const defA = getDefinition(a.content.method.id, a.content.method.version);
  const defB = getDefinition(b.content.method.id, b.content.method.version);
  if (!defA || !defB) throw new Error('unknown method version');
  const [{ buildRevalidationPdf, checksOf }, { verifyFile }, { revalidation2Strings }] = await Promise.all([
    import('../../report/revalidation'),
    import('../../report/verify'),
    import('../../report/revalidation/strings'),
  ]);
  const anchors = await loadVerificationAnchors(ownKeyLabel ?? revalidation2Strings[locale].ownKey);
  const bytes = (e: typeof a) => new TextEncoder().encode(anyEnvelopeJsonText(e));
  const [ra, rb] = [await verifyFile(bytes(a), 'earlier.json', { anchors }), await verifyFile(bytes(b), 'later.json', { anchors })];
  const checks = checksOf(new Date().toISOString(), ra.findings, rb.findings);
  const named = new Set(Object.values(b.content.scan.answers).flatMap((x) => (x?.evidence ?? []).map((e) => e.sha256)));
  const supplied = [...(held ?? [])].filter((h) => named.has(h));
  return buildRevalidationPdf(a, b, { earlier: defA.definition, later: defB.definition }, locale, undefined, { checks, supplied });
}
