/**
 * The evidence dossier of an issued revision (`*.quickscan-dossier.zip`): the evidence files its
 * answers name, so that they travel with the PDF. docs/file-formats.md describes it.
 *
 * - `dossier.json`, the manifest: the revision it belongs to (reference code, content hash,
 *   revision id) and each file with its path in the zip, name, media type, size, SHA-256 and the
 *   questions that cite it;
 * - `evidence/<first 16 hex of the SHA-256>-<file name>`: the files, each once.
 *
 * The binding is the signed revision itself: its answers name every evidence file with its
 * SHA-256, so a file counts as supplied only when its bytes hash to a value the signed content
 * names. The manifest is not signed and need not be; a manifest for another revision, a changed
 * file or a file the revision does not name is reported, never taken as evidence.
 *
 * Pure module: codes and values, no sentences (report/dossier.ts words them).
 */
import * as z from 'zod';
import { sha256Hex } from '../forms/hash';
import type { Answer } from './scan-file';
import { isUnsafeEntryName, looksLikeZip, openZip, writeZip, ZipError, type ZipErrorCode, type ZipLimits } from './zip';
import { jsonOfBytes } from './json-bytes';

export const DOSSIER_FORMAT = 'quickscan-evidence-dossier';
export const DOSSIER_MANIFEST = 'dossier.json';
export const DOSSIER_FILE_SUFFIX = '.quickscan-dossier.zip';

/** Bounds for reading a dossier (hostile input): far above real use. */
export const DOSSIER_LIMITS: ZipLimits & { maxFileBytes: number; maxManifestBytes: number; maxFiles: number } = {
  maxEntries: 10_001,
  maxUnzippedBytes: 2 * 1024 * 1024 * 1024,
  maxFileBytes: 50 * 1024 * 1024,
  maxManifestBytes: 10 * 1024 * 1024,
  maxFiles: 10_000,
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const dossierFileSchema = z
  .object({
    path: z.string().min(1).max(1024),
    name: z.string().min(1).max(1000),
    type: z.string().min(1).max(255),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(SHA256_HEX),
    questions: z.array(z.string().min(1).max(200)).max(10_000),
  })
  .strict();

export const dossierManifestSchema = z
  .object({
    format: z.literal(DOSSIER_FORMAT),
    formatVersion: z.literal(1),
    revision: z
      .object({
        referenceCode: z.string().min(1).max(100),
        contentHash: z.string().regex(SHA256_HEX),
        revisionId: z.uuid(),
      })
      .strict(),
    files: z.array(dossierFileSchema).max(DOSSIER_LIMITS.maxFiles),
  })
  .strict();

export type DossierManifest = z.infer<typeof dossierManifestSchema>;
export type DossierFile = z.infer<typeof dossierFileSchema>;

/** What a dossier is made for or checked against: an issued revision's signed content, hash and code. */
export interface DossierRevision {
  content: { revisionId: string; scan: { answers: Readonly<Record<string, Answer>> } };
  contentHash: string;
  referenceCode: string;
}

/** One evidence file the signed answers name: its hash, name, type, size, and the questions citing it. */
export interface EvidenceReference {
  sha256: string;
  name: string;
  type: string;
  size: number;
  questions: string[];
}

/** The evidence files a revision's signed answers name, one per SHA-256, in answer order. */
export function evidenceReferences(content: DossierRevision['content']): EvidenceReference[] {
  const bySha = new Map<string, EvidenceReference>();
  for (const [question, answer] of Object.entries(content.scan.answers)) {
    for (const e of answer.evidence ?? []) {
      const known = bySha.get(e.sha256);
      if (known) {
        if (!known.questions.includes(question)) known.questions.push(question);
      } else bySha.set(e.sha256, { sha256: e.sha256, name: e.name, type: e.type, size: e.size, questions: [question] });
    }
  }
  return [...bySha.values()];
}

/** A file name that is a safe zip entry name on every system (the real name stays in the manifest). */
function safeName(name: string): string {
  const cleaned = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 0x7f || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 120);
  return cleaned || 'file';
}

export interface BuiltDossier {
  bytes: Uint8Array;
  manifest: DossierManifest;
  /** Named by the revision but not given (or given with other bytes): left out of the zip. */
  missing: EvidenceReference[];
}

/**
 * A dossier for a revision from the evidence files at hand (`files`: by SHA-256; a file whose
 * bytes do not hash to its key is left out, as is any the revision does not name). `mtime`
 * fixes the zip's timestamps (the revision's issue date by default), so the same files give the
 * same bytes.
 */
