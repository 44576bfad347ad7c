/**
 * Why scan input does not fit its definition: a code and the values it concerns, never a sentence.
 * The surfaces word it (report/input-strings.ts `scanInputErrorText`, Dutch and English);
 * `Error.message` is a terse technical string for logs only and is never shown to a user.
 */
export type ScanInputErrorCode =
  | 'unknown-question'
  | 'unknown-level'
  | 'not-applicable-not-allowed'
  | 'duplicate-cost-override'
  | 'invalid-cost-override'
  | 'unknown-locked-question'
  | 'invalid-project'
  | 'invalid-budget'
  | 'out-of-range';

/** Where an id came from: the scan's answers, a cost override, or a plan passed to the scoring. */
export type ScanInputSource = 'answers' | 'cost-override' | 'plan';

/**
 * Which value is wrong (invalid-project, invalid-budget): the project kind, the gross floor area,
 * the circular budget amount, its percentage (or the construction budget), a budget in cents
 * passed by the caller, or no budget at all.
 */
export type ScanInputField = 'project-kind' | 'gfa' | 'circular-budget' | 'budget-percentage' | 'budget-cents' | 'no-budget';

export interface ScanInputValues {
  question?: string;
  level?: string;
  source?: ScanInputSource;
  field?: ScanInputField;
  /** The value given (shortened by the surfaces), e.g. the bad floor area or project kind. */
  value?: string | number;
  /** unknown-level: the levels the question does have. */
  known?: readonly string[];
}

export class ScanInputError extends Error {
  override readonly name = 'ScanInputError';
  readonly code: ScanInputErrorCode;
  readonly values: Readonly<ScanInputValues>;

  constructor(code: ScanInputErrorCode, values: ScanInputValues = {}) {
    super([code, values.source, values.field, values.question, values.level].filter((x) => x !== undefined).join(' '));
    this.code = code;
    this.values = values;
  }

  get question(): string | undefined {
    return this.values.question;
  }

  get level(): string | undefined {
    return this.values.level;
  }
}
