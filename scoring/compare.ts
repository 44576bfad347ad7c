/**
 * Re-validation through the project: two revisions of a scan (e.g. the one cited in the bid and
 * the one made at delivery) side by side — per question, per theme, the total and the label —
 * with the downgrades and a promised-versus-delivered table (brief section 6, "a paper reality").
 *
 * Pure. Both sides are scored with scoreScan on their own definition; when the definitions
 * differ (another method version), questions and themes are matched by id and those that exist
 * on one side only are listed as such. Order: definition A's order, then what only B has, in
 * B's order.
 */
import { gfaHundredths, resolveOverrides, prepare } from './prepare';
import { costToCents } from './money';
import { rational } from './rational';
import { scoreScan, type ScanScore, type ScoringProject } from './score';
import type { Answer, CostOverride } from './scan-file';
import type { CostIndication, Rational, ScoreValue, ScoringDefinition, ScoringQuestion } from './types';

/**
 * What is compared: an issued revision's signed content, a scan file, or anything with the same
 * `project` and `scan` parts. `phase`, `issuedAt` and `revisionId` are reported when present.
 */
export interface RevisionLike {
  readonly project: ScoringProject & { readonly phase?: string | undefined; readonly name?: string | undefined };
  readonly scan: {
    readonly answers: Readonly<Record<string, Answer>>;
    readonly costOverrides?: readonly CostOverride[] | undefined;
  };
  readonly phase?: string | undefined;
  readonly issuedAt?: string | undefined;
  readonly revisionId?: string | undefined;
  readonly method?: { readonly id: string; readonly version: string; readonly sha256?: string } | undefined;
}

export type EvidenceStatus = 'evidenced' | 'claimed' | 'na' | 'unanswered';

export interface LevelRef {
  readonly id: string;
  /** Index in the question's levels (0 = conventional) of that side's definition. */
  readonly index: number;
  readonly points: number;
}

export interface CostRange {
  readonly lowCents: number;
  readonly highCents: number;
}

export interface QuestionSide {
  /** The answered level; null when unanswered or not applicable. */
  readonly level: LevelRef | null;
  /** Points that count (0 when unanswered or not applicable). */
  readonly points: number;
  /** Extra cost of the answered level for this side's GFA, after this side's cost overrides; 0 without a level. */
  readonly cost: CostRange;
  /**
   * `evidenced`: a level with at least one evidence file; `claimed`: a level without evidence;
   * `na`: not applicable (answered so, or not for this project's kind); `unanswered`.
   */
  readonly evidence: EvidenceStatus;
  readonly evidenceCount: number;
  readonly note: string | null;
}

export interface QuestionComparison {
  readonly question: string;
  /** The theme id (A's, or B's when only B has the question). */
  readonly theme: string;
  /** Null when the question is not in that side's definition. */
  readonly before: QuestionSide | null;
  readonly after: QuestionSide | null;
  /** after.points - before.points; null when the question is on one side only. */
  readonly pointsDelta: number | null;
  /** after.cost - before.cost (low and high separately); null when on one side only. */
  readonly costDelta: CostRange | null;
  readonly noteChanged: boolean;
  readonly evidenceChanged: boolean;
}

export interface ScoreDelta {
  /** after - before, exact (0..1 scale, may be negative). */
  readonly exact: Rational;
  /** after.display - before.display (0-100, one decimal): the shown figures add up. */
  readonly display: number;
}

export interface ThemeComparison {
  readonly theme: string;
  /** Null when the theme has no score on that side (or is not in its definition). */
  readonly before: ScoreValue | null;
  readonly after: ScoreValue | null;
  /** Null unless both sides have a score. */
  readonly delta: ScoreDelta | null;
  readonly inA: boolean;
  readonly inB: boolean;
}

export interface Downgrade {
  readonly question: string;
  readonly theme: string;
  readonly from: LevelRef | null;
  readonly to: LevelRef | null;
  /** Negative. */
  readonly pointsDelta: number;
  /** `lower-level`: a lower level; `not-applicable`: now marked not applicable; `unanswered`: no longer answered. */
  readonly kind: 'lower-level' | 'not-applicable' | 'unanswered';
}

