/**
 * Public keys as JWK (RFC 7517) and purpose-bound signatures, for every signed QuickScan file of
 * format 2 and later (issued revisions, requirement profiles, trust lists, method files, key
 * rotation and revocation statements). docs/trust-lists.md and docs/verifying.md describe them.
 *
 * - New keys are ECDSA P-256 with SHA-256 (`ES256`), because PDF readers such as Acrobat verify
 *   those in PAdES signatures. Existing keys are Ed25519 (`EdDSA`); they keep verifying.
 * - The signed message is `signingMessage(purpose, canonicalJsonText)`: the UTF-8 bytes of
 *   `"quickscan-signature:" + purpose + "\n"` followed by the RFC 8785 canonical JSON text, so a
 *   signature made for one purpose (a trust list) can never be replayed as another (a revision).
 * - ES256 signatures are the raw 64 bytes r ‖ s (IEEE P1363, as WebCrypto makes them); high-S
 *   values are accepted (WebCrypto does not normalise them). Ed25519 signatures are the raw
 *   64 bytes (RFC 8032, strict: no ZIP-215 leniency, small-order keys refused). Both base64url
 *   without padding.
 * - `keyFingerprint`: the first 80 bits of SHA-256 over the raw public key (Ed25519: the 32 bytes;
 *   P-256: the 65-byte uncompressed point 0x04 ‖ x ‖ y) in Crockford base32, `XXXX-XXXX-XXXX-XXXX`.
 *   For Ed25519 keys it is the same fingerprint as before (scoring/signature.ts).
 *
 * Format-1 files (Ed25519 over the bare canonical JSON, key as raw base64url) are verified by
 * scoring/signature.ts as before. Pure module, @noble/curves only.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { concatBytes } from '@noble/hashes/utils.js';
import * as z from 'zod';
import { decodeB64u, encodeB64u, isValidPublicKey, rawKeyFingerprint } from './signature';

/** What a signature is for; part of the signed message, so one kind cannot pass for another. */
export const SIGNATURE_PURPOSES = ['revision', 'profile', 'trust-list', 'method', 'key-rotation', 'key-revocation'] as const;
export type SignaturePurpose = (typeof SIGNATURE_PURPOSES)[number];
export const signaturePurposeSchema = z.enum(SIGNATURE_PURPOSES);

/** The key algorithms: `ES256` (ECDSA P-256, new keys) and `EdDSA` (Ed25519, existing keys). */
export const KEY_ALGORITHMS = ['ES256', 'EdDSA'] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

const B64U_32 = /^[A-Za-z0-9_-]{43}$/;
/** A base64url signature of 64 bytes (both algorithms). */
export const PURPOSE_SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;

const coordinate = (_what: string) => z.string().regex(B64U_32, { error: 'invalid-base64url-32' });

export const p256PublicJwkSchema = z
  .object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: coordinate('x'), y: coordinate('y'), alg: z.literal('ES256') })
  .strict()
  .refine((k) => p256PointBytes(k.x, k.y) !== undefined, { error: 'not-on-curve' });

export const ed25519PublicJwkSchema = z
  .object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: coordinate('x'), alg: z.literal('EdDSA') })
  .strict()
  .refine((k) => isValidPublicKey(k.x), { error: 'unusable-key' });

/**
 * A public key as JWK with its algorithm. Strict: any other member (a private `d`, `ext`,
 * `key_ops`, `kid`) is refused, so a file can never carry a secret by mistake and every key has
 * one spelling. Use {@link toPublicJwk} to tidy a WebCrypto export first.
 */
export const publicJwkSchema = z.union([p256PublicJwkSchema, ed25519PublicJwkSchema]);
export type P256PublicJwk = z.infer<typeof p256PublicJwkSchema>;
export type Ed25519PublicJwk = z.infer<typeof ed25519PublicJwkSchema>;
export type PublicJwk = P256PublicJwk | Ed25519PublicJwk;

const secret = (_what: string) => z.string().regex(B64U_32, { error: 'invalid-base64url-32' });

