/**
 * The part of a QuickScan definition that the scoring engine reads.
 *
 * Structural on purpose: the full `QuickScanDefinition` of `forms/schema.ts` is assignable to
 * `ScoringDefinition` (checked in `types.test.ts`), and tests can build small definitions
 * without titles, help texts and sources.
 */

export type ProjectKind = 'new_build' | 'renovation' | 'extension';

/** Extra cost against conventional practice, in EUR, at most 2 decimals; negative = a saving. */
export interface CostIndication {
  basis: 'per_m2_gfa' | 'lump_sum';
  low: number;
  high: number;
}

export interface ScoringLevel {
  readonly id: string;
  /** Integer >= 0. */
  readonly points: number;
  readonly cost: CostIndication;
}

export interface ScoringQuestion {
  readonly id: string;
  /** A theme id. */
  readonly theme: string;
  readonly appliesTo: readonly ProjectKind[];
  readonly allowNotApplicable: boolean;
  /** From conventional (first) to best circular (last). */
  readonly levels: readonly ScoringLevel[];
}

export interface ScoringTheme {
  readonly id: string;
  /** Integer >= 1. */
  readonly weight: number;
}

export interface ScoringLabel {
  readonly id: string;
  /** Integer 0..100. */
  readonly minTotal: number;
  /** Integer 0..100, for every theme that has a score. */
  readonly minPerTheme: number;
  /** Per-theme overrides of `minPerTheme`, integer 0..100. */
  readonly themeMinimums?: Readonly<Record<string, number>> | undefined;
}

export interface ScoringDefinition {
  readonly themes: readonly ScoringTheme[];
  readonly questions: readonly ScoringQuestion[];
  /** From lowest to highest. */
  readonly labels: readonly ScoringLabel[];
}

/** An exact non-negative-denominator rational number, always in lowest terms. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** A score on the 0..1 scale: exact, and its display on 0-100 truncated to one decimal. */
export interface ScoreValue {
  readonly exact: Rational;
  /** 0-100, truncated (rounded down) to one decimal. */
  readonly display: number;
}

/** Integer euro cents. `midCents` = (low + high) / 2 rounded half away from zero. */
export interface CostCents {
  readonly lowCents: number;
  readonly midCents: number;
  readonly highCents: number;
}
