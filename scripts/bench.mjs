#!/usr/bin/env node
// `npm run bench`: prints one JSON line per figure. Measured, never asserted. The scoring and
// report benches are TypeScript, bundled on the fly; `--no-app` skips the figures in Chromium.
import { cpus, loadavg } from 'node:os';
import { withBundled } from './import-bundled.mjs';

const print = (figure) => console.log(JSON.stringify(figure));

// other processes on the machine skew the figures: say how busy it was
console.error(`# node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

// `--report-only`: only the report figures (PDF issue, size, verify)
const reportOnly = process.argv.includes('--report-only');

// The scoring engine.
if (!reportOnly) await withBundled('scripts/bench/bench-entry.ts', ({ runBench }) => runBench(print));

// The report: PDF generation time and size, verification time.
await withBundled('scripts/bench/report-entry.ts', async ({ reportBenchFigures }) => (await reportBenchFigures()).forEach(print));

// The app in Chromium.
if (reportOnly || process.argv.includes('--no-app')) {
  console.error(`# app figures skipped (${reportOnly ? '--report-only' : '--no-app'})`);
} else {
  const { appBenchFigures } = await import('./bench/app-bench.mjs');
  (await appBenchFigures()).forEach(print);
  // the budget view on the 300 x 5 stress method: main-thread time per keystroke (its Web Worker)
  const { budgetBenchFigures } = await import('./bench/budget-bench.mjs');
  (await budgetBenchFigures({ build: false })).forEach(print);
  // the standalone verifier (one HTML file, from file://)
  const { verifierBenchFigures } = await import('./bench/verifier-bench.mjs');
  (await verifierBenchFigures()).forEach(print);
}
