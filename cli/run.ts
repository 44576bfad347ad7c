/**
 * The runner: `run(argv, io)` finds the command in the table, parses its options, and returns
 * the exit code. It never throws and never exits the process, so tests run it in-process.
 */
import packageJson from '../package.json';
import { ArgError, parseArgs, type OptionSpec, type ParsedArgs } from './args';
import type { Command, CommandContext, CommandHelp } from './command';
import { COMMANDS } from './commands';
import { CliError, EXIT } from './errors';
import type { CliIo } from './io';
import { toJsonText } from './json';
import { loadMethodStore, storeLoaded } from './method-store';
import { methodStrings } from './method-strings';
import { defaultLang, LANGS, STRINGS, type Lang, type Strings } from './strings';
import { visibleText } from '../scoring/visible-text';

export const VERSION: string = packageJson.version;

/** Options every command takes. */
const COMMON: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
};

const name = (c: Command) => c.path.join(' ');

/** Longest message line written to standard error (file names and values inside are cut). */
export const MAX_MESSAGE_CHARS = 2_000;

/**
 * A message as the one line written to standard error: line breaks become spaces, control
 * characters and bidirectional overrides visible escapes (scoring/visible-text.ts), at most
 * {@link MAX_MESSAGE_CHARS} characters.
 */
export function oneLine(text: string): string {
  const line = visibleText(text.replace(/\s*\r?\n\s*/g, ' ').trim());
  return line.length > MAX_MESSAGE_CHARS ? `${line.slice(0, MAX_MESSAGE_CHARS - 1)}…` : line;
}

/**
 * The io every command writes through: whatever reaches the terminal has its control characters
 * and bidirectional overrides escaped (line breaks, tabs and a CSV's byte-order mark stay).
 */
function terminalIo(io: CliIo): CliIo {
  return {
    stdout: (text) => io.stdout(visibleText(text, '\n\r\t\uFEFF')),
    stderr: (text) => io.stderr(visibleText(text, '\n\r\t')),
    env: io.env,
    cwd: io.cwd,
  };
}

function startsWith(path: readonly string[], words: readonly string[]): boolean {
  return words.length <= path.length && words.every((w, i) => path[i] === w);
}

/** The value of the first --lang before `--`: undefined when absent, null when it has no value. */
function langOption(argv: readonly string[]): string | null | undefined {
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--') return undefined;
    if (a === '--lang') return argv[k + 1] ?? null;
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/** The command words at the start of argv (common options may come first), and their indices. */
function findCommand(argv: readonly string[]): { words: string[]; indices: number[]; stray?: string } {
  const words: string[] = [];
  const indices: number[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--lang') {
      k++;
      continue;
    }
    if (a.startsWith('--lang=') || a === '--json' || a === '--help' || a === '-h' || a === '--version') continue;
    if (a.startsWith('-')) break;
    const candidate = [...words, a];
    if (!COMMANDS.some((c) => startsWith(c.path, candidate))) return { words, indices, stray: a };
    words.push(a);
    indices.push(k);
    // a complete command, unless the next word makes a longer one (`profile <file>` and `profile sign`)
    const next = argv[k + 1];
    const longer = next !== undefined && !next.startsWith('-') && COMMANDS.some((c) => c.path.length > words.length && startsWith(c.path, [...words, next]));
    if (!longer && COMMANDS.some((c) => c.path.length === words.length && startsWith(c.path, words))) break;
  }
  return { words, indices };
}

