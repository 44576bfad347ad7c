import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file through a temporary file in the same folder, flushed to disk and then renamed over
 * the target, so a crash or a full disk never leaves half a file where the user expects a whole
 * one. The temporary name is random and created exclusively (`wx`), so it cannot follow a link
 * someone placed there; it is removed again when anything fails.
 */
export async function writeFileAtomic(filePath: string, data: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, filePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
