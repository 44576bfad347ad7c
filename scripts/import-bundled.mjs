// Runs TypeScript modules from plain Node scripts: bundles an entry with esbuild to a temporary
// .mjs, imports it and hands the module to `use`; the temporary file is removed afterwards.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function withBundled(entry, use) {
  const dir = mkdtempSync(join(tmpdir(), 'quickscan-'));
  try {
    const outfile = join(dir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
    await build({ entryPoints: [join(root, entry)], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'warning' });
    return await use(await import(pathToFileURL(outfile).href));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
