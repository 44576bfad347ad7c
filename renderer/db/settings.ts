import { db } from './db';

export async function readSetting<T>(key: string, isValid: (value: unknown) => value is T): Promise<T | undefined> {
  const record = await db.settings.get(key);
  return record && isValid(record.value) ? record.value : undefined;
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
