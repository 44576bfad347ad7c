/**
 * Per-definition data computed once and cached by object identity (a definition must not be
 * mutated after it was first scored), and the validation of scan input against it.
 */
import { ScanInputError } from './errors';
import { toHundredths, costToCents } from './money';
import type { CostIndication, ProjectKind, ScoringDefinition, ScoringLevel } from './types';
import type { Answer, CostOverride } from './scan-file';

export const KIND_BITS: Readonly<Record<ProjectKind, number>> = { new_build: 1, renovation: 2, extension: 4 };

export interface PreparedQuestion {
  readonly id: string;
  readonly index: number;
  readonly theme: number;
  readonly appliesMask: number;
  readonly allowNotApplicable: boolean;
  readonly levels: readonly ScoringLevel[];
  readonly levelIds: readonly string[];
  readonly levelPoints: readonly number[];
  readonly levelIndex: ReadonlyMap<string, number>;
  readonly maxPoints: number;
}

export interface PreparedTheme {
  readonly id: string;
  readonly index: number;
  readonly weight: number;
  /** Question indices of this theme, in definition order. */
  readonly questions: readonly number[];
}

export interface PreparedLabel {
  readonly id: string;
  readonly index: number;
  readonly minTotal: number;
  /** The minimum (0..100) per theme index. */
  readonly themeMin: readonly number[];
}

export interface Prepared {
  readonly def: ScoringDefinition;
  readonly themes: readonly PreparedTheme[];
  readonly questions: readonly PreparedQuestion[];
  readonly labels: readonly PreparedLabel[];
  readonly questionIndex: ReadonlyMap<string, number>;
  readonly themeIndex: ReadonlyMap<string, number>;
}

const cache = new WeakMap<ScoringDefinition, Prepared>();

/** Precomputes what scoring needs; cached per definition object. */
export function prepare(def: ScoringDefinition): Prepared {
  const hit = cache.get(def);
  if (hit) return hit;
  const themeIndex = new Map<string, number>();
  def.themes.forEach((t, i) => {
    if (themeIndex.has(t.id)) throw new Error(`definition: duplicate theme id ${t.id}`);
    if (!Number.isInteger(t.weight) || t.weight < 1) throw new Error(`definition: theme ${t.id} needs an integer weight >= 1`);
    themeIndex.set(t.id, i);
  });
  const themeQuestions: number[][] = def.themes.map(() => []);
  const questionIndex = new Map<string, number>();
  const questions: PreparedQuestion[] = def.questions.map((q, i) => {
    if (questionIndex.has(q.id)) throw new Error(`definition: duplicate question id ${q.id}`);
    questionIndex.set(q.id, i);
    const theme = themeIndex.get(q.theme);
    if (theme === undefined) throw new Error(`definition: question ${q.id} refers to unknown theme ${q.theme}`);
    themeQuestions[theme]!.push(i);
    if (q.levels.length === 0) throw new Error(`definition: question ${q.id} has no levels`);
    const levelIndex = new Map<string, number>();
    let maxPoints = 0;
    q.levels.forEach((l, li) => {
      if (levelIndex.has(l.id)) throw new Error(`definition: question ${q.id} has two levels ${l.id}`);
      if (!Number.isInteger(l.points) || l.points < 0) throw new Error(`definition: ${q.id}/${l.id} needs integer points >= 0`);
      levelIndex.set(l.id, li);
      if (l.points > maxPoints) maxPoints = l.points;
    });
    let appliesMask = 0;
    for (const k of q.appliesTo) appliesMask |= KIND_BITS[k];
    return {
      id: q.id,
      index: i,
      theme,
      appliesMask,
      allowNotApplicable: q.allowNotApplicable,
      levels: q.levels,
      levelIds: q.levels.map((l) => l.id),
      levelPoints: q.levels.map((l) => l.points),
      levelIndex,
      maxPoints,
    };
  });
  const themes: PreparedTheme[] = def.themes.map((t, i) => ({ id: t.id, index: i, weight: t.weight, questions: themeQuestions[i]! }));
  const labels: PreparedLabel[] = def.labels.map((l, i) => ({
    id: l.id,
    index: i,
    minTotal: l.minTotal,
    themeMin: def.themes.map((t) => l.themeMinimums?.[t.id] ?? l.minPerTheme),
  }));
  const prepared: Prepared = { def, themes, questions, labels, questionIndex, themeIndex };
  cache.set(def, prepared);
  return prepared;
}

/** Question states: a level index (>= 0), or one of these. */
export const UNANSWERED = -1;
export const NA_ANSWERED = -2;
export const NA_KIND = -3;

export interface ResolvedAnswers {
  /** Per question index: level index, UNANSWERED, NA_ANSWERED or NA_KIND. */
  readonly states: Int32Array;
  /** Ids of questions answered with a level although they do not apply to the project's kind. */
  readonly ignored: readonly string[];
}

