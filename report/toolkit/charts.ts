/** Charts of the live reports: theme score bars with the total, and the cost/score frontier. */
import type { ReportLocale } from '../../scoring/issued';
import { scoredPoints, type Frontier } from '../../scoring/optimize';
import { formatEuroWhole, formatScore } from '../format';
import { BAR_BG, BAR_THEME, BAR_TOTAL, CLAIM_FG, CONTENT_W, INK, MARGIN_X, MUTED, PAGE_H, PAGE_W, RULE, WHITE, Writer, type RGB } from './writer';

/** A "nice" tick step (1, 2, 2.5 or 5 × 10^k) for a range. */
export function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * mag >= raw) return f * mag;
  return 10 * mag;
}

export interface ScoreBarRow {
  id: string;
  title: string;
  /** Shown score 0-100, or null (no score). */
  display: number | null;
}

/**
 * Theme score bars, one row each (id, title, bar, value), with gridlines at 25/50/75; each value
 * printed as key figure `theme` (key: the theme id). `noScore` is printed in a bar without score.
 */
export function scoreBars(w: Writer, rows: readonly ScoreBarRow[], loc: ReportLocale, noScore: string): { barX: number; barW: number; labelW: number } {
  const doc = w.doc;
  const labelW = 68;
  const barX = MARGIN_X + labelW;
  const barW = 86;
  const valueX = PAGE_W - MARGIN_X;
  const row = 6.6;
  for (const t of rows) {
    w.y += row;
    w.setFont(9, 'bold', INK);
    doc.text(w.t(t.id), MARGIN_X, w.y);
    w.setFont(9, 'normal', INK);
    doc.text(w.fit(t.title, labelW - 9), MARGIN_X + 5.5, w.y);
    w.fill(BAR_BG);
    doc.rect(barX, w.y - 3.3, barW, 4.2, 'F');
    if (t.display !== null) {
      w.fill(BAR_THEME);
      if (t.display > 0) doc.rect(barX, w.y - 3.3, (barW * t.display) / 100, 4.2, 'F');
      w.setFont(9.5, 'bold', INK);
      w.figure('theme', t.id, () => doc.text(formatScore(t.display!, loc), valueX, w.y, { align: 'right' }));
    } else {
      w.setFont(7.5, 'italic', MUTED);
      doc.text(w.t(noScore), barX + 2, w.y - 0.3);
      w.setFont(9.5, 'bold', MUTED);
      w.figure('theme', t.id, () => doc.text('–', valueX, w.y, { align: 'right' }));
    }
  }
  w.draw(WHITE, 0.35);
  const gridTop = w.y - rows.length * row - 3.3 + row;
  for (const q of [25, 50, 75]) doc.line(barX + (barW * q) / 100, gridTop, barX + (barW * q) / 100, w.y + 0.9);
  return { barX, barW, labelW };
}

/** A horizontal bar for a total on 0-100 at the cursor. */
export function totalBar(w: Writer, x: number, width: number, total: number | null): void {
  w.fill(BAR_BG);
  w.doc.rect(x, w.y - 4, width, 5.4, 'F');
  if (total !== null && total > 0) {
    w.fill(BAR_TOTAL);
    w.doc.rect(x, w.y - 4, (width * total) / 100, 5.4, 'F');
  }
}

export interface FrontierStrings {
  axisCost: string;
  axisTotal: string;
  budget: string;
  thisDesign: string;
  best: (total: string, cost: string) => string;
  bestNone: string;
  note: string;
}

