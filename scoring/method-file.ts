/**
 * Signed method files (`*.quickscan-method.json`): a method publisher's definition, signed with
 * the publisher's key (purpose `method`, scoring/keys.ts), so users can load a method without a
 * new release of the app and a verifier can check where a method came from.
 *
 * File: `{ format: 'quickscan-method', formatVersion: 1, content, contentHash, signature }`;
 * content: `{ format: 'quickscan-method-content', formatVersion: 1, definition,
 * definitionSha256, publisher: { name, organisation, key }, released, signedAt }`. The
 * definition must pass every rule of forms/schema.ts; `definitionSha256` is the SHA-256 of its
 * canonical JSON (the hash scans and revisions name); `released` repeats the definition's own
 * date, and the publisher's name must be the definition's `publisher`.
 *
 * Publisher trust is decided by `assessSigner` (scoring/trust.ts, role `method-publisher`);
 * {@link methodFindings} turns the lot into the verdict model's method finding. Also: packing a
 * method into an issued envelope (`methodFile`, deflate-raw + base64url). Pure module.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import * as z from 'zod';
import { canonicalHash as definitionHash, canonicalJson, sha256Hex } from '../forms/hash';
import type { LoadedDefinition } from '../forms/registry';
import { validateDefinition, type DefinitionError, type QuickScanDefinition } from '../forms/schema';
import { keyFingerprint, publicJwkSchema, signWithPrivateJwk, verifyPurposeSignature, PURPOSE_SIGNATURE_PATTERN, type PrivateJwk, type PublicJwk } from './keys';
import { parseJsonWith, type FieldError } from './parse-json';
import { base64urlnopad } from '@scure/base';
import { assessSigner, sameName, type SignerAssessment, type TrustAnchors } from './trust';
import type { Finding } from './verdict';

export const METHOD_FILE_FORMAT = 'quickscan-method';
export const METHOD_CONTENT_FORMAT = 'quickscan-method-content';
/** The file name ending of a signed method file. */
export const METHOD_FILE_SUFFIX = '.quickscan-method.json';
/** Largest method file read (the built-in method is about 200 kB). */
export const MAX_METHOD_FILE_BYTES = 8 * 1024 * 1024;

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const methodPublisherSchema = z
  .object({
    name: z.string().max(500).regex(/\S/, { error: 'blank' }),
    organisation: z.string().max(500),
    key: publicJwkSchema,
  })
  .strict();

