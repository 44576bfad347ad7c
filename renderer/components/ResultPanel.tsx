import type { QuickScanDefinition } from '../../forms/schema';
import { budgetVerdict, type BudgetVerdict } from '../../scoring/advice';
import type { ScanScore } from '../../scoring/score';
import { formatEuro, formatNumber, type Locale, type MessageKey } from '../i18n';
import { useLocale, useT } from '../state/store';
import { ThemeChart, type ThemeTargets } from './ThemeChart';

export const formatScore = (locale: Locale, value: number) => formatNumber(locale, value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const verdictKey: Record<BudgetVerdict['code'], MessageKey> = {
  within: 'result.verdict.within',
  mid: 'result.verdict.mid',
  low: 'result.verdict.low',
  over: 'result.verdict.over',
};

/** The budget verdict in words with the low, middle and high estimate (the rule: scoring/advice.ts budgetVerdict). */
export function verdictText(t: (key: MessageKey, params?: Record<string, string | number>) => string, locale: Locale, verdict: BudgetVerdict): string {
  const eur = (cents: number) => formatEuro(locale, cents / 100);
  return t(verdictKey[verdict.code], { budget: eur(verdict.budgetCents), low: eur(verdict.cost.lowCents), mid: eur(verdict.cost.midCents), high: eur(verdict.cost.highCents) });
}

/** Low to high, whichever way round the figures come. */
export function formatCostRange(locale: Locale, aCents: number, bCents: number): string {
  const [low, high] = aCents <= bCents ? [aCents, bCents] : [bCents, aCents];
  if (low === high) return formatEuro(locale, low / 100);
  return `${formatEuro(locale, low / 100)} – ${formatEuro(locale, high / 100)}`;
}

/** Per-theme chart first, then total and label, what the next label needs, and the cost against the budget. */
export function ResultPanel({
  definition,
  score,
  budgetEur,
  targets,
  onClose,
}: {
  definition: QuickScanDefinition;
  score: ScanScore;
  budgetEur: number | null;
  targets?: ThemeTargets;
  /** Shown as a close button when the panel is opened over the scan (narrow screens). */
  onClose?: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const labelName = (id: string | null) => definition.labels.find((l) => l.id === id)?.name[locale] ?? t('label.none');
  const themeTitle = (id: string) => definition.themes.find((th) => th.id === id)?.title[locale] ?? id;
  const verdict = budgetEur === null ? null : budgetVerdict(score.cost, Math.round(budgetEur * 100));
  const evidence = Object.values(targets?.evidence ?? {}).reduce((sum, e) => ({ evidenced: sum.evidenced + e.evidenced, answered: sum.answered + e.answered }), { evidenced: 0, answered: 0 });

  return (
    <aside className="result-panel panel" aria-labelledby="result-title" tabIndex={-1}>
      <div className="result-panel-head">
        <h2 id="result-title">{t('result.title')}</h2>
        {onClose && (
          <button type="button" className="button small result-close" onClick={onClose}>
            {t('common.close')}
          </button>
        )}
      </div>
      <ThemeChart definition={definition} score={score} targets={targets} compact />
      <div className="total-row">
        <div>
          <div className="muted small">{t('result.total')}</div>
          <div className="total-value" data-testid="total-score">
            {score.total ? formatScore(locale, score.total.display) : '–'}
          </div>
          {evidence.answered > 0 && (
            <div className={`evidence-count${evidence.evidenced === evidence.answered ? ' full' : ''}`} data-testid="evidence-total">
              {t('evidence.total', { evidenced: evidence.evidenced, answered: evidence.answered })}
            </div>
          )}
        </div>
        <div>
          <div className="muted small">{t('result.label')}</div>
          <div className={`label-chip large label-${score.label.reached ?? 'none'}`} data-testid="label">
            {labelName(score.label.reached)}
          </div>
        </div>
      </div>
      {score.label.next && (
        <div className="next-label">
          <p>
            <strong>{t('result.nextLabel', { label: labelName(score.label.next.id) })}</strong>
          </p>
          <ul>
            {score.label.next.missingTotal > 0 && <li>{t('result.missingTotal', { points: formatScore(locale, score.label.next.missingTotal) })}</li>}
            {score.label.next.themesBelow.map((s) => (
              <li key={s.theme}>{t('result.themeBelow', { theme: `${s.theme}. ${themeTitle(s.theme)}`, needed: s.needed, has: formatScore(locale, s.has) })}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="cost-block">
        <div className="muted small">{t('result.extraCost')}</div>
        <div className="cost-range" data-testid="extra-cost">
          {formatCostRange(locale, score.cost.lowCents, score.cost.highCents)}
        </div>
        {verdict && <p className={`budget-state ${verdict.code}`}>{verdictText(t, locale, verdict)}</p>}
      </div>
      {(score.unanswered.length > 0 || score.notApplicable.length > 0) && (
        <p className="muted small">
          {t('result.counts', { unanswered: score.unanswered.length, na: score.notApplicable.length })}
        </p>
      )}
    </aside>
  );
}

/** Narrow screens: total, label and cost stay in view at the foot of the screen; the button opens the full panel. */
export function ResultSummaryBar({ definition, score, budgetEur, isOpen, onToggle }: { definition: QuickScanDefinition; score: ScanScore; budgetEur: number | null; isOpen: boolean; onToggle(): void }) {
  const t = useT();
  const locale = useLocale();
  const label = definition.labels.find((l) => l.id === score.label.reached)?.name[locale] ?? t('label.none');
  const verdict = budgetEur === null ? null : budgetVerdict(score.cost, Math.round(budgetEur * 100));
  return (
    <div className="result-bar" role="region" aria-label={t('result.summary')}>
      <span className="result-bar-figure">
        <span className="muted small">{t('result.total')}</span> <strong data-testid="bar-total">{score.total ? formatScore(locale, score.total.display) : '–'}</strong>
      </span>
      <span className={`label-chip label-${score.label.reached ?? 'none'}`}>{label}</span>
      <span className="result-bar-figure">
        <span className="muted small">{t('result.extraCost')}</span> <strong>{formatCostRange(locale, score.cost.lowCents, score.cost.highCents)}</strong>
      </span>
      {verdict && <span className={`budget-state ${verdict.code} small`}>{t(`result.verdictShort.${verdict.code}` as MessageKey)}</span>}
      <button type="button" className="button primary result-bar-toggle" aria-expanded={isOpen} aria-controls="scan-side-panels" onClick={onToggle}>
        {isOpen ? t('result.hide') : t('result.show')}
      </button>
    </div>
  );
}