function helpText(s: Strings, h: CommandHelp): string {
  const rows: (readonly [string, string])[] = [
    ...h.options,
    ['--json', s.optJson],
    ['--lang nl|en', s.optLang],
    ['-h, --help', s.optHelp],
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    h.summary,
    '',
    `${s.usage}: ${h.usage}`,
    '',
    ...h.description.flatMap((p) => [p, '']),
    `${s.optionsHeading}:`,
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    '',
    `${s.examplesHeading}:`,
    ...h.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

function generalHelp(s: Strings, commands: readonly Command[] = COMMANDS): string {
  const rows = commands.map((c) => {
    const h = c.help(s);
    const args = h.usage.replace(/^quickscan /, '').replace(/\s*\[--json\] \[--lang nl\|en\]$/, '');
    return [args.length > 44 ? name(c) + args.slice(name(c).length).split(' [')[0] : args, h.summary] as const;
  });
  const width = Math.max(...rows.map(([a]) => a.length));
  return [
    s.appTitle(VERSION),
    '',
    `${s.usage}: quickscan <command> [options] [--json] [--lang nl|en]`,
    '',
    `${s.commandsHeading}:`,
    ...rows.map(([a, summary]) => `  ${a.padEnd(width)}  ${summary}`),
    '',
    `${s.optionsHeading}:`,
    `  --json        ${s.optJson}`,
    `  --lang nl|en  ${s.optLang}`,
    `  -h, --help    ${s.optHelp}`,
    `  --version     ${s.optVersion}`,
    '',
    s.moreHelp,
    '',
    `${s.exitCodesHeading}:`,
    ...s.exitCodes.map((line) => `  ${line}`),
    '',
    `${s.limitsHeading}:`,
    ...s.limits.map((line) => `  ${line}`),
    '',
  ].join('\n');
}

function argProblem(s: Strings, error: ArgError, command: string): string {
  const p = error.problem;
  switch (p.kind) {
    case 'unknown-option':
      return s.unknownOption(p.option, command);
    case 'missing-value':
      return s.missingValue(p.option);
    case 'unexpected-value':
      return s.unexpectedValue(p.option);
    case 'repeated-option':
      return s.repeatedOption(p.option);
  }
}

function context(io: CliIo, lang: Lang, args: ParsedArgs): CommandContext {
  const s = STRINGS[lang];
  return {
    io,
    lang,
    s,
    json: args.options.json === true,
    args,
    // a line of output is one line: a line break inside a value from a file is shown escaped
    out: (...lines) => io.stdout(lines.map((l) => `${visibleText(l)}\n`).join('')),
    outJson: (value) => io.stdout(toJsonText(value)),
    warn: (message) => io.stderr(`quickscan: ${s.warning}: ${oneLine(message)}\n`),
    error: (message) => io.stderr(`quickscan: ${oneLine(message)}\n`),
  };
}

/**
 * Runs `quickscan` with the arguments after the program name. Returns the exit code:
 * 0 success, 1 verify: a file failed, 2 bad input (one line on stderr), 3 verify: indeterminate,
 * 70 a bug (one line on stderr, in the user's language).
 */
export async function run(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = terminalIo(rawIo);
  let lang = defaultLang(io.env);
  const fail = (message: string, code: number = EXIT.badInput) => {
    io.stderr(`quickscan: ${oneLine(message)}\n`);
    return code;
  };
  try {
    const wanted = langOption(argv);
    if (wanted === null) return fail(STRINGS[lang].missingValue('--lang'));
    if (wanted !== undefined) {
      if (!(LANGS as readonly string[]).includes(wanted)) return fail(STRINGS[lang].badLang(wanted));
      lang = wanted as Lang;
    }
    const s = STRINGS[lang];
    const wantsHelp = argv.some((a, k) => (a === '--help' || a === '-h') && !argv.slice(0, k).includes('--'));
    const { words, indices, stray } = findCommand(argv);
    const command = COMMANDS.find((c) => c.path.length === words.length && startsWith(c.path, words));
    const topLevel = [...new Set(COMMANDS.map((c) => c.path[0]!))];

    if (!command) {
      const group = COMMANDS.filter((c) => startsWith(c.path, words));
      if (words.length === 0) {
        if (stray !== undefined) return fail(s.unknownCommand(stray, topLevel));
        if (wantsHelp) {
          io.stdout(generalHelp(s));
          return EXIT.ok;
        }
        if (argv.includes('--version')) {
          io.stdout(`${VERSION}\n`);
          return EXIT.ok;
        }
        return fail(s.noCommand(topLevel));
      }
      if (stray !== undefined) return fail(s.unknownCommand(`${words.join(' ')} ${stray}`, group.map(name)));
      if (wantsHelp) {
        io.stdout(generalHelp(s, group));
        return EXIT.ok;
      }
      return fail(s.chooseSubcommand(words.join(' '), group.map((c) => c.path.slice(words.length).join(' '))));
    }

    const rest = argv.filter((_, k) => !indices.includes(k));
    let args: ParsedArgs;
    try {
      args = parseArgs(rest, { ...COMMON, ...command.options });
    } catch (error) {
      if (error instanceof ArgError) {
        if (wantsHelp) {
          io.stdout(helpText(s, command.help(s)));
          return EXIT.ok;
        }
        return fail(argProblem(s, error, name(command)));
      }
      throw error;
    }
    if (args.options.help === true) {
      io.stdout(helpText(s, command.help(s)));
      return EXIT.ok;
    }
    const usage = command.help(s).usage;
    if (args.positionals.length < command.positionals.min) return fail(s.missingArgument(usage));
    if (args.positionals.length > command.positionals.max) return fail(s.tooManyArguments(args.positionals[command.positionals.max]!, usage));
    const ctx = context(io, lang, args);
    // the methods the user added (quickscan form add): known to every command
    if (!storeLoaded(io.env)) {
      const { problems } = await loadMethodStore(io.env);
      for (const p of problems) ctx.warn(methodStrings(s).storeProblem(p.file, p.problem));
    }
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof CliError) return fail(error.message, error.exitCode);
    // a bug: one line in the user's language, never the JavaScript message (QUICKSCAN_DEBUG shows it)
    if (io.env.QUICKSCAN_DEBUG) io.stderr(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    return fail(STRINGS[lang].internalError, EXIT.internal);
  }
}
