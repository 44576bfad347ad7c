/**
 * A small, strict argument parser: `--name value`, `--name=value`, boolean `--flag`, `-h`, and
 * `--` to end the options. Unlike `util.parseArgs` it takes `--budget -5` as the value "-5", so
 * that the command can say what is wrong with it rather than call the option ambiguous.
 */

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** May be given more than once (the values are collected). */
  readonly multiple?: boolean;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: OptionValues;
}

export type ArgProblem =
  | { kind: 'unknown-option'; option: string }
  | { kind: 'missing-value'; option: string }
  | { kind: 'unexpected-value'; option: string }
  | { kind: 'repeated-option'; option: string };

export class ArgError extends Error {
  constructor(readonly problem: ArgProblem) {
    super(`${problem.kind}: ${problem.option}`);
  }
}

const SHORT: Record<string, string> = { '-h': 'help' };

/** Parses `argv` against `spec` (option names without dashes). Throws {@link ArgError}. */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const positionals: string[] = [];
  const options: OptionValues = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === '--') {
      positionals.push(...argv.slice(k + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const long = SHORT[arg];
      if (long === undefined) throw new ArgError({ kind: 'unknown-option', option: arg });
      name = long;
    }
    const option = spec[name];
    if (option === undefined) throw new ArgError({ kind: 'unknown-option', option: `--${name}` });
    if (option.type === 'boolean') {
      if (inline !== undefined) throw new ArgError({ kind: 'unexpected-value', option: `--${name}` });
      options[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (k + 1 >= argv.length) throw new ArgError({ kind: 'missing-value', option: `--${name}` });
      value = argv[++k]!;
    }
    if (option.multiple) {
      const list = (options[name] as string[] | undefined) ?? [];
      list.push(value);
      options[name] = list;
    } else {
      if (options[name] !== undefined) throw new ArgError({ kind: 'repeated-option', option: `--${name}` });
      options[name] = value;
    }
  }
  return { positionals, options };
}
