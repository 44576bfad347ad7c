/**
 * `quickscan optimize <scan-file> [--budget EUR | --budget-pct N] [--prudent] [--target LABEL]
 * [--top N] [--form <definition.json>]`: the best plan within the budget, the cheapest plan per
 * label, the frontier of cost against total, and the best single upgrades per euro.
 */
import { levelText } from '../../report/names';
import { adviceLocks, briefQuestions } from '../../scoring/advice';
import type { QuickScanDefinition } from '../../forms/schema';
import { circularBudgetCents } from '../../scoring/money';
import { optimize, scoredPoints, type FrontierPoint, type OptimizeResult, type Plan, type Upgrade } from '../../scoring/optimize';
import { scoreScan, type ScanScore } from '../../scoring/score';
import type { CostCents } from '../../scoring/types';
import type { Command, CommandContext } from '../command';
import { CliError, EXIT } from '../errors';
import { formatDecimal, formatEuro, formatEuroDelta, formatEuroExact, formatScaled, formatScore, table } from '../format';
import { ratio } from '../json';
import { parseCount, parseHundredths } from '../numbers';
import { loadScan, withScanInput, type LoadedScan } from '../scan';
import { labelName } from './score';

/** Frontier rows shown in the text output (the JSON has all points). */
const FRONTIER_ROWS = 15;
const DEFAULT_TOP = 10;

interface Budget {
  readonly cents: number;
  readonly source: 'project' | 'option-eur' | 'option-pct';
  /** The percentage (project or --budget-pct), when the budget is one. */
  readonly pct?: number;
}

type BudgetOption = { kind: 'eur'; cents: number } | { kind: 'pct'; pct: number } | undefined;

/** Checks --budget / --budget-pct (before any file is read). */
function parseBudgetOption(ctx: CommandContext): BudgetOption {
  const { s } = ctx;
  const eur = ctx.args.options.budget as string | undefined;
  const pct = ctx.args.options['budget-pct'] as string | undefined;
  if (eur !== undefined && pct !== undefined) throw new CliError(s.budgetBoth);
  if (eur !== undefined) return { kind: 'eur', cents: parseHundredths(eur, '--budget', s) };
  if (pct !== undefined) {
    const hundredths = parseHundredths(pct, '--budget-pct', s);
    if (hundredths > 10000) throw new CliError(s.optionRange('--budget-pct', pct, 0, 100));
    return { kind: 'pct', pct: hundredths / 100 };
  }
  return undefined;
}

function resolveBudget(ctx: CommandContext, loaded: LoadedScan, path: string, option: BudgetOption): Budget {
  const p = loaded.file.project;
  if (option?.kind === 'eur') return { cents: option.cents, source: 'option-eur' };
  if (option?.kind === 'pct') {
    const cents = withScanInput(ctx, path, () => circularBudgetCents({ mode: 'pct', pct: option.pct }, p.constructionBudgetEur));
    return { cents, source: 'option-pct', pct: option.pct };
  }
  const cents = withScanInput(ctx, path, () => circularBudgetCents(p.circularBudget, p.constructionBudgetEur));
  return p.circularBudget.mode === 'pct' ? { cents, source: 'project', pct: p.circularBudget.pct } : { cents, source: 'project' };
}

function resolveTarget(ctx: CommandContext, d: QuickScanDefinition): string | undefined {
  const raw = ctx.args.options.target as string | undefined;
  if (raw === undefined) return undefined;
  const wanted = raw.trim().toLowerCase();
  const found = d.labels.find((l) => l.id.toLowerCase() === wanted || l.name.nl.toLowerCase() === wanted || l.name.en.toLowerCase() === wanted);
  if (!found) throw new CliError(ctx.s.unknownTarget(raw, d.labels.map((l) => l.id)));
  return found.id;
}

/** The cost figure that is optimised: the midpoint, or the high end with --prudent (in cents, as shown). */
function figure(cost: CostCents, prudent: boolean): number {
  return prudent ? cost.highCents : cost.midCents;
}

/** Whether a cost fits the budget, compared exactly in half-cents as the optimiser does. */
function fits(cost: CostCents, prudent: boolean, budgetCents: number): boolean {
  const half = prudent ? 2 * cost.highCents : cost.lowCents + cost.highCents;
  return half <= 2 * budgetCents;
}

