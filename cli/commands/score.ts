/** `quickscan score <scan-file> [--form <definition.json>]`: the scores of a scan file. */
import type { QuickScanDefinition } from '../../forms/schema';
import { circularBudgetCents } from '../../scoring/money';
import { scoreScan, type ScanScore } from '../../scoring/score';
import type { Command, CommandContext } from '../command';
import { EXIT } from '../errors';
import { formatDecimal, formatEuro, formatEuroExact, formatScore, table } from '../format';
import { ratio } from '../json';
import { loadScan, withScanInput, type LoadedScan } from '../scan';

export function labelName(definition: QuickScanDefinition, id: string | null, ctx: Pick<CommandContext, 'lang' | 's'>): string {
  if (id === null) return ctx.s.noLabel;
  return definition.labels.find((l) => l.id === id)?.name[ctx.lang] ?? id;
}

export function themeTitle(definition: QuickScanDefinition, id: string, ctx: Pick<CommandContext, 'lang'>): string {
  return definition.themes.find((t) => t.id === id)?.title[ctx.lang] ?? id;
}

/** The circular budget of the scan file's project in cents. */
export function projectBudgetCents(ctx: CommandContext, loaded: LoadedScan, path: string): number {
  const p = loaded.file.project;
  return withScanInput(ctx, path, () => circularBudgetCents(p.circularBudget, p.constructionBudgetEur));
}

/** What --json prints for a score (also used by tests to compare with scoreScan). */
export function scoreJson(loaded: LoadedScan, score: ScanScore, budgetCents: number, path: string) {
  const d = loaded.method.definition;
  const { file } = loaded;
  const nameOf = (id: string | null) => (id === null ? null : (d.labels.find((l) => l.id === id)?.name ?? null));
  return {
    file: path,
    project: {
      name: file.project.name,
      kind: file.project.kind,
      gfaM2: file.project.gfaM2,
      constructionBudgetEur: file.project.constructionBudgetEur,
      circularBudget: file.project.circularBudget,
    },
    scan: { id: file.scan.id, name: file.scan.name },
    method: { id: loaded.method.id, version: loaded.method.version, sha256: loaded.method.sha256, source: loaded.method.source, ...(loaded.method.publisher ? { publisher: loaded.method.publisher } : {}) },
    themes: score.themes.map((t) => ({
      id: t.id,
      title: d.themes.find((x) => x.id === t.id)?.title ?? null,
      weight: t.weight,
      display: t.display,
      exact: ratio(t.exact),
      points: t.points,
      max: t.max,
      applicable: t.applicable,
      answered: t.answered,
      unanswered: t.unanswered,
      notApplicable: t.notApplicable,
    })),
    total: { display: score.total?.display ?? null, exact: ratio(score.total?.exact) },
    label: {
      reached: score.label.reached,
      reachedName: nameOf(score.label.reached),
      next: score.label.next
        ? {
            id: score.label.next.id,
            name: nameOf(score.label.next.id),
            missingTotal: score.label.next.missingTotal,
            missingTotalExact: ratio(score.label.next.missingTotalExact),
            themesBelow: score.label.next.themesBelow,
          }
        : null,
    },
    unanswered: score.unanswered.length,
    notApplicable: score.notApplicable.length,
    unansweredQuestions: score.unanswered,
    notApplicableQuestions: score.notApplicable,
    ignoredAnswers: score.ignoredAnswers,
    cost: score.cost,
    budgetCents,
  };
}

/** The next label and what it needs, e.g. "Silver: 8.8 more on the total; themes below their minimum: F 18.7 (needs 20)". */
export function nextLabelText(ctx: CommandContext, d: QuickScanDefinition, score: ScanScore): string {
  const { s, lang } = ctx;
  const next = score.label.next;
  if (!next) return d.labels.length === 0 ? s.noLabels : s.topLabelReached;
  const parts: string[] = [];
  if (next.missingTotal > 0) parts.push(s.missingOnTotal(formatScore(next.missingTotal, lang)));
  if (next.themesBelow.length > 0) {
    parts.push(s.themesBelow(next.themesBelow.map((t) => s.themeBelow(t.theme, formatScore(t.has, lang), String(t.needed))).join(', ')));
  }
  return parts.length > 0 ? `${labelName(d, next.id, ctx)}: ${parts.join('; ')}` : labelName(d, next.id, ctx);
}

export const score: Command = {
  path: ['score'],
  options: { form: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  help: (s) => s.help.score,
  async run(ctx) {
    const { s, lang } = ctx;
    const path = ctx.args.positionals[0]!;
    const form = ctx.args.options.form as string | undefined;
    const loaded = await loadScan(ctx, path, form);
    const result = withScanInput(ctx, path, () => scoreScan(loaded.method.definition, loaded.input));
    const budgetCents = projectBudgetCents(ctx, loaded, path);
    if (ctx.json) {
      ctx.outJson(scoreJson(loaded, result, budgetCents, path));
      return EXIT.ok;
    }
    const d = loaded.method.definition;
    const { project, scan } = loaded.file;
    ctx.out(s.scanHeading(project.name, scan.name), s.methodLine(loaded.method), '');
    ctx.out(
      ...table(
        [
          ['', s.colTheme, s.colScore, s.colPoints],
          ...result.themes.map((t) => [
            t.id,
            themeTitle(d, t.id, ctx),
            formatScore(t.display, lang),
            t.max > 0 ? `${t.points}/${t.max}` : s.themeNotApplicable,
          ]),
        ],
        [2],
      ),
      '',
    );
    const cost = result.cost;
    const budget = project.circularBudget;
    const budgetText =
      budget.mode === 'pct'
        ? s.budgetPct(formatEuroExact(budgetCents, lang), formatDecimal(budget.pct, lang), formatEuroExact(Math.round(project.constructionBudgetEur * 100), lang))
        : formatEuroExact(budgetCents, lang);
    const rows: [string, string][] = [
      [s.total, formatScore(result.total?.display, lang)],
      [s.label, labelName(d, result.label.reached, ctx)],
      [s.nextLabel, nextLabelText(ctx, d, result)],
      [s.unanswered, String(result.unanswered.length)],
      [s.notApplicable, String(result.notApplicable.length)],
      [s.extraCost, s.costRange(formatEuro(cost.lowCents, lang), formatEuro(cost.highCents, lang), formatEuro(cost.midCents, lang), formatDecimal(project.gfaM2, lang))],
      [s.circularBudget, `${budgetText}; ${cost.lowCents + cost.highCents <= 2 * budgetCents ? s.midWithinBudget : s.midOverBudget(formatEuro(cost.midCents - budgetCents, lang))}`],
    ];
    ctx.out(...table(rows, [], ''));
    if (result.ignoredAnswers.length > 0) ctx.out('', s.ignoredAnswers(result.ignoredAnswers.join(', ')));
    return EXIT.ok;
  },
};
