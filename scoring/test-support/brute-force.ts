/**
 * Test support: an independent brute force of the optimiser's rules. It enumerates every plan
 * and applies the documented rules and tie-breaks literally, with its own (slow, obvious)
 * arithmetic: totals as bigint fractions summed naively, costs rounded with bigints.
 */
import type { ScoringDefinition, CostIndication, ProjectKind } from '../types';
import type { Answer, CostOverride } from '../scan-file';

export interface BruteInput {
  project: { kind: ProjectKind; gfaM2: number };
  answers: Record<string, Answer>;
  costOverrides?: CostOverride[];
}

export interface BrutePlan {
  /** level id per applicable question, null = unanswered (locked) */
  answers: Record<string, string | null>;
  /** exact total as num/den (bigint, lowest terms) or null */
  totalNum: bigint;
  totalDen: bigint;
  /** the optimised cost figure in half-cents */
  half: bigint;
  lowCents: bigint;
  highCents: bigint;
  changes: number;
  themePoints: number[];
  themeMax: number[];
  canon: number[];
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function roundHalfAway(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const a = neg ? -num : num;
  let q = a / den;
  if (2n * (a % den) >= den) q += 1n;
  return neg ? -q : q;
}

function centsOf(c: CostIndication, gfaM2: number): { low: bigint; high: bigint } {
  const g = BigInt(Math.round(gfaM2 * 100));
  const one = (eur: number) => {
    const h = BigInt(Math.round(eur * 100));
    return c.basis === 'lump_sum' ? h : roundHalfAway(h * g, 100n);
  };
  return { low: one(c.low), high: one(c.high) };
}

export function enumeratePlans(
  def: ScoringDefinition,
  input: BruteInput,
  opts: { prudent?: boolean; locked?: string[] },
): BrutePlan[] {
  const qs = def.questions;
  const applicable = qs.map((q) => q.appliesTo.includes(input.project.kind) && !(input.answers[q.id] && 'notApplicable' in input.answers[q.id]!));
  const current = qs.map((q) => {
    const a = input.answers[q.id];
    return a && 'level' in a ? q.levels.findIndex((l) => l.id === a.level) : -1;
  });
  const choices: number[][] = qs.map((q, i) => {
    if (!applicable[i]) return [-2];
    if (opts.locked?.includes(q.id)) return [current[i]!];
    return q.levels.map((_, l) => l);
  });
  const cost = (qi: number, l: number) => {
    const q = qs[qi]!;
    const o = input.costOverrides?.find((x) => x.question === q.id && x.level === q.levels[l]!.id);
    return centsOf(o ? o.cost : q.levels[l]!.cost, input.project.gfaM2);
  };
  const themeIdx = new Map(def.themes.map((t, i) => [t.id, i]));
  const plans: BrutePlan[] = [];
  const pick = new Array<number>(qs.length).fill(0);
  const rec = (i: number): void => {
    if (i === qs.length) {
      const tp = def.themes.map(() => 0);
      const tm = def.themes.map(() => 0);
      let low = 0n;
      let high = 0n;
      let changes = 0;
      const answers: Record<string, string | null> = {};
      for (let k = 0; k < qs.length; k++) {
        if (!applicable[k]) continue;
        const q = qs[k]!;
        const t = themeIdx.get(q.theme)!;
        tm[t]! += Math.max(...q.levels.map((l) => l.points));
        const l = pick[k]!;
        answers[q.id] = l >= 0 ? q.levels[l]!.id : null;
        if (l !== current[k]) changes++;
        if (l >= 0) {
          tp[t]! += q.levels[l]!.points;
          const c = cost(k, l);
          low += c.low;
          high += c.high;
        }
      }
      let num = 0n;
      let den = 1n;
      let w = 0n;
      def.themes.forEach((t, ti) => {
        if (tm[ti]! > 0) {
          // num/den += weight * p / m
          num = num * BigInt(tm[ti]!) + BigInt(t.weight) * BigInt(tp[ti]!) * den;
          den = den * BigInt(tm[ti]!);
          w += BigInt(t.weight);
        }
      });
      if (w > 0n) den *= w;
      else num = 0n;
      const g = gcd(num, den) || 1n;
      const canon: number[] = [...tp];
      def.themes.forEach((t) => {
        qs.forEach((q, k) => {
          if (q.theme === t.id && applicable[k]) canon.push(pick[k]!);
        });
      });
      plans.push({
        answers,
        totalNum: num / g,
        totalDen: den / g,
        half: opts.prudent ? 2n * high : low + high,
        lowCents: low,
        highCents: high,
        changes,
        themePoints: tp,
        themeMax: tm,
        canon,
      });
      return;
    }
    for (const c of choices[i]!) {
      pick[i] = c;
      rec(i + 1);
    }
  };
  rec(0);
  return plans;
}

export function cmpTotal(a: BrutePlan, b: BrutePlan): number {
  const l = a.totalNum * b.totalDen;
  const r = b.totalNum * a.totalDen;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** canonical preference: lexicographically LARGER canon vector first */
export function cmpCanon(a: BrutePlan, b: BrutePlan): number {
  for (let i = 0; i < a.canon.length; i++) if (a.canon[i] !== b.canon[i]) return b.canon[i]! - a.canon[i]!;
  return 0;
}

const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

export function bruteFrontier(plans: BrutePlan[]): BrutePlan[] {
  const sorted = [...plans].sort(
    (a, b) => cmpBig(a.half, b.half) || -cmpTotal(a, b) || a.changes - b.changes || cmpCanon(a, b),
  );
  const out: BrutePlan[] = [];
  for (const p of sorted) if (out.length === 0 || cmpTotal(p, out[out.length - 1]!) > 0) out.push(p);
  return out;
}

export function bruteBest(plans: BrutePlan[], budgetCents: number): BrutePlan | null {
  const fit = plans.filter((p) => p.half <= 2n * BigInt(budgetCents));
  fit.sort((a, b) => -cmpTotal(a, b) || cmpBig(a.half, b.half) || a.changes - b.changes || cmpCanon(a, b));
  return fit[0] ?? null;
}

export function bruteCheapestLabel(
  def: ScoringDefinition,
  plans: BrutePlan[],
  labelIndex: number,
): BrutePlan | null {
  const label = def.labels[labelIndex]!;
  const ok = plans.filter((p) => {
    if (!p.themeMax.some((m) => m > 0)) return false;
    if (100n * p.totalNum < BigInt(label.minTotal) * p.totalDen) return false;
    return def.themes.every((t, ti) => {
      const m = p.themeMax[ti]!;
      const need = label.themeMinimums?.[t.id] ?? label.minPerTheme;
      return m === 0 || 100 * p.themePoints[ti]! >= need * m;
    });
  });
  ok.sort((a, b) => cmpBig(a.half, b.half) || -cmpTotal(a, b) || a.changes - b.changes || cmpCanon(a, b));
  return ok[0] ?? null;
}
