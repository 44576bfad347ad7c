/**
 * Ed25519 signatures of issued revisions (RFC 8032), with @noble/curves so that the same code
 * verifies in the browser, in Electron and in Node.
 *
 * Formats (identical to what WebCrypto's Ed25519 produces and exports):
 * - public key: the raw 32-byte key, base64url without padding (43 characters);
 * - signature: the raw 64-byte signature (R ‖ S), base64url without padding (86 characters);
 * - the signed message: the UTF-8 bytes of the RFC 8785 canonical JSON of the signed content.
 *
 * Verification follows RFC 8032 strictly (no ZIP-215 leniency: non-canonical point encodings
 * and S ≥ L are refused) and refuses small-order public keys, for which a signature could be
 * valid for any message. Pure module.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base32crockford, base64urlnopad } from '@scure/base';

export const PUBLIC_KEY_B64U_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const SIGNATURE_B64U_PATTERN = /^[A-Za-z0-9_-]{86}$/;

/** Decodes unpadded base64url of an exact byte length; undefined when it is not that. */
export function decodeB64u(text: string, length: number): Uint8Array | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const bytes = base64urlnopad.decode(text);
    if (bytes.length !== length) return undefined;
    // refuse non-canonical encodings (unused low bits set): re-encoding must give the same text
    if (base64urlnopad.encode(bytes) !== text) return undefined;
    return bytes;
  } catch {
    return undefined;
  }
}

/** Unpadded base64url of bytes. */
export function encodeB64u(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

function message(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? utf8ToBytes(content) : content;
}

/** Whether a base64url text is a usable Ed25519 public key (32 bytes, a valid point, not of small order). */
export function isValidPublicKey(publicKeyB64u: string): boolean {
  const key = decodeB64u(publicKeyB64u, 32);
  if (!key) return false;
  try {
    const point = ed25519.Point.fromBytes(key, false);
    return !point.isSmallOrder();
  } catch {
    return false;
  }
}

/**
 * Checks an Ed25519 signature over `contentCanonicalUtf8` (the canonical JSON text, or its
 * UTF-8 bytes). Returns false, never throws, for any malformed key or signature.
 */
export function verifySignature(contentCanonicalUtf8: string | Uint8Array, signatureB64u: string, publicKeyB64u: string): boolean {
  const sig = decodeB64u(signatureB64u, 64);
  const key = decodeB64u(publicKeyB64u, 32);
  if (!sig || !key || !isValidPublicKey(publicKeyB64u)) return false;
  try {
    return ed25519.verify(sig, message(contentCanonicalUtf8), key, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * A short fingerprint of a raw public key to show and compare by eye: the first 80 bits of
 * SHA-256(raw key bytes) in Crockford base32, as four groups of four, e.g. `7K3M-Q9XA-2C4V-TB8R`.
 * (scoring/keys.ts `keyFingerprint` gives it for JWKs: Ed25519 32 bytes, P-256 65 bytes.)
 */
export function rawKeyFingerprint(raw: Uint8Array): string {
  const text = base32crockford.encode(sha256(raw).subarray(0, 10)); // 80 bits = 16 symbols
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}`;
}

/** The fingerprint of a base64url raw Ed25519 public key (format 1), see {@link rawKeyFingerprint}. */
export function keyFingerprint(publicKeyB64u: string): string {
  const key = decodeB64u(publicKeyB64u, 32);
  if (!key) throw new Error('keyFingerprint: not a base64url Ed25519 public key (32 bytes)');
  return rawKeyFingerprint(key);
}

/** A key pair as stored in test fixtures: the 32-byte seed ("secret key") and the public key, base64url. */
export interface TestKeyPair {
  secretKey: string;
  publicKey: string;
}

/** The base64url public key of a base64url 32-byte Ed25519 secret key (seed). */
export function publicKeyFromSecretKey(secretKeyB64u: string): string {
  const secret = decodeB64u(secretKeyB64u, 32);
  if (!secret) throw new Error('publicKeyFromSecretKey: not a base64url Ed25519 secret key (32 bytes)');
  return encodeB64u(ed25519.getPublicKey(secret));
}

/**
 * Signs with an extractable secret key. For tests, the command line and the example files only:
 * the app signs with a non-extractable WebCrypto key (same signature format).
 */
export function signWithSecretKey(contentCanonicalUtf8: string | Uint8Array, secretKeyB64u: string): string {
  const secret = decodeB64u(secretKeyB64u, 32);
  if (!secret) throw new Error('signWithSecretKey: not a base64url Ed25519 secret key (32 bytes)');
  return encodeB64u(ed25519.sign(message(contentCanonicalUtf8), secret));
}

/** A fresh key pair (tests and tools); uses the platform's secure random source. */
export function generateTestKeyPair(): TestKeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secretKey: encodeB64u(secretKey), publicKey: encodeB64u(publicKey) };
}
