// Finds the Electron runtime without letting the `electron` package print a download stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Returns the path of the Electron executable, downloading it once if needed, or null. */
export function findElectronRuntime() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const installed = () => {
    if (!existsSync(pathFile)) return null;
    const exe = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(exe) ? exe : null;
  };
  const found = installed();
  if (found) return found;
  // First start on this machine: the electron package downloads its runtime now.
  const result = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
  return result.status === 0 ? installed() : null;
}
