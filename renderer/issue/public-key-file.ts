import { z } from 'zod';
import { isValidPublicKey, keyFingerprint, PUBLIC_KEY_B64U_PATTERN } from '../../scoring/signature';

/** The file an assessor shares so that others can trust signatures made with their key. */
export const publicKeyFileSchema = z
  .object({
    format: z.literal('quickscan-public-key'),
    formatVersion: z.literal(1),
    name: z.string().max(200),
    organisation: z.string().max(200),
    publicKey: z.string().regex(PUBLIC_KEY_B64U_PATTERN).refine(isValidPublicKey, 'not an Ed25519 public key'),
    fingerprint: z.string().max(200),
  })
  .strict();
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;

export function makePublicKeyFile(publicKey: string, name: string, organisation: string): PublicKeyFile {
  return { format: 'quickscan-public-key', formatVersion: 1, name, organisation, publicKey, fingerprint: keyFingerprint(publicKey) };
}

/** Reads a shared public key file; null when it is not one (or its fingerprint does not match the key). */
export function readPublicKeyFile(bytes: Uint8Array): PublicKeyFile | null {
  try {
    const parsed = publicKeyFileSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    if (!parsed.success || parsed.data.fingerprint !== keyFingerprint(parsed.data.publicKey)) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

/**
 * Reads every public key in a file: an assessor's key file, or a list as the command line takes
 * (`[{ publicKey, label }]` or `{ keys: [...] }`). Keys that are not valid Ed25519 keys are left out.
 */
export function readTrustedKeyList(bytes: Uint8Array): { publicKey: string; label: string }[] | null {
  const single = readPublicKeyFile(bytes);
  if (single) return [{ publicKey: single.publicKey, label: [single.name, single.organisation].filter(Boolean).join(', ') || single.fingerprint }];
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as { keys?: unknown }).keys) ? (json as { keys: unknown[] }).keys : null;
  if (!list) return null;
  const keys = list.flatMap((item) => {
    if (!item || typeof item !== 'object') return [];
    const { publicKey, label } = item as { publicKey?: unknown; label?: unknown };
    if (typeof publicKey !== 'string' || !PUBLIC_KEY_B64U_PATTERN.test(publicKey) || !isValidPublicKey(publicKey)) return [];
    return [{ publicKey, label: typeof label === 'string' && label.trim() ? label.trim().slice(0, 200) : keyFingerprint(publicKey) }];
  });
  return keys.length ? keys : null;
}
