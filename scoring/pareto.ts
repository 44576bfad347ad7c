/**
 * Internal: the exact multiple-choice knapsack machinery behind optimize.ts.
 *
 * Every plan has an integer score S = sum_t k_t * P_t (P_t = points on theme t,
 * k_t = w_t * L / M_t with L the lcm of the theme maxima), so total = S / (W * L) exactly, and an
 * integer "key cost" c' = cost * K + changes (cost in half-cents of the active cost figure,
 * K = number of free questions + 1), so that minimising c' minimises the cost first and the
 * number of changes second.
 *
 * 1. Per theme, a DP over the theme's integer points gives the minimum c' for every exact point
 *    total (suffix tables are kept to rebuild plans); its Pareto list has c' and P strictly
 *    increasing.
 * 2. The themes' lists are merged pairwise (from the last theme to the first) into the Pareto
 *    list of (c', S): a k-way merge over the theme list's rows in order of c' that skips the
 *    dominated candidates by binary search. Exact ties in (c', S) go to the candidate with more
 *    points on the earlier theme.
 * Scores are plain numbers while W * L is a safe integer, bigints otherwise (a simpler all-pairs
 * merge with the same order).
 */

export interface ThemeOption {
  /** Level index, or -1 for "stays unanswered" (a locked unanswered question). */
  readonly level: number;
  readonly points: number;
  /** c' = cost (half-cents) * K + (changes this option makes). */
  readonly key: number;
  /** Low cost in cents. */
  readonly low: number;
}

export interface ThemeTables {
  /** Options per question of the theme (in question order). */
  readonly options: readonly (readonly ThemeOption[])[];
  /** g[i][p] = min c' of questions i.. of the theme scoring exactly p points (Infinity: impossible). */
  readonly g: readonly Float64Array[];
  /** Theme maximum (sum of the highest level points). */
  readonly max: number;
  /** Pareto list: points and key costs, both strictly increasing, and the low cost of each. */
  readonly listP: Int32Array;
  readonly listKey: Float64Array;
  readonly listLow: Float64Array;
  /** The theme's plan for each list entry (see rebuildTheme). */
  readonly listPlans: readonly (readonly ThemeOption[])[];
}

/** Builds the DP tables and the Pareto list of one theme. */
export function themeTables(options: readonly (readonly ThemeOption[])[], max: number): ThemeTables {
  const m = options.length;
  const size = max + 1;
  const g: Float64Array[] = new Array<Float64Array>(m + 1);
  const last = new Float64Array(size).fill(Infinity);
  last[0] = 0;
  g[m] = last;
  let reach = 0; // highest reachable points of the suffix
  for (let i = m - 1; i >= 0; i--) {
    const next = g[i + 1]!;
    const cur = new Float64Array(size).fill(Infinity);
    const opts = options[i]!;
    let optMax = 0;
    for (const o of opts) {
      if (o.points > optMax) optMax = o.points;
      const pts = o.points;
      const key = o.key;
      for (let p = 0; p <= reach; p++) {
        const v = next[p]!;
        if (v === Infinity) continue;
        const t = v + key;
        if (t < cur[p + pts]!) cur[p + pts] = t;
      }
    }
    reach += optMax;
    g[i] = cur;
  }
  const g0 = g[0]!;
  const ps: number[] = [];
  let best = Infinity;
  for (let p = max; p >= 0; p--) {
    const v = g0[p]!;
    if (v < best) {
      ps.push(p);
      best = v;
    }
  }
  ps.reverse();
  const listP = Int32Array.from(ps);
  const listKey = new Float64Array(ps.length);
  const listLow = new Float64Array(ps.length);
  const listPlans: ThemeOption[][] = [];
  const tables: ThemeTables = { options, g, max, listP, listKey, listLow, listPlans };
  for (let j = 0; j < ps.length; j++) {
    listKey[j] = g0[ps[j]!]!;
    const plan = rebuildTheme(tables, ps[j]!);
    let low = 0;
    for (const o of plan) low += o.low;
    listLow[j] = low;
    listPlans.push(plan);
  }
  return tables;
}

