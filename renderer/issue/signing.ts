import { encodeB64u, keyFingerprint } from '../../scoring/signature';
import { readSigningKey, storeSigningKeyIfAbsent } from '../db/keys';
import type { SigningKeyRecord } from '../db/records';

/**
 * The assessor's Ed25519 key pair. The private key is made non-extractable by WebCrypto and kept
 * in IndexedDB as a CryptoKey: page scripts can ask it to sign, but can never read its bytes, and
 * it never leaves this machine. The public key is shared as a file (see publicKeyFile).
 */
export async function getSigningKey(): Promise<SigningKeyRecord | undefined> {
  return readSigningKey();
}

export async function getOrCreateSigningKey(): Promise<SigningKeyRecord> {
  const existing = await getSigningKey();
  if (existing) return existing;
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const record: SigningKeyRecord = { id: 'assessor', privateKey: pair.privateKey, publicKey: encodeB64u(raw), createdAt: new Date().toISOString() };
  // Another tab may have made one at the same moment: keep whichever was stored first.
  return storeSigningKeyIfAbsent(record);
}

/** Signs the canonical JSON of issued content; the raw 64-byte Ed25519 signature as base64url. */
export async function signCanonical(key: SigningKeyRecord, canonicalUtf8: string): Promise<string> {
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, new TextEncoder().encode(canonicalUtf8));
  return encodeB64u(new Uint8Array(signature));
}

export const fingerprintOf = (publicKey: string) => keyFingerprint(publicKey);