/** The efficient frontier of extra cost against total, the budget line, the best plan within it and this design. */
export function frontierChart(w: Writer, frontier: Frontier, budgetCents: number, loc: ReportLocale, s: FrontierStrings, height: number): void {
  const { doc } = w;
  const pts = scoredPoints(frontier.points);
  const current = frontier.current;
  const x0 = MARGIN_X + 16;
  const x1 = PAGE_W - MARGIN_X - 2;
  const yTop = w.y + 4;
  const yBot = yTop + height;

  const costs = pts.map((p) => p.costHalfCents / 2);
  const currentCost = current.costHalfCents / 2;
  let minC = Math.min(0, currentCost, ...costs.slice(0, 1));
  let maxC = Math.max(budgetCents, currentCost, costs.length > 0 ? costs[costs.length - 1]! : 0);
  if (maxC - minC < 100) maxC = minC + 100;
  const step = niceStep((maxC - minC) / 100, 5) * 100;
  minC = Math.floor(minC / step) * step;
  maxC = Math.ceil(maxC / step) * step;
  const X = (cents: number) => x0 + ((cents - minC) / (maxC - minC)) * (x1 - x0);
  const Y = (total: number) => yBot - (total / 100) * (yBot - yTop);

  w.setFont(7, 'normal', MUTED);
  w.draw(RULE, 0.2);
  for (let t = 0; t <= 100; t += 20) {
    doc.line(x0, Y(t), x1, Y(t));
    doc.text(String(t), x0 - 2, Y(t) + 1, { align: 'right' });
  }
  for (let c = minC; c <= maxC + 1e-6; c += step) {
    doc.line(X(c), yTop, X(c), yBot);
    doc.text(formatEuroWhole(c, loc), X(c), yBot + 4, { align: 'center' });
  }
  w.draw(MUTED, 0.3);
  doc.line(x0, yBot, x1, yBot);
  doc.line(x0, yTop, x0, yBot);
  w.setFont(7.5, 'bold', MUTED);
  doc.text(w.t(s.axisCost), x1, yBot + 8.5, { align: 'right' });
  doc.text(w.t(s.axisTotal), x0 - 14, yTop - 2);

  const labelBox = (text: string, x: number, y: number, align: 'left' | 'right', colour: RGB) => {
    const tw = w.width(text);
    const left = align === 'left' ? x : x - tw;
    w.fill(WHITE);
    doc.rect(left - 0.8, y - 2.6, tw + 1.6, 3.4, 'F');
    w.setFont(7, 'bold', colour);
    doc.text(text, left, y);
  };
  const budgetX = budgetCents >= minC && budgetCents <= maxC ? X(budgetCents) : undefined;
  if (budgetX !== undefined) {
    w.draw(CLAIM_FG, 0.35);
    doc.setLineDashPattern([1.2, 1], 0);
    doc.line(budgetX, yTop, budgetX, yBot);
    doc.setLineDashPattern([], 0);
    w.setFont(7, 'bold', CLAIM_FG);
    const text = w.t(`${s.budget} ${formatEuroWhole(budgetCents, loc)}`);
    const right = budgetX + 1.5 + w.width(text) > x1;
    labelBox(text, right ? budgetX - 1.5 : budgetX + 1.5, yBot - 2.5, right ? 'right' : 'left', CLAIM_FG);
  }

  if (pts.length > 0) {
    const k = 72 / 25.4;
    const P = (x: number, y: number) => `${(x * k).toFixed(2)} ${((PAGE_H - y) * k).toFixed(2)}`;
    const ops: string[] = [];
    pts.forEach((p, i) => {
      const x = X(p.costHalfCents / 2);
      const y = Y(p.total.display);
      if (i === 0) ops.push(`${P(x, y)} m`);
      else ops.push(`${P(x, Y(pts[i - 1]!.total.display))} l`, `${P(x, y)} l`);
    });
    ops.push(`${P(X(costs[costs.length - 1]!), Y(pts[pts.length - 1]!.total.display))} l`);
    w.draw(BAR_THEME, 0.6);
    w.raw(ops.join('\n'));
    w.raw('S');
  }

  let best: (typeof pts)[number] | undefined;
  for (const p of pts) if (p.costHalfCents <= 2 * budgetCents) best = p;
  if (best) {
    w.draw(BAR_TOTAL, 0.5);
    w.fill(WHITE);
    doc.circle(X(best.costHalfCents / 2), Y(best.total.display), 1.3, 'FD');
  }

  if (current.total) {
    const cx = X(currentCost);
    const cy = Y(current.total.display);
    w.fill(CLAIM_FG);
    doc.circle(cx, cy, 1.5, 'F');
    w.setFont(7, 'bold', INK);
    const label = w.t(`${s.thisDesign} (${formatScore(current.total.display, loc)}; ${formatEuroWhole(current.cost.midCents, loc)})`);
    const tw = w.width(label);
    const fitsRight = cx + 2.5 + tw <= x1;
    const fitsLeft = cx - 2.5 - tw >= x0;
    const crossesRight = budgetX !== undefined && budgetX > cx && budgetX < cx + 2.5 + tw;
    const crossesLeft = budgetX !== undefined && budgetX < cx && budgetX > cx - 2.5 - tw;
    const right = fitsRight && (!crossesRight || !fitsLeft || crossesLeft);
    const ly = cy + (cy > yBot - 8 ? -2.8 : 4);
    labelBox(label, right ? cx + 2.5 : cx - 2.5, ly, right ? 'left' : 'right', INK);
  }

  w.y = yBot + 11;
  w.setFont(8.5, 'normal', INK);
  if (best) w.paragraph(s.best(formatScore(best.total.display, loc), formatEuroWhole(best.cost.midCents, loc)), MARGIN_X, CONTENT_W, 8.5);
  else w.paragraph(s.bestNone, MARGIN_X, CONTENT_W, 8.5);
  w.setFont(7.5, 'normal', MUTED);
  w.paragraph(s.note, MARGIN_X, CONTENT_W, 7.5);
}
