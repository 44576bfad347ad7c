/**
 * Key statements (docs/key-statements.md): what a key holder says about their own key.
 *
 * - A **key rotation** `{ statement: 'key-rotation', oldKey, newKey, effectiveAt, issuedAt, name,
 *   organisation, note? }`: "from `effectiveAt` on I sign with `newKey` instead of `oldKey`".
 *   Signed by the OLD key (purpose `key-rotation`) and countersigned by the NEW key (same purpose,
 *   same text), so nobody can claim someone else's key as their new one.
 * - A **key revocation** `{ statement: 'key-revocation', key, revokedAt, reason, issuedAt, name,
 *   organisation, note? }`: "signatures by `key` dated at or after `revokedAt` are not mine".
 *   Signed by that key (purpose `key-revocation`), like an OpenPGP revocation certificate.
 *
 * One file format for both, `*.quickscan-key-statement.json`: an envelope `{ format:
 * 'quickscan-key-statement-envelope', formatVersion: 1, content, contentHash, signature,
 * newKeySignature? }` over the RFC 8785 canonical JSON of `content` (forms/hash.ts), read with
 * the strict JSON reader of scoring/envelope-check.ts (duplicate member names, `__proto__` refused).
 *
 * How statements change verdicts is decided in one place, scoring/trust.ts `assessSigner`
 * (see {@link withKeyStatements}): a revocation becomes a {@link KnownRevocation}; a rotation
 * never adds trust by itself. Only a rotation the user confirmed (the app's confirmation screen,
 * or `--key-statement` on the command line) is passed as an anchor; then the new key inherits the
 * trust of the old key for documents dated at or after `effectiveAt`, and the old key counts as
 * superseded from that moment.
 *
 * Codes and values only, never sentences. Pure module.
 */
import * as z from 'zod';
import { canonicalJson, sha256Hex } from '../forms/hash';
import { parseStrictJson } from './envelope-check';
import { keyFingerprint, publicJwkSchema, PURPOSE_SIGNATURE_PATTERN, sameKey, signWithPrivateJwk, verifyPurposeSignature, type PrivateJwk, type PublicJwk, type SignaturePurpose } from './keys';
import { parseJsonWith, type FieldError } from './parse-json';
import { brandVerifiedRotation, REVOCATION_REASONS, type KnownRevocation, type RevocationReason, type TrustAnchors } from './trust';

export const KEY_STATEMENT_FORMAT = 'quickscan-key-statement';
export const KEY_STATEMENT_ENVELOPE_FORMAT = 'quickscan-key-statement-envelope';
/** The file name ending of a key statement (rotation or revocation). */
export const KEY_STATEMENT_FILE_SUFFIX = '.quickscan-key-statement.json';

export const KEY_STATEMENT_KINDS = ['key-rotation', 'key-revocation'] as const;
export type KeyStatementKind = (typeof KEY_STATEMENT_KINDS)[number];

export const KEY_STATEMENT_LIMITS = { shortText: 500, text: 5_000 } as const;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const isoDateTime = () => z.iso.datetime({ offset: true });
const nonBlank = (_what: string) => z.string().max(KEY_STATEMENT_LIMITS.shortText).regex(/\S/, { error: 'blank' });
const signatureB64u = () => z.string().regex(PURPOSE_SIGNATURE_PATTERN, { error: 'invalid-signature' });

export const keyRotationContentSchema = z
  .object({
    format: z.literal(KEY_STATEMENT_FORMAT),
    formatVersion: z.literal(1),
    statement: z.literal('key-rotation'),
    oldKey: publicJwkSchema,
    newKey: publicJwkSchema,
    /** From this moment on the new key signs; documents by the old key dated later no longer pass. */
    effectiveAt: isoDateTime(),
    /** When the statement was made. */
    issuedAt: isoDateTime(),
    /** The key holder, as on their revisions. */
    name: nonBlank('the name'),
    organisation: z.string().max(KEY_STATEMENT_LIMITS.shortText),
    note: z.string().max(KEY_STATEMENT_LIMITS.text).optional(),
  })
  .strict()
  .refine((c) => !sameKey(c.oldKey, c.newKey), { error: 'same-key', path: ['newKey'] });

export const keyRevocationContentSchema = z
  .object({
    format: z.literal(KEY_STATEMENT_FORMAT),
    formatVersion: z.literal(1),
    statement: z.literal('key-revocation'),
    key: publicJwkSchema,
    /** Documents by this key dated at or after this moment fail; earlier ones keep passing. */
    revokedAt: isoDateTime(),
    reason: z.enum(REVOCATION_REASONS),
    issuedAt: isoDateTime(),
    name: nonBlank('the name'),
    organisation: z.string().max(KEY_STATEMENT_LIMITS.shortText),
    note: z.string().max(KEY_STATEMENT_LIMITS.text).optional(),
  })
  .strict();

