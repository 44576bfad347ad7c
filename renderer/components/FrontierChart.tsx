import type { Frontier } from '../../scoring/optimize';
import { formatEuro, formatNumber } from '../i18n';
import { useLocale, useT } from '../state/store';

const W = 640;
const H = 300;
const PAD = { left: 56, right: 16, top: 16, bottom: 44 };

/** The efficient frontier (extra cost against total) with the current design and the budget marked. */
export function FrontierChart({ frontier, budgetCents }: { frontier: Frontier; budgetCents: number | null }) {
  const t = useT();
  const locale = useLocale();
  const points = frontier.points;
  const costOf = (halfCents: number) => halfCents / 200;
  const xs = [...points.map((p) => costOf(p.costHalfCents)), costOf(frontier.current.costHalfCents), ...(budgetCents !== null ? [budgetCents / 100] : [])];
  const minX = Math.min(0, ...xs);
  const maxX = Math.max(1, ...xs);
  const x = (eur: number) => PAD.left + ((eur - minX) / (maxX - minX)) * (W - PAD.left - PAD.right);
  const y = (score: number) => H - PAD.bottom - (score / 100) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(costOf(p.costHalfCents)).toFixed(1)},${y(p.total.display).toFixed(1)}`).join(' ');
  const current = frontier.current;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => minX + f * (maxX - minX));
  const description = t('budget.chartDescription', {
    count: points.length,
    min: formatEuro(locale, costOf(points[0]?.costHalfCents ?? 0)),
    max: formatEuro(locale, costOf(points.at(-1)?.costHalfCents ?? 0)),
    best: formatNumber(locale, points.at(-1)?.total.display ?? 0),
  });

  return (
    <figure className="frontier-figure">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description} className="frontier-chart">
        {[0, 25, 50, 75, 100].map((s) => (
          <g key={s}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(s)} y2={y(s)} className="grid" />
            <text x={PAD.left - 8} y={y(s) + 4} textAnchor="end" className="axis-label">
              {s}
            </text>
          </g>
        ))}
        {ticks.map((v, i) => (
          <text key={i} x={x(v)} y={H - PAD.bottom + 18} textAnchor="middle" className="axis-label">
            {formatEuro(locale, Math.round(v / 1000) * 1000)}
          </text>
        ))}
        <text x={(W + PAD.left) / 2} y={H - 6} textAnchor="middle" className="axis-title">
          {t('budget.axisCost')}
        </text>
        {budgetCents !== null && (
          <g>
            <line x1={x(budgetCents / 100)} x2={x(budgetCents / 100)} y1={PAD.top} y2={H - PAD.bottom} className="budget-line" />
            <text x={x(budgetCents / 100) + 4} y={PAD.top + 12} className="axis-label">
              {t('budget.budgetMark')}
            </text>
          </g>
        )}
        <path d={path} className="frontier-line" />
        {points.map((p, i) => (
          <circle key={i} cx={x(costOf(p.costHalfCents))} cy={y(p.total.display)} r={2.5} className="frontier-point" />
        ))}
        {current.total && (
          <g>
            <circle cx={x(costOf(current.costHalfCents))} cy={y(current.total.display)} r={7} className="current-point" />
            <text x={x(costOf(current.costHalfCents)) + 10} y={y(current.total.display) + 4} className="axis-label strong">
              {t('budget.currentMark')}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="muted small">{description}</figcaption>
    </figure>
  );
}
