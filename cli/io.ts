/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  /** Writes text to standard output as is (callers add the newlines). */
  stdout(text: string): void;
  /** Writes text to standard error as is. */
  stderr(text: string): void;
  /** The environment (LANG for the default language, QUICKSCAN_DEBUG for stack traces). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative file names are read from here. */
  readonly cwd: string;
}

/** The real process. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Collects the output in memory (for tests and for callers that want the text). */
export function memoryIo(options: { env?: Record<string, string | undefined>; cwd?: string } = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
