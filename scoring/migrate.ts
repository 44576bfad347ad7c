/**
 * "Try this scan on version X": the answers of a scan carried over to another version of its
 * method, for a variant that is scored on that version. Pure; the original is never touched
 * (a new answers object is returned). An answer carries over when the question still exists and
 * its level (by id) still exists; not-applicable carries over when the question still allows
 * it; an answer with only a note carries over as it is. Everything else is dropped and listed,
 * so the user sees what to answer again. `tryScanOn` adds the scores before and after and, per
 * theme, the method's changes (forms/diff.ts) and the questions that need an answer.
 */
import { changeTheme, diffDefinitions, type MethodChange, type MethodDiff } from '../forms/diff';
import type { QuickScanDefinition } from '../forms/schema';
import type { CostOverride } from './scan-file';
import { scoreScan, type ScanScore, type ScoringProject } from './score';

export type DroppedReason = 'question-removed' | 'level-removed' | 'not-applicable-not-allowed';

/** An answer as a scan keeps it: a level or "not applicable", and whatever else it carries (a note, evidence). */
export interface CarriableAnswer {
  readonly level?: string | undefined;
  readonly notApplicable?: true | undefined;
}

export interface CarriedScan<A extends CarriableAnswer = CarriableAnswer> {
  answers: Record<string, A>;
  costOverrides: CostOverride[];
  locked: string[];
  /** Answers that could not be carried over, in the order of the original answers. */
  dropped: { question: string; reason: DroppedReason; level?: string }[];
  /** Questions of the target version that the scan has not answered (new ones included). */
  unanswered: string[];
}

export function carryScanTo<A extends CarriableAnswer>(
  scan: {
    readonly answers: Readonly<Record<string, A>>;
    readonly costOverrides?: readonly CostOverride[] | undefined;
    readonly locked?: readonly string[] | undefined;
  },
  target: QuickScanDefinition,
): CarriedScan<A> {
  const questions = new Map(target.questions.map((q) => [q.id, q]));
  const answers: Record<string, A> = {};
  const dropped: CarriedScan['dropped'] = [];
  for (const [id, answer] of Object.entries(scan.answers)) {
    const q = questions.get(id);
    if (!q) {
      dropped.push({ question: id, reason: 'question-removed' });
      continue;
    }
    if (typeof answer.level === 'string') {
      if (!q.levels.some((l) => l.id === answer.level)) {
        dropped.push({ question: id, reason: 'level-removed', level: answer.level });
        continue;
      }
    } else if (answer.notApplicable && !q.allowNotApplicable) {
      dropped.push({ question: id, reason: 'not-applicable-not-allowed' });
      continue;
    }
    // (an answer with only a note carries over as it is)
    answers[id] = structuredClone(answer);
  }
  const costOverrides = (scan.costOverrides ?? [])
    .filter((o) => questions.get(o.question)?.levels.some((l) => l.id === o.level))
    .map((o) => structuredClone(o) as CostOverride);
  const locked = (scan.locked ?? []).filter((q) => questions.has(q));
  const isAnswered = (id: string) => {
    const a = answers[id];
    return a !== undefined && (typeof a.level === 'string' || a.notApplicable === true);
  };
  const unanswered = target.questions.map((q) => q.id).filter((id) => !isAnswered(id));
  return { answers, costOverrides, locked, dropped, unanswered };
}

/* ------------------------------------------------------------------------------------------ */
/* "Try this scan on version X": what would change, per theme                                 */
/* ------------------------------------------------------------------------------------------ */

/** Why a question of the target version needs an answer in the variant. */
export type NeedsAnswerReason = 'question-added' | 'level-removed' | 'not-applicable-not-allowed' | 'unanswered';