export type PromiseStatus = 'met' | 'exceeded' | 'not-met' | 'not-assessed';

export interface PromiseRow {
  readonly question: string;
  readonly theme: string;
  /** A's level: what was promised; null when A has no level for it. */
  readonly promised: LevelRef | null;
  /** B's level: what was delivered; null when B has no level for it. */
  readonly delivered: LevelRef | null;
  /**
   * `met`: delivered points equal the promised points; `exceeded`: more; `not-met`: fewer, or the
   * promised question is now marked not applicable; `not-assessed`: nothing was promised (A has
   * no level), or B does not answer the question (unanswered, or not in B's definition).
   */
  readonly status: PromiseStatus;
}

/**
 * An evidence file of a question over both revisions, by SHA-256:
 * - `supplied`: named by the later revision, and its file is at hand with that hash (a dossier
 *   checked against the revision, or the app's own evidence store);
 * - `not-supplied`: named by the later revision, file not at hand. The signed revision still
 *   names it: a missing dossier is never read as a withdrawal or a downgrade;
 * - `withdrawn`: named by the earlier revision and no longer by the later one.
 */
export type EvidenceFileState = 'supplied' | 'not-supplied' | 'withdrawn';

export interface EvidenceFileRow {
  readonly question: string;
  readonly sha256: string;
  readonly name: string;
  readonly state: EvidenceFileState;
}

export interface CompareOptions {
  /** SHA-256s of the later revision's evidence files at hand (checked against their hashes). */
  readonly supplied?: ReadonlySet<string> | undefined;
}

export interface RevisionSummary {
  readonly revisionId: string | null;
  readonly phase: string | null;
  readonly issuedAt: string | null;
  readonly method: { readonly id: string; readonly version: string } | null;
  readonly gfaM2: number;
  readonly total: ScoreValue | null;
  readonly label: string | null;
  readonly cost: ScanScore['cost'];
}

export interface RevisionComparison {
  readonly a: RevisionSummary;
  readonly b: RevisionSummary;
  /** True when the two sides were scored with different definition objects. */
  readonly differentDefinitions: boolean;
  readonly questions: readonly QuestionComparison[];
  readonly themes: readonly ThemeComparison[];
  readonly total: { readonly before: ScoreValue | null; readonly after: ScoreValue | null; readonly delta: ScoreDelta | null };
  readonly label: {
    readonly before: string | null;
    readonly after: string | null;
    /** By position in each side's label list (none below the lowest). */
    readonly change: 'up' | 'down' | 'same';
  };
  readonly downgrades: readonly Downgrade[];
  readonly promisedVsDelivered: readonly PromiseRow[];
  /** Question ids in A's definition only, and in B's only. */
  readonly onlyInA: readonly string[];
  readonly onlyInB: readonly string[];
  /** Per status, how many rows of promisedVsDelivered have it. */
  readonly promiseCounts: Readonly<Record<PromiseStatus, number>>;
  /** The evidence files of each question (A's order, then B's only), with their state. */
  readonly evidenceFiles: readonly EvidenceFileRow[];
  readonly evidenceCounts: Readonly<Record<EvidenceFileState, number>>;
}

/* ------------------------------------------------------------------------------------------ */

interface Side {
  readonly def: ScoringDefinition;
  readonly rev: RevisionLike;
  readonly score: ScanScore;
  readonly questions: ReadonlyMap<string, ScoringQuestion>;
  readonly gfaH: number;
  readonly overrides: ReadonlyMap<number, CostIndication>;
}

function side(def: ScoringDefinition, rev: RevisionLike): Side {
  const score = scoreScan(def, { project: rev.project, answers: rev.scan.answers, costOverrides: rev.scan.costOverrides });
  return {
    def,
    rev,
    score,
    questions: new Map(def.questions.map((q) => [q.id, q])),
    gfaH: gfaHundredths(rev.project.gfaM2),
    overrides: resolveOverrides(prepare(def), rev.scan.costOverrides),
  };
}

const ZERO: CostRange = { lowCents: 0, highCents: 0 };

