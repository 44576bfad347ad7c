/**
 * Tender requirement profiles (docs/tender-profiles.md): what a contracting authority demands of
 * the QuickScan that bidders hand in — a minimum label, per-theme minimums, must-have answers —
 * and the value of a quality point for the fictitious discount (EMVI/BPKV).
 *
 * A profile is signed like an issued revision: the signed `content` is hashed (SHA-256 of its
 * RFC 8785 canonical JSON) and signed by the key named in `content.signer`, and travels in an
 * envelope:
 *
 *   { format: 'quickscan-requirement-profile-envelope', formatVersion: 1 | 2, content, contentHash, signature }
 *
 * Two formats, told apart by `formatVersion` (the envelope's and the content's are the same):
 * - format 1 (profiles made before signatures carried a purpose): `content.signer.publicKey` is a
 *   raw Ed25519 key, the signature is Ed25519 over the bare canonical JSON, the profile code is the
 *   short form. It keeps verifying exactly as before.
 * - format 2: `content.signer.key` is a public JWK (scoring/keys.ts: P-256 or Ed25519), the
 *   signature has purpose `profile` (`signingMessage('profile', canonical)`, so no revision, trust
 *   list or other signature can be passed off as a profile's, nor the other way round), and the
 *   profile code is the long form, as for format-2 revisions.
 *
 * Pure module: no Node built-ins, no PDF code.
 */
import * as z from 'zod';
import { canonicalJson, sha256Hex } from '../forms/hash';
import { hasAtMostTwoDecimals, ID_PATTERN } from '../forms/schema';
import { methodRefSchema } from './issued';
import { referenceCodeOfForm, type ReferenceCodeForm } from './reference-code';
import { PUBLIC_KEY_B64U_PATTERN, SIGNATURE_B64U_PATTERN, verifySignature } from './signature';
import { ed25519Jwk, keyFingerprint, publicJwkOf, publicJwkSchema, PURPOSE_SIGNATURE_PATTERN, sameKey, signWithPrivateJwk, verifyPurposeSignature, type PrivateJwk, type PublicJwk } from './keys';
import type { StatementSigner } from './key-statements';
import type { ScoringDefinition } from './types';
import { parseJsonWith, type FieldError, type FieldProblem } from './parse-json';

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

const nonBlank = (_what: string, max: number = PROFILE_LIMITS.shortText) =>
  z.string().max(max).regex(/\S/, { error: 'blank' }); // codes: forms/input-problems.ts, words: report/input-strings.ts
const idText = (_what: string) => z.string().regex(ID_PATTERN, { error: 'invalid-id' });

