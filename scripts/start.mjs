// `npm start`: open the app in Electron. Finds the Electron runtime FIRST (it is downloaded on
// first start), so where it cannot be had the one-line message comes in seconds, before the build
// (about 85 s), and points to the browser mode. Then builds and starts Electron.
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { findElectronRuntime } from './electron-runtime.mjs';

export const NO_RUNTIME_MESSAGE =
  'QuickScan: the Electron runtime is not installed and could not be downloaded (no internet?); run the same app in your browser with `npm run web`, or retry `npm start` when online.';

/**
 * The order of `npm start`, with its steps passed in so the test can check it: runtime first,
 * build only when there is one, then launch. Resolves with the exit code.
 * @param {{ findRuntime: () => string | null, build: () => number, launch: (electron: string) => Promise<number>, report: (line: string) => void }} steps
 */
export async function start(steps) {
  const electron = steps.findRuntime();
  if (!electron) {
    steps.report(NO_RUNTIME_MESSAGE);
    return 1;
  }
  const built = steps.build();
  if (built !== 0) return built;
  return steps.launch(electron);
}

function build() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

function launch(electron) {
  return new Promise((resolve) => {
    const child = spawn(electron, ['.'], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const code = await start({ findRuntime: findElectronRuntime, build, launch, report: (line) => console.error(line) });
  process.exit(code);
}