function questionSide(s: Side, q: ScoringQuestion, qIndex: number): QuestionSide {
  const answer = s.rev.scan.answers[q.id];
  const note = answer?.note ?? null;
  const evidenceCount = answer?.evidence?.length ?? 0;
  const applies = q.appliesTo.includes(s.rev.project.kind);
  if (!applies || (answer !== undefined && 'notApplicable' in answer && answer.notApplicable === true)) {
    return { level: null, points: 0, cost: ZERO, evidence: 'na', evidenceCount, note };
  }
  if (answer === undefined || !('level' in answer)) {
    return { level: null, points: 0, cost: ZERO, evidence: 'unanswered', evidenceCount, note };
  }
  const index = q.levels.findIndex((l) => l.id === answer.level);
  const level = q.levels[index]!; // scoreScan has checked the level exists
  const c = costToCents(s.overrides.get(qIndex * 65536 + index) ?? level.cost, s.gfaH);
  return {
    level: { id: level.id, index, points: level.points },
    points: level.points,
    cost: { lowCents: c.low, highCents: c.high },
    evidence: evidenceCount > 0 ? 'evidenced' : 'claimed',
    evidenceCount,
    note,
  };
}

function evidenceKey(answer: Answer | undefined): string {
  return JSON.stringify((answer?.evidence ?? []).map((e) => e.sha256).sort());
}

function tenths(display: number): number {
  return Math.round(display * 10);
}

function scoreDelta(before: ScoreValue | null, after: ScoreValue | null): ScoreDelta | null {
  if (!before || !after) return null;
  const exact = rational(after.exact.num * before.exact.den - before.exact.num * after.exact.den, after.exact.den * before.exact.den);
  return { exact, display: (tenths(after.display) - tenths(before.display)) / 10 };
}

function promiseStatus(before: QuestionSide | null, after: QuestionSide | null): PromiseStatus {
  if (!before || before.level === null) return 'not-assessed';
  if (!after || after.evidence === 'unanswered') return 'not-assessed';
  if (after.evidence === 'na') return before.points > 0 ? 'not-met' : 'met';
  if (after.points > before.points) return 'exceeded';
  if (after.points < before.points) return 'not-met';
  return 'met';
}

/**
 * Compares revision `a` (earlier: e.g. the one cited in the bid) with revision `b` (later: e.g.
 * at delivery). `definitionB` defaults to `definitionA`. Throws ScanInputError when a side does
 * not fit its definition (as scoreScan does).
 */
