/**
 * Imports every file kind the app reads, recognised by content (the name is only used in
 * messages): a scan file (`.quickscan.json`) or scan zip, a project file (JSON or zip), a backup
 * zip, an issued envelope (`.quickscan-issued.json`) and an issued PDF (its attached envelope).
 *
 * Rules (docs/file-formats.md):
 * - Never throws for bad input: the result is `{ ok: true, summary }` or `{ ok: false, error }`
 *   with a message key that exists in nl and en.
 * - Everything is read, checked and prepared first (zod, the restore step, evidence hashes,
 *   issued revisions' hashes and signatures); then it is written in ONE Dexie transaction, so a
 *   failure (also a full disk) leaves nothing half-imported.
 * - Existing data is never changed: a record whose id is already in use is added under a new
 *   id, with every reference to it (scan → project, evidence → scan, variant → scan, revision →
 *   project and scan) following. An issued revision keeps its id (it is signed); one already
 *   stored is left as it is, as are settings that exist.
 * - Trust changes only on purpose: no import adds or changes a trust anchor or trust list. A
 *   backup's trust anchors, trust lists and key statements come back in the summary as
 *   `trustOffered` (anchors only those not already trusted); the caller asks the user separately, naming each one, and adds what the
 *   user chose through renderer/db/trust.ts.
 * - A backup restored into a database that holds data asks first: without `confirmed: true`
 *   the result is `{ ok: false, needsConfirmation: 'backup-restore', counts, existing }`.
 */
import { getDefinition } from '../../forms/registry';
import { parseAnyEnvelope, scanFileFromContent } from '../../scoring/issued';
import { parseScanFile, type ScanFile } from '../../scoring/scan-file';
import { looksLikePdf } from '../../report/sniff';
import { ed25519Jwk, type PublicJwk } from '../../scoring/keys';
import { addBatchKeepingExisting, storedCounts as storedCountsInDb } from '../db/bulk';
import type { EvidenceRecord, ProjectRecord, RevisionRecord, ScanRecord, SettingRecord } from '../db/records';
import { countTrustAnchors, newAnchorCandidates, type AnchorCandidate } from '../db/trust';
import { restoreProject, restoreScan, RestoreError } from '../db/restore';
import { blobOf, checkRevision, decodeJson, firstNonSpace, sha256Hex, thumbnailType } from './common';
import { fail, failOnField, FileFailure, isQuotaError, placedUnder, shortDetail, type FileError } from './errors';
import { fieldErrorsOf } from '../../scoring/parse-json';
import { bytesToMb, FILE_LIMITS } from './limits';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupFileSchema,
  backupFileV1Schema,
  backupFileV2Schema,
  ENVELOPE_FORMAT,
  evidenceMetaSchema,
  FILE_NAMES,
  FORMAT_VERSION,
  PROJECT_FORMAT,
  projectFileSchema,
  SCAN_FORMAT,
  type EvidenceMeta,
} from './project-file';
import { looksLikeZip, openZip, type ZipReader } from './zip';

export type ImportKind = 'scan-file' | 'scan-zip' | 'project-json' | 'project-zip' | 'backup' | 'envelope' | 'pdf';

export interface ImportInput {
  name: string;
  data: Uint8Array;
}

export interface ImportOptions {
  /** The user has agreed to restore a backup into a database that already holds data. */
  confirmed?: boolean;
}

export interface RecordCounts {
  projects: number;
  scans: number;
  evidence: number;
  revisions: number;
  settings: number;
}

/** What a backup would add to the user's trust, for the separate question (nothing of it is added by the import). */
export interface TrustOffer {
  /** Keys that are not trust anchors yet, each with the label it had. */
  anchors: AnchorCandidate[];
  /** Signed trust lists as they were stored (checked when the user chooses to add them). */
  lists: unknown[];
  /** Confirmed key statements (rotation / revocation envelopes) as they were stored: verified again and offered, never applied by the import. */
  statements: unknown[];
}

