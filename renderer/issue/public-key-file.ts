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