export const profileSignerSchema = z
  .object({
    name: nonBlank('the signer name'),
    role: z.string().max(PROFILE_LIMITS.shortText),
    publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN, { error: 'invalid-ed25519-key' }),
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
  .int()
  .min(0)
  .max(100);

/**
 * The members both formats share (everything but `formatVersion` and `signer`), in the order of
 * format 1. No defaults, no transforms: parsing never changes the content.
 */
const profileCommonShape = {
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
  created: z.string().refine(isCalendarDate, { error: 'invalid-date' }),
  /** The QuickScan definition (method) the profile applies to: bids must be made with exactly this one. */
  method: methodRefSchema,
  /** A label id of the method: the bid must meet this label's thresholds. */
  minimumLabel: idText('a label id').optional(),
  /** Theme id -> minimum theme score, integer 0..100 (compared with the exact score). */
  themeMinimums: z
    .record(idText('a theme id'), percent)
    .refine((m) => Object.keys(m).length <= PROFILE_LIMITS.themeMinimums, { error: 'too-many', params: { maximum: PROFILE_LIMITS.themeMinimums } })
    .optional(),
  mustHaves: z.array(mustHaveSchema).max(PROFILE_LIMITS.mustHaves),
  /** EUR per point of the total (0-100) for the fictitious discount; at most 2 decimals. */
  valuePerPointEur: z
    .number()
    .min(0)
    .max(PROFILE_LIMITS.maxValuePerPointEur)
    .refine(hasAtMostTwoDecimals, { error: 'not-cents' })
    .optional(),
  notes: z.string().max(PROFILE_LIMITS.text).optional(),
  /**
   * Optional: the trust list (scoring/trust.ts) the bids must be signed under. A verifier then
   * counts only signers on that list (by its `listId`; any version). Profiles without it hash
   * exactly as before.
   */
  requiredTrustList: z
    .object({ listId: z.uuid(), name: z.string().max(PROFILE_LIMITS.shortText).regex(/\S/, { error: 'blank' }) })
    .strict()
    .optional(),
};

/** A question may be a must-have once. */
function mustHavesOnce(p: { mustHaves: readonly MustHave[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  p.mustHaves.forEach((m, i) => {
    if (seen.has(m.question)) ctx.addIssue({ code: 'custom', path: ['mustHaves', i, 'question'], message: 'listed-twice', params: { value: m.question } });
    seen.add(m.question);
  });
}

/** The signed content of a format-1 requirement profile (signer key: raw Ed25519). */
export const profileContentSchema = z
  .object({
    format: z.literal(PROFILE_FORMAT),
    formatVersion: z.literal(1),
    ...profileCommonShape,
    signer: profileSignerSchema,
  })
  .strict()
  .superRefine(mustHavesOnce);

export const profileEnvelopeSchema = z
  .object({
    format: z.literal(PROFILE_ENVELOPE_FORMAT),
    formatVersion: z.literal(1),
    content: profileContentSchema,
    contentHash: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
    signature: z.string().regex(SIGNATURE_B64U_PATTERN, { error: 'invalid-signature' }),
  })
  .strict();

/* ------------------------------------------------------------------------------------------ */
/* Format 2: signer key as JWK, signature with purpose `profile`, long profile code             */
/* ------------------------------------------------------------------------------------------ */

/** The signer of a format-2 profile: the key is a public JWK with its algorithm (scoring/keys.ts). */
export const profileSignerV2Schema = z
  .object({
    name: nonBlank('the signer name'),
    role: z.string().max(PROFILE_LIMITS.shortText),
    key: publicJwkSchema,
  })
  .strict();

/** The signed content of a format-2 requirement profile: as format 1, with the signer's key as JWK. */
export const profileContentV2Schema = z
  .object({
    format: z.literal(PROFILE_FORMAT),
    formatVersion: z.literal(2),
    ...profileCommonShape,
    signer: profileSignerV2Schema,
  })
  .strict()
  .superRefine(mustHavesOnce);

/** The envelope of a format-2 profile: signed with purpose `profile` (scoring/keys.ts `signingMessage`). */
export const profileEnvelopeV2Schema = z
  .object({
    format: z.literal(PROFILE_ENVELOPE_FORMAT),
    formatVersion: z.literal(2),
    content: profileContentV2Schema,
    contentHash: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
    signature: z.string().regex(PURPOSE_SIGNATURE_PATTERN, { error: 'invalid-signature' }),
  })
  .strict();

/** A profile envelope of either format (told apart by `formatVersion`; format 1 parses exactly as before). */
export const anyProfileEnvelopeSchema = z.discriminatedUnion('formatVersion', [profileEnvelopeSchema, profileEnvelopeV2Schema]);

/** Profile content of either format (e.g. handed to the budget worker). */
export const anyProfileContentSchema = z.discriminatedUnion('formatVersion', [profileContentSchema, profileContentV2Schema]);

export type ProfileContentV1 = z.infer<typeof profileContentSchema>;
export type ProfileContentV2 = z.infer<typeof profileContentV2Schema>;
/** The content of a profile of either format: what compliance, ranking and the pages read. */
export type ProfileContent = ProfileContentV1 | ProfileContentV2;
export type ProfileEnvelopeV1 = z.infer<typeof profileEnvelopeSchema>;
export type ProfileEnvelopeV2 = z.infer<typeof profileEnvelopeV2Schema>;
/** A profile envelope of either format. */
export type ProfileEnvelope = ProfileEnvelopeV1 | ProfileEnvelopeV2;
export type ProfileSigner = z.infer<typeof profileSignerSchema>;
export type ProfileSignerV2 = z.infer<typeof profileSignerV2Schema>;
export type MustHave = z.infer<typeof mustHaveSchema>;

/** The signer's public key as JWK (format 1: the raw Ed25519 key wrapped). */
export function profileSignerKey(content: ProfileContent): PublicJwk {
  return content.formatVersion === 2 ? content.signer.key : ed25519Jwk(content.signer.publicKey);
}

/** Wraps signed format-2 content and its signature (purpose `profile`) in an envelope; the hash is computed here. */
export function buildProfileEnvelopeV2(content: ProfileContentV2, signatureB64u: string): ProfileEnvelopeV2 {
  return { format: PROFILE_ENVELOPE_FORMAT, formatVersion: 2, content, contentHash: profileContentHash(content), signature: signatureB64u };
}

/** Thrown by the sign helpers when the signature was not made by the key `content.signer.key` names. */
export class ProfileSignerError extends Error {
  override readonly name = 'ProfileSignerError';
  constructor() {
    super('the profile was not signed with the key its signer names');
  }
}

/**
 * Signs format-2 content with a signer callback (the app: `(p, c) => signForPurpose(key, p, c)`,
 * renderer/issue/signing.ts) and wraps it. The signature is checked against `content.signer.key`
 * before the envelope is returned ({@link ProfileSignerError} otherwise).
 */
export async function signProfileWith(content: ProfileContentV2, sign: StatementSigner): Promise<ProfileEnvelopeV2> {
  const c = profileContentV2Schema.parse(content);
  const canonical = canonicalProfileContent(c);
  const signature = await sign('profile', canonical);
  if (!verifyPurposeSignature('profile', canonical, signature, c.signer.key)) throw new ProfileSignerError();
  return buildProfileEnvelopeV2(c, signature);
}

/** Signs format-2 content with a private JWK (command line, tests); the key must be the one `content.signer.key` names. */
export function signProfile(content: ProfileContentV2, privateJwk: PrivateJwk): ProfileEnvelopeV2 {
  if (!sameKey(publicJwkOf(privateJwk), content.signer.key)) throw new ProfileSignerError();
  const c = profileContentV2Schema.parse(content);
  return buildProfileEnvelopeV2(c, signWithPrivateJwk('profile', canonicalProfileContent(c), privateJwk));
}

/* ------------------------------------------------------------------------------------------ */

/** The canonical JSON text of the content: the exact text that is hashed and signed. */
export function canonicalProfileContent(content: ProfileContent): string {
  return canonicalJson(content);
}

/** SHA-256 (lower-case hex) of the canonical JSON of the content. */
export function profileContentHash(content: ProfileContent): string {
  return sha256Hex(canonicalProfileContent(content));
}

/** Wraps signed format-1 content and its signature (base64url Ed25519 over the bare canonical JSON) in an envelope. */
export function buildProfileEnvelope(content: ProfileContentV1, signatureB64u: string): ProfileEnvelopeV1 {
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
 * Checks the shape of a profile envelope of either format, given as parsed JSON or as JSON text.
 * Never throws. It does not check the hash or the signature: {@link verifyProfileEnvelope} does.
 */
export function parseProfileEnvelope(json: unknown): ParseProfileResult {
  const result = parseJsonWith(anyProfileEnvelopeSchema, json);
  return result.ok ? { ok: true, envelope: result.value } : result;
}

export interface ProfileVerification {
  /** Data intact and signature valid. */
  ok: boolean;
  /** The profile's format: 1 (Ed25519 over the bare canonical JSON) or 2 (purpose `profile`). */
  formatVersion: 1 | 2;
  /** The content hashes to the stated `contentHash`. */
  dataIntact: boolean;
  /** The signature fits the canonical content and the signer's key (format 2: with purpose `profile`). */
  signatureValid: boolean;
  /** The hash recomputed from the content. */
  contentHash: string;
  /**
   * A code for the profile from the recomputed hash (as for revisions): format 1 the short form
   * `QS-XXXX-XXXX-XXXX`, format 2 the long form `QS-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`.
   */
  referenceCode: string;
  referenceCodeForm: ReferenceCodeForm;
  /** The signer's key as JWK (format 1: the raw Ed25519 key wrapped). */
  key: PublicJwk;
  /** The signer's key fingerprint, `XXXX-XXXX-XXXX-XXXX` (compare it with the authority's). */
  fingerprint: string;
}

/**
 * Checks a parsed envelope of either format: recomputes the content hash and checks the signature
 * (format 1: Ed25519 over the bare canonical JSON; format 2: purpose `profile`). Never throws.
 * Who signed is not judged here: trust.ts `assessSigner(verification.key, …, role 'authority')` does.
 */
export function verifyProfileEnvelope(envelope: ProfileEnvelope): ProfileVerification {
  const key = profileSignerKey(envelope.content);
  const form: ReferenceCodeForm = envelope.formatVersion === 2 ? 'long' : 'short';
  const none = { ok: false, formatVersion: envelope.formatVersion, dataIntact: false, signatureValid: false, contentHash: '', referenceCode: '', referenceCodeForm: form, key, fingerprint: '' };
  // the envelope and its content must say the same format (the schemas guarantee it for parsed files)
  if (envelope.content.formatVersion !== envelope.formatVersion) return none;
  let canonical: string;
  try {
    canonical = canonicalProfileContent(envelope.content);
  } catch {
    return none;
  }
  const hash = sha256Hex(canonical);
  const dataIntact = hash === envelope.contentHash;
  const signatureValid =
    envelope.content.formatVersion === 2
      ? verifyPurposeSignature('profile', canonical, envelope.signature, envelope.content.signer.key)
      : verifySignature(canonical, envelope.signature, envelope.content.signer.publicKey);
  let fingerprint = '';
  try {
    fingerprint = keyFingerprint(key);
  } catch {
    fingerprint = '';
  }
  return { ok: dataIntact && signatureValid, formatVersion: envelope.formatVersion, dataIntact, signatureValid, contentHash: hash, referenceCode: referenceCodeOfForm(hash, form), referenceCodeForm: form, key, fingerprint };
}

/** Whether a scan's or revision's method is exactly the one the profile applies to. */
export function profileAppliesToMethod(content: ProfileContent, method: { id: string; version: string; sha256: string }): boolean {
  return content.method.id === method.id && content.method.version === method.version && content.method.sha256 === method.sha256;
}

/** A code with its values (unknown-label, unknown-theme, unknown-question, unknown-level), worded by report/input-strings.ts `profileIssueText`. */
export interface ProfileIssue extends FieldProblem {
  /** Path into the content, e.g. `mustHaves[1].minLevel`. */
  path: string;
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
    issues.push({ path: 'minimumLabel', code: 'unknown-label', params: { id: content.minimumLabel, known: definition.labels.map((l) => l.id) } });
  }
  const themes = new Set(definition.themes.map((t) => t.id));
  for (const theme of Object.keys(content.themeMinimums ?? {})) {
    if (!themes.has(theme)) issues.push({ path: `themeMinimums.${theme}`, code: 'unknown-theme', params: { id: theme } });
  }
  content.mustHaves.forEach((m, i) => {
    const q = definition.questions.find((x) => x.id === m.question);
    if (!q) issues.push({ path: `mustHaves[${i}].question`, code: 'unknown-question', params: { id: m.question } });
    else if (!q.levels.some((l) => l.id === m.minLevel)) {
      issues.push({ path: `mustHaves[${i}].minLevel`, code: 'unknown-level', params: { question: m.question, id: m.minLevel, known: q.levels.map((l) => l.id) } });
    }
  });
  return issues;
}

/** Thrown by compliance checks when a profile does not fit the definition (see {@link profileIssues}). */
export class ProfileMismatchError extends Error {
  override readonly name = 'ProfileMismatchError';
  constructor(readonly issues: readonly ProfileIssue[]) {
    // a technical string for logs; people get report/input-strings.ts profileIssuesText
    super(`profile-mismatch ${issues.map((i) => `${i.path}: ${i.code}`).join('; ')}`);
  }
}

/**
 * The JSON Schema (draft 2020-12) of a requirement profile file (format 1 or 2),
 * docs/requirement-profile.schema.json (regenerate: `UPDATE_SCHEMAS=1 npx vitest run
 * scoring/profile.test.ts`). Calendar dates, a must-have listed once, points on the curve, the
 * hash and the signature are checked by {@link parseProfileEnvelope} and
 * {@link verifyProfileEnvelope}, not by the schema.
 */
export function profileJsonSchemaText(): string {
  const generated = z.toJSONSchema(anyProfileEnvelopeSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, $id: 'https://circulairbouwenzeeland.nl/schemas/quickscan-requirement-profile.schema.json', title: 'QuickScan tender requirement profile (*.quickscan-profile.json), format 1 or 2', ...rest }, null, 2)}\n`;
}