export interface ImportSummary {
  kind: ImportKind;
  /** What was added. */
  added: RecordCounts;
  /** Records added under a new id because their id was already in use (nothing existing changed). */
  newIds: number;
  /** Left alone because they were already there: the same issued revision, a setting. */
  alreadyPresent: number;
  /** Evidence the file lists by name and hash only (a JSON file carries no evidence files). */
  evidenceNotIncluded: number;
  /** The ids of the added projects, as stored. */
  projectIds: string[];
  /** The added scans' ids, as stored. */
  scanIds: string[];
  /** For scan data taken from an issued revision (envelope or PDF): its reference code. */
  issuedReference?: string;
  /** A backup's trust anchors and lists that are not trusted here: ask the user (never added by the import). */
  trustOffered: TrustOffer;
}

export type ImportResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; error: FileError }
  | { ok: false; needsConfirmation: 'backup-restore'; counts: RecordCounts; existing: RecordCounts };

/** What a file holds, checked and ready to be written. */
interface Prepared {
  kind: ImportKind;
  projects: ProjectRecord[];
  scans: ScanRecord[];
  evidence: EvidenceRecord[];
  revisions: RevisionRecord[];
  settings: SettingRecord[];
  offer: TrustOffer;
  evidenceNotIncluded: number;
  issuedReference?: string;
}

const MB = (bytes: number) => bytesToMb(bytes);
const NO_OFFER: TrustOffer = { anchors: [], lists: [], statements: [] };

// ---------------------------------------------------------------------------------------------
// Reading

function restored<T>(restore: () => T, where: string): T {
  try {
    return restore();
  } catch (error) {
    if (error instanceof RestoreError) return failOnField('files.error.record', {}, placedUnder(where, error.problems[0]));
    throw error;
  }
}

function assertUnique(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) fail('files.error.inconsistent', { detail: shortDetail(`${what} ${id} appears twice`) });
    seen.add(id);
  }
}

function formatHeader(value: unknown): { format: unknown; version: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { format: undefined, version: undefined };
  const v = value as { format?: unknown; formatVersion?: unknown };
  return { format: v.format, version: v.formatVersion };
}

/** The newest version this build reads, per format (an issued envelope's version is parseEnvelope's). */
const READ_VERSIONS: Record<string, number> = { [SCAN_FORMAT]: FORMAT_VERSION, [PROJECT_FORMAT]: FORMAT_VERSION, [BACKUP_FORMAT]: BACKUP_FORMAT_VERSION };

/** A format this build reads, in a version it does not (yet) know. */
function checkVersion(value: unknown): void {
  const { format, version } = formatHeader(value);
  const newest = typeof format === 'string' ? READ_VERSIONS[format] : undefined;
  if (newest !== undefined && typeof version === 'number' && Number.isFinite(version) && version > newest) {
    fail('files.error.newerVersion', { format: shortDetail(format, 60), version: String(version) });
  }
}

/** Evidence records with their files (from a zip; each hash re-computed), or none from a JSON file. */
async function withFiles(metas: readonly EvidenceMeta[], zip: ZipReader | null): Promise<{ records: EvidenceRecord[]; notIncluded: number }> {
  if (!zip) return { records: [], notIncluded: metas.length };
  const files = new Map<string, { blob: Blob; size: number; thumbnail: Blob | null }>();
  const records: EvidenceRecord[] = [];
  for (const meta of metas) {
    let file = files.get(meta.sha256);
    if (!file) {
      const bytes = zip.read(FILE_NAMES.evidenceEntry(meta.sha256), FILE_LIMITS.maxEvidenceBytes);
      if (!bytes) return fail('files.error.evidenceMissing', { file: meta.name });
      if ((await sha256Hex(bytes)) !== meta.sha256) return fail('files.error.evidenceHash', { file: meta.name });
      const thumb = zip.read(FILE_NAMES.thumbnailEntry(meta.sha256), FILE_LIMITS.maxThumbnailBytes);
      const thumbType = thumb ? thumbnailType(thumb) : null;
      file = { blob: blobOf(bytes, meta.type), size: bytes.length, thumbnail: thumb && thumbType ? blobOf(thumb, thumbType) : null };
      files.set(meta.sha256, file);
    }
    if (file.size !== meta.size) return fail('files.error.evidenceSize', { file: meta.name });
    records.push({ ...meta, blob: file.blob, thumbnail: file.thumbnail });
  }
  return { records, notIncluded: 0 };
}

