import { z } from 'zod';
import type { PublicJwk } from '../../scoring/keys';

export const phases = ['initiative', 'SO', 'VO', 'DO', 'TO', 'tender', 'execution', 'delivery', 'use'] as const;
export type Phase = (typeof phases)[number];
export const isPhase = (value: string): value is Phase => (phases as readonly string[]).includes(value);

export const buildingTypes = [
  'housing_single',
  'housing_apartments',
  'office',
  'education',
  'healthcare',
  'sports',
  'industrial',
  'holiday',
  'recreation',
  'civic',
  'other',
] as const;
export type BuildingType = (typeof buildingTypes)[number];

export const projectKindValues = ['new_build', 'renovation', 'extension'] as const;

/** Zeeland's 13 municipalities, offered first; any other place may be typed. */
export const zeelandMunicipalities = [
  'Borsele', 'Goes', 'Hulst', 'Kapelle', 'Middelburg', 'Noord-Beveland', 'Reimerswaal',
  'Schouwen-Duiveland', 'Sluis', 'Terneuzen', 'Tholen', 'Veere', 'Vlissingen',
] as const;

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

export const circularBudgetSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('eur'), amountEur: z.number().finite().min(0) }).strict(),
  z.object({ mode: z.literal('pct'), pct: z.number().finite().min(0).max(100) }).strict(),
]);

/** A project as stored. Every read and import passes through restoreProject (restore.ts). */
export const projectRecordSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    address: z.string().max(300),
    municipality: z.string().max(100),
    client: z.string().max(200),
    buildingType: z.union([z.enum(buildingTypes), z.literal('')]),
    kind: z.enum(projectKindValues),
    phase: z.enum(phases),
    gfaM2: z.number().finite().positive().max(10_000_000).nullable(),
    constructionBudgetEur: z.number().finite().min(0).max(1e11).nullable(),
    circularBudget: circularBudgetSchema,
    /** The project's ambition per theme id: a whole score 0..100 (absent or 0 = none). */
    ambitions: z.record(z.string().min(1).max(64), z.number().int().min(0).max(100)).optional(),
    createdAt: isoDate,
    updatedAt: isoDate,
    deletedAt: isoDate.nullable(),
  })
  .strict();

export type ProjectRecord = z.infer<typeof projectRecordSchema>;

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** An answer as stored: a level or "not applicable", plus a note; a note may come before the level. */
export const storedAnswerSchema = z
  .object({
    level: z.string().min(1).max(64).optional(),
    notApplicable: z.literal(true).optional(),
    note: z.string().max(5000).optional(),
  })
  .strict()
  .refine((a) => !(a.level && a.notApplicable), 'an answer cannot have a level and be not applicable');
export type StoredAnswer = z.infer<typeof storedAnswerSchema>;

const costIndication = z
  .object({ basis: z.enum(['per_m2_gfa', 'lump_sum']), low: z.number().finite(), high: z.number().finite() })
  .strict()
  .refine((c) => c.low <= c.high, 'low must not exceed high');

export const costOverrideRecordSchema = z.object({ question: z.string().min(1), level: z.string().min(1), cost: costIndication }).strict();
export type CostOverrideRecord = z.infer<typeof costOverrideRecordSchema>;

/** A scan (or a variant of one) of a project, on one definition version. */
export const scanRecordSchema = z
  .object({
    id: z.string().min(1).max(100),
    projectId: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    definitionId: z.string().min(1),
    definitionVersion: z.string().min(1),
    answers: z.record(z.string().min(1).max(64), storedAnswerSchema),
    costOverrides: z.array(costOverrideRecordSchema).max(2000),
    locked: z.array(z.string().min(1)).max(2000),
    variantOf: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
    deletedAt: isoDate.nullable(),
  })
  .strict();
export type ScanRecord = z.infer<typeof scanRecordSchema>;

/** A file kept as evidence for one answer, with its SHA-256 (hex) and a small thumbnail for images. */
export interface EvidenceRecord {
  id: string;
  scanId: string;
  questionId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  addedAt: string;
  blob: Blob;
  thumbnail: Blob | null;
}

