/**
 * The assessor's signing key. New keys are ECDSA P-256 (ES256) made by WebCrypto; keys made
 * before schema 5 are Ed25519 and keep signing until the user rotates to a new key. The private
 * key is stored non-extractable: page scripts can ask it to sign, but never read it. Because of
 * that, the encrypted backup (key-backup.ts) is made at the one moment the key can still be
 * exported, when it is created (or rotated to), and the key is stored only once the backup file
 * was saved. Signatures are purpose-bound (scoring/keys.ts `signingMessage`).
 */
import { keyFingerprint, publicJwkOf, signingMessage, type PrivateJwk, type PublicJwk, type SignaturePurpose } from '../../scoring/keys';
import { encodeB64u } from '../../scoring/signature';
import { listRetiredKeys, readSigningKey, storeFirstSigningKey } from '../db/keys';
import type { RetiredKeyRecord, SigningKeyRecord } from '../db/records';
import { KeyBackupFailure, makeKeyBackup, openKeyBackup, type KeyBackupFile } from './key-backup';

export const getSigningKey = readSigningKey;

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** Whether this key should be replaced by a P-256 key through rotation (Ed25519 keys, made before backups existed). */
export const isLegacyKey = (key: SigningKeyRecord) => key.key.kty === 'OKP';

/** Signs `signingMessage(purpose, canonicalText)`; base64url of the raw 64-byte signature (r ‖ s for ES256). */
export async function signForPurpose(key: Pick<SigningKeyRecord, 'key' | 'privateKey'>, purpose: SignaturePurpose, canonicalText: string): Promise<string> {
  const message = signingMessage(purpose, canonicalText) as Uint8Array<ArrayBuffer>;
  const algorithm = key.key.kty === 'EC' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
  return encodeB64u(new Uint8Array(await crypto.subtle.sign(algorithm, key.privateKey, message)));
}

/**
 * Format 1 (kept for revisions issued with a legacy Ed25519 key): Ed25519 over the bare
 * canonical JSON. Only an Ed25519 key can make it. Requirement profiles made in the app are
 * format 2 (`signForPurpose(key, 'profile', …)`, renderer/tender/ProfileAuthoring.tsx).
 */
export async function signCanonical(key: SigningKeyRecord, canonicalUtf8: string): Promise<string> {
  if (key.key.kty !== 'OKP') throw new Error('signCanonical: format-1 signatures need an Ed25519 key');
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, new TextEncoder().encode(canonicalUtf8));
  return encodeB64u(new Uint8Array(signature));
}

/** The raw base64url Ed25519 public key that format-1 documents name; throws for a P-256 key. */
export function ed25519PublicKeyOf(key: SigningKeyRecord): string {
  if (key.key.kty !== 'OKP') throw new Error('format-1 documents need an Ed25519 key');
  return key.key.x;
}

/** A fresh P-256 key pair, still extractable (only for making its backup), as a private JWK. */
export async function generateP256(): Promise<PrivateJwk> {
  const pair = (await crypto.subtle.generateKey(P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, d: jwk.d!, alg: 'ES256' };
}

/** The private JWK as a non-extractable signing key (ES256 only: the app makes and restores P-256 keys). */
export async function importNonExtractable(privateJwk: PrivateJwk): Promise<{ privateKey: CryptoKey; key: PublicJwk }> {
  if (privateJwk.kty !== 'EC') throw new KeyBackupFailure('unknown-key-type');
  const key = publicJwkOf(privateJwk);
  const privateKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: privateJwk.x, y: privateJwk.y, d: privateJwk.d }, P256, false, ['sign']);
  return { privateKey, key };
}

export interface SaveBackup {
  /** Offers the backup file for saving; resolves false when the user cancelled. */
  (file: { fileName: string; data: Uint8Array }): Promise<boolean>;
}

export function backupFileName(owner: { name: string }, key: PublicJwk): string {
  const who = owner.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'assessor';
  return `${who} ${keyFingerprint(key)}.quickscan-key-backup.json`;
}

/**
 * Makes a new P-256 key with its encrypted backup: the key is generated, its backup offered for
 * saving, and only when the backup was saved is the key stored (non-extractable). Returns null
 * when the user cancelled saving (nothing stored). `store` stores the record (the first key, or
 * a rotation); it gets the record and returns the key as stored.
 */
export async function newKeyWithBackup(
  passphrase: string,
  owner: { name: string; organisation: string },
  save: SaveBackup,
  store: (record: SigningKeyRecord) => Promise<SigningKeyRecord> = storeFirstSigningKey,
  now: () => string = () => new Date().toISOString(),
): Promise<SigningKeyRecord | null> {
  const privateJwk = await generateP256();
  const createdAt = now();
  const data = await makeKeyBackup(privateJwk, passphrase, { ...owner, createdAt });
  const { key, privateKey } = await importNonExtractable(privateJwk);
  if (!(await save({ fileName: backupFileName(owner, key), data }))) return null;
  return store({ id: 'assessor', privateKey, key, createdAt, backedUpAt: now() });
}

/**
 * Restores a key from its backup on this device (e.g. a new laptop). Refused when this device
 * has another signing key already (the user rotates or revokes it first), or when the key was
 * rotated away from or revoked here; restoring the same key again changes nothing. Throws KeyBackupFailure for a wrong passphrase or damaged file.
 */
export async function restoreKeyFromBackup(file: KeyBackupFile, passphrase: string): Promise<{ restored: SigningKeyRecord } | { otherKey: string } | { retired: RetiredKeyRecord['reason'] }> {
  // a key this user rotated away from or revoked never signs again here
  const retired = (await listRetiredKeys()).find((r) => r.fingerprint === keyFingerprint(file.key));
  if (retired) return { retired: retired.reason };
  const current = await readSigningKey();
  if (current && keyFingerprint(current.key) !== keyFingerprint(file.key)) return { otherKey: keyFingerprint(current.key) };
  const privateJwk = await openKeyBackup(file, passphrase);
  if (current) return { restored: current };
  const { key, privateKey } = await importNonExtractable(privateJwk);
  const stored = await storeFirstSigningKey({ id: 'assessor', privateKey, key, createdAt: file.createdAt || new Date().toISOString(), backedUpAt: new Date().toISOString() });
  if (keyFingerprint(stored.key) !== keyFingerprint(key)) return { otherKey: keyFingerprint(stored.key) };
  return { restored: stored };
}

export const fingerprintOf = (key: PublicJwk | string) => keyFingerprint(key);
