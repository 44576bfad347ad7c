import { z } from 'zod';
import { ed25519Jwk, isPublicJwk, keyFingerprint, publicJwkSchema, toPublicJwk, type PublicJwk } from '../../scoring/keys';
import { isValidPublicKey, PUBLIC_KEY_B64U_PATTERN } from '../../scoring/signature';
import { jsonOfBytes } from '../../scoring/json-bytes';

/**
 * The file an assessor shares so that others can trust signatures made with their key
 * (`*.quickscan-key.json`). Version 2 names the key as JWK (P-256 or Ed25519); version 1 (raw
 * Ed25519 key) stays readable.
 */
export const publicKeyFileSchema = z
  .object({
    format: z.literal('quickscan-public-key'),
    formatVersion: z.literal(2),
    name: z.string().max(200),
    organisation: z.string().max(200),
    key: publicJwkSchema,
    fingerprint: z.string().max(200),
  })
  .strict();
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;

const publicKeyFileV1Schema = z
  .object({
    format: z.literal('quickscan-public-key'),
    formatVersion: z.literal(1),
    name: z.string().max(200),
    organisation: z.string().max(200),
    publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN).refine(isValidPublicKey, 'not an Ed25519 public key'),
    fingerprint: z.string().max(200),
  })
  .strict();

export function makePublicKeyFile(key: PublicJwk | string, name: string, organisation: string): PublicKeyFile {
  const jwk = typeof key === 'string' ? ed25519Jwk(key) : key;
  return { format: 'quickscan-public-key', formatVersion: 2, name, organisation, key: jwk, fingerprint: keyFingerprint(jwk) };
}

/** A key read from a file, with the label to show (name and organisation, or the fingerprint). */
export interface ReadKey {
  key: PublicJwk;
  label: string;
}

function decode(bytes: Uint8Array): unknown {
  const json = jsonOfBytes(bytes);
  return json.ok ? json.value : undefined;
}

/** Reads a shared public key file (either version); null when it is not one, or its fingerprint does not match the key. */
export function readPublicKeyFile(bytes: Uint8Array): ReadKey | null {
  const json = decode(bytes);
  const v2 = publicKeyFileSchema.safeParse(json);
  const v1 = v2.success ? undefined : publicKeyFileV1Schema.safeParse(json);
  const file = v2.success ? { ...v2.data } : v1?.success ? { ...v1.data, key: ed25519Jwk(v1.data.publicKey) as PublicJwk } : null;
  if (!file || file.fingerprint !== keyFingerprint(file.key)) return null;
  return { key: file.key, label: [file.name, file.organisation].filter((s) => s.trim()).join(', ') || file.fingerprint };
}

/**
 * Reads every public key in a file: an assessor's key file, or a list as the command line takes
 * (`[{ publicKey | key, label }]` or `{ keys: [...] }`, `key` a JWK). Keys that are not valid
 * are left out; null when the file holds none.
 */
export function readTrustedKeyList(bytes: Uint8Array): ReadKey[] | null {
  const single = readPublicKeyFile(bytes);
  if (single) return [single];
  const json = decode(bytes);
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as { keys?: unknown }).keys) ? (json as { keys: unknown[] }).keys : null;
  if (!list) return null;
  const keys = list.flatMap((item): ReadKey[] => {
    if (!item || typeof item !== 'object') return [];
    const { publicKey, key, label } = item as { publicKey?: unknown; key?: unknown; label?: unknown };
    const jwk = key !== undefined ? toPublicJwk(key) : typeof publicKey === 'string' && PUBLIC_KEY_B64U_PATTERN.test(publicKey) && isValidPublicKey(publicKey) ? ed25519Jwk(publicKey) : undefined;
    if (!jwk || !isPublicJwk(jwk)) return [];
    return [{ key: jwk, label: typeof label === 'string' && label.trim() ? label.trim().slice(0, 200) : keyFingerprint(jwk) }];
  });
  return keys.length ? keys : null;
}
