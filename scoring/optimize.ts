/**
 * Within budget (brief section 5): the efficient frontier of extra cost against total score,
 * the highest total within a budget, the cheapest plan per label level and the best single
 * upgrades. Exact multiple-choice knapsack (see pareto.ts), never greedy.
 *
 * Rules
 * - Not-applicable questions (by project kind or answered so) are facts: never changed.
 * - Locked questions keep their current answer (an unanswered locked question stays unanswered).
 * - Every other applicable question may take any of its levels; a plan answers all of them.
 * - The cost of a plan is the sum of its levels' cost figures: the midpoint of (low, high), or
 *   `high` in prudent mode, after the project's cost overrides, in cents per level (GFA applied
 *   and rounded once per level, half away from zero). Budgets compare exactly (half-cents).
 *
 * Tie-breaks (documented, deterministic, independent of object key order):
 * 1. bestWithinBudget: higher total, then lower cost, then fewer changes from the current
 *    answers, then the canonical order below.
 * 2. frontier point for a total / cheapestPerLabel: lower cost, then (cheapestPerLabel) higher
 *    total, then fewer changes, then the canonical order below.
 * 3. Canonical order: the plan with more points on the earlier theme (definition order of the
 *    themes: most points on the first theme, then on the second, ...); within a theme, the
 *    higher level index on the earlier question (in definition order).
 */
import { ScanInputError } from './errors';
import { circularBudgetCents, costCents } from './money';
import {
  costTable,
  gfaHundredths,
  NA_ANSWERED,
  NA_KIND,
  prepare,
  resolveAnswers,
  resolveOverrides,
  UNANSWERED,
  type CostTable,
  type Prepared,
} from './prepare';
import {
  mergeBig,
  mergeNum,
  themeListBig,
  themeListNum,
  themeTables,
  type BigList,
  type NumList,
  type ThemeOption,
  type ThemeTables,
} from './pareto';
import { displayTruncated, gcdBig, gcdNum, lcmNum, rational } from './rational';
import { scoreStates, type ScanInput, type ScanScore } from './score';
import type { CostCents, Rational, ScoreValue, ScoringDefinition } from './types';

export interface OptimizeOptions {
  /** Use the high end of every cost range instead of the midpoint, so that the budget holds. */
  readonly prudent?: boolean | undefined;
  /** Question ids that keep their current answer. */
  readonly locked?: readonly string[] | undefined;
  /** The budget in cents; overrides the project's circular budget. */
  readonly budgetCents?: number | undefined;
  /** Score arithmetic: 'auto' (numbers when exact, else bigints) or 'bigint' (for tests). */
  readonly arithmetic?: 'auto' | 'bigint' | undefined;
}

export type CostMode = 'mid' | 'high';

export interface PlanChange {
  readonly question: string;
  /** Current level id, or null when unanswered. */
  readonly from: string | null;
  readonly to: string | null;
}

export interface Plan {
  /** Level id per applicable question (null: unanswered and locked), in definition order. */
  readonly answers: Readonly<Record<string, string | null>>;
  /** The plan scored as scoreScan scores it (notes and evidence aside). */
  readonly score: ScanScore;
  /** Estimated extra cost of the plan; the same as `score.cost`. */
  readonly cost: CostCents;
  /** Questions whose level differs from the current answers, in definition order. */
  readonly changes: readonly PlanChange[];
}

/** A frontier point that carries a total (every point, unless no theme has an applicable question). */
export type ScoredFrontierPoint = FrontierPoint & { readonly total: ScoreValue };

/** The points of a frontier that carry a total: all of them, or none when nothing can be scored. */
export function scoredPoints(points: readonly FrontierPoint[]): ScoredFrontierPoint[] {
  return points.filter((p): p is ScoredFrontierPoint => p.total !== null);
}

export interface FrontierPoint {
  /** The total this plan reaches; null when no theme has an applicable question (like the score's total). */
  readonly total: ScoreValue | null;
  readonly cost: CostCents;
  /** The cost figure that was optimised (mid or high), in half-cents: strictly increasing. */
  readonly costHalfCents: number;
  /** Number of questions whose level differs from the current answers. */
  readonly changes: number;
  /**
   * The plan, compactly: per theme (definition order), an index into `Frontier.themePlans` of
   * that theme. `frontierAnswers(frontier, point)` gives its answers; `toPlan` the full plan.
   */
  readonly plan: readonly number[];
}

export interface CurrentPoint {
  readonly total: ScoreValue | null;
  readonly cost: CostCents;
  readonly costHalfCents: number;
}

