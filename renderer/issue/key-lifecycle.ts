/**
 * Moving to a new key and revoking one, with the signed statements of scoring/key-statements.ts
 * (docs/key-statements.md). Rotation: a new P-256 key with its encrypted backup (saved first, as
 * for every new key), a rotation statement signed by the old key and countersigned by the new
 * one, then the new key replaces the old in one transaction and the old public key is kept with
 * its statement. Revocation: a revocation statement signed by the key itself; the key is then
 * removed, so it no longer issues, and kept (public half) with its statement. The statements are
 * files the user sends to whoever trusts the key (trust list operators, clients).
 */
import { keyFingerprint, type PublicJwk } from '../../scoring/keys';
import { KEY_STATEMENT_FORMAT, keyStatementJsonText, signKeyRevocation, signKeyRotation, verifyKeyStatement, KEY_STATEMENT_FILE_SUFFIX, type KeyStatementEnvelope, type VerifiedKeyStatement } from '../../scoring/key-statements';
import type { RevocationReason } from '../../scoring/trust';
import { listRetiredKeys, replaceSigningKey } from '../db/keys';
import type { RetiredKeyRecord, SigningKeyRecord } from '../db/records';
import { newKeyWithBackup, signForPurpose, type SaveBackup } from './signing';

export interface Owner {
  name: string;
  organisation: string;
}

/**
 * Replaces `current` by a new P-256 key. Returns null when the user cancelled saving the backup
 * (nothing changed). Throws when another tab changed the key meanwhile (nothing changed).
 */
export async function rotateKey(
  current: SigningKeyRecord,
  passphrase: string,
  owner: Owner,
  save: SaveBackup,
  now: () => string = () => new Date().toISOString(),
): Promise<{ record: SigningKeyRecord; statement: KeyStatementEnvelope } | null> {
  let statement: KeyStatementEnvelope | undefined;
  const record = await newKeyWithBackup(
    passphrase,
    owner,
    save,
    async (next) => {
      const at = now();
      statement = await signKeyRotation(
        { format: KEY_STATEMENT_FORMAT, formatVersion: 1, statement: 'key-rotation', oldKey: current.key, newKey: next.key, effectiveAt: at, issuedAt: at, name: owner.name, organisation: owner.organisation },
        (purpose, text) => signForPurpose(current, purpose, text),
        (purpose, text) => signForPurpose(next, purpose, text),
      );
      await replaceSigningKey(keyFingerprint(current.key), next, { fingerprint: keyFingerprint(current.key), key: current.key, createdAt: current.createdAt, retiredAt: at, reason: 'rotated', statement });
      return next;
    },
    now,
  );
  return record && statement ? { record, statement } : null;
}

/**
 * Revokes `current` from `revokedAt` on (documents it signed from then on fail; earlier ones keep
 * passing) and removes it from this device, so it no longer issues.
 */
export async function revokeKey(current: SigningKeyRecord, revocation: { revokedAt: string; reason: RevocationReason; note?: string }, owner: Owner, now: () => string = () => new Date().toISOString()): Promise<KeyStatementEnvelope> {
  const at = now();
  const note = revocation.note?.trim();
  const statement = await signKeyRevocation(
    { format: KEY_STATEMENT_FORMAT, formatVersion: 1, statement: 'key-revocation', key: current.key, revokedAt: revocation.revokedAt, reason: revocation.reason, issuedAt: at, name: owner.name, organisation: owner.organisation, ...(note ? { note } : {}) },
    (purpose, text) => signForPurpose(current, purpose, text),
  );
  await replaceSigningKey(keyFingerprint(current.key), null, { fingerprint: keyFingerprint(current.key), key: current.key, createdAt: current.createdAt, retiredAt: at, reason: 'revoked', statement });
  return statement;
}

/** A retired key with its statement, checked again (a stored statement is never trusted blindly). */
export interface RetiredKey {
  record: RetiredKeyRecord;
  statement: VerifiedKeyStatement | null;
}

export async function retiredKeys(): Promise<RetiredKey[]> {
  return (await listRetiredKeys()).map((record) => {
    const check = verifyKeyStatement(record.statement);
    return { record, statement: check.ok ? check.statement : null };
  });
}

/** The statement as a file to save. */
export function statementFile(statement: KeyStatementEnvelope, owner: { name: string }, key: PublicJwk): { suggestedName: string; data: Uint8Array } {
  const who = owner.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'assessor';
  const kind = statement.content.statement === 'key-rotation' ? 'rotation' : 'revocation';
  return { suggestedName: `${who} ${kind} ${keyFingerprint(key)}${KEY_STATEMENT_FILE_SUFFIX}`, data: new TextEncoder().encode(keyStatementJsonText(statement)) };
}