export interface ThemeTrial {
  theme: string;
  /** Whether the theme is in the scan's own version and in the target version. */
  inFrom: boolean;
  inTo: boolean;
  /** The theme's display score (0-100, one decimal) before and after; null when it has none. */
  before: number | null;
  after: number | null;
  /** The method's changes in this theme (forms/diff.ts), in the target's order. */
  changes: MethodChange[];
  /** Questions of the target version in this theme that apply to the project and need an answer. */
  needsAnswer: { question: string; reason: NeedsAnswerReason }[];
  /** Questions of this theme that the target version no longer has and that the scan had answered. */
  removedAnswers: string[];
}

export interface ScanTrial<A extends CarriableAnswer = CarriableAnswer> {
  /** What the variant would contain. */
  carried: CarriedScan<A>;
  diff: MethodDiff;
  before: ScanScore;
  after: ScanScore;
  /** Per theme: the target's themes in order, then themes only the scan's version had. */
  themes: ThemeTrial[];
  /** Method-wide changes (texts, sources, labels). */
  methodChanges: MethodChange[];
}

/** Stored answers as scoring takes them: only a level or "not applicable" counts. */
function scoringAnswers(answers: Readonly<Record<string, CarriableAnswer>>): Record<string, { level: string } | { notApplicable: true }> {
  const out: Record<string, { level: string } | { notApplicable: true }> = {};
  for (const [id, a] of Object.entries(answers)) {
    if (typeof a.level === 'string') out[id] = { level: a.level };
    else if (a.notApplicable) out[id] = { notApplicable: true };
  }
  return out;
}

/**
 * What a scan would look like on another method version, without changing it: the carried
 * answers (carryScanTo), the scores before and after, and per theme the method's changes and
 * the questions that need an answer. Pure; the scan is only read.
 */
export function tryScanOn<A extends CarriableAnswer>(
  project: ScoringProject,
  scan: {
    readonly answers: Readonly<Record<string, A>>;
    readonly costOverrides?: readonly CostOverride[] | undefined;
    readonly locked?: readonly string[] | undefined;
  },
  from: QuickScanDefinition,
  to: QuickScanDefinition,
): ScanTrial<A> {
  const carried = carryScanTo(scan, to);
  const diff = diffDefinitions(from, to);
  const before = scoreScan(from, { project, answers: scoringAnswers(scan.answers), costOverrides: scan.costOverrides });
  const after = scoreScan(to, { project, answers: scoringAnswers(carried.answers), costOverrides: carried.costOverrides });
  const droppedWhy = new Map(carried.dropped.map((d) => [d.question, d.reason]));
  const fromQuestions = new Set(from.questions.map((q) => q.id));
  const unanswered = new Set(after.unanswered);
  const themeIds = [...to.themes.map((t) => t.id), ...from.themes.map((t) => t.id).filter((id) => !to.themes.some((t) => t.id === id))];
  const themes = themeIds.map((theme): ThemeTrial => {
    const needsAnswer = to.questions
      .filter((q) => q.theme === theme && unanswered.has(q.id))
      .map((q) => {
        const why = droppedWhy.get(q.id);
        const reason: NeedsAnswerReason = !fromQuestions.has(q.id) ? 'question-added' : why === 'level-removed' || why === 'not-applicable-not-allowed' ? why : 'unanswered';
        return { question: q.id, reason };
      });
    const removedAnswers = from.questions.filter((q) => q.theme === theme && droppedWhy.get(q.id) === 'question-removed').map((q) => q.id);
    return {
      theme,
      inFrom: from.themes.some((t) => t.id === theme),
      inTo: to.themes.some((t) => t.id === theme),
      before: before.themes.find((t) => t.id === theme)?.display ?? null,
      after: after.themes.find((t) => t.id === theme)?.display ?? null,
      changes: diff.changes.filter((c) => changeTheme(c) === theme),
      needsAnswer,
      removedAnswers,
    };
  });
  return { carried, diff, before, after, themes, methodChanges: diff.changes.filter((c) => changeTheme(c) === undefined) };
}