/** A private key as JWK (the CLI's key file and tests; the app keeps its key non-extractable). */
export const privateJwkSchema = z.union([
  z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: coordinate('x'), y: coordinate('y'), d: secret('d'), alg: z.literal('ES256') }).strict(),
  z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: coordinate('x'), d: secret('d'), alg: z.literal('EdDSA') }).strict(),
]);
export type PrivateJwk = z.infer<typeof privateJwkSchema>;

function p256PointBytes(x: string, y: string): Uint8Array | undefined {
  const xb = decodeB64u(x, 32);
  const yb = decodeB64u(y, 32);
  if (!xb || !yb) return undefined;
  const bytes = concatBytes(Uint8Array.of(4), xb, yb);
  try {
    p256.Point.fromBytes(bytes).assertValidity();
    return bytes;
  } catch {
    return undefined;
  }
}

/**
 * The raw public key: Ed25519 the 32 bytes, P-256 the 65-byte uncompressed point. Throws for a
 * key that does not pass {@link publicJwkSchema}.
 */
export function publicKeyBytes(jwk: PublicJwk): Uint8Array {
  if (jwk.kty === 'EC') {
    const bytes = p256PointBytes(jwk.x, jwk.y);
    if (!bytes) throw new Error('publicKeyBytes: not a P-256 public key');
    return bytes;
  }
  const bytes = decodeB64u(jwk.x, 32);
  if (!bytes || !isValidPublicKey(jwk.x)) throw new Error('publicKeyBytes: not an Ed25519 public key');
  return bytes;
}

/** A public JWK of a raw base64url Ed25519 key (the `publicKey` of format-1 files). */
export function ed25519Jwk(publicKeyB64u: string): Ed25519PublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x: publicKeyB64u, alg: 'EdDSA' };
}

/**
 * A clean public JWK from a JWK as WebCrypto or another tool exports it: keeps kty, crv, x, y,
 * sets `alg`, drops `ext`, `key_ops`, `use` and `kid`. Undefined when it is not a usable P-256 or
 * Ed25519 public key, or when it carries a private part (`d`): a secret is never passed on.
 */
