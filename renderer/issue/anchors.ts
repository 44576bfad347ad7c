/**
 * What the user trusts, ready for verification: the stored anchors and trust lists, each list
 * checked again (scoring/trust.ts `verifyTrustList`) against the operator keys the user added,
 * and the key rotation / revocation statements the user confirmed, each checked again
 * (scoring/key-statements.ts `verifyKeyStatement`, then `withKeyStatements`). A stored list or
 * statement that no longer checks out is reported, never used.
 */
import { sameKey, type PublicJwk } from '../../scoring/keys';
import { statementSubjectKey, verifyKeyStatement, withKeyStatements, type KeyStatementCheck, type VerifiedKeyStatement } from '../../scoring/key-statements';
import { verifyTrustList, type TrustAnchors, type TrustListCheck } from '../../scoring/trust';
import type { KeyStatementRecord, TrustAnchorRecord, TrustListRecord } from '../db/records';
import { listRetiredKeys, readSigningKey } from '../db/keys';
import { listKeyStatements, listTrustAnchors, listTrustLists } from '../db/trust';

export interface LoadedTrust {
  anchors: TrustAnchors;
  /** Every stored anchor (signers and operators). */
  records: TrustAnchorRecord[];
  /** Every stored list with the outcome of its check now. */
  lists: { record: TrustListRecord; check: TrustListCheck }[];
  /** Every confirmed key statement with the outcome of its check now. */
  statements: { record: KeyStatementRecord; check: KeyStatementCheck }[];
}

export function trustFrom(records: readonly TrustAnchorRecord[], lists: readonly TrustListRecord[], now: Date = new Date(), statements: readonly KeyStatementRecord[] = []): LoadedTrust {
  const operatorKeys: PublicJwk[] = records.filter((r) => r.uses.includes('operator')).map((r) => r.key);
  const checkedStatements = statements.map((record) => ({ record, check: verifyKeyStatement(record.document) }));
  const revocations = withKeyStatements({ keys: [], lists: [] }, checkedStatements.flatMap(({ check }) => (check.ok ? [check.statement] : []))).revocations ?? [];
  const checked = lists.map((record) => ({ record, check: verifyTrustList(record.document, { now, operatorKeys, revocations }) }));
  const anchors = withKeyStatements(
    {
      keys: records.filter((r) => r.uses.includes('signer')).map((r) => ({ key: r.key, label: r.label })),
      lists: checked.flatMap(({ check }) => (check.ok ? [check.list] : [])),
    },
    checkedStatements.flatMap(({ check }) => (check.ok ? [check.statement] : [])),
  );
  return { anchors, records: [...records], lists: checked, statements: checkedStatements };
}

export async function loadTrust(now: Date = new Date()): Promise<LoadedTrust> {
  const [records, lists, statements] = await Promise.all([listTrustAnchors(), listTrustLists(), listKeyStatements()]);
  return trustFrom(records, lists, now, statements);
}

/**
 * The anchors files are verified against: what the user trusts, plus the user's own signing key
 * (made by the user in this app, so their own revisions can pass), labelled `ownKeyLabel`, and the
 * keys the user signed with before (rotated away or revoked here) with their statements, so that
 * what they signed before keeps passing and what an old key signed after its rotation or
 * revocation fails (scoring/key-statements.ts `withKeyStatements`, the one rule in assessSigner).
 */
export async function loadVerificationAnchors(ownKeyLabel: string, now: Date = new Date()): Promise<TrustAnchors> {
  const [trust, own, retired] = await Promise.all([loadTrust(now), readSigningKey(), listRetiredKeys()]);
  const keys = [...trust.anchors.keys];
  const addOwn = (key: PublicJwk) => {
    if (!keys.some((k) => sameKey(k.key, key))) keys.push({ key, label: ownKeyLabel });
  };
  if (own) addOwn(own.key);
  const statements: VerifiedKeyStatement[] = [];
  for (const record of retired) {
    // a retired key counts only with its own statement, checked again
    const check = verifyKeyStatement(record.statement);
    if (!check.ok || !sameKey(statementSubjectKey(check.statement), record.key)) continue;
    statements.push(check.statement);
    addOwn(record.key);
  }
  return withKeyStatements({ ...trust.anchors, keys }, statements);
}