/** A scan file (also one rebuilt from an issued revision) as a new project with one scan. */
async function fromScanFile(value: unknown, zip: ZipReader | null, kind: ImportKind, fileName: string, issuedReference?: string): Promise<Prepared> {
  checkVersion(value);
  const parsed = parseScanFile(value);
  if (!parsed.ok) {
    return failOnField('files.error.invalid', {}, parsed.errors[0]);
  }
  const file: ScanFile = parsed.file;
  const method = getDefinition(file.method.id, file.method.version);
  if (!method) return fail('files.error.unknownMethod', { method: shortDetail(file.method.id, 100), version: shortDetail(file.method.version, 40) });
  if (method.sha256 !== file.method.sha256) return fail('files.error.methodChanged', { method: file.method.id, version: file.method.version });
  const now = new Date().toISOString();
  const fallbackName = fileName.replace(/\.(quickscan(-issued)?\.)?(json|zip|pdf)$/i, '').trim().slice(0, 200) || 'QuickScan';
  const project = restored(
    () => restoreProject({ ...file.project, name: file.project.name.trim() || fallbackName, createdAt: now, updatedAt: now, deletedAt: null }),
    'project',
  );
  const answers: Record<string, { level?: string; notApplicable?: true; note?: string }> = {};
  const metas: EvidenceMeta[] = [];
  for (const [questionId, answer] of Object.entries(file.scan.answers)) {
    answers[questionId] = {
      ...('level' in answer ? { level: answer.level } : { notApplicable: true as const }),
      ...(answer.note ? { note: answer.note } : {}),
    };
    for (const ref of answer.evidence ?? []) {
      const meta = evidenceMetaSchema.safeParse({ ...ref, scanId: file.scan.id, questionId }, { reportInput: true });
      if (!meta.success) return failOnField('files.error.invalid', {}, placedUnder(`scan.answers.${questionId}.evidence`, fieldErrorsOf(meta.error)[0]));
      metas.push(meta.data);
    }
  }
  assertUnique(
    metas.map((m) => m.id),
    'evidence',
  );
  const scan = restored(
    () =>
      restoreScan({
        id: file.scan.id,
        projectId: project.id,
        name: file.scan.name.trim() || 'Scan',
        definitionId: file.method.id,
        definitionVersion: file.method.version,
        answers,
        costOverrides: file.scan.costOverrides ?? [],
        locked: file.scan.locked ?? [],
        variantOf: null,
        createdAt: file.scan.createdAt,
        updatedAt: file.scan.updatedAt,
        deletedAt: null,
      }),
    'scan',
  );
  const evidence = await withFiles(metas, zip);
  return { kind, projects: [project], scans: [scan], evidence: evidence.records, revisions: [], settings: [], offer: NO_OFFER, evidenceNotIncluded: evidence.notIncluded, ...(issuedReference ? { issuedReference } : {}) };
}

