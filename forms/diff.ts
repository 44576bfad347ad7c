/**
 * What changed between two versions of a method: questions added, removed or reworded, points,
 * costs, evidence, labels, theme weights, sources. Pure: returns codes and values, in the order
 * of the newer definition (then what only the older one had); the surfaces word them.
 * Used by `quickscan form diff a b` and the app's Settings → Methoden and "try on version X".
 */
import { canonicalJson } from './hash';
import type { CostIndication, LocalizedText, QuickScanDefinition } from './schema';

export type MethodChange =
  | { kind: 'method-text'; field: 'title' | 'description' | 'notice' | 'publisher' | 'released' }
  | { kind: 'source-added' | 'source-removed' | 'source-changed'; source: string }
  | { kind: 'theme-added' | 'theme-removed'; theme: string }
  | { kind: 'theme-weight'; theme: string; from: number; to: number }
  | { kind: 'theme-reworded'; theme: string; fields: ('title' | 'description')[] }
  | { kind: 'question-added' | 'question-removed'; theme: string; question: string }
  | { kind: 'question-moved'; theme: string; question: string; from: string; to: string }
  | { kind: 'question-reworded'; theme: string; question: string; fields: ('title' | 'help')[] }
  | { kind: 'question-sources'; theme: string; question: string }
  | { kind: 'question-applies-to'; theme: string; question: string; from: string[]; to: string[] }
  | { kind: 'question-not-applicable'; theme: string; question: string; from: boolean; to: boolean }
  | { kind: 'question-changes-brief'; theme: string; question: string; from: boolean; to: boolean }
  | { kind: 'levels-reordered'; theme: string; question: string; from: string[]; to: string[] }
  | { kind: 'level-added' | 'level-removed'; theme: string; question: string; level: string }
  | { kind: 'level-points'; theme: string; question: string; level: string; from: number; to: number }
  | { kind: 'level-cost'; theme: string; question: string; level: string; from: CostIndication; to: CostIndication }
  | { kind: 'level-reworded'; theme: string; question: string; level: string; fields: ('label' | 'help')[] }
  | { kind: 'level-evidence'; theme: string; question: string; level: string }
  | { kind: 'label-added' | 'label-removed'; label: string }
  | { kind: 'label-renamed'; label: string }
  | { kind: 'label-threshold'; label: string; field: 'minTotal' | 'minPerTheme'; from: number; to: number }
  | { kind: 'label-theme-minimum'; label: string; theme: string; from: number; to: number }
  | { kind: 'labels-reordered'; from: string[]; to: string[] };

export type MethodChangeKind = MethodChange['kind'];

/** Kinds that can change a score or a label (the others change texts, costs or advice only). */
export const SCORE_CHANGING_KINDS: ReadonlySet<MethodChangeKind> = new Set<MethodChangeKind>([
  'theme-added',
  'theme-removed',
  'theme-weight',
  'question-added',
  'question-removed',
  'question-moved',
  'question-applies-to',
  'question-not-applicable',
  'levels-reordered',
  'level-added',
  'level-removed',
  'level-points',
  'label-added',
  'label-removed',
  'label-threshold',
  'label-theme-minimum',
  'labels-reordered',
]);

