import type { QuickScanDefinition } from '../../forms/schema';
import type { ScanScore } from '../../scoring/score';
import { formatNumber } from '../i18n';
import { useLocale, useT } from '../state/store';
import { niceTicks } from './ticks';

/** The score axis under the bars: round numbers (0, 25, 50, 75, 100). */
const SCALE = niceTicks(0, 100, 5);

export interface ThemeTargets {
  /** The project's ambition per theme (0-100). */
  ambitions?: Readonly<Record<string, number>> | undefined;
  /** What a loaded tender profile requires per theme (0-100; 0 = nothing). */
  required?: Readonly<Record<string, number>> | undefined;
  /** Per theme: answers with evidence, out of answered. */
  evidence?: Readonly<Record<string, { evidenced: number; answered: number }>> | undefined;
}

const score1 = (locale: 'nl' | 'en', value: number) => formatNumber(locale, value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Per theme a bullet chart: the achieved score as a bar, the project's ambition as a
 * triangle-topped marker and a tender's requirement as a solid line; short of either, the bar
 * turns amber. Each row also says it in words (score, ambition, requirement, evidence).
 */
export function ThemeChart({ definition, score, targets = {}, compact = false }: { definition: QuickScanDefinition; score: ScanScore; targets?: ThemeTargets; compact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const themeTitle = (id: string) => definition.themes.find((th) => th.id === id)?.title[locale] ?? id;
  const hasAmbition = Object.values(targets.ambitions ?? {}).some((v) => v > 0);
  const hasRequired = Object.values(targets.required ?? {}).some((v) => v > 0);
  return (
    <div className={`theme-chart${compact ? ' compact' : ''}`}>
      {(hasAmbition || hasRequired) && (
        <p className="theme-chart-legend small" aria-hidden="true">
          <span className="legend-item">
            <span className="legend-swatch bar-swatch" /> {t('ambition.legendScore')}
          </span>
          {hasAmbition && (
            <span className="legend-item">
              <span className="legend-swatch ambition-swatch" /> {t('ambition.legendAmbition')}
            </span>
          )}
          {hasRequired && (
            <span className="legend-item">
              <span className="legend-swatch required-swatch" /> {t('ambition.legendRequired')}
            </span>
          )}
        </p>
      )}
      <ul className="theme-bars" aria-label={t('result.themes')}>
        {score.themes.map((theme) => {
          const ambition = targets.ambitions?.[theme.id] ?? 0;
          const required = targets.required?.[theme.id] ?? 0;
          const has = theme.display;
          // Compared exactly: the requirement and the ambition are whole numbers, the score exact.
          const meets = (need: number) => need <= 0 || (theme.max > 0 && 100 * theme.points >= need * theme.max);
          const isShort = has !== null && (!meets(ambition) || !meets(required));
          const ev = targets.evidence?.[theme.id];
          const words = [
            has === null ? t('result.themeNa') : score1(locale, has),
            ambition > 0 ? t('ambition.ambitionIs', { value: ambition }) : null,
            required > 0 ? t('ambition.requiredIs', { value: required }) : null,
          ].filter(Boolean);
          return (
            <li key={theme.id} className="theme-bar">
              <div className="theme-bar-head">
                <span className="theme-bar-title">
                  {theme.id}. {themeTitle(theme.id)}
                </span>
                <span className="theme-bar-figures">
                  <strong>{words.join(' · ')}</strong>
                  {ev && ev.answered > 0 && (
                    <span className={`evidence-count${ev.evidenced === ev.answered ? ' full' : ''}`} title={t('evidence.countTitle')}>
                      {t('evidence.count', { evidenced: ev.evidenced, answered: ev.answered })}
                    </span>
                  )}
                </span>
              </div>
              <div className="bar bullet" aria-hidden="true">
                <div className={`bar-fill${isShort ? ' short' : ''}`} style={{ width: `${has ?? 0}%` }} />
                {ambition > 0 && <div className="bar-mark ambition-mark" style={{ left: `${ambition}%` }} />}
                {required > 0 && <div className="bar-mark required-mark" style={{ left: `${required}%` }} />}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="theme-scale small" aria-hidden="true">
        {SCALE.values.map((v, i) => (
          <span key={v} className={i === 0 ? 'first' : i === SCALE.values.length - 1 ? 'last' : undefined} style={{ left: `${v}%` }}>
            {formatNumber(locale, v)}
          </span>
        ))}
      </div>
    </div>
  );
}