/** Checks the answers against the definition and resolves them to level indices. */
export function resolveAnswers(
  prep: Prepared,
  kind: ProjectKind,
  answers: Readonly<Record<string, Answer>>,
): ResolvedAnswers {
  const kindBit = KIND_BITS[kind];
  if (kindBit === undefined) throw new ScanInputError('invalid-project', { field: 'project-kind', value: String(kind) });
  const qs = prep.questions;
  const states = new Int32Array(qs.length);
  for (let i = 0; i < qs.length; i++) states[i] = (qs[i]!.appliesMask & kindBit) === 0 ? NA_KIND : UNANSWERED;
  let ignored: string[] | undefined;
  for (const id in answers) {
    if (!Object.prototype.hasOwnProperty.call(answers, id)) continue;
    const qi = prep.questionIndex.get(id);
    if (qi === undefined) {
      throw new ScanInputError('unknown-question', { source: 'answers', question: id });
    }
    const q = qs[qi]!;
    const a = answers[id] as Partial<{ level: unknown; notApplicable: unknown }> | undefined;
    if (a && a.notApplicable === true && a.level === undefined) {
      if (!q.allowNotApplicable && states[qi] !== NA_KIND) {
        throw new ScanInputError('not-applicable-not-allowed', { question: id });
      }
      states[qi] = NA_ANSWERED;
      continue;
    }
    const levelId = a?.level;
    const li = typeof levelId === 'string' && a?.notApplicable === undefined ? q.levelIndex.get(levelId) : undefined;
    if (li === undefined) {
      // without a level id: the answer is neither a level nor "not applicable"
      throw new ScanInputError('unknown-level', { source: 'answers', question: id, known: q.levelIds, ...(typeof levelId === 'string' ? { level: levelId } : {}) });
    }
    if (states[qi] === NA_KIND) (ignored ??= []).push(id);
    else states[qi] = li;
  }
  if (ignored && ignored.length > 1) ignored.sort((x, y) => prep.questionIndex.get(x)! - prep.questionIndex.get(y)!);
  return { states, ignored: ignored ?? [] };
}

/** GFA in hundredths of m², checked. */
export function gfaHundredths(gfaM2: number): number {
  if (typeof gfaM2 !== 'number' || !Number.isFinite(gfaM2) || !(gfaM2 > 0)) {
    throw new ScanInputError('invalid-project', { field: 'gfa', value: typeof gfaM2 === 'number' ? gfaM2 : String(gfaM2) });
  }
  return toHundredths(gfaM2);
}

/** Level costs in cents for one project: per question, per level, low and high. */
export interface CostTable {
  /** low cents, indexed [question][level] */
  readonly low: readonly Float64Array[];
  readonly high: readonly Float64Array[];
}

function checkCost(c: CostIndication, where: { question: string; level: string }): void {
  if (
    !c ||
    (c.basis !== 'per_m2_gfa' && c.basis !== 'lump_sum') ||
    !Number.isFinite(c.low) ||
    !Number.isFinite(c.high) ||
    c.low > c.high
  ) {
    throw new ScanInputError('invalid-cost-override', where);
  }
}

/** Resolves cost overrides to a map keyed by question index * 65536 + level index. */
export function resolveOverrides(prep: Prepared, overrides: readonly CostOverride[] | undefined): Map<number, CostIndication> {
  const map = new Map<number, CostIndication>();
  if (!overrides) return map;
  for (const o of overrides) {
    const qi = prep.questionIndex.get(o.question);
    if (qi === undefined) {
      throw new ScanInputError('unknown-question', { source: 'cost-override', question: o.question });
    }
    const li = prep.questions[qi]!.levelIndex.get(o.level);
    if (li === undefined) {
      throw new ScanInputError('unknown-level', { source: 'cost-override', question: o.question, level: o.level, known: prep.questions[qi]!.levelIds });
    }
    checkCost(o.cost, { question: o.question, level: o.level });
    const key = qi * 65536 + li;
    if (map.has(key)) {
      throw new ScanInputError('duplicate-cost-override', { question: o.question, level: o.level });
    }
    map.set(key, o.cost);
  }
  return map;
}

/** The cost of one level in cents, low and high, with the project's overrides. */
export function levelCents(
  prep: Prepared,
  qi: number,
  li: number,
  gfaH: number,
  overrides: ReadonlyMap<number, CostIndication>,
): { low: number; high: number } {
  const cost = (overrides.size > 0 ? overrides.get(qi * 65536 + li) : undefined) ?? prep.questions[qi]!.levels[li]!.cost;
  return costToCents(cost, gfaH);
}

/** Every level's cost in cents for one project. */
export function costTable(prep: Prepared, gfaH: number, overrides: ReadonlyMap<number, CostIndication>): CostTable {
  const low: Float64Array[] = [];
  const high: Float64Array[] = [];
  for (const q of prep.questions) {
    const lo = new Float64Array(q.levels.length);
    const hi = new Float64Array(q.levels.length);
    for (let li = 0; li < q.levels.length; li++) {
      const c = levelCents(prep, q.index, li, gfaH, overrides);
      lo[li] = c.low;
      hi[li] = c.high;
    }
    low.push(lo);
    high.push(hi);
  }
  return { low, high };
}
