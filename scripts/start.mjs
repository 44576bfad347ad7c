// `npm start`: build the app and open it in Electron. Where the Electron runtime cannot be had
// (it is downloaded on first start), say so in one line and point to the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronRuntime } from './electron-runtime.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = findElectronRuntime();
if (!electron) {
  console.error(
    'QuickScan: the Electron runtime is not installed and could not be downloaded (no internet?); run the same app in your browser with `npm run web`, or retry `npm start` when online.',
  );
  process.exit(1);
}

const child = spawn(electron, ['.'], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
