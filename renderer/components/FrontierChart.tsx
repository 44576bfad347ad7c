import type { FrontierView } from '../workers/budget-protocol';
import { formatEuro, formatNumber } from '../i18n';
import { useLocale, useT } from '../state/store';
import { niceTicks } from './ticks';

const W = 640;
const H = 300;
const PAD = { left: 44, right: 24, top: 22, bottom: 48 };
/** Rough width of a character of the 11px axis labels, to keep labels inside the drawing. */
const CHAR_W = 6.6;

/** Where a label of `chars` characters centred on `at` stays inside the chart: its anchor and x. */
function inside(at: number, chars: number): { x: number; anchor: 'start' | 'middle' | 'end' } {
  const half = (chars * CHAR_W) / 2;
  if (at - half < 2) return { x: Math.max(at, 2), anchor: 'start' };
  if (at + half > W - 2) return { x: Math.min(at, W - 2), anchor: 'end' };
  return { x: at, anchor: 'middle' };
}

/** The efficient frontier (extra cost against total) with the current design and the budget marked. */
export function FrontierChart({ frontier, budgetCents }: { frontier: FrontierView; budgetCents: number | null }) {
  const t = useT();
  const locale = useLocale();
  const points = frontier.points;
  const costOf = (halfCents: number) => halfCents / 200;
  const xs = [...points.map((p) => costOf(p.costHalfCents)), costOf(frontier.current.costHalfCents), ...(budgetCents !== null ? [budgetCents / 100] : [])];
  // round euro ticks (1, 2, 2.5, 5 × 10^n) and the axis widened to them
  const xTicks = niceTicks(Math.min(0, ...xs), Math.max(1, ...xs), 6);
  const yTicks = niceTicks(0, 100, 6);
  const x = (eur: number) => PAD.left + ((eur - xTicks.min) / (xTicks.max - xTicks.min)) * (W - PAD.left - PAD.right);
  const y = (score: number) => H - PAD.bottom - (score / 100) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(costOf(p.costHalfCents)).toFixed(1)},${y(p.total.display).toFixed(1)}`).join(' ');
  const current = frontier.current;
  const description = t('budget.chartDescription', {
    count: frontier.count,
    min: formatEuro(locale, costOf(points[0]?.costHalfCents ?? 0)),
    max: formatEuro(locale, costOf(points.at(-1)?.costHalfCents ?? 0)),
    best: formatNumber(locale, points.at(-1)?.total.display ?? 0),
  });
  const budgetLabel = t('budget.budgetMark');
  const currentLabel = t('budget.currentMark');
  const cx = current.total ? x(costOf(current.costHalfCents)) : 0;
  // the current design's label goes left of its dot when it would leave the chart on the right
  const currentLeft = cx + 10 + currentLabel.length * 7.2 > W - 2;

  return (
    <figure className="frontier-figure">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description} className="frontier-chart" data-testid="frontier-chart">
        {yTicks.values.map((s) => (
          <g key={s}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(s)} y2={y(s)} className="grid" />
            <text x={PAD.left - 6} y={y(s) + 4} textAnchor="end" className="axis-label y-tick">
              {formatNumber(locale, s)}
            </text>
          </g>
        ))}
        {xTicks.values.map((v) => {
          const label = formatEuro(locale, v);
          const place = inside(x(v), label.length);
          return (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={H - PAD.bottom} y2={H - PAD.bottom + 4} className="grid" />
              <text x={place.x} y={H - PAD.bottom + 18} textAnchor={place.anchor} className="axis-label x-tick">
                {label}
              </text>
            </g>
          );
        })}
        <text x={(W + PAD.left - PAD.right) / 2} y={H - 8} textAnchor="middle" className="axis-title">
          {t('budget.axisCost')}
        </text>
        {budgetCents !== null && (
          <g>
            <line x1={x(budgetCents / 100)} x2={x(budgetCents / 100)} y1={PAD.top} y2={H - PAD.bottom} className="budget-line" />
            {(() => {
              const place = inside(x(budgetCents / 100), budgetLabel.length * 2);
              return (
                <text x={place.anchor === 'end' ? x(budgetCents / 100) - 4 : x(budgetCents / 100) + 4} y={PAD.top - 6} textAnchor={place.anchor === 'end' ? 'end' : 'start'} className="axis-label">
                  {budgetLabel}
                </text>
              );
            })()}
          </g>
        )}
        <path d={path} className="frontier-line" />
        {points.length <= 400 && points.map((p, i) => <circle key={i} cx={x(costOf(p.costHalfCents))} cy={y(p.total.display)} r={2.5} className="frontier-point" />)}
        {current.total && (
          <g>
            <circle cx={cx} cy={y(current.total.display)} r={7} className="current-point" />
            <text x={currentLeft ? cx - 10 : cx + 10} y={y(current.total.display) + 4} textAnchor={currentLeft ? 'end' : 'start'} className="axis-label strong">
              {currentLabel}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="muted small">{description}</figcaption>
    </figure>
  );
}
