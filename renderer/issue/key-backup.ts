/**
 * The encrypted backup of the assessor's signing key (`*.quickscan-key-backup.json`,
 * docs/file-formats.md): the private key as a JWK (RFC 7517) inside a compact JWE (RFC 7516)
 * encrypted with the user's passphrase, PBES2-HS512+A256KW (PBKDF2-SHA-512, 210 000 rounds,
 * random 16-byte salt) and A256GCM, made and read with `jose`. Any JOSE library opens it with the
 * passphrase. Beside the JWE the file names the public key, its fingerprint and its owner, so a
 * restore can show whose key it is before asking for the passphrase; after decryption the private
 * key must belong to exactly that public key.
 *
 * The signing key is non-extractable once stored, so the backup is made when a key is created or
 * rotated, before the key is stored (renderer/issue/signing.ts). Pure apart from WebCrypto.
 */
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader, errors } from 'jose';
import { z } from 'zod';
import { keyFingerprint, privateJwkSchema, publicJwkOf, publicJwkSchema, sameKey, type PrivateJwk, type PublicJwk } from '../../scoring/keys';
import { jsonOfBytes } from '../../scoring/json-bytes';

export const KEY_BACKUP_FORMAT = 'quickscan-key-backup';
export const KEY_BACKUP_SUFFIX = '.quickscan-key-backup.json';
const KEY_ALG = 'PBES2-HS512+A256KW';
const CONTENT_ENC = 'A256GCM';
/** PBKDF2-HMAC-SHA-512 rounds (OWASP's 2023 advice for that hash). */
export const PBES2_COUNT = 210_000;
/** A file claiming more rounds than this is refused (it would only make the app hang). */
const MAX_PBES2_COUNT = 5_000_000;
/** The shortest passphrase accepted for a new backup. */
export const MIN_PASSPHRASE_LENGTH = 12;
const MAX_FILE_BYTES = 64 * 1024;

export const keyBackupFileSchema = z
  .object({
    format: z.literal(KEY_BACKUP_FORMAT),
    formatVersion: z.literal(1),
    /** The public key the encrypted private key belongs to. */
    key: z.unknown(),
    fingerprint: z.string().max(40),
    name: z.string().max(200),
    organisation: z.string().max(200),
    createdAt: z.string().max(64),
    /** Compact JWE; its plaintext is the private JWK. */
    jwe: z.string().min(1).max(16_000),
  })
  .strict();
export type KeyBackupFile = z.infer<typeof keyBackupFileSchema> & { key: PublicJwk };

/** Why a key backup could not be read: one message each (keys.backupError.* in renderer/i18n). */
export type KeyBackupError = 'damaged' | 'not-backup' | 'unknown-key-type' | 'wrong-passphrase' | 'newer-version';

export class KeyBackupFailure extends Error {
  constructor(readonly code: KeyBackupError) {
    super(`key backup: ${code}`);
    this.name = 'KeyBackupFailure';
  }
}

const passphraseBytes = (passphrase: string) => new TextEncoder().encode(passphrase.normalize('NFC'));

/** The encrypted backup file of a private key (its bytes, ready to save). */
export async function makeKeyBackup(
  privateJwk: PrivateJwk,
  passphrase: string,
  owner: { name: string; organisation: string; createdAt: string },
  rounds: number = PBES2_COUNT,
): Promise<Uint8Array> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error('makeKeyBackup: passphrase too short');
  const key = publicJwkOf(privateJwk);
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(privateJwk)))
    .setProtectedHeader({ alg: KEY_ALG, enc: CONTENT_ENC, cty: 'jwk+json' })
    .setKeyManagementParameters({ p2c: rounds })
    .encrypt(passphraseBytes(passphrase));
  const file = {
    format: KEY_BACKUP_FORMAT,
    formatVersion: 1,
    key,
    fingerprint: keyFingerprint(key),
    name: owner.name,
    organisation: owner.organisation,
    createdAt: owner.createdAt,
    jwe,
  };
  return new TextEncoder().encode(JSON.stringify(file, null, 2) + '\n');
}

/** Reads the outside of a backup file (no passphrase needed); throws KeyBackupFailure. */
export function readKeyBackup(bytes: Uint8Array): KeyBackupFile {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length > MAX_FILE_BYTES) throw new KeyBackupFailure('not-backup');
  const read = jsonOfBytes(bytes);
  if (!read.ok) throw new KeyBackupFailure('damaged');
  const json = read.value;
  const header = typeof json === 'object' && json !== null ? (json as { format?: unknown; formatVersion?: unknown }) : {};
  if (header.format !== KEY_BACKUP_FORMAT) throw new KeyBackupFailure('not-backup');
  if (typeof header.formatVersion === 'number' && header.formatVersion > 1) throw new KeyBackupFailure('newer-version');
  const parsed = keyBackupFileSchema.safeParse(json);
  if (!parsed.success) throw new KeyBackupFailure('damaged');
  const key = publicJwkSchema.safeParse(parsed.data.key);
  if (!key.success) {
    const k = parsed.data.key as { kty?: unknown; crv?: unknown } | null;
    const known = k && typeof k === 'object' && ((k.kty === 'EC' && k.crv === 'P-256') || (k.kty === 'OKP' && k.crv === 'Ed25519'));
    throw new KeyBackupFailure(known ? 'damaged' : 'unknown-key-type');
  }
  if (keyFingerprint(key.data) !== parsed.data.fingerprint) throw new KeyBackupFailure('damaged');
  let protectedHeader;
  try {
    protectedHeader = decodeProtectedHeader(parsed.data.jwe);
  } catch {
    throw new KeyBackupFailure('damaged');
  }
  if (protectedHeader.alg !== KEY_ALG || protectedHeader.enc !== CONTENT_ENC) throw new KeyBackupFailure('damaged');
  return { ...parsed.data, key: key.data };
}

/** Decrypts a backup with its passphrase: the private JWK, checked to belong to the named key. */
export async function openKeyBackup(file: KeyBackupFile, passphrase: string): Promise<PrivateJwk> {
  let plaintext: Uint8Array;
  try {
    ({ plaintext } = await compactDecrypt(file.jwe, passphraseBytes(passphrase), {
      keyManagementAlgorithms: [KEY_ALG],
      contentEncryptionAlgorithms: [CONTENT_ENC],
      maxPBES2Count: MAX_PBES2_COUNT,
    }));
  } catch (error) {
    // AES key wrap and GCM cannot tell a wrong passphrase from changed ciphertext bytes
    if (error instanceof errors.JWEDecryptionFailed) throw new KeyBackupFailure('wrong-passphrase');
    throw new KeyBackupFailure('damaged');
  }
  const read = jsonOfBytes(plaintext);
  if (!read.ok) throw new KeyBackupFailure('damaged');
  const json = read.value;
  const parsed = privateJwkSchema.safeParse(json);
  if (!parsed.success) {
    const k = json as { kty?: unknown } | null;
    throw new KeyBackupFailure(k && typeof k === 'object' && (k.kty === 'EC' || k.kty === 'OKP') ? 'damaged' : 'unknown-key-type');
  }
  let pub: PublicJwk;
  try {
    pub = publicJwkOf(parsed.data);
  } catch {
    throw new KeyBackupFailure('damaged');
  }
  if (!sameKey(pub, file.key)) throw new KeyBackupFailure('damaged');
  return parsed.data;
}