export function toPublicJwk(jwk: unknown): PublicJwk | undefined {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return undefined;
  const j = jwk as Record<string, unknown>;
  if ('d' in j) return undefined;
  // `Ed25519` is the fully-specified name of RFC 9864 that WebCrypto exports
  const algs = j.kty === 'EC' ? ['ES256'] : ['EdDSA', 'Ed25519'];
  if (j.alg !== undefined && !algs.includes(j.alg as string)) return undefined;
  const candidate =
    j.kty === 'EC' ? { kty: j.kty, crv: j.crv, x: j.x, y: j.y, alg: 'ES256' } : { kty: j.kty, crv: j.crv, x: j.x, alg: 'EdDSA' };
  const parsed = publicJwkSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** Whether a value is a valid public JWK (strict, see {@link publicJwkSchema}). */
export function isPublicJwk(value: unknown): value is PublicJwk {
  return publicJwkSchema.safeParse(value).success;
}

/** Whether two public keys are the same key (compared in full, not by fingerprint). */
export function sameKey(a: PublicJwk, b: PublicJwk): boolean {
  if (a.kty !== b.kty || a.alg !== b.alg) return false;
  let ka: Uint8Array;
  let kb: Uint8Array;
  try {
    ka = publicKeyBytes(a);
    kb = publicKeyBytes(b);
  } catch {
    return false;
  }
  return ka.length === kb.length && ka.every((v, i) => v === kb[i]);
}

/**
 * The fingerprint to show and compare by eye: the first 80 bits of SHA-256(raw public key) in
 * Crockford base32 as four groups of four, e.g. `7K3M-Q9XA-2C4V-TB8R`. A string is read as a raw
 * base64url Ed25519 key (format 1). Throws for something that is not a valid key.
 */
export function keyFingerprint(key: PublicJwk | string): string {
  const raw = typeof key === 'string' ? (isValidPublicKey(key) ? decodeB64u(key, 32) : undefined) : publicKeyBytes(key);
  if (!raw) throw new Error('keyFingerprint: not a valid public key');
  return rawKeyFingerprint(raw);
}

/** `XXXX-XXXX-XXXX-XXXX`, upper case, as {@link keyFingerprint} writes it. */
export const FINGERPRINT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const PREFIX = 'quickscan-signature:';

/**
 * The bytes that are signed for `purpose`: UTF-8 of `"quickscan-signature:" + purpose + "\n"`
 * followed by the canonical JSON text. `canonicalText` must already be RFC 8785 canonical JSON
 * (forms/hash.ts `canonicalJson`); it is signed as given.
 */
export function signingMessage(purpose: SignaturePurpose, canonicalText: string): Uint8Array<ArrayBuffer> {
  if (!(SIGNATURE_PURPOSES as readonly string[]).includes(purpose)) throw new Error(`signingMessage: unknown purpose "${String(purpose)}"`);
  return new TextEncoder().encode(`${PREFIX}${purpose}\n${canonicalText}`);
}

/**
 * Checks a format-2 signature: `signatureB64u` over `signingMessage(purpose, canonicalText)` by
 * `jwk`. False, never an exception, for a malformed key or signature, another purpose or
 * another text.
 */
export function verifyPurposeSignature(purpose: SignaturePurpose, canonicalText: string, signatureB64u: string, jwk: PublicJwk): boolean {
  try {
    if (!isPublicJwk(jwk) || typeof canonicalText !== 'string') return false;
    const sig = decodeB64u(signatureB64u, 64);
    if (!sig) return false;
    const message = signingMessage(purpose, canonicalText);
    if (jwk.kty === 'EC') {
      return p256.verify(sig, message, publicKeyBytes(jwk), { prehash: true, lowS: false, format: 'compact' });
    }
    return ed25519.verify(sig, message, publicKeyBytes(jwk), { zip215: false });
  } catch {
    return false;
  }
}

/** The public half of a private JWK (checked: x and y must belong to d). */
export function publicJwkOf(privateJwk: PrivateJwk): PublicJwk {
  const parsed = privateJwkSchema.safeParse(privateJwk);
  if (!parsed.success) throw new Error('publicJwkOf: not a P-256 or Ed25519 private JWK');
  const k = parsed.data;
  const d = decodeB64u(k.d, 32)!;
  if (k.kty === 'EC') {
    const point = p256.getPublicKey(d, false);
    const pub: P256PublicJwk = { kty: 'EC', crv: 'P-256', x: encodeB64u(point.subarray(1, 33)), y: encodeB64u(point.subarray(33, 65)), alg: 'ES256' };
    if (pub.x !== k.x || pub.y !== k.y) throw new Error('publicJwkOf: x and y do not belong to d');
    return pub;
  }
  const pub = ed25519Jwk(encodeB64u(ed25519.getPublicKey(d)));
  if (pub.x !== k.x) throw new Error('publicJwkOf: x does not belong to d');
  return pub;
}

/**
 * Signs for `purpose` with an extractable private JWK: for the command line, tools and tests.
 * The app signs with a non-extractable WebCrypto key (same format). ES256 signatures are made
 * with RFC 6979 deterministic nonces and low S (verifiers accept either S).
 */
export function signWithPrivateJwk(purpose: SignaturePurpose, canonicalText: string, privateJwk: PrivateJwk): string {
  publicJwkOf(privateJwk); // checks the key
  const d = decodeB64u(privateJwk.d, 32)!;
  const message = signingMessage(purpose, canonicalText);
  if (privateJwk.kty === 'EC') return encodeB64u(p256.sign(message, d, { prehash: true, lowS: true, format: 'compact' }));
  return encodeB64u(ed25519.sign(message, d));
}

/** A fresh private key (ES256 by default) from the platform's secure random source. */
export function generatePrivateJwk(alg: KeyAlgorithm = 'ES256'): PrivateJwk {
  if (alg === 'ES256') {
    const { secretKey, publicKey } = p256.keygen();
    const point = p256.Point.fromBytes(publicKey).toBytes(false);
    return { kty: 'EC', crv: 'P-256', x: encodeB64u(point.subarray(1, 33)), y: encodeB64u(point.subarray(33, 65)), d: encodeB64u(secretKey), alg: 'ES256' };
  }
  const { secretKey, publicKey } = ed25519.keygen();
  return { kty: 'OKP', crv: 'Ed25519', x: encodeB64u(publicKey), d: encodeB64u(secretKey), alg: 'EdDSA' };
}
