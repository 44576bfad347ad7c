/**
 * Exports: a project (JSON or zip), a scan (zip) and a full backup (zip). Each returns the bytes
 * and a suggested file name; `saveExport` hands them to the platform's save dialog.
 *
 * Only records that pass the restore step and the file schemas are written, so that every file
 * this app writes can be imported again; anything left out is counted in `skipped`.
 */
import { canonicalJson } from '../../forms/hash';
import { parseScanFile } from '../../scoring/scan-file';
import {
  allStoredProjects,
  allStoredRevisions,
  allStoredScans,
  allStoredSettings,
  eachStoredEvidence,
  storedProject,
  storedRevisionsOfProject,
  storedScan,
  storedScansOfProject,
} from '../db/bulk';
import { listEvidence, listEvidenceOfScans } from '../db/evidence';
import type { EvidenceRecord, ProjectRecord, RevisionRecord, ScanRecord } from '../db/records';
import { listKeyStatements, listTrustAnchors, listTrustLists } from '../db/trust';
import { restoreProject, restoreScan } from '../db/restore';
import { platform } from '../platform';
import { methodOf, hasScoringInputs } from '../scan/engine';
import { buildScanFile, safeFileName } from '../scan/export';
import { blobBytes, checkRevision, encodeJson, jsonDepthWithin, sha256Hex, thumbnailType } from './common';
import { fail, FileFailure, shortDetail, type FileError } from './errors';
import { bytesToMb, FILE_LIMITS } from './limits';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  evidenceMetaSchema,
  FILE_NAMES,
  FORMAT_VERSION,
  PROJECT_FORMAT,
  revisionFileSchema,
  settingFileSchema,
  trustAnchorFileSchema,
  type BackupFile,
  type EvidenceMeta,
  type ProjectFile,
} from './project-file';
import { writeZip } from './zip';

export interface ExportedFile {
  fileName: string;
  mimeType: 'application/json' | 'application/zip' | typeof DOCUMENT_MIME_TYPE;
  data: Uint8Array;
  /** Records that could not be read (or whose evidence file no longer matches its hash) and were left out. */
  skipped: number;
}

interface ZipFile {
  name: string;
  data: Uint8Array;
  store?: boolean;
}

const metaOf = (e: EvidenceRecord): EvidenceMeta => ({ id: e.id, scanId: e.scanId, questionId: e.questionId, name: e.name, type: e.type, size: e.size, sha256: e.sha256, addedAt: e.addedAt });

/** Already compressed kinds are stored as they are; others are deflated. */
const isCompressed = (type: string) => /^(image\/(jpeg|png|gif|webp|heic|heif|avif)|video\/|audio\/|application\/(zip|pdf|gzip|x-7z|vnd\.openxmlformats|vnd\.oasis))/i.test(type);

/** Collects evidence files (one per hash) and their thumbnails; evidence whose bytes no longer match is skipped. */
class EvidenceCollector {
  readonly metas: EvidenceMeta[] = [];
  readonly files: ZipFile[] = [];
  skipped = 0;
  private bytes = 0;
  private readonly written = new Set<string>();

  constructor(private readonly withFiles: boolean) {}

  async add(record: EvidenceRecord): Promise<boolean> {
    const meta = metaOf(record);
    if (!evidenceMetaSchema.safeParse(meta).success) return this.skip();
    if (this.withFiles && !this.written.has(meta.sha256)) {
      if (!(record.blob instanceof Blob)) return this.skip();
      const data = await blobBytes(record.blob);
      if (data.length !== meta.size || (await sha256Hex(data)) !== meta.sha256) return this.skip();
      this.written.add(meta.sha256);
      this.bytes += data.length;
      if (this.bytes > FILE_LIMITS.maxFileBytes) fail('files.export.tooLarge', { max: bytesToMb(FILE_LIMITS.maxFileBytes) });
      this.files.push({ name: FILE_NAMES.evidenceEntry(meta.sha256), data, store: isCompressed(meta.type) });
      if (record.thumbnail instanceof Blob) {
        const thumb = await blobBytes(record.thumbnail);
        if (thumbnailType(thumb)) this.files.push({ name: FILE_NAMES.thumbnailEntry(meta.sha256), data: thumb, store: true });
      }
    }
    this.metas.push(meta);
    return true;
  }

  private skip(): false {
    this.skipped += 1;
    return false;
  }
}

function zipped(index: { name: string; data: Uint8Array }, files: ZipFile[]): Uint8Array {
  const total = index.data.length + files.reduce((n, f) => n + f.data.length, 0);
  if (total > FILE_LIMITS.maxFileBytes) fail('files.export.tooLarge', { max: bytesToMb(FILE_LIMITS.maxFileBytes) });
  return writeZip([{ name: index.name, data: index.data }, ...files]);
}

function restoredOrSkip<T>(restore: () => T): T | undefined {
  try {
    return restore();
  } catch {
    return undefined;
  }
}

