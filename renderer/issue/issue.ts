import { getDefinition } from '../../forms/registry';
import { buildEnvelope, canonicalContent, historyEntryOf, issuedContentFromScan, parseEnvelope, type FollowUp, type IssuedEnvelope, type IssuePhase } from '../../scoring/issued';
import { addRevision, listRevisions } from '../db/revisions';
import { newId } from '../db/projects';
import type { ProjectRecord, RevisionRecord, ScanRecord } from '../db/records';
import { buildScanFile } from '../scan/export';
import type { ProfileEnvelope } from '../../scoring/profile';
import type { AssessorProfile } from './assessor';
import { ed25519PublicKeyOf, getOrCreateSigningKey, signCanonical } from './signing';

export interface IssueRequest {
  phase: IssuePhase;
  /** The tender requirement profile loaded into the scan: embedded and signed with it, so the PDF shows compliance. */
  profile?: ProfileEnvelope | undefined;
  assessmentType: 'self' | 'independent';
  assumptions: string;
  exclusions: string;
  followUp: FollowUp[];
  locale: 'nl' | 'en';
}

/** The project's issued revisions, oldest first (stored by renderer/db/revisions.ts). */
export { listRevisions };

/** The stored envelope, checked again on every read (a stored record is never trusted blindly). */
export function envelopeOf(record: RevisionRecord): IssuedEnvelope {
  const parsed = parseEnvelope(record.envelope);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return parsed.envelope;
}

/**
 * Freezes a scan as an issued revision: canonical content, hash, reference code and the
 * assessor's signature. The revision links to the project's earlier revisions; it is stored once
 * and never edited.
 */
export async function issueRevision(project: ProjectRecord & { gfaM2: number }, scan: ScanRecord, profile: AssessorProfile, request: IssueRequest): Promise<RevisionRecord> {
  const key = await getOrCreateSigningKey();
  const file = await buildScanFile(project, scan);
  const earlier = await listRevisions(project.id);
  const content = issuedContentFromScan(file, {
    revisionId: newId(),
    issuedAt: new Date().toISOString(),
    phase: request.phase,
    assessor: { name: profile.name, organisation: profile.organisation, role: profile.role, assessmentType: request.assessmentType, publicKey: ed25519PublicKeyOf(key) },
    assumptions: request.assumptions.trim(),
    exclusions: request.exclusions.trim(),
    history: earlier.map((r) => historyEntryOf(envelopeOf(r))),
    followUp: request.followUp,
    profile: request.profile,
  });
  const signature = await signCanonical(key, canonicalContent(content));
  const envelope = buildEnvelope(content, signature, { locale: request.locale, layout: 1 });
  const checked = parseEnvelope(envelope);
  if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const record: RevisionRecord = {
    id: content.revisionId,
    projectId: project.id,
    scanId: scan.id,
    referenceCode: envelope.referenceCode,
    contentHash: envelope.contentHash,
    phase: content.phase,
    issuedAt: content.issuedAt,
    envelope,
  };
  await addRevision(record, (stored) => parseEnvelope(stored).ok);
  return record;
}

/** The PDF of an issued revision in the chosen language; jsPDF and pdf-lib load only now. */
export async function revisionPdf(record: RevisionRecord, locale: 'nl' | 'en'): Promise<Uint8Array> {
  const envelope = envelopeOf(record);
  const definition = getDefinition(envelope.content.method.id, envelope.content.method.version);
  if (!definition) throw new Error(`unknown method ${envelope.content.method.id} ${envelope.content.method.version}`);
  const { buildReportPdf } = await import('../../report/pdf');
  return buildReportPdf({ ...envelope, report: { ...envelope.report, locale } }, definition.definition);
}

/** The re-validation report of two issued revisions (earlier: the promise, later: re-validated). */
export async function revalidationPdf(earlier: RevisionRecord, later: RevisionRecord, locale: 'nl' | 'en'): Promise<Uint8Array> {
  const a = envelopeOf(earlier);
  const b = envelopeOf(later);
  const defA = getDefinition(a.content.method.id, a.content.method.version);
  const defB = getDefinition(b.content.method.id, b.content.method.version);
  if (!defA || !defB) throw new Error('unknown method version');
  const { buildRevalidationPdf } = await import('../../report/revalidation');
  return buildRevalidationPdf(a, b, { earlier: defA.definition, later: defB.definition }, locale);
}