export interface Frontier {
  readonly costMode: CostMode;
  readonly current: CurrentPoint;
  /** Theme ids in definition order. */
  readonly themes: readonly string[];
  /**
   * Per theme (definition order), the theme plans that frontier points use: level id per
   * applicable question of the theme (null: unanswered and locked). Shared, frozen.
   */
  readonly themePlans: readonly (readonly Readonly<Record<string, string | null>>[])[];
  /** For every total that some plan reaches more cheaply than any higher total: the minimum cost. */
  readonly points: readonly FrontierPoint[];
}

export interface BudgetResult {
  readonly costMode: CostMode;
  readonly budgetCents: number;
  /** Null when no plan fits the budget (locked or unavoidable costs exceed it). */
  readonly plan: Plan | null;
}

export interface LabelPlan {
  readonly label: string;
  /** The cheapest plan that reaches the label; null when impossible. */
  readonly plan: Plan | null;
}

export interface Upgrade {
  readonly question: string;
  readonly theme: string;
  readonly from: string | null;
  readonly to: string;
  /** Gain in total (0..1 exact; display on 0-100 truncated to one decimal). */
  readonly deltaTotal: ScoreValue;
  readonly deltaCost: CostCents;
  /** The total after this upgrade alone. */
  readonly total: ScoreValue;
  /** Whether the current cost plus this upgrade stays within the budget (null: no budget known). */
  readonly withinBudget: boolean | null;
}

export interface OptimizeResult {
  readonly frontier: Frontier;
  readonly best: BudgetResult | null;
  readonly perLabel: readonly LabelPlan[];
  readonly upgrades: readonly Upgrade[];
}

/* ------------------------------------------------------------------------------------------ */

const EMPTY: Readonly<Record<string, string | null>> = Object.freeze({});

interface Problem {
  readonly prep: Prepared;
  readonly input: ScanInput;
  readonly states: Int32Array;
  readonly ignored: readonly string[];
  readonly costs: CostTable;
  readonly mode: CostMode;
  /** Applicable questions in definition order (indices). */
  readonly free: readonly number[];
  readonly lockedSet: ReadonlySet<number>;
  /** Key cost multiplier: cost' = halfCents * K + changes. */
  readonly K: number;
  /** Per theme: tables, or null when the theme has no applicable question. */
  readonly tables: readonly (ThemeTables | null)[];
  /** Score coefficients k_t (0 for themes without a score) and the denominator W * L. */
  readonly coef: readonly bigint[];
  readonly den: bigint;
  /** den as a number when scores are numbers. */
  readonly denNum: number | null;
  readonly big: boolean;
  /** Whether any theme has a score (else totals are meaningless and labels unreachable). */
  readonly scored: boolean;
  readonly budgetCents: number | null;
  readonly current: CurrentPoint;
  /** Per theme plan: its answers object, shared by the frontier points. */
  readonly answerCache: Map<readonly ThemeOption[], Readonly<Record<string, string | null>>>;
}

function halfCents(costs: CostTable, mode: CostMode, q: number, l: number): number {
  return mode === 'high' ? 2 * costs.high[q]![l]! : costs.low[q]![l]! + costs.high[q]![l]!;
}

