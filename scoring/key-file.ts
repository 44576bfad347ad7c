/**
 * Key files (docs/trust-lists.md, "Key files"):
 *
 * - a private key file, `*.quickscan-key.json`, made by `quickscan key new` for tender teams that
 *   issue in bulk: `{ format: 'quickscan-private-key', formatVersion: 1, warning, label,
 *   createdAt, privateKey: PrivateJwk, publicKey: PublicJwk, fingerprint }`. It holds a SECRET;
 *   the `warning` member says so to anyone who opens it.
 * - a public key file, to hand to whoever must trust the key (the app's "Publieke sleutel
 *   opslaan", `quickscan key new` / `key rotate`: `<name>.public.json`): `{ format:
 *   'quickscan-public-key', formatVersion: 2, name, organisation, key: PublicJwk, fingerprint }`
 *   ({@link makePublicKeyFile}, the one writer). Files of earlier releases stay readable
 *   ({@link readPublicKeyFile}, the one reader): the command line's `formatVersion: 1` with `label`
 *   and `key` (JWK), and the app's `formatVersion: 1` with `name`, `organisation` and `publicKey`
 *   (raw Ed25519, base64url).
 *
 * And the list of trusted keys that `quickscan verify --trusted-keys`, Settings → Trust and the
 * standalone verifier read ({@link readTrustedKeysList}): a public key file, an array of entries,
 * `{ keys: [...] }` or one entry, where an entry is a public key file, `{ key: PublicJwk, label? }`
 * or (format 1) `{ publicKey: <raw Ed25519 base64url>, label? }`.
 * Pure module.
 */
import * as z from 'zod';
import { ed25519Jwk, keyFingerprint, privateJwkSchema, publicJwkOf, publicJwkSchema, sameKey, type PrivateJwk, type PublicJwk } from './keys';
import { isValidPublicKey, PUBLIC_KEY_B64U_PATTERN } from './signature';
import { parseJsonWith, type FieldError } from './parse-json';
import { parseStrictJson } from './envelope-check';

export const PRIVATE_KEY_FORMAT = 'quickscan-private-key';
export const PUBLIC_KEY_FORMAT = 'quickscan-public-key';

/** The text of the `warning` member of every private key file (English; the CLI says it in the user's language too). */
export const PRIVATE_KEY_WARNING =
  'SECRET SIGNING KEY. Anyone who has this file can sign QuickScan revisions in your name. Keep it on a protected drive, never attach it to a bid, never e-mail it. Hand out the public key file instead.';

/** The longest label, name or organisation a key file holds. */
export const KEY_TEXT_MAX = 200;
const label = () => z.string().max(KEY_TEXT_MAX);

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
    if (!pub || !sameKey(pub, f.publicKey)) ctx.addIssue({ code: 'custom', path: ['publicKey'], message: 'key-mismatch' });
    else if (keyFingerprint(pub) !== f.fingerprint) ctx.addIssue({ code: 'custom', path: ['fingerprint'], message: 'fingerprint-mismatch' });
  });

/** The public key file as written now (format 2): the holder and the key as JWK (P-256 or Ed25519). */
export const publicKeyFileSchema = z
  .object({ format: z.literal(PUBLIC_KEY_FORMAT), formatVersion: z.literal(2), name: label(), organisation: label(), key: publicJwkSchema, fingerprint: z.string().max(200) })
  .strict()
  .refine((f) => keyFingerprint(f.key) === f.fingerprint, { error: 'fingerprint-mismatch', path: ['fingerprint'] });

/** Written by earlier releases of the command line (`quickscan key new`): a label and the key as JWK. */
const publicKeyFileCliV1Schema = z
  .object({ format: z.literal(PUBLIC_KEY_FORMAT), formatVersion: z.literal(1), label: label(), key: publicJwkSchema, fingerprint: z.string().max(200) })
  .strict()
  .refine((f) => keyFingerprint(f.key) === f.fingerprint);

/** Written by earlier releases of the app: the holder and the raw Ed25519 key. */
const publicKeyFileAppV1Schema = z
  .object({
    format: z.literal(PUBLIC_KEY_FORMAT),
    formatVersion: z.literal(1),
    name: label(),
    organisation: label(),
    publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN).refine(isValidPublicKey),
    fingerprint: z.string().max(200),
  })
  .strict()
  .refine((f) => keyFingerprint(f.publicKey) === f.fingerprint);

