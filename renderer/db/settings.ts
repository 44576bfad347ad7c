import { db } from './db';

export async function readSetting<T>(key: string, isValid: (value: unknown) => value is T): Promise<T | undefined> {
  const record = await db.settings.get(key);
  return record && isValid(record.value) ? record.value : undefined;
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

export async function removeSetting(key: string): Promise<void> {
  await db.settings.delete(key);
}

/**
 * Reads, changes and writes one setting in one transaction, so that two tabs changing it at once
 * both keep their change. `update` receives the stored value (undefined when absent or invalid).
 */
export async function updateSetting<T>(key: string, isValid: (value: unknown) => value is T, update: (current: T | undefined) => unknown): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await writeSetting(key, update(await readSetting(key, isValid)));
  });
}