function buildProblem(def: ScoringDefinition, input: ScanInput, options: OptimizeOptions): Problem {
  const prep = prepare(def);
  const gfaH = gfaHundredths(input.project.gfaM2);
  const { states, ignored } = resolveAnswers(prep, input.project.kind, input.answers);
  const overrides = resolveOverrides(prep, input.costOverrides);
  const costs = costTable(prep, gfaH, overrides);
  const mode: CostMode = options.prudent ? 'high' : 'mid';
  const lockedSet = new Set<number>();
  for (const id of options.locked ?? []) {
    const qi = prep.questionIndex.get(id);
    if (qi === undefined) {
      throw new ScanInputError('unknown-locked-question', { question: id });
    }
    lockedSet.add(qi);
  }
  const free: number[] = [];
  for (let i = 0; i < states.length; i++) if (states[i] !== NA_KIND && states[i] !== NA_ANSWERED) free.push(i);
  const K = free.length + 1;

  // current point
  let curLow = 0;
  let curHigh = 0;
  let curHalf = 0;
  for (const qi of free) {
    const s = states[qi]!;
    if (s >= 0) {
      curLow += costs.low[qi]![s]!;
      curHigh += costs.high[qi]![s]!;
      curHalf += halfCents(costs, mode, qi, s);
    }
  }

  // options per question, grouped by theme
  const themeOpts: ThemeOption[][][] = prep.themes.map(() => []);
  const themeMax: number[] = prep.themes.map(() => 0);
  let keyBound = 0;
  for (const qi of free) {
    const q = prep.questions[qi]!;
    const cur = states[qi]!;
    const opts: ThemeOption[] = [];
    if (lockedSet.has(qi)) {
      if (cur >= 0) opts.push({ level: cur, points: q.levelPoints[cur]!, key: halfCents(costs, mode, qi, cur) * K, low: costs.low[qi]![cur]! });
      else opts.push({ level: UNANSWERED, points: 0, key: 0, low: 0 });
    } else {
      for (let l = 0; l < q.levels.length; l++) {
        opts.push({ level: l, points: q.levelPoints[l]!, key: halfCents(costs, mode, qi, l) * K + (l === cur ? 0 : 1), low: costs.low[qi]![l]! });
      }
    }
    let worst = 0;
    for (const o of opts) worst = Math.max(worst, Math.abs(o.key));
    keyBound += worst;
    themeOpts[q.theme]!.push(opts);
    themeMax[q.theme]! += q.maxPoints;
  }
  if (!Number.isSafeInteger(keyBound) || !Number.isSafeInteger(Math.abs(curHalf) * K)) {
    throw new ScanInputError('out-of-range');
  }
  const tables = prep.themes.map((t) => (themeOpts[t.index]!.length > 0 ? themeTables(themeOpts[t.index]!, themeMax[t.index]!) : null));

  let weights = 0;
  let lcm = 1;
  let big = options.arithmetic === 'bigint';
  for (const t of prep.themes) {
    const m = themeMax[t.index]!;
    if (m > 0) {
      weights += t.weight;
      lcm = lcmNum(lcm, m);
      if (!Number.isSafeInteger(lcm) || !Number.isSafeInteger(lcm * weights)) big = true;
    }
  }
  let coef: bigint[];
  let den: bigint;
  if (!big) {
    coef = prep.themes.map((t) => (themeMax[t.index]! > 0 ? BigInt((t.weight * lcm) / themeMax[t.index]!) : 0n));
    den = BigInt(lcm * Math.max(weights, 1));
  } else {
    let L = 1n;
    for (const t of prep.themes) {
      const m = BigInt(themeMax[t.index]!);
      if (m > 0n) L = (L / gcdBig(L, m)) * m;
    }
    coef = prep.themes.map((t) => (themeMax[t.index]! > 0 ? (BigInt(t.weight) * L) / BigInt(themeMax[t.index]!) : 0n));
    den = L * BigInt(Math.max(weights, 1));
  }

  let budgetCents: number | null = null;
  if (options.budgetCents !== undefined) {
    if (!Number.isSafeInteger(options.budgetCents)) {
      throw new ScanInputError('invalid-budget', { field: 'budget-cents', value: String(options.budgetCents) });
    }
    budgetCents = options.budgetCents;
  } else if (input.project.circularBudget) {
    budgetCents = circularBudgetCents(input.project.circularBudget, input.project.constructionBudgetEur ?? 0);
  }

  const curStates = states;
  const curScore = scoreStates(prep, curStates, ignored, costCents(curLow, curHigh));
  return {
    prep,
    input,
    states,
    ignored,
    costs,
    mode,
    free,
    lockedSet,
    K,
    tables,
    coef,
    den,
    denNum: big ? null : Number(den),
    big,
    scored: weights > 0,
    budgetCents,
    current: { total: curScore.total, cost: costCents(curLow, curHigh), costHalfCents: curHalf },
    answerCache: new Map(),
  };
}

/** The merged Pareto list of all themes (with per-theme minimum points), and how to rebuild it. */
interface Folded {
  readonly list: NumList | BigList;
  /** Theme indices in fold order (last theme first). */
  readonly order: readonly number[];
  /** Per fold step: the theme's (filtered) tables. */
  readonly themes: readonly ThemeTables[];
  /** Per fold step: the list after that step (trimmed), for the back-pointers. */
  readonly steps: readonly (NumList | BigList)[];
}

function filteredTable(t: ThemeTables, minP: number): ThemeTables {
  if (minP <= 0) return t;
  let start = 0;
  while (start < t.listP.length && t.listP[start]! < minP) start++;
  return sliceTable(t, start);
}

/** The table with its Pareto list starting at `start`. */
function sliceTable(t: ThemeTables, start: number): ThemeTables {
  if (start === 0) return t;
  return {
    ...t,
    listP: t.listP.subarray(start),
    listKey: t.listKey.subarray(start),
    listLow: t.listLow.subarray(start),
    listPlans: t.listPlans.slice(start),
  };
}

/** The list without its first `start` entries (views; indices shift by `start`). */
function trim<L extends NumList | BigList>(list: L, start: number): L {
  if (start === 0) return list;
  return {
    n: list.n - start,
    key: list.key.subarray(start),
    score: list.score instanceof Float64Array ? list.score.subarray(start) : list.score.slice(start),
    low: list.low.subarray(start),
    left: list.left ? list.left.subarray(start) : null,
    right: list.right ? list.right.subarray(start) : null,
  } as L;
}

