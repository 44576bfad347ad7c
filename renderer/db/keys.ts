import { db } from './db';
import type { SigningKeyRecord, TrustedKeyRecord } from './records';

/** The assessor's signing key (a non-extractable WebCrypto key), if one was made. */
export const readSigningKey = (): Promise<SigningKeyRecord | undefined> => db.signingKeys.get('assessor');

/** Stores the signing key unless one exists (another tab may have made one at the same moment); returns the stored one. */
export async function storeSigningKeyIfAbsent(record: SigningKeyRecord): Promise<SigningKeyRecord> {
  await db.transaction('rw', db.signingKeys, async () => {
    if (!(await db.signingKeys.get('assessor'))) await db.signingKeys.add(record);
  });
  return (await readSigningKey())!;
}

/** The public keys the user trusts, by label. */
export async function listTrustedKeys(): Promise<TrustedKeyRecord[]> {
  return (await db.trustedKeys.toArray()).sort((a, b) => a.label.localeCompare(b.label));
}

export const countTrustedKeys = (): Promise<number> => db.trustedKeys.count();

/** Adds (or relabels) trusted keys; the caller has read and checked them (and asked the user). */
export async function putTrustedKeys(keys: readonly { publicKey: string; label: string }[], now = new Date().toISOString()): Promise<void> {
  for (const key of keys) {
    if (typeof key.publicKey !== 'string' || !key.publicKey || typeof key.label !== 'string') throw new TypeError('trusted key is not complete');
  }
  await db.transaction('rw', db.trustedKeys, async () => {
    for (const key of keys) await db.trustedKeys.put({ publicKey: key.publicKey, label: key.label, addedAt: now });
  });
}

export async function removeTrustedKey(publicKey: string): Promise<void> {
  await db.trustedKeys.delete(publicKey);
}