export const keyStatementContentSchema = z.discriminatedUnion('statement', [keyRotationContentSchema, keyRevocationContentSchema]);

export const keyStatementEnvelopeSchema = z
  .object({
    format: z.literal(KEY_STATEMENT_ENVELOPE_FORMAT),
    formatVersion: z.literal(1),
    content: keyStatementContentSchema,
    contentHash: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
    /** By the old key (rotation) or by the revoked key (revocation). */
    signature: signatureB64u(),
    /** Rotation only: the new key's countersignature over the same text. */
    newKeySignature: signatureB64u().optional(),
  })
  .strict()
  .superRefine((env, ctx) => {
    if (env.content.statement === 'key-rotation' && env.newKeySignature === undefined) ctx.addIssue({ code: 'custom', path: ['newKeySignature'], message: 'countersignature-missing' });
    if (env.content.statement === 'key-revocation' && env.newKeySignature !== undefined) ctx.addIssue({ code: 'custom', path: ['newKeySignature'], message: 'countersignature-unexpected' });
  });

export type KeyRotationContent = z.infer<typeof keyRotationContentSchema>;
export type KeyRevocationContent = z.infer<typeof keyRevocationContentSchema>;
export type KeyStatementContent = z.infer<typeof keyStatementContentSchema>;
export type KeyStatementEnvelope = z.infer<typeof keyStatementEnvelopeSchema>;

/**
 * Makes a signature for `purpose` over `canonicalText`: base64url of the raw 64 bytes. The app
 * passes its non-extractable WebCrypto key (renderer/issue/signing.ts `signForPurpose`), the
 * command line {@link privateJwkSigner}.
 */
export type StatementSigner = (purpose: SignaturePurpose, canonicalText: string) => string | Promise<string>;

/** A signer for an extractable private JWK (command line, tests). */
export function privateJwkSigner(privateJwk: PrivateJwk): StatementSigner {
  return (purpose, canonicalText) => signWithPrivateJwk(purpose, canonicalText, privateJwk);
}

/** Thrown by the sign helpers when a signer did not sign with the key the statement names. */
export class KeyStatementSignerError extends Error {
  constructor(readonly which: 'old-key' | 'new-key' | 'key') {
    super(`the ${which} signer did not sign with the key the statement names`);
    this.name = 'KeyStatementSignerError';
  }
}

/**
 * Signs a rotation: `signOld` with the old key, `signNew` with the new key (both purpose
 * `key-rotation`, over the same canonical text). Each signature is checked against the key the
 * content names before the envelope is returned ({@link KeyStatementSignerError} otherwise).
 */
export async function signKeyRotation(content: KeyRotationContent, signOld: StatementSigner, signNew: StatementSigner): Promise<KeyStatementEnvelope> {
  const c = keyRotationContentSchema.parse(content);
  const canonical = canonicalJson(c);
  const signature = await signOld('key-rotation', canonical);
  if (!verifyPurposeSignature('key-rotation', canonical, signature, c.oldKey)) throw new KeyStatementSignerError('old-key');
  const newKeySignature = await signNew('key-rotation', canonical);
  if (!verifyPurposeSignature('key-rotation', canonical, newKeySignature, c.newKey)) throw new KeyStatementSignerError('new-key');
  return { format: KEY_STATEMENT_ENVELOPE_FORMAT, formatVersion: 1, content: c, contentHash: sha256Hex(canonical), signature, newKeySignature };
}

/** Signs a revocation with the revoked key itself (purpose `key-revocation`); checked like {@link signKeyRotation}. */
export async function signKeyRevocation(content: KeyRevocationContent, sign: StatementSigner): Promise<KeyStatementEnvelope> {
  const c = keyRevocationContentSchema.parse(content);
  const canonical = canonicalJson(c);
  const signature = await sign('key-revocation', canonical);
  if (!verifyPurposeSignature('key-revocation', canonical, signature, c.key)) throw new KeyStatementSignerError('key');
  return { format: KEY_STATEMENT_ENVELOPE_FORMAT, formatVersion: 1, content: c, contentHash: sha256Hex(canonical), signature };
}

