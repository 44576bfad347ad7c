/**
 * An issued revision: a scan frozen for a project phase, signed by its assessor, and the
 * envelope that carries it inside a PDF or as a `.quickscan-issued.json` file.
 * See docs/contracts.md ("An issued revision") and docs/verifying.md.
 *
 * - `contentHash` = SHA-256 (hex) of the RFC 8785 canonical JSON of the signed content;
 * - `referenceCode` = `QS-XXXX-XXXX-XXXX` derived from the content hash (scoring/reference-code.ts);
 * - `signature` = Ed25519 over the UTF-8 bytes of that canonical JSON (scoring/signature.ts).
 *
 * The signed content may carry the tender requirement profile the revision was issued against
 * (`profile`, optional: a whole signed `ProfileEnvelope` of scoring/profile.ts), so that the PDF
 * can show compliance and a verifier can recompute it. Content without it hashes as before.
 *
 * Pure module: no Node built-ins, no PDF code.
 */
// first: scoring/profile.ts imports methodRefSchema from this module (see scoring/method-ref.ts)
import { methodRefSchema } from './method-ref';
import * as z from 'zod';
import { canonicalJson, sha256Hex } from '../forms/hash';
import { anyProfileEnvelopeSchema, profileEnvelopeSchema, type ProfileEnvelope } from './profile';
import { answerSchema, costOverrideSchema, projectInputsSchema, type ScanFile } from './scan-file';
import { ANY_REFERENCE_CODE_PATTERN, LONG_REFERENCE_CODE_PATTERN, longReferenceCodeFromHash, REFERENCE_CODE_PATTERN, referenceCodeFromHash } from './reference-code';
import { ed25519Jwk, publicJwkSchema, PURPOSE_SIGNATURE_PATTERN, type PublicJwk } from './keys';
import { PUBLIC_KEY_B64U_PATTERN, SIGNATURE_B64U_PATTERN } from './signature';
import { parseJsonWith, type FieldError } from './parse-json';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Bounds that keep hostile files from costing much memory or time; far above real use. */
export const ISSUED_LIMITS = {
  text: 20_000,
  shortText: 500,
  history: 200,
  followUp: 50,
  answers: 2_000,
  evidencePerAnswer: 200,
  costOverrides: 5_000,
} as const;

/** The project phases a revision can be issued for, in project order. */
export const ISSUE_PHASES = ['initiative', 'SO', 'VO', 'DO', 'TO', 'tender', 'execution', 'delivery', 'use'] as const;
export type IssuePhase = (typeof ISSUE_PHASES)[number];
export const issuePhaseSchema = z.enum(ISSUE_PHASES);

const shortText = () => z.string().max(ISSUED_LIMITS.shortText);
const longText = () => z.string().max(ISSUED_LIMITS.text);
const isoDateTime = () => z.iso.datetime({ offset: true });

export const assessorSchema = z
  .object({
    name: shortText().regex(/\S/, { error: 'blank' }),
    organisation: shortText(),
    role: shortText(),
    assessmentType: z.enum(['self', 'independent']),
    publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN, { error: 'invalid-ed25519-key' }),
  })
  .strict();

export const historyEntrySchema = z
  .object({
    revisionId: z.uuid(),
    // a format-2 revision may follow a format-1 one (short code) or a format-2 one (long code)
    referenceCode: z.string().regex(ANY_REFERENCE_CODE_PATTERN, { error: 'invalid-reference-code' }),
    contentHash: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
    phase: issuePhaseSchema,
    issuedAt: isoDateTime(),
  })
  .strict();

export const followUpSchema = z
  .object({
    phase: issuePhaseSchema,
    plannedDate: z.string().regex(ISO_DATE, { error: 'invalid-date' }),
  })
  .strict();

