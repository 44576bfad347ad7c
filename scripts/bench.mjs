#!/usr/bin/env node
// Bench of the scoring engine: bundles scripts/bench/bench-entry.ts with esbuild to a temporary
// .mjs, imports it and prints one JSON line per figure. Measured, never asserted.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'quickscan-bench-'));
const outfile = join(dir, 'bench.mjs');
try {
  await build({
    entryPoints: [join(root, 'scripts/bench/bench-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const { runBench } = await import(pathToFileURL(outfile).href);
  // other processes on the machine skew the figures: say how busy it was
  console.error(`# node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  runBench((figure) => console.log(JSON.stringify(figure)));

  // The report: PDF generation time and size, verification time.
  const reportOut = join(dir, 'report-bench.mjs');
  await build({ entryPoints: [join(root, 'scripts/bench/report-entry.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: reportOut, logLevel: 'warning' });
  const { reportBenchFigures } = await import(pathToFileURL(reportOut).href);
  for (const figure of await reportBenchFigures()) console.log(JSON.stringify(figure));

  // The app in Chromium (skipped where no Chromium is installed).
  if (process.argv.includes('--no-app')) {
    console.error('# app figures skipped (--no-app)');
  } else {
    const { appBenchFigures } = await import('./bench/app-bench.mjs');
    for (const figure of await appBenchFigures()) console.log(JSON.stringify(figure));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
