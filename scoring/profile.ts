/**
 * Tender requirement profiles (docs/tender-profiles.md): what a contracting authority demands of
 * the QuickScan that bidders hand in — a minimum label, per-theme minimums, must-have answers —
 * and the value of a quality point for the fictitious discount (EMVI/BPKV).
 *
 * A profile is signed like an issued revision: the signed `content` is hashed (SHA-256 of its
 * RFC 8785 canonical JSON) and signed with Ed25519 by the key named in `content.signer`, and
 * travels in an envelope:
 *
 *   { format: 'quickscan-requirement-profile-envelope', formatVersion: 1, content, contentHash, signature }
 *
 * Pure module: no Node built-ins, no PDF code.
 */
import * as z from 'zod';
import { canonicalJson, sha256Hex } from '../forms/hash';
import { hasAtMostTwoDecimals, ID_PATTERN } from '../forms/schema';
import { methodRefSchema } from './issued';
import { referenceCodeFromHash } from './reference-code';
import { keyFingerprint, PUBLIC_KEY_B64U_PATTERN, SIGNATURE_B64U_PATTERN, verifySignature } from './signature';
import type { ScoringDefinition } from './types';
import { parseJsonWith, type FieldError } from './parse-json';

export const PROFILE_FORMAT = 'quickscan-requirement-profile';
export const PROFILE_ENVELOPE_FORMAT = 'quickscan-requirement-profile-envelope';

/** Bounds against hostile files; far above real use. */
export const PROFILE_LIMITS = {
  shortText: 500,
  text: 20_000,
  mustHaves: 2_000,
  themeMinimums: 500,
  /** Largest value of a quality point, in EUR. */
  maxValuePerPointEur: 1_000_000_000,
} as const;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date YYYY-MM-DD that exists (no 31 February). */
function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

const nonBlank = (what: string, max: number = PROFILE_LIMITS.shortText) =>
  z.string().max(max).regex(/\S/, { error: `${what} must not be empty` });
const idText = (what: string) => z.string().regex(ID_PATTERN, { error: `${what}: 1-64 letters, digits, "_" or "-"` });

export const profileSignerSchema = z
  .object({
    name: nonBlank('the signer name'),
    role: z.string().max(PROFILE_LIMITS.shortText),
    publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN, { error: 'base64url of a raw 32-byte Ed25519 public key (43 characters)' }),
  })
  .strict();

export const mustHaveSchema = z
  .object({
    question: idText('a question id'),
    /** A level id of the question: the answer must have at least this level's points. */
    minLevel: idText('a level id'),
  })
  .strict();

const percent = z
  .number()
  .int({ error: 'a theme minimum must be a whole number' })
  .min(0, { error: 'a theme minimum must be between 0 and 100' })
  .max(100, { error: 'a theme minimum must be between 0 and 100' });