/** An issued, frozen revision: the signed envelope plus fields indexed for lists. Never edited. */
export interface RevisionRecord {
  /** The revision id of the signed content. */
  id: string;
  projectId: string;
  /** The scan it was issued from (it may since have changed or been deleted). */
  scanId: string;
  referenceCode: string;
  contentHash: string;
  phase: string;
  issuedAt: string;
  /** The envelope exactly as issued (scoring/issued.ts); its report settings are the first PDF's. */
  envelope: unknown;
}

/**
 * The signed PDF of a format-2 revision exactly as issued (schema 6): the document a tender
 * cites. Its PAdES signature is made with the assessor's key at issuing, so it is kept, not
 * rebuilt (after a rotation the old key can no longer sign). Added with the revision, never edited.
 */
export interface IssuedPdfRecord {
  revisionId: string;
  /** The language of its pages (signed inside the revision). */
  locale: 'nl' | 'en';
  data: Uint8Array;
}

/**
 * The assessor's signing key (`id: 'assessor'`, one at a time): the private half is a
 * non-extractable WebCrypto key (ECDSA P-256 for keys made since schema 5, Ed25519 before).
 */
export interface SigningKeyRecord {
  id: 'assessor';
  privateKey: CryptoKey;
  /** The public key as JWK (scoring/keys.ts). */
  key: PublicJwk;
  createdAt: string;
  /**
   * When the encrypted backup of this key was saved (renderer/issue/key-backup.ts); null for a
   * key made before backups existed, which cannot be backed up (rotate to a new key instead).
   */
  backedUpAt: string | null;
  /** Schema 3-4: the raw base64url Ed25519 public key (kept for format-1 history). */
  publicKey?: string;
}

/**
 * A key this user signed with before: rotated away (with the statement the old key signed) or
 * revoked (with its revocation statement). Public halves only; kept so the statements can be
 * saved again and so Settings can show the history.
 */
export interface RetiredKeyRecord {
  fingerprint: string;
  key: PublicJwk;
  createdAt: string;
  retiredAt: string;
  reason: 'rotated' | 'revoked';
  /** The signed rotation or revocation statement (scoring/keys.ts format), as made. */
  statement: unknown;
}

/** Schema 3-4: a trusted Ed25519 key (raw base64url). Moved to `trustAnchors` by version 5. */
export interface TrustedKeyRecord {
  publicKey: string;
  label: string;
  addedAt: string;
}

/**
 * A trust anchor: a public key the user chose to trust, each with a label: an assessor's key, or
 * the operator key of a trust list (which then vouches for the list's entries). Only ever added
 * after a confirmation that names it (Settings, or a backup restore's separate question).
 */
export interface TrustAnchorRecord {
  fingerprint: string;
  key: PublicJwk;
  label: string;
  addedAt: string;
  /**
   * What the user trusts it for: `signer` (its signatures on revisions, profiles and methods
   * pass) and/or `operator` (the trust lists it signs vouch for their entries).
   */
  uses: AnchorUse[];
}

export type AnchorUse = 'signer' | 'operator';

/** A signed trust list the user loaded (its operator key is a trust anchor). One per list id. */
/**
 * Schema 7: a key rotation or revocation statement (scoring/key-statements.ts) the user confirmed
 * in Settings → Trust. Stored as read; checked again (verifyKeyStatement) on every use.
 */
export interface KeyStatementRecord {
  /** The statement's contentHash: the same statement imported twice is one. */
  id: string;
  kind: 'key-rotation' | 'key-revocation';
  /** The key it is about: the old key of a rotation, the revoked key. */
  subjectFingerprint: string;
  /** The signed file exactly as read (parsed JSON). */
  document: unknown;
  /** When the user confirmed it. */
  confirmedAt: string;
}

export interface TrustListRecord {
  /** The list's own id (scoring/trust.ts); a newer sequence of the same list replaces it. */
  id: string;
  operatorFingerprint: string;
  /** The signed file exactly as read, checked again on every use. */
  document: unknown;
  addedAt: string;
}
