/**
 * Key files (docs/trust-lists.md, "Key files"):
 *
 * - a private key file, `*.quickscan-key.json`, made by `quickscan key new` for tender teams that
 *   issue in bulk: `{ format: 'quickscan-private-key', formatVersion: 1, warning, label,
 *   createdAt, privateKey: PrivateJwk, publicKey: PublicJwk, fingerprint }`. It holds a SECRET;
 *   the `warning` member says so to anyone who opens it.
 * - a public key file, `*.quickscan-public-key.json`: `{ format: 'quickscan-public-key',
 *   formatVersion: 1, label, key: PublicJwk, fingerprint }`, to hand to whoever must trust it.
 *
 * And the list of trusted keys that `quickscan verify --trusted-keys` reads: an array of
 * entries, `{ keys: [...] }` or one entry, where an entry is `{ key: PublicJwk, label? }`, a
 * public key file, or (format 1) `{ publicKey: <raw Ed25519 base64url>, label? }`.
 * Pure module.
 */
import * as z from 'zod';
import { ed25519Jwk, keyFingerprint, privateJwkSchema, publicJwkOf, publicJwkSchema, sameKey, type PrivateJwk, type PublicJwk } from './keys';
import { isValidPublicKey, PUBLIC_KEY_B64U_PATTERN } from './signature';
import { parseJsonWith, type FieldError } from './parse-json';

export const PRIVATE_KEY_FORMAT = 'quickscan-private-key';
export const PUBLIC_KEY_FORMAT = 'quickscan-public-key';

/** The text of the `warning` member of every private key file (English; the CLI says it in the user's language too). */
export const PRIVATE_KEY_WARNING =
  'SECRET SIGNING KEY. Anyone who has this file can sign QuickScan revisions in your name. Keep it on a protected drive, never attach it to a bid, never e-mail it. Hand out the public key file instead.';

const label = () => z.string().max(200);

export const privateKeyFileSchema = z
  .object({
    format: z.literal(PRIVATE_KEY_FORMAT),
    formatVersion: z.literal(1),
    warning: z.string().max(2000),
    label: label(),
    createdAt: z.iso.datetime({ offset: true }),
    privateKey: privateJwkSchema,
    publicKey: publicJwkSchema,
    fingerprint: z.string(),
  })
  .strict()
  .superRefine((f, ctx) => {
    let pub: PublicJwk | undefined;
    try {
      pub = publicJwkOf(f.privateKey);
    } catch {
      pub = undefined;
    }
    if (!pub || !sameKey(pub, f.publicKey)) ctx.addIssue({ code: 'custom', path: ['publicKey'], message: 'the public key does not belong to the private key' });
    else if (keyFingerprint(pub) !== f.fingerprint) ctx.addIssue({ code: 'custom', path: ['fingerprint'], message: 'the fingerprint does not belong to the key' });
  });

export const publicKeyFileSchema = z
  .object({ format: z.literal(PUBLIC_KEY_FORMAT), formatVersion: z.literal(1), label: label(), key: publicJwkSchema, fingerprint: z.string() })
  .strict()
  .refine((f) => keyFingerprint(f.key) === f.fingerprint, { error: 'the fingerprint does not belong to the key', path: ['fingerprint'] });

export type PrivateKeyFile = z.infer<typeof privateKeyFileSchema>;
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;

export function makePrivateKeyFile(privateKey: PrivateJwk, labelText: string, createdAt: string): PrivateKeyFile {
  const publicKey = publicJwkOf(privateKey);
  return { format: PRIVATE_KEY_FORMAT, formatVersion: 1, warning: PRIVATE_KEY_WARNING, label: labelText, createdAt, privateKey, publicKey, fingerprint: keyFingerprint(publicKey) };
}

export function makePublicKeyFile(key: PublicJwk, labelText: string): PublicKeyFile {
  return { format: PUBLIC_KEY_FORMAT, formatVersion: 1, label: labelText, key, fingerprint: keyFingerprint(key) };
}

/**
 * Why a key file cannot be used: `not-a-key-file` (another kind of file), `unknown-key-type`
 * (a key of an algorithm this version cannot use, e.g. RSA), `public-only` (a public key where
 * the private one is needed), `invalid` (damaged: `errors` say where).
 */
export type KeyFileProblem = 'not-a-key-file' | 'unknown-key-type' | 'public-only' | 'invalid';

export type ReadPrivateKeyResult = { ok: true; file: PrivateKeyFile } | { ok: false; problem: KeyFileProblem; errors?: FieldError[] };

/** Reads a private key file (parsed JSON or text). Never throws. */
export function readPrivateKeyFile(json: unknown): ReadPrivateKeyResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return { ok: false, problem: 'not-a-key-file' };
    }
  }
  if (typeof value !== 'object' || value === null) return { ok: false, problem: 'not-a-key-file' };
  const v = value as Record<string, unknown>;
  if (v.format === PUBLIC_KEY_FORMAT) return { ok: false, problem: 'public-only' };
  if (v.format !== PRIVATE_KEY_FORMAT) return { ok: false, problem: 'not-a-key-file' };
  const pk = v.privateKey as Record<string, unknown> | undefined;
  if (pk && typeof pk === 'object' && !((pk.kty === 'EC' && pk.crv === 'P-256') || (pk.kty === 'OKP' && pk.crv === 'Ed25519'))) return { ok: false, problem: 'unknown-key-type' };
  const parsed = parseJsonWith(privateKeyFileSchema, value);
  return parsed.ok ? { ok: true, file: parsed.value } : { ok: false, problem: 'invalid', errors: parsed.errors };
}

const legacyEntry = z.object({ publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN).refine(isValidPublicKey), label: z.string().max(200).optional() });
const jwkEntry = z.object({ key: publicJwkSchema, label: z.string().max(200).optional() });
const entrySchema = z.union([jwkEntry, legacyEntry]);
const trustedKeysFileSchema = z.union([z.array(entrySchema).max(10_000), z.object({ keys: z.array(entrySchema).max(10_000) }), entrySchema]);

/** One key of a trusted-keys list, with a label (the fingerprint when the file gives none). */
export interface TrustedKeyEntry {
  key: PublicJwk;
  label: string;
}

/** Reads a trusted-keys list (see the module comment). Undefined when it is not one. */
export function readTrustedKeysList(json: unknown): TrustedKeyEntry[] | undefined {
  const parsed = trustedKeysFileSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const list = Array.isArray(parsed.data) ? parsed.data : 'keys' in parsed.data ? parsed.data.keys : [parsed.data];
  return list.map((e) => {
    const key = 'key' in e ? e.key : ed25519Jwk(e.publicKey);
    return { key, label: e.label?.trim() || keyFingerprint(key) };
  });
}