function planJson(plan: Plan | null, budgetCents: number, prudent: boolean) {
  if (!plan) return null;
  return {
    total: { display: plan.score.total?.display ?? null, exact: ratio(plan.score.total?.exact) },
    label: plan.score.label.reached,
    cost: plan.cost,
    withinBudget: fits(plan.cost, prudent, budgetCents),
    changes: plan.changes,
    answers: plan.answers,
  };
}

function pointJson(p: FrontierPoint) {
  return { total: p.total ? { display: p.total.display, exact: ratio(p.total.exact) } : null, cost: p.cost, costHalfCents: p.costHalfCents, changes: p.changes };
}

function upgradeJson(u: Upgrade) {
  return {
    question: u.question,
    theme: u.theme,
    from: u.from,
    to: u.to,
    deltaTotal: { display: u.deltaTotal.display, exact: ratio(u.deltaTotal.exact) },
    deltaCost: u.deltaCost,
    total: { display: u.total.display, exact: ratio(u.total.exact) },
    withinBudget: u.withinBudget,
  };
}

/** Evenly spread indices 0..n-1 (first and last included), about `rows`, plus `extra` (if >= 0), sorted. */
export function sampleIndices(n: number, rows: number, extra = -1): number[] {
  if (n <= rows) return Array.from({ length: n }, (_, i) => i);
  const out = new Set<number>();
  for (let k = 0; k < rows; k++) out.add(Math.round((k * (n - 1)) / (rows - 1)));
  if (extra >= 0 && extra < n) out.add(extra);
  return [...out].sort((a, b) => a - b);
}

function levelLabel(d: QuickScanDefinition, question: string, level: string | null, ctx: CommandContext): string {
  if (level === null) return ctx.s.unansweredLevel;
  return levelText(d, question, level, ctx.lang);
}

/** A level's number in its question (0 = conventional), for compact tables; – for none. */
function levelNumber(d: QuickScanDefinition, question: string, level: string | null): string {
  const index = level === null ? -1 : (d.questions.find((q) => q.id === question)?.levels.findIndex((l) => l.id === level) ?? -1);
  return index >= 0 ? String(index) : '–';
}

function changeLines(d: QuickScanDefinition, plan: Plan, ctx: CommandContext, indent: string): string[] {
  if (plan.changes.length === 0) return [`${indent}${ctx.s.noChanges}`];
  return table(
    plan.changes.map((c) => [c.question, `${levelLabel(d, c.question, c.from, ctx)}  →  ${levelLabel(d, c.question, c.to, ctx)}`]),
    [],
    indent,
  );
}

/** The chosen level per question, one line per theme; changed answers marked with `*`. */
function answerLines(d: QuickScanDefinition, plan: Plan, indent: string): string[] {
  const changed = new Set(plan.changes.map((c) => c.question));
  const lines: string[] = [];
  for (const theme of d.themes) {
    const cells = d.questions
      .filter((q) => q.theme === theme.id && q.id in plan.answers)
      .map((q) => {
        // the level's number (0 = conventional), never its internal id
        const index = q.levels.findIndex((l) => l.id === plan.answers[q.id]);
        return `${q.id}=${index >= 0 ? index : '–'}${changed.has(q.id) ? '*' : ''}`;
      });
    if (cells.length > 0) lines.push(`${indent}${theme.id}: ${cells.join('  ')}`);
  }
  return lines;
}

/** Gain in total points (0-100) per €1,000 of extra cost, two decimals; null when free. */
function gainPerThousand(u: Upgrade, prudent: boolean): number | null {
  const cents = figure(u.deltaCost, prudent);
  if (cents <= 0) return null;
  // (num/den * 100) / (cents / 100_000), as hundredths
  const scaled = (u.deltaTotal.exact.num * 100n * 100_000n * 100n) / (u.deltaTotal.exact.den * BigInt(cents));
  return Number(scaled);
}