/** The first `end` entries of the list (views; indices unchanged). */
function truncate<L extends NumList | BigList>(list: L, end: number): L {
  return {
    n: end,
    key: list.key.subarray(0, end),
    score: list.score instanceof Float64Array ? list.score.subarray(0, end) : list.score.slice(0, end),
    low: list.low.subarray(0, end),
    left: list.left ? list.left.subarray(0, end) : null,
    right: list.right ? list.right.subarray(0, end) : null,
  } as L;
}

/**
 * Folds the themes' Pareto lists from the last theme to the first. With `need`, partial plans
 * that cannot reach a score of `need` even with the best of the remaining themes are dropped;
 * with `maxKey`, those whose key cost exceeds it even with the cheapest of the remaining themes.
 * Neither changes the final list below those bounds (dropped entries could only dominate
 * entries that are dropped too).
 */
interface FoldOptions {
  /** Minimum points per theme index (label minimums). */
  readonly minPoints?: readonly number[] | null;
  /** Drop partial plans that cannot reach this score. */
  readonly need?: bigint | null;
  /** Drop partial plans whose key cost exceeds this. */
  readonly maxKey?: number | null;
  /** Fold only the themes lo <= index < hi (default: all). */
  readonly lo?: number;
  readonly hi?: number;
  /** Best score and cheapest key that the themes outside [lo, hi) can still add. */
  readonly outsideRest?: bigint;
  readonly outsideRestKey?: number;
}

function fold(pb: Problem, o: FoldOptions = {}): Folded | null {
  const minPoints = o.minPoints ?? null;
  const need = o.need ?? null;
  const maxKey = o.maxKey ?? null;
  const lo = o.lo ?? 0;
  const hi = o.hi ?? pb.tables.length;
  const used: number[] = [];
  const tabs: ThemeTables[] = [];
  for (let ti = hi - 1; ti >= lo; ti--) {
    const raw = pb.tables[ti];
    if (!raw) continue;
    const t = minPoints ? filteredTable(raw, minPoints[ti]!) : raw;
    if (t.listP.length === 0) return null;
    used.push(ti);
    tabs.push(t);
  }
  // best score the themes after each step can still add
  const rest: bigint[] = new Array<bigint>(used.length).fill(o.outsideRest ?? 0n);
  for (let k = used.length - 2; k >= 0; k--) {
    const t = tabs[k + 1]!;
    rest[k] = rest[k + 1]! + pb.coef[used[k + 1]!]! * BigInt(t.listP[t.listP.length - 1]!);
  }
  const restKey: number[] = new Array<number>(used.length).fill(o.outsideRestKey ?? 0);
  for (let k = used.length - 2; k >= 0; k--) restKey[k] = restKey[k + 1]! + tabs[k + 1]!.listKey[0]!;
  const steps: (NumList | BigList)[] = [];
  let acc: NumList | BigList | null = null;
  for (let k = 0; k < used.length; k++) {
    const t = tabs[k]!;
    const coef = pb.coef[used[k]!]!;
    const list = pb.big ? themeListBig(t, coef) : themeListNum(t, Number(coef));
    acc = acc === null ? list : pb.big ? mergeBig(acc as BigList, list as BigList) : mergeNum(acc as NumList, list as NumList);
    if (need !== null) {
      let start = 0;
      if (pb.big) {
        const min = need - rest[k]!;
        const sc = acc.score as bigint[];
        while (start < acc.n && sc[start]! < min) start++;
      } else {
        const min = Number(need - rest[k]!);
        const sc = acc.score as Float64Array;
        while (start < acc.n && sc[start]! < min) start++;
      }
      acc = trim(acc, start);
      if (k === 0) tabs[0] = sliceTable(tabs[0]!, start);
      if (acc.n === 0) return null;
    }
    if (maxKey !== null) {
      const limit = maxKey - restKey[k]!;
      let end: number = acc.n;
      while (end > 0 && acc.key[end - 1]! > limit) end--;
      if (end === 0) return null;
      if (end < acc.n) acc = truncate<NumList | BigList>(acc, end);
    }
    steps.push(acc);
  }
  if (acc === null) {
    // no applicable question at all: the empty plan
    const empty: NumList | BigList = pb.big
      ? { n: 1, key: new Float64Array(1), score: [0n], low: new Float64Array(1), left: null, right: null }
      : { n: 1, key: new Float64Array(1), score: new Float64Array(1), low: new Float64Array(1), left: null, right: null };
    return { list: empty, order: [], themes: [], steps: [empty] };
  }
  return { list: acc, order: used, themes: tabs, steps };
}