/** The statement as a file: 2-space-indented JSON, members in canonical order, final newline. */
export function keyStatementJsonText(envelope: KeyStatementEnvelope): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(envelope)), null, 2)}\n`;
}

/** A rotation whose two signatures were checked by {@link verifyKeyStatement}. */
export interface VerifiedKeyRotation {
  readonly kind: 'key-rotation';
  readonly content: KeyRotationContent;
  /** Also the statement's id (the same statement imported twice is one). */
  readonly contentHash: string;
  readonly oldFingerprint: string;
  readonly newFingerprint: string;
}

/** A revocation whose signature by the revoked key was checked by {@link verifyKeyStatement}. */
export interface VerifiedKeyRevocation {
  readonly kind: 'key-revocation';
  readonly content: KeyRevocationContent;
  readonly contentHash: string;
  readonly fingerprint: string;
  /** As assessSigner reads it (no anchor: the key's own statement). */
  readonly revocation: KnownRevocation;
}

export type VerifiedKeyStatement = VerifiedKeyRotation | VerifiedKeyRevocation;

/**
 * Why a statement cannot be used:
 * `not-json` (not UTF-8 JSON text), `duplicate-key` / `forbidden-key` (a member named twice, or
 * `__proto__`: `detail` is where), `not-a-key-statement` (another kind of file), `unknown-key-type`
 * (a key this version cannot use, e.g. RSA: `detail` the key type), `malformed` (`errors` say
 * where), `not-canonical` (the parsed content is not what was hashed), `data-altered` (content does
 * not hash to `contentHash`), `signature-invalid` (not signed by the key it names: the old key of a
 * rotation, the revoked key), `new-key-signature-invalid` (a rotation the new key did not sign).
 */
export type KeyStatementProblem =
  | 'not-json'
  | 'duplicate-key'
  | 'forbidden-key'
  | 'not-a-key-statement'
  | 'unknown-key-type'
  | 'malformed'
  | 'not-canonical'
  | 'data-altered'
  | 'signature-invalid'
  | 'new-key-signature-invalid';

export const KEY_STATEMENT_PROBLEMS: readonly KeyStatementProblem[] = [
  'not-json',
  'duplicate-key',
  'forbidden-key',
  'not-a-key-statement',
  'unknown-key-type',
  'malformed',
  'not-canonical',
  'data-altered',
  'signature-invalid',
  'new-key-signature-invalid',
];

export type KeyStatementCheck =
  | { ok: true; statement: VerifiedKeyStatement }
  | { ok: false; problem: KeyStatementProblem; errors?: FieldError[]; detail?: string; kind?: KeyStatementKind };

const verified = new WeakSet<object>();

/** Whether a statement was checked by {@link verifyKeyStatement} (statements made up by hand never count). */
export function isVerifiedKeyStatement(value: unknown): value is VerifiedKeyStatement {
  return typeof value === 'object' && value !== null && verified.has(value);
}

/** The key type a JWK-like value names when it is not one this version can use. */
function unknownKeyType(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const k = value as Record<string, unknown>;
  if ((k.kty === 'EC' && k.crv === 'P-256') || (k.kty === 'OKP' && k.crv === 'Ed25519')) return undefined;
  return [k.kty, k.crv].filter((s) => typeof s === 'string').join(' ') || '?';
}

/**
 * Checks a key statement given as its bytes or JSON text (preferred: duplicate member names can
 * only be seen there) or as parsed JSON: strict JSON, shape, canonical form, hash and the
 * signature(s). Never throws. A statement that checks out changes nothing by itself: see
 * {@link withKeyStatements}.
 */
export function verifyKeyStatement(input: string | Uint8Array | unknown): KeyStatementCheck {
  let json: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const read = parseStrictJson(input);
    if (!read.ok) {
      if (read.problem === 'duplicate-key' || read.problem === 'forbidden-key') return { ok: false, problem: read.problem, ...(read.path ? { detail: read.path } : {}) };
      return { ok: false, problem: 'not-json', ...(read.detail ? { detail: read.detail } : {}) };
    }
    json = read.value;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== KEY_STATEMENT_ENVELOPE_FORMAT) {
    return { ok: false, problem: 'not-a-key-statement' };
  }
  if (Object.prototype.hasOwnProperty.call(json, '__proto__')) return { ok: false, problem: 'forbidden-key', detail: '$["__proto__"]' };
  const raw = (json as { content?: unknown }).content;
  const rawKind = typeof raw === 'object' && raw !== null ? (raw as { statement?: unknown }).statement : undefined;
  const kind = (KEY_STATEMENT_KINDS as readonly unknown[]).includes(rawKind) ? (rawKind as KeyStatementKind) : undefined;
  if (typeof raw === 'object' && raw !== null) {
    const r = raw as Record<string, unknown>;
    for (const member of ['oldKey', 'newKey', 'key']) {
      const type = member in r ? unknownKeyType(r[member]) : undefined;
      if (type !== undefined) return { ok: false, problem: 'unknown-key-type', detail: type, ...(kind ? { kind } : {}) };
    }
  }
  const parsed = parseJsonWith(keyStatementEnvelopeSchema, json);
  if (!parsed.ok) return { ok: false, problem: 'malformed', errors: parsed.errors, ...(kind ? { kind } : {}) };
  const env = parsed.value;
  const c = env.content;
  let canonical: string;
  try {
    canonical = canonicalJson(raw);
    if (canonical !== canonicalJson(c) || canonicalJson(json) !== canonicalJson(env)) return { ok: false, problem: 'not-canonical', kind: c.statement };
  } catch (error) {
    return { ok: false, problem: 'not-canonical', kind: c.statement, detail: error instanceof Error ? error.message.slice(0, 200) : '' };
  }
  if (sha256Hex(canonical) !== env.contentHash) return { ok: false, problem: 'data-altered', kind: c.statement };
  if (c.statement === 'key-rotation') {
    if (!verifyPurposeSignature('key-rotation', canonical, env.signature, c.oldKey)) return { ok: false, problem: 'signature-invalid', kind: c.statement };
    if (!verifyPurposeSignature('key-rotation', canonical, env.newKeySignature ?? '', c.newKey)) return { ok: false, problem: 'new-key-signature-invalid', kind: c.statement };
    const rotation: VerifiedKeyRotation = Object.freeze({
      kind: 'key-rotation' as const,
      content: c,
      contentHash: env.contentHash,
      oldFingerprint: keyFingerprint(c.oldKey),
      newFingerprint: keyFingerprint(c.newKey),
    });
    verified.add(rotation);
    brandVerifiedRotation(rotation);
    return { ok: true, statement: rotation };
  }
  if (!verifyPurposeSignature('key-revocation', canonical, env.signature, c.key)) return { ok: false, problem: 'signature-invalid', kind: c.statement };
  const fingerprint = keyFingerprint(c.key);
  const revocation: VerifiedKeyRevocation = Object.freeze({
    kind: 'key-revocation' as const,
    content: c,
    contentHash: env.contentHash,
    fingerprint,
    revocation: Object.freeze({ fingerprint, revokedAt: c.revokedAt, reason: c.reason as RevocationReason }),
  });
  verified.add(revocation);
  return { ok: true, statement: revocation };
}

/** The key a statement is about: the old key of a rotation, the revoked key. */
export function statementSubjectKey(statement: VerifiedKeyStatement): PublicJwk {
  return statement.kind === 'key-rotation' ? statement.content.oldKey : statement.content.key;
}

/**
 * How the user trusts a key now (for the confirmation of a statement about it): the label of an
 * own anchor, and the names of the loaded trust lists that list it. Values, no sentences.
 */
export function keyTrustOf(anchors: TrustAnchors | undefined, key: PublicJwk): { own?: string; lists: string[] } {
  const own = anchors?.keys.find((k) => sameKey(k.key, key))?.label;
  const lists = (anchors?.lists ?? []).filter((l) => l.content.entries.some((e) => sameKey(e.key, key))).map((l) => l.content.name);
  return { ...(own !== undefined ? { own } : {}), lists };
}

/**
 * The anchors with key statements added: revocations as {@link KnownRevocation}s (no anchor: the
 * key's own word), rotations as `rotations` (assessSigner: the new key inherits the old key's
 * trust from `effectiveAt`, the old key is superseded from then on). Pass ONLY rotations the user
 * confirmed; revocations only take trust away. Statements not checked by
 * {@link verifyKeyStatement} are ignored; the same statement twice counts once.
 */
export function withKeyStatements(anchors: TrustAnchors, statements: readonly VerifiedKeyStatement[]): TrustAnchors {
  const seen = new Set<string>();
  const fresh = statements.filter((s) => isVerifiedKeyStatement(s) && !seen.has(s.contentHash) && (seen.add(s.contentHash), true));
  const revocations = fresh.flatMap((s) => (s.kind === 'key-revocation' ? [s.revocation] : []));
  const rotations = fresh.flatMap((s) => (s.kind === 'key-rotation' ? [s] : []));
  if (revocations.length === 0 && rotations.length === 0) return anchors;
  return {
    ...anchors,
    revocations: [...(anchors.revocations ?? []), ...revocations],
    rotations: [...(anchors.rotations ?? []), ...rotations],
  };
}

/**
 * The JSON Schema (draft 2020-12) of a key statement file, docs/key-statement.schema.json
 * (regenerate: `UPDATE_SCHEMAS=1 npx vitest run scoring/key-statements.test.ts`). The signatures,
 * the hash and "new key differs from the old key" are checked by {@link verifyKeyStatement}.
 */
export function keyStatementJsonSchemaText(): string {
  const generated = z.toJSONSchema(keyStatementEnvelopeSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, $id: 'https://circulairbouwenzeeland.nl/schemas/quickscan-key-statement.schema.json', title: 'QuickScan key rotation or revocation statement (*.quickscan-key-statement.json)', ...rest }, null, 2)}\n`;
}