function text(ctx: CommandContext, loaded: LoadedScan, current: ScanScore, result: OptimizeResult, budget: Budget, prudent: boolean, allowBrief: boolean, target: string | undefined, top: number): void {
  const { s, lang } = ctx;
  const d = loaded.method.definition;
  const { project, scan } = loaded.file;
  const euro = (c: number) => formatEuro(c, lang);
  const cur = result.frontier.current;

  ctx.out(s.scanHeading(project.name, scan.name), s.methodLine(loaded.method));
  ctx.out(prudent ? s.costModeHigh : s.costModeMid);
  const budgetSource =
    budget.source === 'option-eur'
      ? s.budgetFromOption
      : budget.pct !== undefined
        ? s.budgetPctOf(formatDecimal(budget.pct, lang), formatEuroExact(Math.round(project.constructionBudgetEur * 100), lang), budget.source === 'project')
        : s.budgetFromProject;
  ctx.out(`${s.budget}: ${formatEuroExact(budget.cents, lang)} (${budgetSource})`);
  const locked = loaded.file.scan.locked ?? [];
  if (locked.length > 0) ctx.out(s.lockedLine(locked.join(', ')));
  const brief = briefQuestions(d).filter((q) => !locked.includes(q));
  if (brief.length > 0) ctx.out(allowBrief ? s.briefAllowedLine(brief.join(', ')) : s.briefKeptLine(brief.join(', ')));
  ctx.out(s.nowLine(formatScore(cur.total?.display, lang), labelName(d, current.label.reached, ctx), euro(figure(cur.cost, prudent))), '');

  // best within the budget
  const best = result.best?.plan ?? null;
  if (!best) ctx.out(s.bestNone(formatEuroExact(budget.cents, lang)));
  else {
    ctx.out(
      s.bestHeading(
        formatScore(best.score.total?.display, lang),
        labelName(d, best.score.label.reached, ctx),
        euro(figure(best.cost, prudent)),
        euro(best.cost.lowCents),
        euro(best.cost.highCents),
      ),
    );
    ctx.out(`  ${s.changesHeading(best.changes.length)}`, ...changeLines(d, best, ctx, '    '));
    ctx.out(`  ${s.answersHeading}`, ...answerLines(d, best, '    '));
  }
  ctx.out('');

  // cheapest per label
  const perLabel = target === undefined ? result.perLabel : result.perLabel.filter((l) => l.label === target);
  ctx.out(target === undefined ? s.perLabelHeading : s.targetHeading(labelName(d, target, ctx)));
  if (perLabel.length === 0) ctx.out(`  ${s.noLabels}`);
  const rows: string[][] = [[s.colLabel, s.colCost, s.colTotal, s.colChanges, s.colBudget]];
  for (const lp of perLabel) {
    const name = labelName(d, lp.label, ctx);
    if (!lp.plan) rows.push([name, s.unreachable]);
    else {
      const c = figure(lp.plan.cost, prudent);
      rows.push([
        name,
        euro(c),
        formatScore(lp.plan.score.total?.display, lang),
        String(lp.plan.changes.length),
        fits(lp.plan.cost, prudent, budget.cents) ? s.withinBudget : s.overBudgetBy(euro(c - budget.cents)),
      ]);
    }
  }
  if (perLabel.length > 0) ctx.out(...table(rows, [1, 2, 3]));
  if (target !== undefined) {
    const plan = perLabel[0]?.plan;
    if (plan) ctx.out(`  ${s.changesHeading(plan.changes.length)}`, ...changeLines(d, plan, ctx, '    '), `  ${s.answersHeading}`, ...answerLines(d, plan, '    '));
  }
  ctx.out('');

  // frontier
  const points = scoredPoints(result.frontier.points);
  // the best plan within the budget is the last frontier point that fits it
  let bestIndex = -1;
  points.forEach((p, i) => {
    if (p.costHalfCents <= 2 * budget.cents) bestIndex = i;
  });
  const shown = sampleIndices(points.length, FRONTIER_ROWS, bestIndex);
  ctx.out(s.frontierHeading(points.length, shown.length));
  ctx.out(
    ...table(
      shown.map((i) => {
        const p = points[i]!;
        const c = figure(p.cost, prudent);
        const note = i === bestIndex ? s.bestMark : p.costHalfCents <= 2 * budget.cents ? '' : s.overBudgetMark;
        return [euro(c), '→', formatScore(p.total.display, lang), note];
      }),
      [0, 2],
    ),
  );
  ctx.out('');

  // upgrades
  const ups = result.upgrades.slice(0, top);
  ctx.out(s.upgradesHeading(ups.length, result.upgrades.length));
  if (ups.length > 0) {
    ctx.out(
      ...table(
        [
          [s.colQuestion, s.colChange, s.colGain, s.colCost, s.colPerThousand, s.colBudget],
          ...ups.map((u) => {
            const c = figure(u.deltaCost, prudent);
            const per = gainPerThousand(u, prudent);
            return [
              u.question,
              `${levelNumber(d, u.question, u.from)} → ${levelNumber(d, u.question, u.to)}`,
              `+${formatScore(u.deltaTotal.display, lang)}`,
              c === 0 ? s.free : formatEuroDelta(c, lang),
              per === null ? '–' : formatScaled(per, 2, lang),
              u.withinBudget === null ? '' : u.withinBudget ? s.withinBudget : s.overBudget,
            ];
          }),
        ],
        [2, 3, 4],
      ),
    );
  }
}

