/** Why scan input does not fit its definition; `message` is meant to be shown to the user. */
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

export class ScanInputError extends Error {
  override readonly name = 'ScanInputError';
  readonly code: ScanInputErrorCode;
  readonly question: string | undefined;
  readonly level: string | undefined;

  constructor(code: ScanInputErrorCode, message: string, where: { question?: string; level?: string } = {}) {
    super(message);
    this.code = code;
    this.question = where.question;
    this.level = where.level;
  }
}