/** The scan data of an issued revision as a new project and scan, with the revision itself as baseline when intact. */
async function fromEnvelope(value: unknown, kind: 'envelope' | 'pdf', fileName: string): Promise<Prepared> {
  const parsed = parseAnyEnvelope(value);
  if (!parsed.ok) {
    return failOnField('files.error.invalid', {}, parsed.errors[0]);
  }
  const envelope = parsed.envelope;
  const prepared = await fromScanFile(scanFileFromContent(envelope.content), null, kind, fileName, envelope.referenceCode);
  // An intact, correctly signed revision is also kept as the new project's first issued revision:
  // the baseline (e.g. a bidder's promise) that later re-validations are compared with.
  const [project, scan] = [prepared.projects[0], prepared.scans[0]];
  if (!project || !scan) return prepared;
  try {
    const baseline = checkRevision({
      id: envelope.content.revisionId,
      projectId: project.id,
      scanId: scan.id,
      referenceCode: envelope.referenceCode,
      contentHash: envelope.contentHash,
      phase: envelope.content.phase,
      issuedAt: envelope.content.issuedAt,
      envelope,
    });
    return { ...prepared, revisions: [baseline] };
  } catch {
    return prepared; // altered or badly signed: the data is imported, but never as a baseline
  }
}

function checkedRevisions(revisions: Parameters<typeof checkRevision>[0][], projectIds: ReadonlySet<string>): RevisionRecord[] {
  assertUnique(
    revisions.map((r) => r.id),
    'revision',
  );
  return revisions.map((raw) => {
    if (!projectIds.has(raw.projectId)) fail('files.error.inconsistent', { detail: shortDetail(`revision ${raw.referenceCode} belongs to no project in the file`) });
    return checkRevision(raw);
  });
}

function checkedScans(raws: readonly Record<string, unknown>[], projectIds: ReadonlySet<string>): ScanRecord[] {
  const scans = raws.map((raw, i) => restored(() => restoreScan(raw), `scans[${i}]`));
  assertUnique(
    scans.map((s) => s.id),
    'scan',
  );
  for (const scan of scans) {
    if (!projectIds.has(scan.projectId)) fail('files.error.inconsistent', { detail: shortDetail(`scan ${scan.id} belongs to no project in the file`) });
  }
  return scans;
}

function checkedEvidence(metas: readonly EvidenceMeta[], scanIds: ReadonlySet<string>): void {
  assertUnique(
    metas.map((m) => m.id),
    'evidence',
  );
  for (const meta of metas) {
    if (!scanIds.has(meta.scanId)) fail('files.error.inconsistent', { detail: shortDetail(`evidence ${meta.id} belongs to no scan in the file`) });
  }
}

async function fromProjectFile(value: unknown, zip: ZipReader | null): Promise<Prepared> {
  checkVersion(value);
  const parsed = projectFileSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return failOnField('files.error.invalid', {}, fieldErrorsOf(parsed.error)[0]);
  const file = parsed.data;
  const project = restored(() => restoreProject(file.project), 'project');
  const projectIds = new Set([project.id]);
  const scans = checkedScans(file.scans, projectIds);
  checkedEvidence(file.evidence, new Set(scans.map((s) => s.id)));
  const revisions = checkedRevisions(file.revisions, projectIds);
  const evidence = await withFiles(file.evidence, zip);
  return { kind: zip ? 'project-zip' : 'project-json', projects: [project], scans, evidence: evidence.records, revisions, settings: [], offer: NO_OFFER, evidenceNotIncluded: evidence.notIncluded };
}

/** A backup of any version, with its trust anchors as JWK keys (version 1: raw Ed25519 keys; key statements from version 3). */
function parseBackup(value: unknown) {
  const version = formatHeader(value).version;
  if (version === 1) {
    const parsed = backupFileV1Schema.safeParse(value, { reportInput: true });
    if (!parsed.success) return failOnField('files.error.invalid', {}, fieldErrorsOf(parsed.error)[0]);
    assertUnique(
      parsed.data.trustedKeys.map((k) => k.publicKey),
      'trusted key',
    );
    const anchors = parsed.data.trustedKeys.map((k) => ({ key: ed25519Jwk(k.publicKey) as PublicJwk, label: k.label }));
    return { file: parsed.data, anchors, lists: [] as unknown[], statements: [] as unknown[] };
  }
  const parsed = version === 2 ? backupFileV2Schema.safeParse(value, { reportInput: true }) : backupFileSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return failOnField('files.error.invalid', {}, fieldErrorsOf(parsed.error)[0]);
  const statements = 'keyStatements' in parsed.data ? (parsed.data.keyStatements as unknown[]) : [];
  return { file: parsed.data, anchors: parsed.data.trustAnchors.map((a) => ({ key: a.key, label: a.label })), lists: parsed.data.trustLists as unknown[], statements };
}

