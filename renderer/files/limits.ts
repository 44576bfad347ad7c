import { MAX_EVIDENCE_BYTES } from '../scan/evidence';

const MB = 1024 * 1024;

/**
 * Bounds on what an import reads, far above real use, so that a damaged or hostile file costs
 * little memory or time. docs/file-formats.md lists them; exports that would break them are refused.
 */
export const FILE_LIMITS = {
  /** Largest file read at all (any kind). */
  maxFileBytes: 500 * MB,
  /** Largest JSON text: a bare JSON file, or project.json / backup.json / scan.quickscan.json in a zip. */
  maxJsonBytes: 50 * MB,
  /** Deepest nesting of arrays and objects in any JSON text. */
  maxJsonDepth: 64,
  /** Entries in a zip's central directory. */
  maxZipEntries: 20_000,
  /** Sum of the declared uncompressed sizes of the entries read from one zip. */
  maxUnzippedBytes: 600 * MB,
  /** One evidence file (as when it is added in the app). */
  maxEvidenceBytes: MAX_EVIDENCE_BYTES,
  /** One thumbnail. */
  maxThumbnailBytes: 2 * MB,
  projects: 10_000,
  scans: 50_000,
  evidence: 50_000,
  revisions: 20_000,
  settings: 1_000,
  trustedKeys: 1_000,
} as const;

export const bytesToMb = (bytes: number) => Math.round(bytes / MB);