/**
 * The theme's plan for exactly `p` points at minimum c': per question in order, the highest
 * level index that still allows the minimum.
 */
export function rebuildTheme(t: ThemeTables, p: number): ThemeOption[] {
  const out: ThemeOption[] = [];
  for (let i = 0; i < t.options.length; i++) {
    const target = t.g[i]![p]!;
    const next = t.g[i + 1]!;
    const opts = t.options[i]!;
    let chosen: ThemeOption | undefined;
    for (let k = opts.length - 1; k >= 0; k--) {
      const o = opts[k]!;
      const rest = p - o.points;
      if (rest >= 0 && next[rest]! + o.key === target) {
        chosen = o;
        break;
      }
    }
    if (!chosen) throw new Error('internal: theme plan cannot be rebuilt');
    out.push(chosen);
    p -= chosen.points;
  }
  return out;
}

/** A Pareto list of partial plans: key cost and score strictly increasing. */
export interface ParetoList<S extends number | bigint> {
  readonly n: number;
  readonly key: Float64Array;
  readonly score: S[] | Float64Array;
  readonly low: Float64Array;
  /** Index into the previous list (null for the first list). */
  readonly left: Int32Array | null;
  /** Index into the theme list merged in. */
  readonly right: Int32Array | null;
}

export type NumList = ParetoList<number> & { readonly score: Float64Array };
export type BigList = ParetoList<bigint> & { readonly score: bigint[] };

/** A theme's Pareto list as a start of the fold, scores as numbers. */
export function themeListNum(t: ThemeTables, k: number): NumList {
  const n = t.listP.length;
  const score = new Float64Array(n);
  for (let j = 0; j < n; j++) score[j] = k * t.listP[j]!;
  return { n, key: t.listKey, score, low: t.listLow, left: null, right: null };
}

export function themeListBig(t: ThemeTables, k: bigint): BigList {
  const n = t.listP.length;
  const score: bigint[] = new Array<bigint>(n);
  for (let j = 0; j < n; j++) score[j] = k * BigInt(t.listP[j]!);
  return { n, key: t.listKey, score, low: t.listLow, left: null, right: null };
}

/**
 * Pareto list of all sums a + b (a in A, b in B), numbers. A k-way merge over the rows
 * A + b_j in the order (key asc, score desc, b index desc); a candidate is kept when its score
 * beats every kept one, and a row then skips (binary search) to its first entry that can still
 * beat it. The heap slots hold (key, score, row) in parallel typed arrays.
 */