async function fromBackup(value: unknown, zip: ZipReader | null): Promise<Prepared> {
  checkVersion(value);
  const { file, anchors, lists, statements } = parseBackup(value);
  const projects = file.projects.map((raw, i) => restored(() => restoreProject(raw), `projects[${i}]`));
  assertUnique(
    projects.map((p) => p.id),
    'project',
  );
  const projectIds = new Set(projects.map((p) => p.id));
  const scans = checkedScans(file.scans, projectIds);
  checkedEvidence(file.evidence, new Set(scans.map((s) => s.id)));
  const revisions = checkedRevisions(file.revisions, projectIds);
  assertUnique(
    file.settings.map((s) => s.key),
    'setting',
  );
  const evidence = await withFiles(file.evidence, zip);
  return {
    kind: 'backup',
    projects,
    scans,
    evidence: evidence.records,
    revisions,
    settings: file.settings.map((s) => ({ key: s.key, value: s.value })),
    offer: { anchors, lists, statements },
    evidenceNotIncluded: evidence.notIncluded,
  };
}

/** A JSON document (a bare file, or the index of a zip), by its `format`. */
async function fromDocument(value: unknown, zip: ZipReader | null, fileName: string): Promise<Prepared> {
  const { format } = formatHeader(value);
  switch (format) {
    case SCAN_FORMAT:
      return fromScanFile(value, zip, zip ? 'scan-zip' : 'scan-file', fileName);
    case PROJECT_FORMAT:
      return fromProjectFile(value, zip);
    case BACKUP_FORMAT:
      return fromBackup(value, zip);
    case ENVELOPE_FORMAT:
      if (zip) break;
      return fromEnvelope(value, 'envelope', fileName);
    case 'quickscan-definition':
      return fail('files.error.isDefinition');
    case undefined:
      return fail('files.error.notRecognised');
    default:
      if (typeof format === 'string' && format.startsWith('quickscan-')) return fail('files.error.unknownFormat', { format: shortDetail(format, 60) });
      return fail('files.error.notRecognised');
  }
  return fail('files.error.notRecognised');
}

const ZIP_INDEX: Record<string, string> = {
  [FILE_NAMES.backupEntry]: BACKUP_FORMAT,
  [FILE_NAMES.projectEntry]: PROJECT_FORMAT,
  [FILE_NAMES.scanEntry]: SCAN_FORMAT,
};

async function fromZip(bytes: Uint8Array, fileName: string): Promise<Prepared> {
  const zip = openZip(bytes);
  const indexes = Object.keys(ZIP_INDEX).filter((name) => zip.entries.has(name));
  if (indexes.length === 0) return fail('files.error.zipNotQuickScan');
  if (indexes.length > 1) return fail('files.error.invalid', { detail: `more than one of ${Object.keys(ZIP_INDEX).join(', ')}` });
  const index = indexes[0]!;
  const value = decodeJson(zip.read(index, FILE_LIMITS.maxJsonBytes)!);
  checkVersion(value);
  if (formatHeader(value).format !== ZIP_INDEX[index]) return fail('files.error.invalid', { detail: `${index} is not a ${ZIP_INDEX[index]} file` });
  return fromDocument(value, zip, fileName);
}