/** The signed content of a requirement profile. No defaults, no transforms: parsing never changes it. */
export const profileContentSchema = z
  .object({
    format: z.literal(PROFILE_FORMAT),
    formatVersion: z.literal(1),
    id: z.uuid(),
    tender: z
      .object({
        name: nonBlank('the tender name'),
        /** The tender's reference, e.g. the TenderNed number or the authority's case number. */
        reference: nonBlank('the tender reference'),
      })
      .strict(),
    contractingAuthority: nonBlank('the contracting authority'),
    /** The date the profile was drawn up, YYYY-MM-DD. */
    created: z.string().refine(isCalendarDate, { error: 'a date YYYY-MM-DD' }),
    /** The QuickScan definition (method) the profile applies to: bids must be made with exactly this one. */
    method: methodRefSchema,
    /** A label id of the method: the bid must meet this label's thresholds. */
    minimumLabel: idText('a label id').optional(),
    /** Theme id -> minimum theme score, integer 0..100 (compared with the exact score). */
    themeMinimums: z
      .record(idText('a theme id'), percent)
      .refine((m) => Object.keys(m).length <= PROFILE_LIMITS.themeMinimums, { error: `at most ${PROFILE_LIMITS.themeMinimums} theme minimums` })
      .optional(),
    mustHaves: z.array(mustHaveSchema).max(PROFILE_LIMITS.mustHaves),
    /** EUR per point of the total (0-100) for the fictitious discount; at most 2 decimals. */
    valuePerPointEur: z
      .number()
      .min(0, { error: 'the value per point must not be negative' })
      .max(PROFILE_LIMITS.maxValuePerPointEur, { error: `the value per point must be at most ${PROFILE_LIMITS.maxValuePerPointEur} EUR` })
      .refine(hasAtMostTwoDecimals, { error: 'the value per point must have at most 2 decimals (whole cents)' })
      .optional(),
    notes: z.string().max(PROFILE_LIMITS.text).optional(),
    /**
     * Optional: the trust list (scoring/trust.ts) the bids must be signed under. A verifier then
     * counts only signers on that list (by its `listId`; any version). Profiles without it hash
     * exactly as before.
     */
    requiredTrustList: z
      .object({ listId: z.uuid(), name: z.string().max(PROFILE_LIMITS.shortText).regex(/\S/, { error: 'the list name must not be empty' }) })
      .strict()
      .optional(),
    signer: profileSignerSchema,
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.mustHaves.forEach((m, i) => {
      if (seen.has(m.question)) ctx.addIssue({ code: 'custom', path: ['mustHaves', i, 'question'], message: `${m.question} is listed twice as a must-have` });
      seen.add(m.question);
    });
  });

export const profileEnvelopeSchema = z
  .object({
    format: z.literal(PROFILE_ENVELOPE_FORMAT),
    formatVersion: z.literal(1),
    content: profileContentSchema,
    contentHash: z.string().regex(SHA256_HEX, { error: 'lowercase hex SHA-256' }),
    signature: z.string().regex(SIGNATURE_B64U_PATTERN, { error: 'base64url of a raw 64-byte Ed25519 signature (86 characters)' }),
  })
  .strict();

export type ProfileContent = z.infer<typeof profileContentSchema>;
export type ProfileEnvelope = z.infer<typeof profileEnvelopeSchema>;
export type ProfileSigner = z.infer<typeof profileSignerSchema>;
export type MustHave = z.infer<typeof mustHaveSchema>;

/** The canonical JSON text of the content: the exact text that is hashed and signed. */
export function canonicalProfileContent(content: ProfileContent): string {
  return canonicalJson(content);
}

/** SHA-256 (lower-case hex) of the canonical JSON of the content. */
export function profileContentHash(content: ProfileContent): string {
  return sha256Hex(canonicalProfileContent(content));
}

/** Wraps signed content and its signature (base64url Ed25519 over the canonical JSON) in an envelope. */
export function buildProfileEnvelope(content: ProfileContent, signatureB64u: string): ProfileEnvelope {
  return {
    format: PROFILE_ENVELOPE_FORMAT,
    formatVersion: 1,
    content,
    contentHash: profileContentHash(content),
    signature: signatureB64u,
  };
}

