/**
 * Scoring of one scan (contracts.md, "Scoring rules"): per-theme scores, the weighted total,
 * the label reached and what is missing for the next one, and the estimated extra cost.
 * All arithmetic is exact; display figures are truncated to one decimal on 0-100.
 */
import { ScanInputError } from './errors';
import { costCents, costToCents } from './money';
import {
  gfaHundredths,
  NA_ANSWERED,
  NA_KIND,
  prepare,
  resolveAnswers,
  resolveOverrides,
  type Prepared,
} from './prepare';
import { displayRoundedUp, displayTruncated, gcdNum, lcmNum, rational } from './rational';
import type { Answer, CostOverride, ProjectInputs } from './scan-file';
import type { CostCents, CostIndication, Rational, ScoreValue, ScoringDefinition } from './types';

/** What scoring needs of the project; a full scan-file `project` fits. */
export type ScoringProject = Pick<ProjectInputs, 'kind' | 'gfaM2'> &
  Partial<Pick<ProjectInputs, 'constructionBudgetEur' | 'circularBudget'>>;

export interface ScanInput {
  readonly project: ScoringProject;
  readonly answers: Readonly<Record<string, Answer>>;
  readonly costOverrides?: readonly CostOverride[] | undefined;
}

export interface ThemeScore {
  readonly id: string;
  readonly weight: number;
  /** Points earned on the applicable questions. */
  readonly points: number;
  /** Applicable maximum: the sum of the highest level's points of the applicable questions. */
  readonly max: number;
  /** points / max in lowest terms; null when the theme has no score (no applicable maximum). */
  readonly exact: Rational | null;
  /** 0-100 truncated to one decimal; null when the theme has no score. */
  readonly display: number | null;
  /** Questions that count (their kind applies and they are not answered "not applicable"). */
  readonly applicable: number;
  /** Applicable questions answered with a level. */
  readonly answered: number;
  readonly notApplicable: number;
  /** Applicable questions without an answer (they count 0 points). */
  readonly unanswered: number;
}

export interface ThemeShortfall {
  readonly theme: string;
  /** The label's minimum for this theme, 0..100. */
  readonly needed: number;
  /** The theme's display score (truncated). */
  readonly has: number;
}

export interface NextLabel {
  readonly id: string;
  /** How far the total is below the label's threshold, on 0-100, rounded UP to one decimal (0 when reached). */
  readonly missingTotal: number;
  /** The same, exact, on the 0..1 scale. */
  readonly missingTotalExact: Rational;
  /** Themes below the label's minimum for them, in theme order. */
  readonly themesBelow: readonly ThemeShortfall[];
}

export interface LabelResult {
  /** The highest label level whose total threshold and per-theme minimums are all met. */
  readonly reached: string | null;
  /** The label level after `reached` (the first one when none is reached); null at the top. */
  readonly next: NextLabel | null;
}

export interface ScanScore {
  readonly themes: readonly ThemeScore[];
  /** Weighted mean of the theme scores that exist; null when no theme has a score. */
  readonly total: ScoreValue | null;
  readonly label: LabelResult;
  /** Applicable questions without an answer, in definition order. */
  readonly unanswered: readonly string[];
  /** Questions that are not applicable (by project kind or answered so), in definition order. */
  readonly notApplicable: readonly string[];
  /** Questions answered with a level although they do not apply to the project kind (ignored). */
  readonly ignoredAnswers: readonly string[];
  /** Estimated extra cost of the answered levels against conventional practice. */
  readonly cost: CostCents;
}

/**
 * The exact total from per-theme points and maxima, or null when no theme has a score.
 * total = sum_t w_t * p_t / m_t / sum_t w_t over themes with m_t > 0.
 */
export function exactTotal(prep: Prepared, points: ArrayLike<number>, max: ArrayLike<number>): Rational | null {
  let weights = 0;
  let lcm = 1;
  let safe = true;
  for (const t of prep.themes) {
    const m = max[t.index]!;
    if (m > 0) {
      weights += t.weight;
      lcm = lcmNum(lcm, m);
      if (!Number.isSafeInteger(lcm * weights)) safe = false;
    }
  }
  if (weights === 0) return null;
  if (safe) {
    let s = 0;
    for (const t of prep.themes) {
      const m = max[t.index]!;
      if (m > 0) s += t.weight * points[t.index]! * (lcm / m);
    }
    const den = lcm * weights;
    const g = gcdNum(s, den);
    return { num: BigInt(s / g), den: BigInt(den / g) };
  }
  let num = 0n;
  let den = 1n;
  for (const t of prep.themes) {
    const m = max[t.index]!;
    if (m > 0) {
      const bm = BigInt(m);
      num = num * bm + BigInt(t.weight) * BigInt(points[t.index]!) * den;
      den *= bm;
    }
  }
  return rational(num, den * BigInt(weights));
}

