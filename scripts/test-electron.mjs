// `npm run test:electron`: the Electron suite (test/electron/, Playwright's _electron.launch).
// It needs the real Electron runtime, which the `electron` package downloads on first use. Where
// that cannot be had (no internet), this prints one line saying the suite did not run and why,
// and exits 0, except in CI (CI=true), where a suite that did not run is a failure.
// Never fakes Electron. On Linux without a display, run it under Xvfb (xvfb-run -a npm run test:electron).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { findElectronRuntime } from './electron-runtime.mjs';

export const NOT_RUN_MESSAGE =
  'Electron suite (test/electron) not run: the Electron runtime is not installed and could not be downloaded here (no internet?); it runs in CI and wherever `npm start` works.';

/**
 * @param {{ findRuntime: () => string | null, isCi: boolean, build: () => number, runSuite: (electron: string) => number, report: (line: string) => void }} steps
 * @returns {number} the exit code
 */
export function testElectron(steps) {
  const electron = steps.findRuntime();
  if (!electron) {
    steps.report(steps.isCi ? `${NOT_RUN_MESSAGE} In CI that is a failure.` : NOT_RUN_MESSAGE);
    return steps.isCi ? 1 : 0;
  }
  const built = steps.build();
  if (built !== 0) return built;
  return steps.runSuite(electron);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const code = testElectron({
    findRuntime: findElectronRuntime,
    isCi: /^(1|true)$/i.test(process.env.CI ?? ''),
    // The renderer, main process and preload exactly as `npm start` runs them.
    build: () => run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']) || run(process.execPath, ['scripts/build-electron.mjs']),
    runSuite: (electron) =>
      spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '--config', 'test/electron/playwright.config.ts', ...process.argv.slice(2)], {
        stdio: 'inherit',
        env: { ...process.env, QS_ELECTRON_PATH: electron },
      }).status ?? 1,
    report: (line) => console.log(line),
  });
  process.exit(code);
}
