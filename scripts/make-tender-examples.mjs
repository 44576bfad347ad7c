#!/usr/bin/env node
// Makes the tender examples in docs/examples/tender/ (see scripts/make-tender-examples-entry.ts
// and docs/examples/tender/README.md): bundles the entry with esbuild to a temporary .mjs, runs
// it, and lists what it wrote. Run it after changing the profile or the bids (or adding a report
// layout), then commit the files; cli/tender-examples.test.ts checks them with
// `quickscan verify --profile`.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'quickscan-tender-examples-'));
const outfile = join(dir, 'make-tender-examples.mjs');
try {
  await build({
    entryPoints: [join(root, 'scripts/make-tender-examples-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const { makeTenderExamples } = await import(pathToFileURL(outfile).href);
  const made = await makeTenderExamples(root);
  for (const { file, bytes } of made) console.log(`${file}  ${bytes} bytes`);
} catch (error) {
  console.error(`make-tender-examples: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