function labelMet(
  label: Prepared['labels'][number],
  total: Rational,
  points: ArrayLike<number>,
  max: ArrayLike<number>,
): boolean {
  if (100n * total.num < BigInt(label.minTotal) * total.den) return false;
  for (let t = 0; t < label.themeMin.length; t++) {
    const m = max[t]!;
    if (m > 0 && 100 * points[t]! < label.themeMin[t]! * m) return false;
  }
  return true;
}

/** The label reached and what is missing for the next one. */
export function labelFor(
  prep: Prepared,
  total: Rational | null,
  points: ArrayLike<number>,
  max: ArrayLike<number>,
): LabelResult {
  if (total === null || prep.labels.length === 0) return { reached: null, next: null };
  let reached = -1;
  for (let i = prep.labels.length - 1; i >= 0; i--) {
    if (labelMet(prep.labels[i]!, total, points, max)) {
      reached = i;
      break;
    }
  }
  const nextLabel = prep.labels[reached + 1];
  let next: NextLabel | null = null;
  if (nextLabel) {
    const gap = rational(BigInt(nextLabel.minTotal) * total.den - 100n * total.num, 100n * total.den);
    const missing = gap.num > 0n ? gap : { num: 0n, den: 1n };
    const themesBelow: ThemeShortfall[] = [];
    for (const t of prep.themes) {
      const m = max[t.index]!;
      const need = nextLabel.themeMin[t.index]!;
      if (m > 0 && 100 * points[t.index]! < need * m) {
        themesBelow.push({ theme: t.id, needed: need, has: displayTruncated({ num: BigInt(points[t.index]!), den: BigInt(m) }) });
      }
    }
    next = { id: nextLabel.id, missingTotal: displayRoundedUp(missing), missingTotalExact: missing, themesBelow };
  }
  return { reached: reached >= 0 ? prep.labels[reached]!.id : null, next };
}

/**
 * Scores resolved question states (see prepare.ts) with the given cost sums.
 * Internal: shared by scoreScan and the optimiser.
 */
export function scoreStates(
  prep: Prepared,
  states: Int32Array,
  ignored: readonly string[],
  cost: CostCents,
): ScanScore {
  const nT = prep.themes.length;
  const points = new Array<number>(nT).fill(0);
  const max = new Array<number>(nT).fill(0);
  const applicable = new Array<number>(nT).fill(0);
  const answered = new Array<number>(nT).fill(0);
  const na = new Array<number>(nT).fill(0);
  const unanswered: string[] = [];
  const notApplicable: string[] = [];
  const qs = prep.questions;
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    const s = states[i]!;
    const t = q.theme;
    if (s === NA_KIND || s === NA_ANSWERED) {
      na[t]!++;
      notApplicable.push(q.id);
      continue;
    }
    applicable[t]!++;
    max[t]! += q.maxPoints;
    if (s >= 0) {
      answered[t]!++;
      points[t]! += q.levelPoints[s]!;
    } else {
      unanswered.push(q.id);
    }
  }
  const themes: ThemeScore[] = prep.themes.map((t) => {
    const i = t.index;
    const m = max[i]!;
    const exact = m > 0 ? rational(BigInt(points[i]!), BigInt(m)) : null;
    return {
      id: t.id,
      weight: t.weight,
      points: points[i]!,
      max: m,
      exact,
      display: exact ? displayTruncated(exact) : null,
      applicable: applicable[i]!,
      answered: answered[i]!,
      notApplicable: na[i]!,
      unanswered: applicable[i]! - answered[i]!,
    };
  });
  const total = exactTotal(prep, points, max);
  return {
    themes,
    total: total ? { exact: total, display: displayTruncated(total) } : null,
    label: labelFor(prep, total, points, max),
    unanswered,
    notApplicable,
    ignoredAnswers: ignored,
    cost,
  };
}

/** Sums the cost of the answered levels of applicable questions. */
export function costOfStates(
  prep: Prepared,
  states: Int32Array,
  gfaH: number,
  overrides: ReadonlyMap<number, CostIndication>,
): CostCents {
  let low = 0;
  let high = 0;
  for (let i = 0; i < states.length; i++) {
    const s = states[i]!;
    if (s < 0) continue;
    const q = prep.questions[i]!;
    const c = costToCents((overrides.size > 0 ? overrides.get(i * 65536 + s) : undefined) ?? q.levels[s]!.cost, gfaH);
    low += c.low;
    high += c.high;
  }
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high)) {
    throw new ScanInputError('out-of-range');
  }
  return costCents(low, high);
}

/**
 * Scores a scan on a definition. Throws {@link ScanInputError} when an answer or cost override
 * names a question or level the definition does not have, or the project inputs are invalid.
 */
export function scoreScan(def: ScoringDefinition, input: ScanInput): ScanScore {
  const prep = prepare(def);
  const gfaH = gfaHundredths(input.project.gfaM2);
  const { states, ignored } = resolveAnswers(prep, input.project.kind, input.answers);
  const overrides = resolveOverrides(prep, input.costOverrides);
  return scoreStates(prep, states, ignored, costOfStates(prep, states, gfaH, overrides));
}