export const methodContentSchema = z
  .object({
    format: z.literal(METHOD_CONTENT_FORMAT),
    formatVersion: z.literal(1),
    /** Checked with validateDefinition (every rule), not here. */
    definition: z.record(z.string(), z.unknown()),
    definitionSha256: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
    publisher: methodPublisherSchema,
    released: z.iso.date(),
    signedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export const methodFileSchema = z
  .object({
    format: z.literal(METHOD_FILE_FORMAT),
    formatVersion: z.literal(1),
    content: methodContentSchema,
    contentHash: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
    signature: z.string().regex(PURPOSE_SIGNATURE_PATTERN, { error: 'invalid-signature' }),
  })
  .strict();

export type MethodPublisher = z.infer<typeof methodPublisherSchema>;
export type MethodContent = z.infer<typeof methodContentSchema>;
export type MethodFile = z.infer<typeof methodFileSchema>;

/** Signs a (valid) definition as the publisher. Throws when the definition is not valid. */
export function signMethodFile(
  definitionJson: unknown,
  publisher: { name?: string | undefined; organisation: string; privateKey: PrivateJwk; publicKey: PublicJwk },
  signedAt: string,
): MethodFile {
  const result = validateDefinition(definitionJson);
  if (!result.ok) throw new Error(`signMethodFile: the definition is not valid: ${result.errors[0] ? `${result.errors[0].path}: ${result.errors[0].code}` : ''}`);
  const definition = result.definition;
  const content: MethodContent = {
    format: METHOD_CONTENT_FORMAT,
    formatVersion: 1,
    definition: JSON.parse(canonicalJson(definitionJson)) as Record<string, unknown>,
    definitionSha256: definitionHash(definitionJson),
    publisher: { name: publisher.name ?? definition.publisher, organisation: publisher.organisation, key: publisher.publicKey },
    released: definition.released,
    signedAt,
  };
  const canonical = canonicalJson(content);
  return {
    format: METHOD_FILE_FORMAT,
    formatVersion: 1,
    content,
    contentHash: sha256Hex(canonical),
    signature: signWithPrivateJwk('method', canonical, publisher.privateKey),
  };
}

/** The file's text: 2-space-indented JSON in canonical member order, final newline. */
export function methodFileJsonText(file: MethodFile): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(file)), null, 2)}\n`;
}

/**
 * Why a method file cannot be used: `malformed` (not a method file: `errors`), `definition-invalid`
 * (the definition breaks a rule: `definitionErrors`), `definition-hash-mismatch`
 * (definitionSha256 is not the definition's hash), `released-mismatch`, `publisher-mismatch`
 * (the signer's name is not the definition's publisher), `data-altered` (content does not hash
 * to contentHash), `signature-invalid` (not signed, purpose `method`, by the key it names).
 */
export type MethodFileProblem =
  | 'malformed'
  | 'definition-invalid'
  | 'definition-hash-mismatch'
  | 'released-mismatch'
  | 'publisher-mismatch'
  | 'data-altered'
  | 'signature-invalid';

/** A method file whose every check passed. */
export interface VerifiedMethodFile {
  file: MethodFile;
  definition: QuickScanDefinition;
  /** = content.definitionSha256: the hash scans and revisions name. */
  sha256: string;
  publisher: MethodPublisher;
  publisherFingerprint: string;
  released: string;
  signedAt: string;
}

export type MethodFileCheck =
  | { ok: true; method: VerifiedMethodFile }
  | { ok: false; problem: MethodFileProblem; errors?: FieldError[]; definitionErrors?: DefinitionError[]; publisherFingerprint?: string };

/** Whether parsed JSON looks like a method file (to route an opened file). */
export function isMethodFileJson(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === METHOD_FILE_FORMAT;
}

/** Checks a method file given as parsed JSON or JSON text: shape, every definition rule, hashes, signature. Never throws. */
export function verifyMethodFile(json: unknown): MethodFileCheck {
  const parsed = parseJsonWith(methodFileSchema, json);
  if (!parsed.ok) return { ok: false, problem: 'malformed', errors: parsed.errors };
  const file = parsed.value;
  const c = file.content;
  let publisherFingerprint: string;
  try {
    publisherFingerprint = keyFingerprint(c.publisher.key);
  } catch {
    return { ok: false, problem: 'malformed', errors: [{ path: 'content.publisher.key', code: 'not-a-public-key' }] };
  }
  const raw = typeof json === 'string' ? (JSON.parse(json) as { content: unknown }) : (json as { content: unknown });
  let canonical: string;
  try {
    canonical = canonicalJson(raw.content);
  } catch {
    return { ok: false, problem: 'malformed', publisherFingerprint };
  }
  if (sha256Hex(canonical) !== file.contentHash || canonical !== canonicalJson(c)) return { ok: false, problem: 'data-altered', publisherFingerprint };
  if (!verifyPurposeSignature('method', canonical, file.signature, c.publisher.key)) return { ok: false, problem: 'signature-invalid', publisherFingerprint };
  const result = validateDefinition(c.definition);
  if (!result.ok) return { ok: false, problem: 'definition-invalid', definitionErrors: result.errors, publisherFingerprint };
  if (definitionHash(c.definition) !== c.definitionSha256) return { ok: false, problem: 'definition-hash-mismatch', publisherFingerprint };
  if (result.definition.released !== c.released) return { ok: false, problem: 'released-mismatch', publisherFingerprint };
  if (!sameName(result.definition.publisher, c.publisher.name)) return { ok: false, problem: 'publisher-mismatch', publisherFingerprint };
  return {
    ok: true,
    method: {
      file,
      definition: result.definition,
      sha256: c.definitionSha256,
      publisher: c.publisher,
      publisherFingerprint,
      released: c.released,
      signedAt: c.signedAt,
    },
  };
}

/** Who vouches for the method's publisher: the one rule (assessSigner), role `method-publisher`. */
export function assessMethodPublisher(method: VerifiedMethodFile, anchors: TrustAnchors, now: Date | string): SignerAssessment {
  return assessSigner(method.publisher.key, { at: method.signedAt, name: method.publisher.name, role: 'method-publisher' }, anchors, now);
}

/* ------------------------------------------------------------------------------------------ */
/* Carrying the method inside an issued revision                                              */
/* ------------------------------------------------------------------------------------------ */

/** The `methodFile` member of an issued envelope: the method, deflated and base64url-encoded. */
export const packedMethodSchema = z
  .string()
  .max(12 * 1024 * 1024)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'invalid-method-data' });

/** A signed method file, or (for a built-in release) the bare definition, as packed text. */
export function packMethod(method: MethodFile | QuickScanDefinition): string {
  return base64urlnopad.encode(deflateSync(strToU8(canonicalJson(method)), { level: 9 }));
}

/** Unpacks `methodFile`; undefined when it is not deflated JSON. */
export function unpackMethod(packed: string): unknown {
  try {
    const bytes = base64urlnopad.decode(packed);
    // inflate in chunks and stop at the size limit (a small member must not unpack to gigabytes)
    const chunks: Uint8Array[] = [];
    let total = 0;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > MAX_METHOD_FILE_BYTES) throw new Error('too large');
      chunks.push(chunk);
    });
    inflater.push(bytes, true);
    const all = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return JSON.parse(strFromU8(all)) as unknown;
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* The method finding of a verification                                                       */
/* ------------------------------------------------------------------------------------------ */

export interface MethodResolution {
  /** The definition to recompute with, when one was found whose hash is the revision's. */
  definition?: QuickScanDefinition;
  /** Where it came from. */
  source?: 'built-in' | 'loaded' | 'carried';
  /** The signed method file behind it, when there is one. */
  signed?: VerifiedMethodFile;
  /** The method findings, decisive one first: method-known | method-unknown | method-hash-mismatch | method-publisher-untrusted, then the publisher's signer findings. */
  findings: Finding[];
}

/**
 * Finds the method a revision names (id, version, SHA-256) and says what the verdict may make of
 * it: the verifier's own registry first (built-in releases, methods the user loaded), then the
 * method carried in the revision (`methodFile`), checked by hash and publisher signature.
 * A method from a signed file counts as `method-known` only when its publisher is trusted
 * (assessSigner, role method-publisher); otherwise `method-publisher-untrusted` (indeterminate).
 * The publisher is named by the method finding's `fingerprint` and `anchor`, never by a
 * `signer-*` finding of its own (those are the assessor's, and would stand in for them).
 */
export function resolveMethod(
  ref: { id: string; version: string; sha256: string },
  known: LoadedDefinition | undefined,
  packed: string | undefined,
  anchors: TrustAnchors,
  now: Date | string,
): MethodResolution {
  const detail = `${ref.id}@${ref.version}`;
  const fromSigned = (signed: VerifiedMethodFile, source: 'loaded' | 'carried'): MethodResolution => {
    const who = assessMethodPublisher(signed, anchors, now);
    const trusted = who.finding.code === 'signer-trusted';
    const finding: Finding = {
      code: trusted ? 'method-known' : 'method-publisher-untrusted',
      detail,
      fingerprint: signed.publisherFingerprint,
      ...(who.anchor ? { anchor: who.anchor } : {}),
    };
    return { definition: signed.definition, source, signed, findings: [finding] };
  };

  if (known && known.sha256 === ref.sha256) {
    if (known.loaded) {
      const check = verifyMethodFile(known.loaded.file);
      if (check.ok && check.method.sha256 === ref.sha256) return fromSigned(check.method, 'loaded');
      return { findings: [{ code: 'method-hash-mismatch', detail }] };
    }
    return { definition: known.definition, source: 'built-in', findings: [{ code: 'method-known', detail }] };
  }
  const carried = packed === undefined ? undefined : unpackMethod(packed);
  if (carried !== undefined) {
    if (isMethodFileJson(carried)) {
      const check = verifyMethodFile(carried);
      if (check.ok && check.method.sha256 === ref.sha256 && check.method.definition.id === ref.id && check.method.definition.version === ref.version) {
        return fromSigned(check.method, 'carried');
      }
    } else {
      const result = validateDefinition(carried);
      if (result.ok && definitionHash(carried) === ref.sha256 && result.definition.id === ref.id && result.definition.version === ref.version) {
        // an unsigned definition (a built-in release this verifier does not have): its hash is
        // the revision's, so the score can be recomputed, but nobody vouches for its origin
        return { definition: result.definition, source: 'carried', findings: [{ code: 'method-publisher-untrusted', detail }] };
      }
    }
  }
  if (known) return { findings: [{ code: 'method-hash-mismatch', detail }] };
  return { findings: [{ code: 'method-unknown', detail }] };
}
