/**
 * The method reference of a scan, an issued revision or a requirement profile: definition id,
 * version and the SHA-256 of its canonical JSON. In a module of its own so that
 * scoring/issued.ts (which embeds a requirement profile) and scoring/profile.ts (which names a
 * method) can both use it without a cycle at load time. Re-exported by scoring/issued.ts.
 */
import * as z from 'zod';

export const methodRefSchema = z
  .object({
    id: z.string().min(1).max(100),
    version: z.string().min(1).max(100),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'invalid-sha256' }),
  })
  .strict();