/** For a point of the folded list: per fold step, the index into that step's theme list. */
function themeChoice(f: Folded, index: number): Int32Array {
  const out = new Int32Array(f.order.length);
  let idx = index;
  for (let step = f.order.length - 1; step >= 1; step--) {
    const list = f.steps[step]!;
    out[step] = list.right![idx]!;
    idx = list.left![idx]!;
  }
  if (f.order.length > 0) out[0] = idx;
  return out;
}

/** Level per question (as in Problem.states, with the free questions set) for a folded point. */
function rebuild(pb: Problem, f: Folded, index: number, into?: Int32Array): Int32Array {
  const levels = into ?? new Int32Array(pb.states);
  const choice = themeChoice(f, index);
  for (let step = 0; step < f.order.length; step++) {
    const plan = f.themes[step]!.listPlans[choice[step]!]!;
    const qs = pb.prep.themes[f.order[step]!]!.questions;
    let k = 0;
    for (const qi of qs) {
      const s = pb.states[qi]!;
      if (s === NA_KIND || s === NA_ANSWERED) continue;
      levels[qi] = plan[k++]!.level;
    }
  }
  return levels;
}

/** The answers of one theme's plan, shared between frontier points (cached per plan). */
function themeAnswersOf(pb: Problem, theme: number, plan: readonly ThemeOption[]): Readonly<Record<string, string | null>> {
  const hit = pb.answerCache.get(plan);
  if (hit) return hit;
  const out: Record<string, string | null> = {};
  let k = 0;
  for (const qi of pb.prep.themes[theme]!.questions) {
    const s = pb.states[qi]!;
    if (s === NA_KIND || s === NA_ANSWERED) continue;
    const q = pb.prep.questions[qi]!;
    const l = plan[k++]!.level;
    out[q.id] = l >= 0 ? q.levelIds[l]! : null;
  }
  Object.freeze(out);
  pb.answerCache.set(plan, out);
  return out;
}

function answersOf(pb: Problem, levels: Int32Array): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const qi of pb.free) {
    const l = levels[qi]!;
    const q = pb.prep.questions[qi]!;
    out[q.id] = l >= 0 ? q.levelIds[l]! : null;
  }
  return out;
}

function planOf(pb: Problem, levels: Int32Array): Plan {
  let low = 0;
  let high = 0;
  const changes: PlanChange[] = [];
  for (const qi of pb.free) {
    const l = levels[qi]!;
    const cur = pb.states[qi]!;
    const q = pb.prep.questions[qi]!;
    if (l >= 0) {
      low += pb.costs.low[qi]![l]!;
      high += pb.costs.high[qi]![l]!;
    }
    if (l !== cur) changes.push({ question: q.id, from: cur >= 0 ? q.levelIds[cur]! : null, to: l >= 0 ? q.levelIds[l]! : null });
  }
  const cost = costCents(low, high);
  return { answers: answersOf(pb, levels), score: scoreStates(pb.prep, levels, pb.ignored, cost), cost, changes };
}

function totalOf(pb: Problem, score: number | bigint): ScoreValue {
  let exact: Rational;
  if (typeof score === 'number' && pb.denNum !== null) {
    const den = pb.denNum;
    const g = gcdNum(score, den);
    exact = { num: BigInt(score / g), den: BigInt(den / g) };
    if (den * 1000 <= Number.MAX_SAFE_INTEGER) {
      // exact in doubles: floor(1000 * score / den) with integer arithmetic
      const scaled = score * 1000;
      let tenths = Math.floor(scaled / den);
      if (tenths * den > scaled) tenths--;
      else if ((tenths + 1) * den <= scaled) tenths++;
      return { exact, display: tenths / 10 };
    }
  } else {
    exact = rational(BigInt(score), pb.den);
  }
  return { exact, display: displayTruncated(exact) };
}

/** Splits a key cost c' = half * K + changes (exactly, whatever the float division does). */
function splitKey(key: number, K: number): number {
  let c = Math.floor(key / K);
  if (c * K > key) c--;
  else if ((c + 1) * K <= key) c++;
  return c;
}

/** Indices of the folded list that are on the true (cost, total) frontier: the last of each cost. */
function frontierIndices(pb: Problem, list: NumList | BigList): number[] {
  const out: number[] = [];
  for (let i = 0; i < list.n; i++) {
    const c = splitKey(list.key[i]!, pb.K);
    const nextC = i + 1 < list.n ? splitKey(list.key[i + 1]!, pb.K) : NaN;
    if (c !== nextC) out.push(i);
  }
  return out;
}

function pointCost(pb: Problem, list: NumList | BigList, i: number): { half: number; changes: number; cost: CostCents } {
  const key = list.key[i]!;
  const half = splitKey(key, pb.K);
  const changes = key - half * pb.K;
  const low = list.low[i]!;
  const high = pb.mode === 'high' ? half / 2 : half - low;
  return { half, changes, cost: costCents(low, high) };
}