export function mergeNum(A: NumList, B: NumList): NumList {
  const rows = B.n;
  const aKey = A.key;
  const aScore = A.score;
  const aLow = A.low;
  const aN = A.n;
  const bKey = B.key;
  const bScore = B.score;
  const bLow = B.low;
  /** per row: its current position in A */
  const pos = new Int32Array(rows);
  /** heap slots: key, score, row */
  const hk = new Float64Array(rows);
  const hs = new Float64Array(rows);
  const hr = new Int32Array(rows);
  let cap = Math.max(16, aN + rows);
  let oKey = new Float64Array(cap);
  let oScore = new Float64Array(cap);
  let oLow = new Float64Array(cap);
  let oLeft = new Int32Array(cap);
  let oRight = new Int32Array(cap);
  let n = 0;
  let size = 0;
  if (aN > 0) {
    for (let r = 0; r < rows; r++) {
      const k = aKey[0]! + bKey[r]!;
      const s = aScore[0]! + bScore[r]!;
      let at = size++;
      while (at > 0) {
        const p = (at - 1) >> 1;
        const pk = hk[p]!;
        const ps = hs[p]!;
        if (pk < k || (pk === k && (ps > s || (ps === s && hr[p]! > r)))) break;
        hk[at] = pk;
        hs[at] = ps;
        hr[at] = hr[p]!;
        at = p;
      }
      hk[at] = k;
      hs[at] = s;
      hr[at] = r;
    }
  }
  let best = -Infinity;
  while (size > 0) {
    const r = hr[0]!;
    const i = pos[r]!;
    const s = hs[0]!;
    if (s > best) {
      if (n === cap) {
        cap *= 2;
        const k2 = new Float64Array(cap);
        k2.set(oKey);
        oKey = k2;
        const s2 = new Float64Array(cap);
        s2.set(oScore);
        oScore = s2;
        const l2 = new Float64Array(cap);
        l2.set(oLow);
        oLow = l2;
        const a2 = new Int32Array(cap);
        a2.set(oLeft);
        oLeft = a2;
        const b2 = new Int32Array(cap);
        b2.set(oRight);
        oRight = b2;
      }
      oKey[n] = hk[0]!;
      oScore[n] = s;
      oLow[n] = aLow[i]! + bLow[r]!;
      oLeft[n] = i;
      oRight[n] = r;
      n++;
      best = s;
    }
    // the row's next candidate that can still beat `best`: first i' > i with aScore[i'] > best - b
    const bs = bScore[r]!;
    const target = best - bs;
    let lo = i + 1;
    let hi = aN;
    if (lo < hi && aScore[lo]! > target) hi = lo;
    else {
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (aScore[mid]! > target) hi = mid;
        else lo = mid + 1;
      }
    }
    // the slot to sift down from the root: the row's next candidate, or the last slot
    let k: number;
    let sc: number;
    let rr: number;
    if (lo >= aN) {
      size--;
      if (size === 0) break;
      k = hk[size]!;
      sc = hs[size]!;
      rr = hr[size]!;
    } else {
      pos[r] = lo;
      k = aKey[lo]! + bKey[r]!;
      sc = aScore[lo]! + bs;
      rr = r;
    }
    let at = 0;
    for (;;) {
      let c = 2 * at + 1;
      if (c >= size) break;
      const c2 = c + 1;
      if (c2 < size) {
        const k1 = hk[c]!;
        const k2 = hk[c2]!;
        if (k2 < k1 || (k2 === k1 && (hs[c2]! > hs[c]! || (hs[c2]! === hs[c]! && hr[c2]! > hr[c]!)))) c = c2;
      }
      const ck = hk[c]!;
      const cs = hs[c]!;
      if (ck > k || (ck === k && (cs < sc || (cs === sc && hr[c]! < rr)))) break;
      hk[at] = ck;
      hs[at] = cs;
      hr[at] = hr[c]!;
      at = c;
    }
    hk[at] = k;
    hs[at] = sc;
    hr[at] = rr;
  }
  return {
    n,
    key: oKey.subarray(0, n),
    score: oScore.subarray(0, n),
    low: oLow.subarray(0, n),
    left: oLeft.subarray(0, n),
    right: oRight.subarray(0, n),
  };
}

/** The same merge with bigint scores: all pairs, sorted in the same order, then swept. */
export function mergeBig(A: BigList, B: BigList): BigList {
  const cand: { key: number; score: bigint; i: number; j: number }[] = [];
  for (let i = 0; i < A.n; i++) {
    for (let j = 0; j < B.n; j++) cand.push({ key: A.key[i]! + B.key[j]!, score: A.score[i]! + B.score[j]!, i, j });
  }
  cand.sort((x, y) => (x.key !== y.key ? x.key - y.key : x.score !== y.score ? (x.score > y.score ? -1 : 1) : y.j - x.j));
  const key: number[] = [];
  const score: bigint[] = [];
  const low: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  let best: bigint | null = null;
  for (const c of cand) {
    if (best === null || c.score > best) {
      key.push(c.key);
      score.push(c.score);
      low.push(A.low[c.i]! + B.low[c.j]!);
      left.push(c.i);
      right.push(c.j);
      best = c.score;
    }
  }
  return {
    n: key.length,
    key: Float64Array.from(key),
    score,
    low: Float64Array.from(low),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
  };
}


