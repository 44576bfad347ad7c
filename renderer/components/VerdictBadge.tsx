import type { Verdict, VerdictReason } from '../../scoring/verdict';
import { useT } from '../state/store';

/**
 * The verdict of a verified file (scoring/verdict.ts decides it; this only shows it): green only
 * for `passed`, amber for `indeterminate` with one sentence saying what to do, red for `failed`.
 * `detail` is the finer status (e.g. which part was altered), shown under the badge.
 */
export function VerdictBadge({
  verdict,
  reasons,
  fingerprint,
  detail,
  compact = false,
}: {
  verdict: Verdict;
  reasons: readonly VerdictReason[];
  fingerprint?: string | undefined;
  detail?: string | undefined;
  /** In a list or table: no advice sentence (the detail says it in a few words). */
  compact?: boolean;
}) {
  const t = useT();
  return (
    <>
      <span className={`status-badge verdict-${verdict}`} data-verdict={verdict}>
        {t(`verdict.${verdict}`)}
      </span>
      {detail && <span className="muted small verdict-detail">{detail}</span>}
      {verdict === 'indeterminate' && !compact && <p className="small verdict-advice">{verdictAdvice(t, reasons, fingerprint)}</p>}
    </>
  );
}

/** One plain sentence for an `indeterminate` verdict: what the user can do to decide it. */
function verdictAdvice(t: ReturnType<typeof useT>, reasons: readonly VerdictReason[], fingerprint: string | undefined): string {
  if (reasons.includes('signer-unknown')) return t('verdict.advice.signerUnknown', { fingerprint: fingerprint ?? '?' });
  if (reasons.includes('trust-list-expired')) return t('verdict.advice.listExpired');
  if (reasons.includes('signer-name-mismatch')) return t('verdict.advice.nameMismatch');
  if (reasons.includes('method-unknown') || reasons.includes('method-hash-mismatch')) return t('verdict.advice.methodUnknown');
  if (reasons.includes('method-publisher-untrusted')) return t('verdict.advice.publisherUntrusted');
  if (reasons.includes('file-unsigned')) return t('verdict.advice.unsigned');
  return t('verdict.advice.other');
}