function frontierOf(pb: Problem, full: Folded): Frontier {
  const list = full.list;
  const stepOfTheme = new Int32Array(pb.prep.themes.length).fill(-1);
  full.order.forEach((ti, step) => (stepOfTheme[ti] = step));
  const themePlans = pb.prep.themes.map((t) => {
    const step = stepOfTheme[t.index]!;
    return step < 0 ? [EMPTY] : full.themes[step]!.listPlans.map((plan) => themeAnswersOf(pb, t.index, plan));
  });
  const nT = pb.prep.themes.length;
  const points: FrontierPoint[] = frontierIndices(pb, list).map((i) => {
    const { half, changes, cost } = pointCost(pb, list, i);
    const choice = themeChoice(full, i);
    const plan = new Array<number>(nT);
    for (let t = 0; t < nT; t++) {
      const step = stepOfTheme[t]!;
      plan[t] = step < 0 ? 0 : choice[step]!;
    }
    return { total: pb.scored ? totalOf(pb, list.score[i]!) : null, cost, costHalfCents: half, changes, plan };
  });
  return { costMode: pb.mode, current: pb.current, themes: pb.prep.themes.map((t) => t.id), themePlans, points };
}

function bestOf(pb: Problem, full: Folded, budgetCents: number): BudgetResult {
  const list = full.list;
  const limit = 2 * budgetCents;
  let found = -1;
  for (const i of frontierIndices(pb, list)) {
    if (splitKey(list.key[i]!, pb.K) <= limit) found = i;
    else break;
  }
  return { costMode: pb.mode, budgetCents, plan: found >= 0 ? planOf(pb, rebuild(pb, full, found)) : null };
}

function perLabelOf(pb: Problem, full: Folded): LabelPlan[] {
  const fullFrontier = frontierIndices(pb, full.list);
  return pb.prep.labels.map((label) => {
    if (!pb.scored) return { label: label.id, plan: null };
    const minPoints = pb.prep.themes.map((t) => {
      const m = pb.tables[t.index]?.max ?? 0;
      return m > 0 ? Math.ceil((label.themeMin[t.index]! * m) / 100) : 0;
    });
    // smallest S with 100 * S >= minTotal * den
    const need = (BigInt(label.minTotal) * pb.den + 99n) / 100n;
    // A feasible plan bounds the cost: the cheapest plan reaching `need` (if none does, the label
    // is out of reach), with every theme below its minimum raised to its cheapest entry at it.
    const first = fullFrontier.find((i) => BigInt(full.list.score[i]!) >= need);
    if (first === undefined) return { label: label.id, plan: null };
    const choice = themeChoice(full, first);
    let ubKey = 0;
    for (let step = 0; step < full.order.length; step++) {
      const t = full.themes[step]!;
      const j = choice[step]!;
      const min = minPoints[full.order[step]!]!;
      if (t.listP[j]! >= min) ubKey += t.listKey[j]!;
      else {
        const raised = filteredTable(t, min);
        if (raised.listP.length === 0) return { label: label.id, plan: null };
        ubKey += raised.listKey[0]!;
      }
    }
    const maxKey = (splitKey(ubKey, pb.K) + 1) * pb.K - 1;
    const levels = cheapestReaching(pb, minPoints, need, maxKey);
    return { label: label.id, plan: levels ? planOf(pb, levels) : null };
  });
}

/** Per-theme points (theme order) of a point of a folded list, for the canonical order. */
function pointsVector(f: Folded, index: number): number[] {
  const choice = themeChoice(f, index);
  const out: number[] = [];
  for (let step = f.order.length - 1; step >= 0; step--) out.push(f.themes[step]!.listP[choice[step]!]!);
  return out;
}

/**
 * The cheapest plan with score >= need and every theme at or above its minimum points (lower
 * cost, then higher total, then fewer changes, then the canonical order), or null. Meet in the
 * middle: the first and the second half of the themes are folded separately (with the bounds)
 * and every plan of the first half is paired with the best fitting plan of the second.
 */
