/**
 * The verification verdict of stored revisions, wherever a revision appears (project page,
 * projects list, revisions, compare). The verdict is decided by scoring/revision-verdict.ts (THE
 * envelope check, the signer rule and THE verdict rule) against what the user trusts plus the
 * user's own signing key (renderer/issue/anchors.ts); this only shows it, with VerdictBadge.
 */
import { useMemo } from 'react';
import { getDefinition } from '../../forms/registry';
import { revisionVerdict, type RevisionVerdict } from '../../scoring/revision-verdict';
import type { TrustAnchors } from '../../scoring/trust';
import { findingSeverity } from '../../scoring/verdict';
import { findingText } from '../../report/verdict-strings';
import { useLiveQuery } from '../db/live';
import type { RevisionRecord } from '../db/records';
import { loadVerificationAnchors } from '../issue/anchors';
import { useLocale, useT } from '../state/store';
import { VerdictBadge } from './VerdictBadge';

/** What stored revisions are verified against, kept up to date when trust or the own key changes; null while loading. */
export function useVerificationAnchors(): TrustAnchors | null {
  const t = useT();
  const label = t('verdict.ownKey');
  return useLiveQuery(() => loadVerificationAnchors(label), [label], null);
}

const methodKnown = (id: string, version: string) => getDefinition(id, version) !== undefined;

/** The verdict of one stored revision now (never throws). */
export function verdictOfRevision(record: Pick<RevisionRecord, 'envelope'>, anchors: TrustAnchors, now: Date = new Date()): RevisionVerdict {
  return revisionVerdict(record.envelope, anchors, now, { methodKnown });
}

/** The verdicts of these revisions by id; empty while the anchors load. */
export function useRevisionVerdicts(records: readonly RevisionRecord[] | null | undefined, anchors: TrustAnchors | null): ReadonlyMap<string, RevisionVerdict> {
  return useMemo(() => {
    const out = new Map<string, RevisionVerdict>();
    if (!records || !anchors) return out;
    const now = new Date();
    for (const r of records) out.set(r.id, verdictOfRevision(r, anchors, now));
    return out;
  }, [records, anchors]);
}

/**
 * The verdict badge of one revision, with who vouched for the signer (passed), what to do
 * (indeterminate, unless `compact`) or what is wrong (failed). `verdict` undefined: being checked.
 */
export function RevisionVerdictBadge({ verdict, compact = false }: { verdict: RevisionVerdict | undefined; compact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (!verdict) return <div className="revision-verdict muted small">{t('views.verdict.checking')}</div>;
  let detail: string | undefined;
  if (compact) {
    // in a list or table: a few words (the project page and the Verify screen say it in full)
    if (verdict.verdict === 'indeterminate') detail = verdict.reasons.includes('signer-unknown') ? t('views.verdict.signerUnknownShort') : t('views.verdict.indeterminateShort');
    else if (verdict.verdict === 'failed') detail = t('views.verdict.failedDetail');
  } else if (verdict.verdict === 'passed' && verdict.anchor) {
    detail = verdict.anchor.kind === 'own' ? t('views.verdict.byOwn', { label: verdict.anchor.label }) : t('views.verdict.byList', { name: verdict.anchor.name, sequence: verdict.anchor.sequence });
  } else if (verdict.verdict === 'failed') {
    const first = verdict.findings.find((f) => findingSeverity(f.code) === 'failed');
    detail = (first && findingText(first)?.[locale]) || t('views.verdict.failedDetail');
  }
  return (
    <div className={`revision-verdict${compact ? ' compact' : ''}`}>
      <VerdictBadge verdict={verdict.verdict} reasons={verdict.reasons} fingerprint={verdict.fingerprint} detail={detail} compact={compact} />
    </div>
  );
}
