/**
 * Trust anchors and trust lists as stored (schema 5). These functions are the only way the app
 * changes what the user trusts, and every caller first shows a confirmation that names what is
 * added (label and fingerprint; for a list its operator and number of entries): Settings, and
 * the separate question after a backup restore. Imports never call them on their own.
 */
import { isPublicJwk, keyFingerprint, type PublicJwk } from '../../scoring/keys';
import { db } from './db';
import type { AnchorUse, KeyStatementRecord, TrustAnchorRecord, TrustListRecord } from './records';

/** A key to trust, with the label the user sees. */
export interface AnchorCandidate {
  key: PublicJwk;
  label: string;
}

const MAX_LABEL = 200;
const USES: readonly AnchorUse[] = ['signer', 'operator'];

/** The restore step of a stored anchor: a valid public JWK whose fingerprint is its id. */
function restoredAnchor(raw: unknown): TrustAnchorRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Partial<TrustAnchorRecord>;
  if (!isPublicJwk(r.key) || typeof r.fingerprint !== 'string' || keyFingerprint(r.key) !== r.fingerprint) return null;
  const uses = Array.isArray(r.uses) ? USES.filter((u) => r.uses!.includes(u)) : ['signer' as const];
  return { fingerprint: r.fingerprint, key: r.key, label: typeof r.label === 'string' && r.label ? r.label : r.fingerprint, addedAt: typeof r.addedAt === 'string' ? r.addedAt : '', uses };
}

/** The user's trust anchors, by label. Records that are not valid keys are left out. */
export async function listTrustAnchors(): Promise<TrustAnchorRecord[]> {
  const anchors = (await db.trustAnchors.toArray()).map(restoredAnchor).filter((a): a is TrustAnchorRecord => a !== null);
  return anchors.sort((a, b) => a.label.localeCompare(b.label) || a.fingerprint.localeCompare(b.fingerprint));
}

export async function countTrustAnchors(): Promise<number> {
  return db.trustAnchors.count();
}

/** The candidates that are not trusted as signers yet (by fingerprint), each once. */
export async function newAnchorCandidates(candidates: readonly AnchorCandidate[]): Promise<AnchorCandidate[]> {
  const valid = candidates.filter((c) => isPublicJwk(c.key));
  const fingerprints = valid.map((c) => keyFingerprint(c.key));
  const stored = (await db.trustAnchors.bulkGet(fingerprints)).map((r) => (r ? restoredAnchor(r) : null));
  const seen = new Set<string>();
  return valid.filter((_, i) => {
    const fp = fingerprints[i]!;
    if (stored[i]?.uses.includes('signer') || seen.has(fp)) return false;
    seen.add(fp);
    return true;
  });
}

/** Adds `use` to the anchor of `candidate`, or the anchor itself; an existing label and date stay. Inside a transaction. */
async function addUse(candidate: AnchorCandidate, use: AnchorUse, at: string): Promise<boolean> {
  const fingerprint = keyFingerprint(candidate.key);
  const existing = restoredAnchor(await db.trustAnchors.get(fingerprint));
  if (existing?.uses.includes(use)) return false;
  if (existing) await db.trustAnchors.put({ ...existing, uses: USES.filter((u) => u === use || existing.uses.includes(u)) });
  else await db.trustAnchors.put({ fingerprint, key: candidate.key, label: candidate.label.trim().slice(0, MAX_LABEL) || fingerprint, addedAt: at, uses: [use] });
  return true;
}

/** Adds signer anchors the user confirmed. Returns how many were added. */
export async function addTrustAnchors(candidates: readonly AnchorCandidate[], now: () => string = () => new Date().toISOString()): Promise<number> {
  return db.transaction('rw', db.trustAnchors, async () => {
    const at = now();
    let added = 0;
    for (const c of candidates) if (isPublicJwk(c.key) && (await addUse(c, 'signer', at))) added += 1;
    return added;
  });
}

/**
 * Removes an anchor; a trust-list operator also takes its lists with it (they would no longer
 * count). One transaction.
 */
export async function removeTrustAnchor(fingerprint: string): Promise<void> {
  await db.transaction('rw', db.trustAnchors, db.trustLists, async () => {
    await db.trustAnchors.delete(fingerprint);
    await db.trustLists.where('operatorFingerprint').equals(fingerprint).delete();
  });
}

/** The stored trust lists (documents still to be checked by the caller), by id. */
export async function listTrustLists(): Promise<TrustListRecord[]> {
  return (await db.trustLists.toArray()).sort((a, b) => a.id.localeCompare(b.id));
}

export async function countTrustLists(): Promise<number> {
  return db.trustLists.count();
}

export async function getTrustList(id: string): Promise<TrustListRecord | undefined> {
  return db.trustLists.get(id);
}

/**
 * Stores a trust list the user confirmed, with its operator key as an operator anchor (the same
 * confirmation named both). Replaces a stored list with the same id; the caller has checked that
 * it is not an older one. One transaction: both or neither.
 */
export async function putTrustList(list: { id: string; document: unknown }, operator: AnchorCandidate, now: () => string = () => new Date().toISOString()): Promise<void> {
  await db.transaction('rw', db.trustAnchors, db.trustLists, async () => {
    const at = now();
    await addUse(operator, 'operator', at);
    await db.trustLists.put({ id: list.id, operatorFingerprint: keyFingerprint(operator.key), document: list.document, addedAt: at });
  });
}

export async function removeTrustList(id: string): Promise<void> {
  await db.trustLists.delete(id);
}

/** The key statements the user confirmed (schema 7; documents still to be checked by the caller), oldest first. */
export async function listKeyStatements(): Promise<KeyStatementRecord[]> {
  return (await db.keyStatements.toArray()).sort((a, b) => a.confirmedAt.localeCompare(b.confirmedAt) || a.id.localeCompare(b.id));
}

export async function getKeyStatement(id: string): Promise<KeyStatementRecord | undefined> {
  return db.keyStatements.get(id);
}

/**
 * Stores a key statement the user confirmed on its own screen (Settings → Trust), checked by the
 * caller with scoring/key-statements.ts `verifyKeyStatement`. The same statement twice is one.
 */
export async function putKeyStatement(statement: { id: string; kind: KeyStatementRecord['kind']; subjectFingerprint: string; document: unknown }, now: () => string = () => new Date().toISOString()): Promise<void> {
  await db.keyStatements.put({ ...statement, confirmedAt: now() });
}

export async function removeKeyStatement(id: string): Promise<void> {
  await db.keyStatements.delete(id);
}