export const optimizeCommand: Command = {
  path: ['optimize'],
  options: {
    budget: { type: 'string' },
    'budget-pct': { type: 'string' },
    prudent: { type: 'boolean' },
    'allow-brief-changes': { type: 'boolean' },
    target: { type: 'string' },
    top: { type: 'string' },
    form: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  help: (s) => s.help.optimize,
  async run(ctx) {
    const { s } = ctx;
    const path = ctx.args.positionals[0]!;
    const prudent = ctx.args.options.prudent === true;
    const topRaw = ctx.args.options.top as string | undefined;
    const top = topRaw === undefined ? DEFAULT_TOP : parseCount(topRaw, '--top', 0, 10_000, s);
    // the options are checked before any file is read: a typo is reported first
    const budgetOption = parseBudgetOption(ctx);
    const loaded = await loadScan(ctx, path, ctx.args.options.form as string | undefined);
    const d = loaded.method.definition;
    const budget = resolveBudget(ctx, loaded, path, budgetOption);
    const target = resolveTarget(ctx, d);
    const scanLocked = loaded.file.scan.locked ?? [];
    // the app's rule (scoring/advice.ts): brief questions keep their answer unless opted in
    const allowBrief = ctx.args.options['allow-brief-changes'] === true;
    // (a locked id the method does not have stays in, so that the engine refuses it)
    const locked = [...adviceLocks(d, scanLocked, allowBrief), ...scanLocked.filter((q) => !d.questions.some((x) => x.id === q))];
    const current = withScanInput(ctx, path, () => scoreScan(d, loaded.input));
    const result = withScanInput(ctx, path, () => optimize(d, loaded.input, { prudent, locked, budgetCents: budget.cents }));

    if (!ctx.json) {
      text(ctx, loaded, current, result, budget, prudent, allowBrief, target, top);
      return EXIT.ok;
    }
    const perLabel = target === undefined ? result.perLabel : result.perLabel.filter((l) => l.label === target);
    ctx.outJson({
      file: path,
      method: { id: loaded.method.id, version: loaded.method.version, sha256: loaded.method.sha256, source: loaded.method.source, ...(loaded.method.publisher ? { publisher: loaded.method.publisher } : {}) },
      costMode: result.frontier.costMode,
      budget: { cents: budget.cents, source: budget.source, ...(budget.pct !== undefined ? { pct: budget.pct } : {}) },
      locked: scanLocked,
      briefQuestions: briefQuestions(d),
      allowBriefChanges: allowBrief,
      keptAsAnswered: locked,
      current: {
        total: { display: current.total?.display ?? null, exact: ratio(current.total?.exact) },
        label: current.label.reached,
        cost: current.cost,
      },
      best: planJson(result.best?.plan ?? null, budget.cents, prudent),
      perLabel: perLabel.map((l) => ({ label: l.label, plan: planJson(l.plan, budget.cents, prudent) })),
      frontier: { size: result.frontier.points.length, points: result.frontier.points.map(pointJson) },
      upgrades: result.upgrades.slice(0, top).map(upgradeJson),
      upgradesTotal: result.upgrades.length,
    });
    return EXIT.ok;
  },
};