function revisionOrSkip(record: RevisionRecord): RevisionRecord | undefined {
  const shape = revisionFileSchema.safeParse(record);
  if (!shape.success) return undefined;
  try {
    return checkRevision(shape.data);
  } catch {
    return undefined;
  }
}

async function loadProject(projectId: string): Promise<ProjectRecord> {
  const raw = await storedProject(projectId);
  if (!raw) return fail('files.export.notFound');
  const project = restoredOrSkip(() => restoreProject(raw));
  return project ?? fail('files.export.unreadable');
}

/**
 * A project with all its scans (also those in the trash), their notes, cost overrides, locks and
 * variants, the evidence metadata and its issued revisions. As JSON the evidence files are not
 * included (only their names and SHA-256); as a zip they are.
 */
export async function exportProject(projectId: string, container: 'json' | 'zip'): Promise<ExportedFile> {
  const project = await loadProject(projectId);
  let skipped = 0;
  const scans: ScanRecord[] = [];
  for (const raw of await storedScansOfProject(projectId)) {
    const scan = restoredOrSkip(() => restoreScan(raw));
    if (scan && scan.projectId === project.id) scans.push(scan);
    else skipped += 1;
  }
  scans.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const evidence = new EvidenceCollector(container === 'zip');
  const scanIds = scans.map((s) => s.id);
  const stored = await listEvidenceOfScans(scanIds);
  stored.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
  for (const record of stored) await evidence.add(record);
  const revisions: RevisionRecord[] = [];
  for (const raw of await storedRevisionsOfProject(projectId)) {
    const revision = revisionOrSkip(raw);
    if (revision) revisions.push(revision);
    else skipped += 1;
  }
  revisions.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id));
  const file: ProjectFile = {
    format: PROJECT_FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    evidenceFiles: container === 'zip' ? 'included' : 'not-included',
    project,
    scans,
    evidence: evidence.metas,
    revisions,
  };
  const base = safeFileName(project.name);
  const json = encodeJson(file);
  skipped += evidence.skipped;
  if (container === 'json') {
    if (json.length > FILE_LIMITS.maxJsonBytes) fail('files.export.tooLarge', { max: bytesToMb(FILE_LIMITS.maxJsonBytes) });
    return { fileName: `${base}${FILE_NAMES.projectJson}`, mimeType: 'application/json', data: json, skipped };
  }
  const data = zipped({ name: FILE_NAMES.projectEntry, data: json }, evidence.files);
  return { fileName: `${base}${FILE_NAMES.projectZip}`, mimeType: DOCUMENT_MIME_TYPE, data, skipped };
}

/**
 * A scan as a zip: the scan file (`scan.quickscan.json`, docs/contracts.md) and its evidence
 * files. The scan file format needs the project's floor area and a method this build knows.
 */
export async function exportScanZip(scanId: string): Promise<ExportedFile> {
  const rawScan = await storedScan(scanId);
  if (!rawScan) return fail('files.export.notFound');
  const scan = restoredOrSkip(() => restoreScan(rawScan)) ?? fail('files.export.unreadable');
  const project = await loadProject(scan.projectId);
  if (!hasScoringInputs(project)) return fail('files.export.needsArea');
  if (!methodOf(scan)) return fail('files.export.unknownMethod', { method: scan.definitionId, version: scan.definitionVersion });
  const file = await buildScanFile(project, scan);
  const evidence = new EvidenceCollector(true);
  const byId = new Map((await listEvidence(scan.id)).map((e) => [e.id, e]));
  for (const answer of Object.values(file.scan.answers)) {
    if (!answer.evidence) continue;
    const kept = [];
    for (const ref of answer.evidence) {
      const record = byId.get(ref.id);
      if (record && (await evidence.add(record))) kept.push(ref);
    }
    if (kept.length) answer.evidence = kept;
    else delete answer.evidence;
  }
  const checked = parseScanFile(file);
  if (!checked.ok) return fail('files.export.unreadable');
  const json = new TextEncoder().encode(`${JSON.stringify(JSON.parse(canonicalJson(checked.file)), null, 2)}\n`);
  const data = zipped({ name: FILE_NAMES.scanEntry, data: json }, evidence.files);
  return { fileName: `${safeFileName(`${project.name} - ${scan.name}`)}${FILE_NAMES.scanZip}`, mimeType: DOCUMENT_MIME_TYPE, data, skipped: evidence.skipped };
}

/**
 * Everything in one zip: all projects (also those in the trash), scans, evidence files,
 * issued revisions, settings, trust anchors, trust lists and confirmed key statements (a restore
 * only offers the last three: the user confirms each). Not the signing key: its private half is a
 * non-extractable WebCrypto key; it has an encrypted backup of its own, made when it was created
 * (Settings).
 */
