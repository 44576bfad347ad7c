/**
 * Budget advice a professional can act on, built on the exact optimiser (optimize.ts):
 *
 * - Brief questions: a better answer to some questions changes the brief or programme (less
 *   floor area, sharing space, keeping instead of building). The advice keeps those answers as
 *   they are unless the user opts in (`adviceLocks`). The method marks them (question field
 *   `changesBrief`, since 1.1.0). Method 1.0.0 was released before that field existed and never
 *   changes (its hash is pinned), so its brief questions are listed here instead
 *   (`BRIEF_QUESTIONS_OF_UNMARKED_RELEASES`); a method that has the field is read from the file.
 * - Plan changes grouped by theme, each with its cost (the change in the low and the high
 *   estimate, shown low to high) and a subtotal per theme; downgrades are marked.
 * - The budget verdict (`budgetVerdict`): the one rule the screen and the PDF both state.
 * - The chance that a plan stays within budget (`chanceWithinBudget`): every level's extra cost
 *   is taken as uniformly distributed over its range (low..high, after the project's cost
 *   overrides), independently of the others; the chance is estimated by a seeded simulation of
 *   20,000 draws, so the same plan always gets the same figure. When even the high estimate fits
 *   the chance is exactly 1, when not even the low estimate fits exactly 0.
 *
 * Pure: no texts, only codes and numbers.
 */
import { costCents } from './money';
import { costTable, gfaHundredths, NA_ANSWERED, NA_KIND, prepare, resolveAnswers, resolveOverrides } from './prepare';
import type { Plan } from './optimize';
import type { ScanInput } from './score';
import type { CostCents, ScoringDefinition } from './types';

/* Brief questions -------------------------------------------------------------------------- */

/** The part of a method the brief rule reads. */
export interface BriefMarkedDefinition {
  readonly id: string;
  readonly version: string;
  readonly questions: readonly { readonly id: string; readonly changesBrief?: boolean | undefined }[];
}

/**
 * Released methods from before the `changesBrief` field: their brief questions, by id@version.
 * zeeland-quickscan 1.0.0: A2 (keep the existing structure instead of building new) and A3 (less
 * floor area, shared space).
 */
export const BRIEF_QUESTIONS_OF_UNMARKED_RELEASES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'zeeland-quickscan@1.0.0': Object.freeze(['A2', 'A3']),
});

/** Ids of the questions whose better answers change the brief or programme, in definition order. */
export function briefQuestions(def: BriefMarkedDefinition): string[] {
  const listed = BRIEF_QUESTIONS_OF_UNMARKED_RELEASES[`${def.id}@${def.version}`];
  if (listed) return def.questions.filter((q) => listed.includes(q.id)).map((q) => q.id);
  return def.questions.filter((q) => q.changesBrief === true).map((q) => q.id);
}

/** The questions the advice keeps as answered: the user's locks and, unless opted in, the brief questions. */
export function adviceLocks(def: BriefMarkedDefinition, userLocked: readonly string[], allowBriefChanges: boolean): string[] {
  const brief = allowBriefChanges ? [] : briefQuestions(def);
  return def.questions.filter((q) => userLocked.includes(q.id) || brief.includes(q.id)).map((q) => q.id);
}

/* Plan changes by theme -------------------------------------------------------------------- */

export interface AdviceChange {
  readonly question: string;
  readonly theme: string;
  /** Current level id, or null when unanswered. */
  readonly from: string | null;
  readonly to: string | null;
  /** `up`: a better level; `down`: a lower level (a downgrade); `answer`: an unanswered question answered. */
  readonly direction: 'up' | 'down' | 'answer';
  /** The change in the extra cost: lowCents <= highCents; midCents is the change in the middle estimate. */
  readonly cost: CostCents;
}

export interface AdviceThemeGroup {
  readonly theme: string;
  readonly changes: readonly AdviceChange[];
  /** Sum of the theme's changes (lowCents <= highCents). */
  readonly subtotal: CostCents;
}

/** Low to high, whichever way the two estimates moved; mid from the exact half-cents. */
function orderedDelta(dLow: number, dHigh: number): CostCents {
  return costCents(Math.min(dLow, dHigh), Math.max(dLow, dHigh));
}

/**
 * The changes of a plan against the scan's current answers, grouped by theme (definition order),
 * each with its cost and a subtotal per theme. Only themes with changes are listed.
 */
