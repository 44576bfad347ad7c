/**
 * What the user trusts, ready for verification: the stored anchors and trust lists, each list
 * checked again (scoring/trust.ts `verifyTrustList`) against the operator keys the user added.
 * A stored list that no longer checks out is reported, never used.
 */
import { keyFingerprint, type PublicJwk } from '../../scoring/keys';
import { verifyTrustList, type TrustAnchors, type TrustListCheck } from '../../scoring/trust';
import type { TrustAnchorRecord, TrustListRecord } from '../db/records';
import { readSigningKey } from '../db/keys';
import { listTrustAnchors, listTrustLists } from '../db/trust';

export interface LoadedTrust {
  anchors: TrustAnchors;
  /** Every stored anchor (signers and operators). */
  records: TrustAnchorRecord[];
  /** Every stored list with the outcome of its check now. */
  lists: { record: TrustListRecord; check: TrustListCheck }[];
}

export function trustFrom(records: readonly TrustAnchorRecord[], lists: readonly TrustListRecord[], now: Date = new Date()): LoadedTrust {
  const operatorKeys: PublicJwk[] = records.filter((r) => r.uses.includes('operator')).map((r) => r.key);
  const checked = lists.map((record) => ({ record, check: verifyTrustList(record.document, { now, operatorKeys }) }));
  return {
    anchors: {
      keys: records.filter((r) => r.uses.includes('signer')).map((r) => ({ key: r.key, label: r.label })),
      lists: checked.flatMap(({ check }) => (check.ok ? [check.list] : [])),
    },
    records: [...records],
    lists: checked,
  };
}

export async function loadTrust(now: Date = new Date()): Promise<LoadedTrust> {
  const [records, lists] = await Promise.all([listTrustAnchors(), listTrustLists()]);
  return trustFrom(records, lists, now);
}

/**
 * The anchors files are verified against: what the user trusts, plus the user's own signing key
 * (made by the user in this app, so their own revisions can pass), labelled `ownKeyLabel`.
 */
export async function loadVerificationAnchors(ownKeyLabel: string, now: Date = new Date()): Promise<TrustAnchors> {
  const [trust, own] = await Promise.all([loadTrust(now), readSigningKey()]);
  const keys = [...trust.anchors.keys];
  if (own && !keys.some((k) => keyFingerprint(k.key) === keyFingerprint(own.key))) keys.push({ key: own.key, label: ownKeyLabel });
  return { ...trust.anchors, keys };
}