/** The envelope as a file: 2-space-indented JSON, members in canonical order, final newline. */
export function profileEnvelopeJsonText(envelope: ProfileEnvelope): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(envelope)), null, 2)}\n`;
}

export type ProfileError = FieldError;

export type ParseProfileResult = { ok: true; envelope: ProfileEnvelope } | { ok: false; errors: ProfileError[] };

/**
 * Checks the shape of a profile envelope given as parsed JSON or as JSON text. Never throws.
 * It does not check the hash or the signature: {@link verifyProfileEnvelope} does.
 */
export function parseProfileEnvelope(json: unknown): ParseProfileResult {
  const result = parseJsonWith(profileEnvelopeSchema, json);
  return result.ok ? { ok: true, envelope: result.value } : result;
}

export interface ProfileVerification {
  /** Data intact and signature valid. */
  ok: boolean;
  /** The content hashes to the stated `contentHash`. */
  dataIntact: boolean;
  /** The Ed25519 signature fits the canonical content and `content.signer.publicKey`. */
  signatureValid: boolean;
  /** The hash recomputed from the content. */
  contentHash: string;
  /** A short code for the profile, `QS-XXXX-XXXX-XXXX`, from the recomputed hash (as for revisions). */
  referenceCode: string;
  /** The signer's key fingerprint, `XXXX-XXXX-XXXX-XXXX` (compare it with the authority's). */
  fingerprint: string;
}

/**
 * Checks a parsed envelope: recomputes the content hash and checks the signature. Never throws.
 * Who signed is not judged here: compare `fingerprint` with the one the authority publishes.
 */
export function verifyProfileEnvelope(envelope: ProfileEnvelope): ProfileVerification {
  let canonical: string;
  try {
    canonical = canonicalProfileContent(envelope.content);
  } catch {
    return { ok: false, dataIntact: false, signatureValid: false, contentHash: '', referenceCode: '', fingerprint: '' };
  }
  const hash = sha256Hex(canonical);
  const dataIntact = hash === envelope.contentHash;
  const signatureValid = verifySignature(canonical, envelope.signature, envelope.content.signer.publicKey);
  let fingerprint = '';
  try {
    fingerprint = keyFingerprint(envelope.content.signer.publicKey);
  } catch {
    fingerprint = '';
  }
  return { ok: dataIntact && signatureValid, dataIntact, signatureValid, contentHash: hash, referenceCode: referenceCodeFromHash(hash), fingerprint };
}

/** Whether a scan's or revision's method is exactly the one the profile applies to. */
export function profileAppliesToMethod(content: ProfileContent, method: { id: string; version: string; sha256: string }): boolean {
  return content.method.id === method.id && content.method.version === method.version && content.method.sha256 === method.sha256;
}

export interface ProfileIssue {
  /** Path into the content, e.g. `mustHaves[1].minLevel`. */
  path: string;
  message: string;
}

/**
 * What in the profile does not fit a definition: unknown label, theme, question or level ids.
 * An empty list means the profile can be checked against scans on this definition. (Whether the
 * definition is the one the profile names, by id, version and SHA-256, is the caller's check:
 * {@link profileAppliesToMethod}.)
 */
export function profileIssues(definition: ScoringDefinition, content: ProfileContent): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  if (content.minimumLabel !== undefined && !definition.labels.some((l) => l.id === content.minimumLabel)) {
    issues.push({
      path: 'minimumLabel',
      message: `unknown label "${content.minimumLabel}" (the method has: ${definition.labels.map((l) => l.id).join(', ') || 'no labels'})`,
    });
  }
  const themes = new Set(definition.themes.map((t) => t.id));
  for (const theme of Object.keys(content.themeMinimums ?? {})) {
    if (!themes.has(theme)) issues.push({ path: `themeMinimums.${theme}`, message: `unknown theme "${theme}"` });
  }
  content.mustHaves.forEach((m, i) => {
    const q = definition.questions.find((x) => x.id === m.question);
    if (!q) issues.push({ path: `mustHaves[${i}].question`, message: `unknown question "${m.question}"` });
    else if (!q.levels.some((l) => l.id === m.minLevel)) {
      issues.push({ path: `mustHaves[${i}].minLevel`, message: `question ${m.question} has no level "${m.minLevel}" (it has ${q.levels.map((l) => l.id).join(', ')})` });
    }
  });
  return issues;
}

/** Thrown by compliance checks when a profile does not fit the definition (see {@link profileIssues}). */
export class ProfileMismatchError extends Error {
  override readonly name = 'ProfileMismatchError';
  constructor(readonly issues: readonly ProfileIssue[]) {
    super(`The requirement profile does not fit this method: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}