function cheapestReaching(pb: Problem, minPoints: readonly number[], need: bigint, maxKey: number): Int32Array | null {
  const used: number[] = [];
  for (let ti = 0; ti < pb.tables.length; ti++) if (pb.tables[ti]) used.push(ti);
  const m = used.length >= 2 ? used[used.length >> 1]! : pb.tables.length;
  let restL = 0n;
  let restR = 0n;
  let keyL = 0;
  let keyR = 0;
  for (const ti of used) {
    const t = filteredTable(pb.tables[ti]!, minPoints[ti]!);
    if (t.listP.length === 0) return null;
    const best = pb.coef[ti]! * BigInt(t.listP[t.listP.length - 1]!);
    if (ti < m) {
      restL += best;
      keyL += t.listKey[0]!;
    } else {
      restR += best;
      keyR += t.listKey[0]!;
    }
  }
  const R = fold(pb, { minPoints, need, maxKey, lo: m, outsideRest: restL, outsideRestKey: keyL });
  const L = fold(pb, { minPoints, need, maxKey, hi: m, outsideRest: restR, outsideRestKey: keyR });
  if (!R || !L) return null;
  const K = pb.K;
  const rScore = R.list.score;
  const rN = R.list.n;
  const needNum = pb.big ? 0 : Number(need);
  let bestC = 0;
  let bestS: number | bigint = 0;
  let bestCh = 0;
  let bestL = -1;
  let bestR = -1;
  for (let l = 0; l < L.list.n; l++) {
    const sl = L.list.score[l]!;
    // first R entry with score >= need - sl
    let lo = 0;
    let hi = rN;
    if (typeof sl === 'number') {
      const x = needNum - sl;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((rScore[mid] as number) >= x) hi = mid;
        else lo = mid + 1;
      }
    } else {
      const x = need - sl;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((rScore[mid] as bigint) >= x) hi = mid;
        else lo = mid + 1;
      }
    }
    if (lo >= rN) continue;
    // the cheapest true cost there; the highest score at that cost is the last of its group
    const cr = splitKey(R.list.key[lo]!, K);
    let r = lo;
    while (r + 1 < rN && splitKey(R.list.key[r + 1]!, K) === cr) r++;
    const keyLl = L.list.key[l]!;
    const cl = splitKey(keyLl, K);
    const c = cl + cr;
    const s = typeof sl === 'number' ? sl + (rScore[r] as number) : sl + (rScore[r] as bigint);
    const ch = keyLl - cl * K + (R.list.key[r]! - cr * K);
    let better = bestL < 0 || c < bestC || (c === bestC && (s > bestS || (s === bestS && ch < bestCh)));
    if (!better && c === bestC && s === bestS && ch === bestCh) {
      // canonical order: more points on the earlier theme
      const a = [...pointsVector(L, l), ...pointsVector(R, r)];
      const b = [...pointsVector(L, bestL), ...pointsVector(R, bestR)];
      for (let i = 0; i < a.length; i++) {
        if (a[i] !== b[i]) {
          better = a[i]! > b[i]!;
          break;
        }
      }
    }
    if (better) {
      bestC = c;
      bestS = s;
      bestCh = ch;
      bestL = l;
      bestR = r;
    }
  }
  if (bestL < 0) return null;
  const levels = rebuild(pb, L, bestL);
  return rebuild(pb, R, bestR, levels);
}

function upgradesOf(pb: Problem): Upgrade[] {
  const { prep, states, costs } = pb;
  const base = pb.current.total;
  if (!base) return [];
  const ranked: { u: Upgrade; dS: bigint; dHalf: number; q: number; l: number }[] = [];
  for (const qi of pb.free) {
    if (pb.lockedSet.has(qi)) continue;
    const q = prep.questions[qi]!;
    const k = pb.coef[q.theme]!;
    if (k === 0n) continue;
    const cur = states[qi]!;
    const curPts = cur >= 0 ? q.levelPoints[cur]! : 0;
    const curLow = cur >= 0 ? costs.low[qi]![cur]! : 0;
    const curHigh = cur >= 0 ? costs.high[qi]![cur]! : 0;
    const curHalf = cur >= 0 ? halfCents(costs, pb.mode, qi, cur) : 0;
    for (let l = 0; l < q.levels.length; l++) {
      const dP = q.levelPoints[l]! - curPts;
      if (l === cur || dP <= 0) continue;
      const dS = k * BigInt(dP);
      const dHalf = halfCents(costs, pb.mode, qi, l) - curHalf;
      const deltaExact = rational(dS, pb.den);
      const after = rational(base.exact.num * pb.den + dS * base.exact.den, base.exact.den * pb.den);
      const dLow = costs.low[qi]![l]! - curLow;
      const dHigh = costs.high[qi]![l]! - curHigh;
      ranked.push({
        u: {
          question: q.id,
          theme: prep.themes[q.theme]!.id,
          from: cur >= 0 ? q.levelIds[cur]! : null,
          to: q.levelIds[l]!,
          deltaTotal: { exact: deltaExact, display: displayTruncated(deltaExact) },
          deltaCost: costCents(dLow, dHigh),
          total: { exact: after, display: displayTruncated(after) },
          withinBudget: pb.budgetCents === null ? null : pb.current.costHalfCents + dHalf <= 2 * pb.budgetCents,
        },
        dS,
        dHalf,
        q: qi,
        l,
      });
    }
  }
  ranked.sort((a, b) => {
    const aFree = a.dHalf <= 0;
    const bFree = b.dHalf <= 0;
    if (aFree !== bFree) return aFree ? -1 : 1;
    if (aFree) {
      if (a.dS !== b.dS) return a.dS > b.dS ? -1 : 1;
      if (a.dHalf !== b.dHalf) return a.dHalf - b.dHalf;
    } else {
      // higher dS / dHalf first: compare a.dS * b.dHalf with b.dS * a.dHalf
      const x = a.dS * BigInt(b.dHalf);
      const y = b.dS * BigInt(a.dHalf);
      if (x !== y) return x > y ? -1 : 1;
      if (a.dS !== b.dS) return a.dS > b.dS ? -1 : 1;
    }
    return a.q !== b.q ? a.q - b.q : a.l - b.l;
  });
  return ranked.map((r) => r.u);
}

