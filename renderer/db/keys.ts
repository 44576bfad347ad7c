/**
 * The assessor's signing key and the keys signed with before (schema 5). The private key is a
 * non-extractable WebCrypto CryptoKey: IndexedDB keeps it as such, and no code can read its
 * bytes. Callers: renderer/issue/signing.ts.
 */
import { isPublicJwk, keyFingerprint } from '../../scoring/keys';
import { db } from './db';
import type { RetiredKeyRecord, SigningKeyRecord } from './records';

const ID = 'assessor';

/** The current signing key; undefined when there is none (or the stored record is not usable). */
export async function readSigningKey(): Promise<SigningKeyRecord | undefined> {
  const record = await db.signingKeys.get(ID);
  if (!record || !isPublicJwk(record.key) || !(record.privateKey instanceof CryptoKey)) return undefined;
  return { ...record, backedUpAt: record.backedUpAt ?? null };
}

/** Stores a first key; when another tab stored one meanwhile, that one is kept. Returns the stored key. */
export async function storeFirstSigningKey(record: SigningKeyRecord): Promise<SigningKeyRecord> {
  await db.transaction('rw', db.signingKeys, async () => {
    if (!(await db.signingKeys.get(ID))) await db.signingKeys.add(record);
  });
  return (await readSigningKey())!;
}

/**
 * Replaces the current key by a new one and keeps the old public key with the statement that
 * retires it, in one transaction. Fails (changing nothing) when the current key is no longer
 * `expected` (another tab rotated first).
 */
export async function replaceSigningKey(expectedFingerprint: string, next: SigningKeyRecord | null, retired: RetiredKeyRecord): Promise<void> {
  await db.transaction('rw', db.signingKeys, db.retiredKeys, async () => {
    const current = await db.signingKeys.get(ID);
    if (!current || !isPublicJwk(current.key) || keyFingerprint(current.key) !== expectedFingerprint) throw new Error('the signing key changed meanwhile');
    await db.retiredKeys.put(retired);
    if (next) await db.signingKeys.put(next);
    else await db.signingKeys.delete(ID);
  });
}

/** The keys signed with before, newest first. */
export async function listRetiredKeys(): Promise<RetiredKeyRecord[]> {
  return (await db.retiredKeys.toArray()).filter((r) => isPublicJwk(r.key)).sort((a, b) => b.retiredAt.localeCompare(a.retiredAt));
}
