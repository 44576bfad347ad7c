/** Exit codes of the `quickscan` command (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** `verify`: at least one file failed. */
  notValid: 1,
  /** Bad input: usage, unreadable or invalid files, unknown method versions. */
  badInput: 2,
  /** `verify`: none failed, but at least one is indeterminate. */
  indeterminate: 3,
  /** A bug: an unexpected error inside quickscan (EX_SOFTWARE of sysexits.h). */
  internal: 70,
} as const;

/**
 * Bad input. `message` is the one line shown on standard error, already in the user's
 * language (no newlines: they are replaced by spaces when shown).
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
  }
}
