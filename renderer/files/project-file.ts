/**
 * The app's own file formats (docs/file-formats.md): a project file `quickscan-project` v1 and a
 * full backup `quickscan-backup` v3 (v1 and v2 stay readable). These zod schemas are the source of truth. Projects and scans
 * inside them are checked by the restore step (renderer/db/restore.ts), the one door every stored
 * or imported record comes through; evidence, revisions, settings and trusted keys by the schemas
 * here.
 */
import { z } from 'zod';
import { publicJwkSchema } from '../../scoring/keys';
import { PUBLIC_KEY_B64U_PATTERN } from '../../scoring/signature';
import { FILE_LIMITS } from './limits';

export const PROJECT_FORMAT = 'quickscan-project';
export const BACKUP_FORMAT = 'quickscan-backup';
export const SCAN_FORMAT = 'quickscan-scan';
export const ENVELOPE_FORMAT = 'quickscan-issued-envelope';
export const FORMAT_VERSION = 1;
/**
 * The backup is at version 3 (version 2 + the confirmed key statements); versions 1 (raw Ed25519
 * trusted keys) and 2 (trust anchors as JWK keys, trust lists) stay readable.
 */
export const BACKUP_FORMAT_VERSION = 3;

/**
 * File names and zip entry names. A project or a scan saved with its evidence is a QuickScan
 * document, `*.quickscan` (a zip inside; the type the desktop app is associated with, so a
 * double-click opens it, docs/file-formats.md). Older `*.quickscan-project.zip` and
 * `*.quickscan.zip` files keep importing: the import reads the content, not the name.
 */
export const FILE_NAMES = {
  scanJson: '.quickscan.json',
  scanZip: '.quickscan',
  projectJson: '.quickscan-project.json',
  projectZip: '.quickscan',
  backupZip: '.quickscan-backup.zip',
  /** The associated document type (projectZip and scanZip). */
  document: '.quickscan',
  /** The index entry of each zip kind. */
  scanEntry: 'scan.quickscan.json',
  projectEntry: 'project.json',
  backupEntry: 'backup.json',
  evidenceEntry: (sha256: string) => `evidence/${sha256}`,
  thumbnailEntry: (sha256: string) => `thumbnails/${sha256}`,
} as const;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const isoDate = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const id = () => z.string().min(1).max(100);

/** A plain JSON object, not copied: its fields are checked by the restore step. */
const objectRecord = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'must be an object');

/** An evidence file's metadata; the file itself is `evidence/<sha256>` in a zip. */
export const evidenceMetaSchema = z
  .object({
    id: id(),
    scanId: id(),
    questionId: z.string().min(1).max(64),
    name: z.string().min(1).max(255),
    type: z.string().min(1).max(255).regex(/^[\x20-\x7e]+$/, 'a MIME type'),
    size: z.number().int().min(0).max(FILE_LIMITS.maxEvidenceBytes),
    sha256: z.string().regex(SHA256_HEX, 'lowercase hex SHA-256'),
    addedAt: isoDate,
  })
  .strict();
export type EvidenceMeta = z.infer<typeof evidenceMetaSchema>;

/** An issued revision as stored in the `revisions` table; the envelope is checked on import. */
export const revisionFileSchema = z
  .object({
    id: id(),
    projectId: id(),
    scanId: id(),
    referenceCode: z.string().max(40),
    contentHash: z.string().regex(SHA256_HEX, 'lowercase hex SHA-256'),
    phase: z.string().max(40),
    issuedAt: isoDate,
    envelope: z.unknown(),
  })
  .strict();

export const settingFileSchema = z
  .object({
    key: z.string().min(1).max(200),
    value: z.json(),
  })
  .strict();

export const trustedKeyFileSchema = z
  .object({
    publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN, 'base64url raw Ed25519 public key'),
    label: z.string().max(500),
    addedAt: isoDate,
  })
  .strict();

/** A trust anchor in a backup (version 2): offered to the user on restore, never added unasked. */
export const trustAnchorFileSchema = z
  .object({
    key: publicJwkSchema,
    label: z.string().max(500),
    addedAt: isoDate,
  })
  .strict();

/** `*.quickscan-project.json` / `project.json` in `*.quickscan-project.zip`. */
export const projectFileSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    formatVersion: z.literal(FORMAT_VERSION),
    exportedAt: isoDate,
    /** Whether the evidence files travel with it (in the zip) or not (the JSON file). */
    evidenceFiles: z.enum(['included', 'not-included']),
    project: objectRecord,
    scans: z.array(objectRecord).max(FILE_LIMITS.scans),
    evidence: z.array(evidenceMetaSchema).max(FILE_LIMITS.evidence),
    revisions: z.array(revisionFileSchema).max(FILE_LIMITS.revisions),
  })
  .strict();
export type ProjectFile = z.infer<typeof projectFileSchema>;

/** The parts every backup version shares. */
const backupCommon = {
  format: z.literal(BACKUP_FORMAT),
  exportedAt: isoDate,
  evidenceFiles: z.enum(['included', 'not-included']),
  /** The assessor's private key is non-extractable: it never leaves the device (it has a backup of its own). */
  signingKey: z.literal('not-included'),
  projects: z.array(objectRecord).max(FILE_LIMITS.projects),
  scans: z.array(objectRecord).max(FILE_LIMITS.scans),
  evidence: z.array(evidenceMetaSchema).max(FILE_LIMITS.evidence),
  revisions: z.array(revisionFileSchema).max(FILE_LIMITS.revisions),
  settings: z.array(settingFileSchema).max(FILE_LIMITS.settings),
};

/** `backup.json` in `*.quickscan-backup.zip`, version 1: trusted keys as raw Ed25519 keys. */
export const backupFileV1Schema = z
  .object({ ...backupCommon, formatVersion: z.literal(1), trustedKeys: z.array(trustedKeyFileSchema).max(FILE_LIMITS.trustedKeys) })
  .strict();

/**
 * `backup.json` in `*.quickscan-backup.zip`, version 2: everything except the signing key. Trust
 * anchors and trust lists travel with it, but a restore only offers them (the user confirms each).
 */
const backupTrust = {
  ...backupCommon,
  trustAnchors: z.array(trustAnchorFileSchema).max(FILE_LIMITS.trustedKeys),
  /** Signed trust lists as loaded (each checked again on restore). */
  trustLists: z.array(z.json()).max(FILE_LIMITS.trustedKeys),
};

/** `backup.json` version 2: trust anchors and trust lists, no key statements. */
export const backupFileV2Schema = z.object({ ...backupTrust, formatVersion: z.literal(2) }).strict();

/**
 * `backup.json` version 3 (current): version 2 and the key rotation / revocation statements the
 * user confirmed, as stored (the signed envelopes; each verified again on restore and offered, never
 * applied unasked).
 */
export const backupFileSchema = z
  .object({
    ...backupTrust,
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    keyStatements: z.array(z.json()).max(FILE_LIMITS.trustedKeys),
  })
  .strict();
export type BackupFile = z.infer<typeof backupFileSchema>;