async function fromPdf(bytes: Uint8Array, fileName: string): Promise<Prepared> {
  const { extractEnvelopeFromPdf, EXTRACT_LIMITS } = await import('../../report/extract');
  const extracted = await extractEnvelopeFromPdf(bytes);
  if (!extracted.ok) {
    switch (extracted.code) {
      case 'too-large':
        return fail('files.error.tooLarge', { max: MB(EXTRACT_LIMITS.maxPdfBytes) });
      case 'no-attachment':
        return fail('files.error.pdfNoData');
      default:
        return fail('files.error.pdfUnreadable', { detail: shortDetail(extracted.detail) });
    }
  }
  let value: unknown;
  try {
    value = decodeJson(extracted.bytes);
  } catch {
    return fail('files.error.pdfUnreadable', { detail: 'the attached QuickScan data is not valid JSON' });
  }
  if (formatHeader(value).format !== ENVELOPE_FORMAT) return fail('files.error.pdfNoData');
  return fromEnvelope(value, 'pdf', fileName);
}

/** Reads and checks a file completely; writes nothing. */
async function prepare(input: ImportInput): Promise<Prepared> {
  const bytes = input.data;
  if (!(bytes instanceof Uint8Array)) return fail('files.error.notRecognised');
  if (bytes.length === 0) return fail('files.error.empty');
  if (bytes.length > FILE_LIMITS.maxFileBytes) return fail('files.error.tooLarge', { max: MB(FILE_LIMITS.maxFileBytes) });
  const fileName = String(input.name ?? '');
  if (looksLikeZip(bytes)) return fromZip(bytes, fileName);
  if (looksLikePdf(bytes)) return fromPdf(bytes, fileName);
  const first = firstNonSpace(bytes);
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
    const value = decodeJson(bytes);
    return fromDocument(value, null, fileName);
  }
  return fail('files.error.notRecognised');
}

// ---------------------------------------------------------------------------------------------
// Writing

const countsOf = (p: Prepared): RecordCounts => ({
  projects: p.projects.length,
  scans: p.scans.length,
  evidence: p.evidence.length,
  revisions: p.revisions.length,
  settings: p.settings.length,
});

/** How much the database holds now. */
export const storedCounts = (): Promise<RecordCounts> => storedCountsInDb();

/**
 * Adds everything in one transaction; ids already in use get new ones. Never puts over a record.
 * A backup's trust anchors, lists and key statements are not written: they come back as `trustOffered`.
 */
async function commit(p: Prepared): Promise<ImportSummary> {
  const result = await addBatchKeepingExisting(p);
  const anchors = p.offer.anchors.length ? await newAnchorCandidates(p.offer.anchors) : [];
  return {
    kind: p.kind,
    ...result,
    evidenceNotIncluded: p.evidenceNotIncluded,
    ...(p.issuedReference ? { issuedReference: p.issuedReference } : {}),
    trustOffered: { anchors, lists: p.offer.lists, statements: p.offer.statements },
  };
}

function errorOf(error: unknown): FileError {
  if (error instanceof FileFailure) return error.error;
  if (isQuotaError(error)) return { key: 'files.error.storageFull', params: {} };
  return { key: 'files.error.unexpected', params: { detail: shortDetail(error) } };
}

/**
 * Imports one file. Never throws; never changes or removes a stored record (see the module
 * comment). `name` is used in messages only: the kind is recognised from the content.
 */
export async function importFile(input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    const prepared = await prepare(input);
    if (prepared.kind === 'backup' && !options.confirmed) {
      const existing = await storedCounts();
      if (existing.projects + existing.scans + existing.evidence + existing.revisions + (await countTrustAnchors()) > 0) {
        return { ok: false, needsConfirmation: 'backup-restore', counts: countsOf(prepared), existing };
      }
    }
    return { ok: true, summary: await commit(prepared) };
  } catch (error) {
    return { ok: false, error: errorOf(error) };
  }
}

/** The file kinds the open dialog offers. */
export const IMPORT_FILTERS = [{ name: 'QuickScan', extensions: ['quickscan', 'json', 'zip', 'pdf'] }];
