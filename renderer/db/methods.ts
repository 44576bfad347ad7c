/**
 * Signed method files the user loaded (Settings → Methoden), kept for ever in the settings store
 * under `methods:files` (so they travel with every backup). Only the data layer touches it; the
 * files are re-verified whenever they are read (renderer/scan/loaded-methods.ts).
 */
import { readSetting, updateSetting } from './settings';

const KEY = 'methods:files';

export interface StoredMethodFile {
  /** `id@version` of the method. */
  key: string;
  sha256: string;
  /** The signed method file as parsed JSON. */
  file: unknown;
  addedAt: string;
}

function isStoredList(value: unknown): value is StoredMethodFile[] {
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === 'object' && v !== null && typeof (v as StoredMethodFile).key === 'string' && typeof (v as StoredMethodFile).sha256 === 'string')
  );
}

export async function listStoredMethodFiles(): Promise<StoredMethodFile[]> {
  return (await readSetting(KEY, isStoredList)) ?? [];
}

/** Adds a method file (one transaction); one with the same key and hash is kept as it is. */
export async function addStoredMethodFile(entry: StoredMethodFile): Promise<void> {
  await updateSetting(KEY, isStoredList, (current) => {
    const list = current ?? [];
    if (list.some((m) => m.key === entry.key && m.sha256 === entry.sha256)) return list;
    return [...list, entry];
  });
}
