/**
 * The entry of the `quickscan` bundle (scripts/build-cli.mjs bundles it to dist/cli/quickscan.mjs;
 * bin/quickscan.mjs imports it and calls `main`). Importing it has no side effects.
 */
import { processIo } from './io';
import { run } from './run';

export { run } from './run';

/** Runs the command line on this process's arguments and returns the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  // `quickscan ... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return run(argv, processIo());
}