export async function exportBackup(now = new Date()): Promise<ExportedFile> {
  let skipped = 0;
  const projects: ProjectRecord[] = [];
  for (const raw of await allStoredProjects()) {
    const project = restoredOrSkip(() => restoreProject(raw));
    if (project) projects.push(project);
    else skipped += 1;
  }
  const projectIds = new Set(projects.map((p) => p.id));
  const scans: ScanRecord[] = [];
  for (const raw of await allStoredScans()) {
    const scan = restoredOrSkip(() => restoreScan(raw));
    if (scan && projectIds.has(scan.projectId)) scans.push(scan);
    else skipped += 1;
  }
  const scanIds = new Set(scans.map((s) => s.id));
  const evidence = new EvidenceCollector(true);
  let orphanEvidence = 0;
  await eachStoredEvidence((record) => {
    if (!scanIds.has(record.scanId)) orphanEvidence += 1;
  });
  // Read evidence one scan at a time: each file is read only when it is written.
  for (const scan of scans) {
    const records = await listEvidence(scan.id);
    records.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
    for (const record of records) await evidence.add(record);
  }
  const revisions: RevisionRecord[] = [];
  for (const raw of await allStoredRevisions()) {
    const revision = revisionOrSkip(raw);
    if (revision && projectIds.has(revision.projectId)) revisions.push(revision);
    else skipped += 1;
  }
  const settings: BackupFile['settings'] = [];
  for (const raw of await allStoredSettings()) {
    const parsed = jsonDepthWithin(raw.value, FILE_LIMITS.maxJsonDepth) ? settingFileSchema.safeParse(raw) : undefined;
    if (parsed?.success) settings.push(parsed.data);
    else skipped += 1;
  }
  const trustAnchors: BackupFile['trustAnchors'] = [];
  for (const anchor of await listTrustAnchors()) {
    const parsed = trustAnchorFileSchema.safeParse({ key: anchor.key, label: anchor.label, addedAt: anchor.addedAt });
    if (parsed.success) trustAnchors.push(parsed.data);
    else skipped += 1;
  }
  const trustLists: BackupFile['trustLists'] = [];
  for (const list of await listTrustLists()) {
    const parsed = jsonDepthWithin(list.document, FILE_LIMITS.maxJsonDepth) ? settingFileSchema.shape.value.safeParse(list.document) : undefined;
    if (parsed?.success) trustLists.push(parsed.data);
    else skipped += 1;
  }
  const keyStatements: BackupFile['keyStatements'] = [];
  for (const statement of await listKeyStatements()) {
    const parsed = jsonDepthWithin(statement.document, FILE_LIMITS.maxJsonDepth) ? settingFileSchema.shape.value.safeParse(statement.document) : undefined;
    if (parsed?.success) keyStatements.push(parsed.data);
    else skipped += 1;
  }
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    evidenceFiles: 'included',
    signingKey: 'not-included',
    projects: projects.sort(byId),
    scans: scans.sort(byId),
    evidence: evidence.metas,
    revisions: revisions.sort(byId),
    settings: settings.sort((a, b) => a.key.localeCompare(b.key)),
    trustAnchors,
    trustLists,
    keyStatements,
  };
  const json = encodeJson(file);
  if (json.length > FILE_LIMITS.maxJsonBytes) fail('files.export.tooLarge', { max: bytesToMb(FILE_LIMITS.maxJsonBytes) });
  const data = zipped({ name: FILE_NAMES.backupEntry, data: json }, evidence.files);
  const day = now.toISOString().slice(0, 10);
  return { fileName: `quickscan-${day}${FILE_NAMES.backupZip}`, mimeType: 'application/zip', data, skipped: skipped + evidence.skipped + orphanEvidence };
}

/** The MIME type of a `.quickscan` document (a zip inside), as the desktop association declares it. */
export const DOCUMENT_MIME_TYPE = 'application/x-quickscan+zip';

/** The save dialog's filter: the extension the name ends in (`quickscan` for documents, else zip or json). */
export function saveFilterOf(fileName: string): { name: string; extensions: string[] } {
  if (fileName.endsWith(FILE_NAMES.document)) return { name: 'QuickScan', extensions: ['quickscan'] };
  return { name: 'QuickScan', extensions: [fileName.endsWith('.zip') ? 'zip' : 'json'] };
}

/** Offers the file to the user (a save dialog in Electron, a download in the browser). */
export async function saveExport(file: ExportedFile): Promise<{ saved: boolean; fileName?: string }> {
  return platform.saveFile({
    suggestedName: file.fileName,
    mimeType: file.mimeType,
    filters: [saveFilterOf(file.fileName)],
    data: file.data,
  });
}

/** The message for a failed export: a known problem, or the error's text as a detail. */
export function exportErrorOf(error: unknown): FileError {
  if (error instanceof FileFailure) return error.error;
  return { key: 'files.export.unexpected', params: { detail: shortDetail(error) } };
}
