#!/usr/bin/env node
// Makes the issued example PDFs and envelopes in docs/examples/issued/ (see
// scripts/make-examples-entry.ts): bundles the entry with esbuild to a temporary .mjs, runs it,
// and lists what it wrote. Run it after changing the example scans or adding a report layout,
// then commit the files; report/examples.test.ts checks that they still verify.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'quickscan-examples-'));
const outfile = join(dir, 'make-examples.mjs');
try {
  await build({
    entryPoints: [join(root, 'scripts/make-examples-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const { makeExamples } = await import(pathToFileURL(outfile).href);
  const made = await makeExamples(root);
  for (const { file, bytes } of made) console.log(`${file}  ${bytes} bytes`);
} catch (error) {
  console.error(`make-examples: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