/** The scan inside the signed content: as in the scan file, minus timestamps. */
export const issuedScanSchema = z
  .object({
    id: z.uuid(),
    name: shortText(),
    answers: z
      .record(z.string().min(1).max(100), answerSchema)
      .refine((a) => Object.keys(a).length <= ISSUED_LIMITS.answers, { error: 'too-many', params: { maximum: ISSUED_LIMITS.answers } })
      .refine(
        (a) => Object.values(a).every((x) => (x.evidence?.length ?? 0) <= ISSUED_LIMITS.evidencePerAnswer && (x.note?.length ?? 0) <= ISSUED_LIMITS.text),
        { error: 'answer-too-large', params: { maxText: ISSUED_LIMITS.text, maxEvidence: ISSUED_LIMITS.evidencePerAnswer } },
      ),
    costOverrides: z.array(costOverrideSchema).max(ISSUED_LIMITS.costOverrides).optional(),
    locked: z.array(z.string().min(1).max(100)).max(ISSUED_LIMITS.answers).optional(),
  })
  .strict()
  .superRefine((scan, ctx) => {
    const seen = new Set<string>();
    (scan.costOverrides ?? []).forEach((o, i) => {
      const key = `${o.question}\u0000${o.level}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['costOverrides', i], message: 'duplicate-cost-override', params: { question: o.question, level: o.level } });
      seen.add(key);
    });
    const locked = new Set<string>();
    (scan.locked ?? []).forEach((q, i) => {
      if (locked.has(q)) ctx.addIssue({ code: 'custom', path: ['locked', i], message: 'listed-twice', params: { value: q } });
      locked.add(q);
    });
  });

export { methodRefSchema };

/** The signed content of an issued revision. No defaults, no transforms: parsing never changes it. */
export const issuedContentSchema = z
  .object({
    format: z.literal('quickscan-issued'),
    formatVersion: z.literal(1),
    revisionId: z.uuid(),
    issuedAt: isoDateTime(),
    phase: issuePhaseSchema,
    assessor: assessorSchema,
    method: methodRefSchema,
    project: projectInputsSchema,
    scan: issuedScanSchema,
    assumptions: longText(),
    exclusions: longText(),
    history: z.array(historyEntrySchema).max(ISSUED_LIMITS.history),
    followUp: z.array(followUpSchema).max(ISSUED_LIMITS.followUp),
    /**
     * Optional: the tender requirement profile the bidder issued this revision against, the whole
     * signed envelope as the contracting authority published it. Absent in revisions issued
     * without one (their content and hash are exactly as before this field existed).
     * Lazy: scoring/profile.ts imports this module, so its schema may not exist yet at load time.
     * Format 1 only (a format-1 revision's pages are rebuilt by the frozen layout 1, which reads
     * format-1 profiles only); issuing refuses a format-2 profile here ({@link ProfileFormatError}).
     */
    profile: z.lazy(() => profileEnvelopeSchema).optional(),
  })
  .strict();

/** Locale and layout version of the pages of the PDF; not signed (see docs/verifying.md). */
export const reportSettingsSchema = z
  .object({
    locale: z.enum(['nl', 'en']),
    layout: z.number().int().min(1).max(1000),
  })
  .strict();

export const issuedEnvelopeSchema = z
  .object({
    format: z.literal('quickscan-issued-envelope'),
    formatVersion: z.literal(1),
    content: issuedContentSchema,
    contentHash: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
    referenceCode: z.string().regex(REFERENCE_CODE_PATTERN, { error: 'invalid-reference-code' }),
    signature: z.string().regex(SIGNATURE_B64U_PATTERN, { error: 'invalid-signature' }),
    report: reportSettingsSchema,
  })
  .strict();

export type IssuedContent = z.infer<typeof issuedContentSchema>;
export type IssuedEnvelope = z.infer<typeof issuedEnvelopeSchema>;
export type ReportSettings = z.infer<typeof reportSettingsSchema>;
export type Assessor = z.infer<typeof assessorSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type ReportLocale = ReportSettings['locale'];

/** The canonical JSON text of the signed content: the exact text that is hashed and signed. */
export function canonicalContent(content: IssuedContent): string {
  return canonicalJson(content);
}

/** SHA-256 (lower-case hex) of the canonical JSON of the signed content. */
export function contentHash(content: IssuedContent): string {
  return sha256Hex(canonicalContent(content));
}

/** Wraps signed content, its signature and the report settings in an envelope (hash and code computed here). */
export function buildEnvelope(content: IssuedContent, signatureB64u: string, report: ReportSettings): IssuedEnvelope {
  const hash = contentHash(content);
  return {
    format: 'quickscan-issued-envelope',
    formatVersion: 1,
    content,
    contentHash: hash,
    referenceCode: referenceCodeFromHash(hash),
    signature: signatureB64u,
    report: { locale: report.locale, layout: report.layout },
  };
}

/**
 * The envelope as a file: 2-space-indented JSON with a final newline, members in canonical
 * (RFC 8785) order, so the text depends only on the envelope's values, not on the order in
 * which its objects were built. This is also the text attached to the PDF.
 */
export function envelopeJsonText(envelope: IssuedEnvelope): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(envelope)), null, 2)}\n`;
}

export type IssuedError = FieldError;

export type ParseEnvelopeResult = { ok: true; envelope: IssuedEnvelope } | { ok: false; errors: IssuedError[] };

/**
 * Checks the shape of an envelope given as parsed JSON or as JSON text. Never throws.
 * It does not check the hash, the reference code or the signature: `report/verify.ts` does.
 */
export function parseEnvelope(json: unknown): ParseEnvelopeResult {
  const result = parseJsonWith(issuedEnvelopeSchema, json);
  return result.ok ? { ok: true, envelope: result.value } : result;
}

/** What an issued revision adds to a scan file. */
export interface IssueInput {
  revisionId: string;
  issuedAt: string;
  phase: IssuePhase;
  assessor: Assessor;
  assumptions: string;
  exclusions: string;
  /** Earlier issued revisions of this scan, oldest first (see {@link historyEntryOf}). */
  history: HistoryEntry[];
  followUp: FollowUp[];
  /**
   * The tender requirement profile to embed (optional): the signed envelope as loaded, e.g. from
   * `parseProfileEnvelope`. It must apply to the scan's method (same id, version and SHA-256).
   */
  profile?: ProfileEnvelope | undefined;
}

/** Thrown by {@link issuedContentFromScan} when the profile to embed is for another method release. */
export class ProfileMethodMismatchError extends Error {
  override readonly name = 'ProfileMethodMismatchError';
  constructor(
    readonly profileMethod: { id: string; version: string; sha256: string },
    readonly scanMethod: { id: string; version: string; sha256: string },
  ) {
    super(
      `the requirement profile applies to ${profileMethod.id} ${profileMethod.version} (${profileMethod.sha256.slice(0, 12)}…), the scan is made with ${scanMethod.id} ${scanMethod.version} (${scanMethod.sha256.slice(0, 12)}…)`,
    );
  }
}

/**
 * Thrown by {@link issuedContentFromScan} for a format-2 profile: a format-1 revision (an Ed25519
 * key made before keys had backups) can carry only a format-1 profile, because its pages are
 * rebuilt by the frozen layout 1 (report/frozen/), which reads format-1 profiles only. The user
 * moves to a new key (format-2 revisions carry either format).
 */
export class ProfileFormatError extends Error {
  override readonly name = 'ProfileFormatError';
  readonly code = 'profile-format-2-in-revision-format-1';
  constructor() {
    super('a format-1 revision cannot carry a format-2 requirement profile; issue with a P-256 key (format 2)');
  }
}

/**
 * The signed content for a scan file (the scan's timestamps and `exportedAt` are left out).
 * With `input.profile` the requirement profile is embedded as `profile` (a deep copy); it must
 * apply to the scan's method, else {@link ProfileMethodMismatchError}, and be of format 1, else
 * {@link ProfileFormatError}. Its hash and signature are not checked here (check them when
 * loading it: `verifyProfileEnvelope`); the report and the verifier show them.
 */
export function issuedContentFromScan(file: ScanFile, input: IssueInput): IssuedContent {
  if (input.profile?.formatVersion === 2) throw new ProfileFormatError();
  return contentFromScan(file, input) as IssuedContent;
}

/** The members format 1 and 2 share, for {@link issuedContentFromScan} and {@link issuedContentV2FromScan}. */
function contentFromScan(file: ScanFile, input: IssueInput): Omit<IssuedContent, 'profile'> & { profile?: ProfileEnvelope } {
  const { id, name, answers, costOverrides, locked } = file.scan;
  const profile = input.profile;
  if (profile !== undefined) {
    const m = profile.content.method;
    if (m.id !== file.method.id || m.version !== file.method.version || m.sha256 !== file.method.sha256) {
      throw new ProfileMethodMismatchError(m, file.method);
    }
  }
  return {
    format: 'quickscan-issued',
    formatVersion: 1,
    revisionId: input.revisionId,
    issuedAt: input.issuedAt,
    phase: input.phase,
    assessor: { ...input.assessor },
    method: { ...file.method },
    project: structuredClone(file.project),
    scan: {
      id,
      name,
      answers: structuredClone(answers),
      ...(costOverrides !== undefined ? { costOverrides: structuredClone(costOverrides) } : {}),
      ...(locked !== undefined ? { locked: [...locked] } : {}),
    },
    assumptions: input.assumptions,
    exclusions: input.exclusions,
    history: input.history.map((h) => ({ ...h })),
    followUp: input.followUp.map((f) => ({ ...f })),
    ...(profile !== undefined ? { profile: structuredClone(profile) } : {}),
  };
}

/** The history entry that a later revision lists for this one. */
export function historyEntryOf(envelope: AnyIssuedEnvelope): HistoryEntry {
  return {
    revisionId: envelope.content.revisionId,
    referenceCode: envelope.referenceCode,
    contentHash: envelope.contentHash,
    phase: envelope.content.phase,
    issuedAt: envelope.content.issuedAt,
  };
}

/**
 * A scan file rebuilt from signed content, so the scoring engine (which reads scan files) can
 * recompute it. The timestamps are taken from `issuedAt`.
 */
export function scanFileFromContent(content: AnyIssuedContent): ScanFile {
  return {
    format: 'quickscan-scan',
    formatVersion: 1,
    exportedAt: content.issuedAt,
    method: { ...content.method },
    project: content.project,
    scan: { ...content.scan, createdAt: content.issuedAt, updatedAt: content.issuedAt },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Format 2 (docs/contracts.md "An issued revision, format 2")                                 */
/* ------------------------------------------------------------------------------------------ */

/** The assessor of a format-2 revision: the key is a JWK with its algorithm (scoring/keys.ts). */
export const assessorV2Schema = z
  .object({
    name: shortText().regex(/\S/, { error: 'blank' }),
    organisation: shortText(),
    role: shortText(),
    assessmentType: z.enum(['self', 'independent']),
    key: publicJwkSchema,
  })
  .strict();

/**
 * The signed content of a format-2 revision: as format 1, with the assessor's key as JWK and the
 * report settings (language and layout of the pages) inside the signed content, so a change of
 * either is a change of the signed data.
 */
export const issuedContentV2Schema = z
  .object({
    format: z.literal('quickscan-issued'),
    formatVersion: z.literal(2),
    revisionId: z.uuid(),
    issuedAt: isoDateTime(),
    phase: issuePhaseSchema,
    assessor: assessorV2Schema,
    method: methodRefSchema,
    project: projectInputsSchema,
    scan: issuedScanSchema,
    assumptions: longText(),
    exclusions: longText(),
    history: z.array(historyEntrySchema).max(ISSUED_LIMITS.history),
    followUp: z.array(followUpSchema).max(ISSUED_LIMITS.followUp),
    /** A profile of either format (scoring/profile.ts; format 1 parses and hashes exactly as before). */
    profile: z.lazy(() => anyProfileEnvelopeSchema).optional(),
    report: reportSettingsSchema,
  })
  .strict();

/**
 * The envelope of a format-2 revision. Signed with purpose `revision` (scoring/keys.ts
 * `signingMessage`), reference code in the long form. Strict; later additions are optional
 * members only (reserved: `methodFile`, the signed method file; `dossier`, the evidence dossier
 * binding), so every format-2 file stays readable.
 */
export const issuedEnvelopeV2Schema = z
  .object({
    format: z.literal('quickscan-issued-envelope'),
    formatVersion: z.literal(2),
    content: issuedContentV2Schema,
    contentHash: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
    referenceCode: z.string().regex(LONG_REFERENCE_CODE_PATTERN, { error: 'invalid-long-reference-code' }),
    signature: z.string().regex(PURPOSE_SIGNATURE_PATTERN, { error: 'invalid-signature' }),
    /**
     * Optional: the method the revision was scored on, for verifiers that do not have it — a
     * signed method file (scoring/method-file.ts), deflate-raw compressed, base64url. Outside the
     * signed content: the content's `method.sha256` pins it, its publisher's signature vouches.
     */
    methodFile: z
      .string()
      .max(12 * 1024 * 1024)
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'invalid-method-data' })
      .optional(),
  })
  .strict();

export type AssessorV2 = z.infer<typeof assessorV2Schema>;
export type IssuedContentV2 = z.infer<typeof issuedContentV2Schema>;
export type IssuedEnvelopeV2 = z.infer<typeof issuedEnvelopeV2Schema>;
/** An envelope of either format. */
export type AnyIssuedEnvelope = IssuedEnvelope | IssuedEnvelopeV2;
export type AnyIssuedContent = IssuedContent | IssuedContentV2;

const anyEnvelopeSchema = z.discriminatedUnion('formatVersion', [issuedEnvelopeSchema, issuedEnvelopeV2Schema]);

export type ParseAnyEnvelopeResult = { ok: true; envelope: AnyIssuedEnvelope } | { ok: false; errors: IssuedError[] };

/**
 * Checks the shape of an envelope of format 1 or 2 (parsed JSON or JSON text). Never throws.
 * Use scoring/envelope-check.ts `checkIssuedEnvelope` to check it completely (hash, code,
 * signature, duplicate keys, canonical form).
 */
export function parseAnyEnvelope(json: unknown): ParseAnyEnvelopeResult {
  const result = parseJsonWith(anyEnvelopeSchema, json);
  return result.ok ? { ok: true, envelope: result.value } : result;
}

/** Language and layout of an envelope's pages (format 1: outside the signed content; format 2: inside). */
export function reportSettingsOf(envelope: AnyIssuedEnvelope): ReportSettings {
  return envelope.formatVersion === 2 ? envelope.content.report : envelope.report;
}

/** The assessor's public key as JWK (format 1: the raw Ed25519 key wrapped). */
export function assessorKeyOf(content: AnyIssuedContent): PublicJwk {
  return content.formatVersion === 2 ? content.assessor.key : ed25519Jwk(content.assessor.publicKey);
}

/** Wraps signed format-2 content and its signature (purpose `revision`) in an envelope; hash and long code computed here. */
export function buildEnvelopeV2(content: IssuedContentV2, signatureB64u: string): IssuedEnvelopeV2 {
  const hash = sha256Hex(canonicalJson(content));
  return { format: 'quickscan-issued-envelope', formatVersion: 2, content, contentHash: hash, referenceCode: longReferenceCodeFromHash(hash), signature: signatureB64u };
}

/** What a format-2 revision adds to a scan file (as {@link IssueInput}, with the assessor's JWK and the report settings). */
export interface IssueInputV2 extends Omit<IssueInput, 'assessor'> {
  assessor: AssessorV2;
  report: ReportSettings;
}

/** The signed format-2 content for a scan file (see {@link issuedContentFromScan}). */
export function issuedContentV2FromScan(file: ScanFile, input: IssueInputV2): IssuedContentV2 {
  const v1 = contentFromScan(file, { ...input, assessor: { ...input.assessor, key: undefined, publicKey: '' } as unknown as Assessor });
  const { assessor: _assessor, formatVersion: _formatVersion, ...rest } = v1;
  return { ...rest, formatVersion: 2, assessor: { ...input.assessor, key: { ...input.assessor.key } }, report: { locale: input.report.locale, layout: input.report.layout } };
}

/** The envelope as a file (either format): 2-space-indented canonical JSON with a final newline. */
export function anyEnvelopeJsonText(envelope: AnyIssuedEnvelope): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(envelope)), null, 2)}\n`;
}