/* ------------------------------------------------------------------------------------------ */

/**
 * The efficient frontier of (extra cost, total): for every total that no cheaper plan reaches
 * or beats, its minimum cost, with the plan's answers; strictly increasing in both.
 */
export function frontier(def: ScoringDefinition, input: ScanInput, options: OptimizeOptions = {}): Frontier {
  const pb = buildProblem(def, input, options);
  return frontierOf(pb, fold(pb)!);
}

/**
 * The highest total whose cost fits the budget (options.budgetCents, else the project's circular
 * budget), with the plan. Throws when there is no budget.
 */
export function bestWithinBudget(def: ScoringDefinition, input: ScanInput, options: OptimizeOptions = {}): BudgetResult {
  const pb = buildProblem(def, input, options);
  if (pb.budgetCents === null) throw new ScanInputError('invalid-budget', { field: 'no-budget' });
  // plans dearer than the budget cannot matter: prune them while folding
  const maxKey = (2 * pb.budgetCents + 1) * pb.K - 1;
  const f = fold(pb, { maxKey });
  return f ? bestOf(pb, f, pb.budgetCents) : { costMode: pb.mode, budgetCents: pb.budgetCents, plan: null };
}

/** For each label level, the cheapest plan reaching its total and its per-theme minimums. */
export function cheapestPerLabel(def: ScoringDefinition, input: ScanInput, options: OptimizeOptions = {}): LabelPlan[] {
  const pb = buildProblem(def, input, options);
  return perLabelOf(pb, fold(pb)!);
}

/**
 * Single-question upgrades from the current answers that raise the total: free or saving ones
 * first (most gain first, then most saving), then by gain per euro (highest first), then by more
 * gain; remaining ties in question and level order.
 */
export function upgrades(def: ScoringDefinition, input: ScanInput, options: OptimizeOptions = {}): Upgrade[] {
  return upgradesOf(buildProblem(def, input, options));
}

/** All of the above at once, sharing the work. `best` is null when there is no budget. */
export function optimize(def: ScoringDefinition, input: ScanInput, options: OptimizeOptions = {}): OptimizeResult {
  const pb = buildProblem(def, input, options);
  const full = fold(pb)!;
  return {
    frontier: frontierOf(pb, full),
    best: pb.budgetCents === null ? null : bestOf(pb, full, pb.budgetCents),
    perLabel: perLabelOf(pb, full),
    upgrades: upgradesOf(pb),
  };
}

/** The answers of a frontier point: level id per applicable question, in definition order of themes. */
export function frontierAnswers(f: Frontier, point: FrontierPoint): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  point.plan.forEach((j, t) => Object.assign(out, f.themePlans[t]![j]));
  return out;
}

/**
 * The full plan for answers of a frontier point (or any levels for the applicable questions):
 * scores, cost and changes against the current answers.
 */
export function toPlan(
  def: ScoringDefinition,
  input: ScanInput,
  answers: Readonly<Record<string, string | null>>,
  options: OptimizeOptions = {},
): Plan {
  const pb = buildProblem(def, input, options);
  const levels = new Int32Array(pb.states);
  for (const id of Object.keys(answers)) {
    const qi = pb.prep.questionIndex.get(id);
    if (qi === undefined) throw new ScanInputError('unknown-question', { source: 'plan', question: id });
    const s = pb.states[qi]!;
    if (s === NA_KIND || s === NA_ANSWERED) continue;
    const level = answers[id];
    if (level === null || level === undefined) {
      levels[qi] = UNANSWERED;
      continue;
    }
    const li = pb.prep.questions[qi]!.levelIndex.get(level);
    if (li === undefined) throw new ScanInputError('unknown-level', { source: 'plan', question: id, level, known: pb.prep.questions[qi]!.levelIds });
    levels[qi] = li;
  }
  return planOf(pb, levels);
}