export function buildDossier(revision: DossierRevision & { content: { issuedAt?: string } }, files: ReadonlyMap<string, Uint8Array>, mtime?: Date): BuiltDossier {
  const refs = evidenceReferences(revision.content);
  const entries: { name: string; data: Uint8Array; store?: boolean }[] = [];
  const listed: DossierFile[] = [];
  const missing: EvidenceReference[] = [];
  for (const ref of refs) {
    const data = files.get(ref.sha256);
    if (!data || sha256Hex(data) !== ref.sha256) {
      missing.push(ref);
      continue;
    }
    const path = `evidence/${ref.sha256.slice(0, 16)}-${safeName(ref.name)}`;
    entries.push({ name: path, data, store: /^(image\/(jpeg|png|webp|heic)|video\/|audio\/|application\/(zip|pdf|gzip))/.test(ref.type) });
    listed.push({ path, name: ref.name, type: ref.type, size: data.length, sha256: ref.sha256, questions: ref.questions });
  }
  const manifest: DossierManifest = {
    format: DOSSIER_FORMAT,
    formatVersion: 1,
    revision: { referenceCode: revision.referenceCode, contentHash: revision.contentHash, revisionId: revision.content.revisionId },
    files: listed,
  };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const when = mtime ?? (revision.content.issuedAt ? new Date(revision.content.issuedAt) : new Date(Date.UTC(2000, 0, 1)));
  const bytes = writeZip([{ name: DOSSIER_MANIFEST, data: new TextEncoder().encode(text) }, ...entries], when);
  return { bytes, manifest, missing };
}

/** `supplied`: in the dossier and its bytes hash to the signed value; `mismatch`: in the dossier with other bytes; `not-supplied`: not in it. */
export type EvidenceFileState = 'supplied' | 'mismatch' | 'not-supplied';

export type DossierProblem = 'not-a-zip' | 'no-manifest' | 'manifest-invalid' | `zip-${ZipErrorCode}`;

export type DossierCheck =
  | { ok: false; problem: DossierProblem; detail?: string }
  | {
      ok: true;
      manifest: DossierManifest;
      /** The manifest names this revision (same content hash). When false, no file is taken as evidence. */
      revisionMatches: boolean;
      /** One per file the signed revision names. */
      files: (EvidenceReference & { state: EvidenceFileState })[];
      /** Files in the dossier the revision does not name (ignored). */
      extra: { path: string; name: string }[];
      /** SHA-256s of the files supplied and matching. */
      supplied: string[];
    };

/** Reads a dossier's manifest only (for pairing it with its PDF), or null when it is not a readable dossier. */
export function readDossierManifest(bytes: Uint8Array): DossierManifest | null {
  const read = openDossier(bytes);
  return read.ok ? read.manifest : null;
}

function openDossier(bytes: Uint8Array): { ok: true; manifest: DossierManifest; read: (path: string) => Uint8Array | undefined } | { ok: false; problem: DossierProblem; detail?: string } {
  if (!looksLikeZip(bytes)) return { ok: false, problem: 'not-a-zip' };
  try {
    const zip = openZip(bytes, DOSSIER_LIMITS);
    const raw = zip.read(DOSSIER_MANIFEST, DOSSIER_LIMITS.maxManifestBytes);
    if (!raw) return { ok: false, problem: 'no-manifest' };
    const read = jsonOfBytes(raw);
    if (!read.ok) return { ok: false, problem: 'manifest-invalid', detail: 'not-json' };
    const json = read.value;
    const parsed = dossierManifestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, problem: 'manifest-invalid', detail: issue ? `${issue.path.join('.')}: ${issue.message}`.slice(0, 200) : '' };
    }
    return { ok: true, manifest: parsed.data, read: (path) => zip.read(path, DOSSIER_LIMITS.maxFileBytes) };
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, problem: `zip-${error.code}`, ...(error.params.entry ? { detail: error.params.entry } : {}) };
    throw error;
  }
}

/**
 * Checks a dossier against a revision: each file the signed answers name is supplied (bytes hash
 * to the signed SHA-256), supplied with other bytes (`mismatch`), or not supplied. Never throws
 * for a bad zip: `ok: false` with a problem code.
 */
export function checkDossier(revision: DossierRevision, bytes: Uint8Array): DossierCheck {
  const opened = openDossier(bytes);
  if (!opened.ok) return opened;
  const { manifest } = opened;
  const refs = evidenceReferences(revision.content);
  const revisionMatches = manifest.revision.contentHash === revision.contentHash;
  const named = new Set(refs.map((r) => r.sha256));
  const files: (EvidenceReference & { state: EvidenceFileState })[] = [];
  const supplied: string[] = [];
  try {
    for (const ref of refs) {
      const listed = revisionMatches ? manifest.files.find((f) => f.sha256 === ref.sha256) : undefined;
      if (!listed || isUnsafeEntryName(listed.path)) {
        files.push({ ...ref, state: 'not-supplied' });
        continue;
      }
      const data = opened.read(listed.path);
      if (!data) files.push({ ...ref, state: 'not-supplied' });
      else if (sha256Hex(data) === ref.sha256) {
        files.push({ ...ref, state: 'supplied' });
        supplied.push(ref.sha256);
      } else files.push({ ...ref, state: 'mismatch' });
    }
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, problem: `zip-${error.code}`, ...(error.params.entry ? { detail: error.params.entry } : {}) };
    throw error;
  }
  const extra = manifest.files.filter((f) => !revisionMatches || !named.has(f.sha256)).map((f) => ({ path: f.path, name: f.name }));
  return { ok: true, manifest, revisionMatches, files, extra, supplied };
}