export interface MethodDiff {
  from: { id: string; version: string };
  to: { id: string; version: string };
  /** Same id and the same content (canonical JSON): nothing changed. */
  identical: boolean;
  changes: MethodChange[];
  /** True when at least one change can alter a score or label. */
  scoreCanChange: boolean;
  /** Counts per kind, for a summary line. */
  counts: Partial<Record<MethodChangeKind, number>>;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const sameText = (a: LocalizedText | undefined, b: LocalizedText | undefined) => same(a, b);

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

/** The changes from definition `a` (older) to `b` (newer). */
export function diffDefinitions(a: QuickScanDefinition, b: QuickScanDefinition): MethodDiff {
  const changes: MethodChange[] = [];
  const push = (c: MethodChange) => changes.push(c);

  for (const field of ['title', 'description', 'notice'] as const) {
    if (!sameText(a[field], b[field])) push({ kind: 'method-text', field });
  }
  if (a.publisher !== b.publisher) push({ kind: 'method-text', field: 'publisher' });
  if (a.released !== b.released) push({ kind: 'method-text', field: 'released' });

  // sources
  const sa = byId(a.sources);
  const sb = byId(b.sources);
  for (const s of b.sources) {
    const old = sa.get(s.id);
    if (!old) push({ kind: 'source-added', source: s.id });
    else if (!same(old, s)) push({ kind: 'source-changed', source: s.id });
  }
  for (const s of a.sources) if (!sb.has(s.id)) push({ kind: 'source-removed', source: s.id });

  // themes
  const ta = byId(a.themes);
  const tb = byId(b.themes);
  for (const t of b.themes) {
    const old = ta.get(t.id);
    if (!old) {
      push({ kind: 'theme-added', theme: t.id });
      continue;
    }
    if (old.weight !== t.weight) push({ kind: 'theme-weight', theme: t.id, from: old.weight, to: t.weight });
    const fields = (['title', 'description'] as const).filter((f) => !sameText(old[f], t[f]));
    if (fields.length > 0) push({ kind: 'theme-reworded', theme: t.id, fields });
  }
  for (const t of a.themes) if (!tb.has(t.id)) push({ kind: 'theme-removed', theme: t.id });

  // questions, in the newer order, then removed ones
  const qa = byId(a.questions);
  const qb = byId(b.questions);
  for (const q of b.questions) {
    const old = qa.get(q.id);
    const base = { theme: q.theme, question: q.id };
    if (!old) {
      push({ kind: 'question-added', ...base });
      continue;
    }
    if (old.theme !== q.theme) push({ kind: 'question-moved', ...base, from: old.theme, to: q.theme });
    const fields = (['title', 'help'] as const).filter((f) => !sameText(old[f], q[f]));
    if (fields.length > 0) push({ kind: 'question-reworded', ...base, fields });
    if (!same(old.sources, q.sources)) push({ kind: 'question-sources', ...base });
    if (!same([...old.appliesTo].sort(), [...q.appliesTo].sort())) {
      push({ kind: 'question-applies-to', ...base, from: [...old.appliesTo], to: [...q.appliesTo] });
    }
    if (old.allowNotApplicable !== q.allowNotApplicable) {
      push({ kind: 'question-not-applicable', ...base, from: old.allowNotApplicable, to: q.allowNotApplicable });
    }
    if ((old.changesBrief ?? false) !== (q.changesBrief ?? false)) {
      push({ kind: 'question-changes-brief', ...base, from: old.changesBrief ?? false, to: q.changesBrief ?? false });
    }

    const la = byId(old.levels);
    const lb = byId(q.levels);
    const commonOld = old.levels.map((l) => l.id).filter((id) => lb.has(id));
    const commonNew = q.levels.map((l) => l.id).filter((id) => la.has(id));
    if (!same(commonOld, commonNew)) push({ kind: 'levels-reordered', ...base, from: commonOld, to: commonNew });
    for (const l of q.levels) {
      const ol = la.get(l.id);
      const lv = { ...base, level: l.id };
      if (!ol) {
        push({ kind: 'level-added', ...lv });
        continue;
      }
      if (ol.points !== l.points) push({ kind: 'level-points', ...lv, from: ol.points, to: l.points });
      if (!same(ol.cost, l.cost)) push({ kind: 'level-cost', ...lv, from: { ...ol.cost }, to: { ...l.cost } });
      const lf = (['label', 'help'] as const).filter((f) => !sameText(ol[f], l[f]));
      if (lf.length > 0) push({ kind: 'level-reworded', ...lv, fields: lf });
      if (!same(ol.evidence, l.evidence)) push({ kind: 'level-evidence', ...lv });
    }
    for (const l of old.levels) if (!lb.has(l.id)) push({ kind: 'level-removed', ...base, level: l.id });
  }
  for (const q of a.questions) if (!qb.has(q.id)) push({ kind: 'question-removed', theme: q.theme, question: q.id });

  // labels
  const lA = byId(a.labels);
  const lB = byId(b.labels);
  const themeIds = [...new Set([...a.themes.map((t) => t.id), ...b.themes.map((t) => t.id)])];
  for (const l of b.labels) {
    const old = lA.get(l.id);
    if (!old) {
      push({ kind: 'label-added', label: l.id });
      continue;
    }
    if (!sameText(old.name, l.name)) push({ kind: 'label-renamed', label: l.id });
    if (old.minTotal !== l.minTotal) push({ kind: 'label-threshold', label: l.id, field: 'minTotal', from: old.minTotal, to: l.minTotal });
    if (old.minPerTheme !== l.minPerTheme) {
      push({ kind: 'label-threshold', label: l.id, field: 'minPerTheme', from: old.minPerTheme, to: l.minPerTheme });
    }
    for (const theme of themeIds) {
      const from = old.themeMinimums?.[theme] ?? old.minPerTheme;
      const to = l.themeMinimums?.[theme] ?? l.minPerTheme;
      // a changed general minimum is reported once above; here only what differs per theme
      const general = old.minPerTheme !== l.minPerTheme && old.themeMinimums?.[theme] === undefined && l.themeMinimums?.[theme] === undefined;
      if (from !== to && !general) push({ kind: 'label-theme-minimum', label: l.id, theme, from, to });
    }
  }
  for (const l of a.labels) if (!lB.has(l.id)) push({ kind: 'label-removed', label: l.id });
  const orderA = a.labels.map((l) => l.id).filter((id) => lB.has(id));
  const orderB = b.labels.map((l) => l.id).filter((id) => lA.has(id));
  if (!same(orderA, orderB)) push({ kind: 'labels-reordered', from: orderA, to: orderB });

  const counts: Partial<Record<MethodChangeKind, number>> = {};
  for (const c of changes) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  return {
    from: { id: a.id, version: a.version },
    to: { id: b.id, version: b.version },
    identical: a.id === b.id && same(a, b),
    changes,
    scoreCanChange: changes.some((c) => SCORE_CHANGING_KINDS.has(c.kind)),
    counts,
  };
}

/** The theme a change belongs to, or undefined for method-wide changes (texts, sources, labels). */
export function changeTheme(change: MethodChange): string | undefined {
  return 'theme' in change && change.kind !== 'label-theme-minimum' ? change.theme : undefined;
}
