/**
 * A command of `quickscan`: one module in `cli/commands/`, listed in `cli/commands/index.ts`.
 * The runner (cli/run.ts) parses the arguments against `options`, checks the number of
 * positionals, handles `--help`, `--json` and `--lang`, and turns a thrown {@link CliError}
 * into exit code 2 with one line on standard error.
 */
import type { OptionSpec, ParsedArgs } from './args';
import type { CliIo } from './io';
import type { Lang, Strings } from './strings';

export interface CommandContext {
  readonly io: CliIo;
  readonly lang: Lang;
  /** The texts in the chosen language. */
  readonly s: Strings;
  /** `--json` was given. */
  readonly json: boolean;
  readonly args: ParsedArgs;
  /** Writes lines to standard output (each followed by a newline). */
  out(...lines: string[]): void;
  /** Writes a value as JSON (2-space indented, bigints as strings) to standard output. */
  outJson(value: unknown): void;
  /** Writes one warning line to standard error (`quickscan: warning: …`). */
  warn(message: string): void;
  /** Writes one error line to standard error (`quickscan: …`), for commands that go on. */
  error(message: string): void;
}

export interface CommandHelp {
  /** e.g. `quickscan score <scan-file> [--form <definition.json>] [--json] [--lang nl|en]` */
  readonly usage: string;
  /** One line, for the list of commands. */
  readonly summary: string;
  /** Paragraphs after the usage line. */
  readonly description: readonly string[];
  /** [flag, explanation] rows (the common --json, --lang, --help are added by the runner). */
  readonly options: readonly (readonly [string, string])[];
  /** Example command lines. */
  readonly examples: readonly string[];
}

export interface Command {
  /** The words that name the command, e.g. ['form', 'validate']. */
  readonly path: readonly string[];
  /** The command's own options (name without dashes); --json, --lang and --help are common. */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  readonly help: (s: Strings) => CommandHelp;
  /** Returns the exit code; throws CliError on bad input. */
  run(ctx: CommandContext): Promise<number>;
}