export type PrivateKeyFile = z.infer<typeof privateKeyFileSchema>;
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;

export function makePrivateKeyFile(privateKey: PrivateJwk, labelText: string, createdAt: string): PrivateKeyFile {
  const publicKey = publicJwkOf(privateKey);
  return { format: PRIVATE_KEY_FORMAT, formatVersion: 1, warning: PRIVATE_KEY_WARNING, label: labelText, createdAt, privateKey, publicKey, fingerprint: keyFingerprint(publicKey) };
}

/** The public key file of a key (format 2); `key` a JWK or a raw Ed25519 key (base64url). */
export function makePublicKeyFile(key: PublicJwk | string, name: string, organisation = ''): PublicKeyFile {
  const jwk = typeof key === 'string' ? ed25519Jwk(key) : key;
  return { format: PUBLIC_KEY_FORMAT, formatVersion: 2, name, organisation, key: jwk, fingerprint: keyFingerprint(jwk) };
}

/** The file text of a public key file: 2-space-indented JSON with a final newline. */
export function publicKeyFileText(file: PublicKeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
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

/** One key of a trusted-keys list or public key file, with a label (the fingerprint when the file gives none). */
export interface TrustedKeyEntry {
  key: PublicJwk;
  label: string;
}

const labelOr = (text: string, key: PublicJwk) => text.trim().slice(0, 200) || keyFingerprint(key);

/**
 * Reads a public key file of any version (see the module comment): the key, labelled with the
 * holder's name and organisation (or the label of a command-line file; else the fingerprint).
 * Undefined when it is not one, its fingerprint does not belong to its key, or it holds a private
 * key. Takes parsed JSON, or the file's bytes or text (read strictly: a member named twice is refused).
 */
export function readPublicKeyFile(input: unknown): TrustedKeyEntry | undefined {
  const json = jsonOf(input);
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== PUBLIC_KEY_FORMAT) return undefined;
  const holder = (f: { name: string; organisation: string }) => [f.name, f.organisation].filter((x) => x.trim()).join(', ');
  const v2 = publicKeyFileSchema.safeParse(json);
  if (v2.success) return { key: v2.data.key, label: labelOr(holder(v2.data), v2.data.key) };
  const cli = publicKeyFileCliV1Schema.safeParse(json);
  if (cli.success) return { key: cli.data.key, label: labelOr(cli.data.label, cli.data.key) };
  const app = publicKeyFileAppV1Schema.safeParse(json);
  if (app.success) {
    const key = ed25519Jwk(app.data.publicKey) as PublicJwk;
    return { key, label: labelOr(holder(app.data), key) };
  }
  return undefined;
}

function jsonOf(input: unknown): unknown {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return input;
  const read = parseStrictJson(input);
  return read.ok ? read.value : undefined;
}

const legacyEntry = z.object({ publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN).refine(isValidPublicKey), label: z.string().max(200).optional() });
const jwkEntry = z.object({ key: publicJwkSchema, label: z.string().max(200).optional() });
const entrySchema = z.union([jwkEntry, legacyEntry]);
const MAX_KEYS = 10_000;

function readEntry(item: unknown): TrustedKeyEntry | undefined {
  if (typeof item === 'object' && item !== null && (item as { format?: unknown }).format === PUBLIC_KEY_FORMAT) return readPublicKeyFile(item);
  const parsed = entrySchema.safeParse(item);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  const key = 'key' in e ? e.key : ed25519Jwk(e.publicKey);
  return { key, label: labelOr(e.label ?? '', key) };
}

/**
 * Reads a trusted-keys list or a public key file (see the module comment): every key with its
 * label. Undefined when it is not one or any entry is not a valid public key (a damaged list is
 * refused whole, never read in part). Takes parsed JSON, or the file's bytes or text.
 */
export function readTrustedKeysList(input: unknown): TrustedKeyEntry[] | undefined {
  const json = jsonOf(input);
  const list = Array.isArray(json) ? json : typeof json === 'object' && json !== null && Array.isArray((json as { keys?: unknown }).keys) ? (json as { keys: unknown[] }).keys : [json];
  if (list.length === 0 || list.length > MAX_KEYS) return undefined;
  const keys: TrustedKeyEntry[] = [];
  for (const item of list) {
    const entry = readEntry(item);
    if (!entry) return undefined;
    keys.push(entry);
  }
  return keys;
}