export function compareRevisions(
  a: RevisionLike,
  b: RevisionLike,
  definitionA: ScoringDefinition,
  definitionB: ScoringDefinition = definitionA,
  options: CompareOptions = {},
): RevisionComparison {
  const A = side(definitionA, a);
  const B = side(definitionB, b);

  const order: { id: string; theme: string; qa: ScoringQuestion | undefined; qb: ScoringQuestion | undefined }[] = [];
  for (const q of definitionA.questions) order.push({ id: q.id, theme: q.theme, qa: q, qb: B.questions.get(q.id) });
  for (const q of definitionB.questions) if (!A.questions.has(q.id)) order.push({ id: q.id, theme: q.theme, qa: undefined, qb: q });
  const indexA = new Map(definitionA.questions.map((q, i) => [q.id, i]));
  const indexB = new Map(definitionB.questions.map((q, i) => [q.id, i]));

  const questions: QuestionComparison[] = [];
  const downgrades: Downgrade[] = [];
  const promisedVsDelivered: PromiseRow[] = [];
  for (const { id, theme, qa, qb } of order) {
    const before = qa ? questionSide(A, qa, indexA.get(id)!) : null;
    const after = qb ? questionSide(B, qb, indexB.get(id)!) : null;
    const both = before !== null && after !== null;
    const pointsDelta = both ? after.points - before.points : null;
    questions.push({
      question: id,
      theme,
      before,
      after,
      pointsDelta,
      costDelta: both ? { lowCents: after.cost.lowCents - before.cost.lowCents, highCents: after.cost.highCents - before.cost.highCents } : null,
      noteChanged: both ? (before.note ?? '') !== (after.note ?? '') : false,
      evidenceChanged: both ? evidenceKey(a.scan.answers[id]) !== evidenceKey(b.scan.answers[id]) : false,
    });
    if (pointsDelta !== null && pointsDelta < 0) {
      downgrades.push({
        question: id,
        theme,
        from: before!.level,
        to: after!.level,
        pointsDelta,
        kind: after!.evidence === 'na' ? 'not-applicable' : after!.evidence === 'unanswered' ? 'unanswered' : 'lower-level',
      });
    }
    if (qa) promisedVsDelivered.push({ question: id, theme, promised: before!.level, delivered: after?.level ?? null, status: promiseStatus(before, after) });
  }

  const themeIdsB = new Set(definitionB.themes.map((t) => t.id));
  const themeIdsA = new Set(definitionA.themes.map((t) => t.id));
  const themeIds = [...definitionA.themes.map((t) => t.id), ...definitionB.themes.map((t) => t.id).filter((t) => !themeIdsA.has(t))];
  const themeScore = (s: Side, id: string): ScoreValue | null => {
    const t = s.score.themes.find((x) => x.id === id);
    return t && t.exact ? { exact: t.exact, display: t.display! } : null;
  };
  const themes: ThemeComparison[] = themeIds.map((id) => {
    const before = themeScore(A, id);
    const after = themeScore(B, id);
    return { theme: id, before, after, delta: scoreDelta(before, after), inA: themeIdsA.has(id), inB: themeIdsB.has(id) };
  });

  const labelIndex = (def: ScoringDefinition, id: string | null) => (id === null ? -1 : def.labels.findIndex((l) => l.id === id));
  const la = A.score.label.reached;
  const lb = B.score.label.reached;
  const ia = labelIndex(definitionA, la);
  const ib = labelIndex(definitionB, lb);
  const change = la === lb ? 'same' : ib > ia ? 'up' : ib < ia ? 'down' : 'same';

  const summary = (s: Side): RevisionSummary => ({
    revisionId: s.rev.revisionId ?? null,
    phase: s.rev.phase ?? s.rev.project.phase ?? null,
    issuedAt: s.rev.issuedAt ?? null,
    method: s.rev.method ? { id: s.rev.method.id, version: s.rev.method.version } : null,
    gfaM2: s.rev.project.gfaM2,
    total: s.score.total,
    label: s.score.label.reached,
    cost: s.score.cost,
  });

  const evidenceFiles: EvidenceFileRow[] = [];
  for (const { id } of order) {
    const later = b.scan.answers[id]?.evidence ?? [];
    const laterHashes = new Set(later.map((e) => e.sha256));
    const seen = new Set<string>();
    for (const e of later) {
      if (seen.has(e.sha256)) continue;
      seen.add(e.sha256);
      evidenceFiles.push({ question: id, sha256: e.sha256, name: e.name, state: options.supplied?.has(e.sha256) ? 'supplied' : 'not-supplied' });
    }
    for (const e of a.scan.answers[id]?.evidence ?? []) {
      if (laterHashes.has(e.sha256) || seen.has(e.sha256)) continue;
      seen.add(e.sha256);
      evidenceFiles.push({ question: id, sha256: e.sha256, name: e.name, state: 'withdrawn' });
    }
  }
  const evidenceCounts: Record<EvidenceFileState, number> = { supplied: 0, 'not-supplied': 0, withdrawn: 0 };
  for (const r of evidenceFiles) evidenceCounts[r.state]++;

  const promiseCounts: Record<PromiseStatus, number> = { met: 0, exceeded: 0, 'not-met': 0, 'not-assessed': 0 };
  for (const r of promisedVsDelivered) promiseCounts[r.status]++;

  return {
    a: summary(A),
    b: summary(B),
    differentDefinitions: definitionA !== definitionB,
    questions,
    themes,
    total: { before: A.score.total, after: B.score.total, delta: scoreDelta(A.score.total, B.score.total) },
    label: { before: la, after: lb, change },
    downgrades,
    promisedVsDelivered,
    onlyInA: definitionA.questions.filter((q) => !B.questions.has(q.id)).map((q) => q.id),
    onlyInB: definitionB.questions.filter((q) => !A.questions.has(q.id)).map((q) => q.id),
    promiseCounts,
    evidenceFiles,
    evidenceCounts,
  };
}
