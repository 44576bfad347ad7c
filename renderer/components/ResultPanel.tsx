import type { QuickScanDefinition } from '../../forms/schema';
import type { ScanScore } from '../../scoring/score';
import { formatEuro, formatNumber, type Locale } from '../i18n';
import { useLocale, useT } from '../state/store';

export const formatScore = (locale: Locale, value: number) => formatNumber(locale, value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Per-theme bars first, then total and label, what the next label needs, and the cost against the budget. */
export function ResultPanel({ definition, score, budgetEur }: { definition: QuickScanDefinition; score: ScanScore; budgetEur: number | null }) {
  const t = useT();
  const locale = useLocale();
  const labelName = (id: string | null) => definition.labels.find((l) => l.id === id)?.name[locale] ?? t('label.none');
  const themeTitle = (id: string) => definition.themes.find((th) => th.id === id)?.title[locale] ?? id;
  const low = score.cost.lowCents / 100;
  const high = score.cost.highCents / 100;
  const budgetState = budgetEur === null ? null : high <= budgetEur ? 'within' : low <= budgetEur ? 'maybe' : 'over';

  return (
    <aside className="result-panel panel" aria-labelledby="result-title" tabIndex={-1}>
      <h2 id="result-title">{t('result.title')}</h2>
      <ul className="theme-bars" aria-label={t('result.themes')}>
        {score.themes.map((theme) => (
          <li key={theme.id} className="theme-bar">
            <div className="theme-bar-head">
              <span>
                {theme.id}. {themeTitle(theme.id)}
              </span>
              <strong>{theme.display === null ? t('result.themeNa') : formatScore(locale, theme.display)}</strong>
            </div>
            <div className="bar" aria-hidden="true">
              <div className="bar-fill" style={{ width: `${theme.display ?? 0}%` }} />
            </div>
          </li>
        ))}
      </ul>
      <div className="total-row">
        <div>
          <div className="muted small">{t('result.total')}</div>
          <div className="total-value" data-testid="total-score">
            {score.total ? formatScore(locale, score.total.display) : '–'}
          </div>
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
          {formatEuro(locale, low)} – {formatEuro(locale, high)}
        </div>
        {budgetEur !== null && (
          <p className={`budget-state ${budgetState}`}>
            {t(`result.budget.${budgetState ?? 'within'}`, { budget: formatEuro(locale, budgetEur) })}
          </p>
        )}
      </div>
      {(score.unanswered.length > 0 || score.notApplicable.length > 0) && (
        <p className="muted small">
          {t('result.counts', { unanswered: score.unanswered.length, na: score.notApplicable.length })}
        </p>
      )}
    </aside>
  );
}
