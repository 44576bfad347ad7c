/**
 * The entry of the `quickscan` bundle (scripts/build-cli.mjs bundles it to dist/cli/quickscan.mjs;
 * bin/quickscan.mjs imports it and calls `main`). Importing it has no side effects.
 */
import { EXIT } from './errors';
import { processIo } from './io';
import { run } from './run';
import { defaultLang, STRINGS } from './strings';

export { run } from './run';

/** Runs the command line on this process's arguments and returns the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  // `quickscan ... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // an error outside run() (a library's stray rejection): still one line, exit 70
  const bug = (error: unknown) => {
    if (process.env.QUICKSCAN_DEBUG) process.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    process.stderr.write(`quickscan: ${STRINGS[defaultLang(process.env)].internalError}\n`);
    process.exit(EXIT.internal);
  };
  process.on('uncaughtException', bug);
  process.on('unhandledRejection', bug);
  return run(argv, processIo());
}