export function groupPlanChanges(def: ScoringDefinition, input: ScanInput, plan: Pick<Plan, 'changes'>): AdviceThemeGroup[] {
  const prep = prepare(def);
  const costs = costTable(prep, gfaHundredths(input.project.gfaM2), resolveOverrides(prep, input.costOverrides));
  const byTheme = new Map<number, { changes: AdviceChange[]; low: number; high: number }>();
  for (const c of plan.changes) {
    const qi = prep.questionIndex.get(c.question);
    if (qi === undefined) continue;
    const q = prep.questions[qi]!;
    const fi = c.from === null ? -1 : q.levelIndex.get(c.from) ?? -1;
    const ti = c.to === null ? -1 : q.levelIndex.get(c.to) ?? -1;
    const dLow = (ti >= 0 ? costs.low[qi]![ti]! : 0) - (fi >= 0 ? costs.low[qi]![fi]! : 0);
    const dHigh = (ti >= 0 ? costs.high[qi]![ti]! : 0) - (fi >= 0 ? costs.high[qi]![fi]! : 0);
    const direction = fi < 0 ? 'answer' : ti < fi ? 'down' : 'up';
    const group = byTheme.get(q.theme) ?? { changes: [], low: 0, high: 0 };
    group.changes.push({ question: c.question, theme: prep.themes[q.theme]!.id, from: c.from, to: c.to, direction, cost: orderedDelta(dLow, dHigh) });
    group.low += dLow;
    group.high += dHigh;
    byTheme.set(q.theme, group);
  }
  return [...byTheme.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([ti, g]) => ({ theme: prep.themes[ti]!.id, changes: g.changes, subtotal: orderedDelta(g.low, g.high) }));
}

/**
 * The answers after applying only some changes of a plan: the scan's answers with the chosen
 * questions set to the plan's level (notes kept). A change to "unanswered" clears the level.
 */
export function applyChanges<A extends { level?: string; notApplicable?: true; note?: string }>(
  answers: Readonly<Record<string, A>>,
  changes: readonly Pick<AdviceChange, 'question' | 'to'>[],
  chosen: ReadonlySet<string>,
): Record<string, { level: string; note?: string } | A> {
  const out: Record<string, { level: string; note?: string } | A> = { ...answers };
  for (const c of changes) {
    if (!chosen.has(c.question) || c.to === null) continue;
    const note = answers[c.question]?.note;
    out[c.question] = note ? { level: c.to, note } : { level: c.to };
  }
  return out;
}

/* The budget verdict ----------------------------------------------------------------------- */

/**
 * `within`: even the high estimate fits; `mid`: the middle estimate fits, the high one not;
 * `low`: only the low estimate fits; `over`: not even the low estimate fits. (The PDF's layout 1
 * states the same four cases.)
 */
export type BudgetVerdictCode = 'within' | 'mid' | 'low' | 'over';

export interface BudgetVerdict {
  readonly code: BudgetVerdictCode;
  readonly budgetCents: number;
  readonly cost: CostCents;
}

export function budgetVerdict(cost: CostCents, budgetCents: number): BudgetVerdict {
  const code: BudgetVerdictCode =
    cost.highCents <= budgetCents ? 'within' : cost.midCents <= budgetCents ? 'mid' : cost.lowCents <= budgetCents ? 'low' : 'over';
  return { code, budgetCents, cost };
}

/* The chance of staying within budget ------------------------------------------------------ */

export const CHANCE_DRAWS = 20_000;
const CHANCE_SEED = 0x51c0_2026;

export interface BudgetChance {
  /** Draws whose total extra cost stayed within the budget, out of `draws`. */
  readonly within: number;
  readonly draws: number;
  /** True when the answer needs no simulation (all of the range fits, or none of it). */
  readonly exact: boolean;
}

/** mulberry32: a small, well-known 32-bit generator; deterministic for a seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The chance that the answers (a plan's, or the scan's own) stay within the budget when every
 * chosen level's extra cost lies anywhere in its range, uniformly and independently. Questions
 * that do not apply or are unanswered in `answers` cost nothing.
 */
export function chanceWithinBudget(
  def: ScoringDefinition,
  input: ScanInput,
  answers: Readonly<Record<string, string | null>>,
  budgetCents: number,
  draws: number = CHANCE_DRAWS,
): BudgetChance {
  const prep = prepare(def);
  const costs = costTable(prep, gfaHundredths(input.project.gfaM2), resolveOverrides(prep, input.costOverrides));
  const { states } = resolveAnswers(prep, input.project.kind, input.answers);
  const lows: number[] = [];
  const spans: number[] = [];
  let sumLow = 0;
  let sumHigh = 0;
  prep.questions.forEach((q, qi) => {
    if (states[qi] === NA_KIND || states[qi] === NA_ANSWERED) return;
    const level = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : states[qi]! >= 0 ? q.levelIds[states[qi]!] : null;
    const li = level == null ? undefined : q.levelIndex.get(level);
    if (li === undefined) return;
    const low = costs.low[qi]![li]!;
    const high = costs.high[qi]![li]!;
    sumLow += low;
    sumHigh += high;
    if (high > low) {
      lows.push(low);
      spans.push(high - low);
    }
  });
  if (sumHigh <= budgetCents) return { within: draws, draws, exact: true };
  if (sumLow > budgetCents) return { within: 0, draws, exact: true };
  const random = mulberry32(CHANCE_SEED);
  const fixed = sumLow - lows.reduce((a, b) => a + b, 0);
  let within = 0;
  for (let d = 0; d < draws; d++) {
    let total = fixed;
    for (let i = 0; i < lows.length; i++) total += lows[i]! + spans[i]! * random();
    if (total <= budgetCents) within++;
  }
  return { within, draws, exact: false };
}
