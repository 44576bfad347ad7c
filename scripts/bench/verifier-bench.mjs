// Standalone verifier figures in real Chromium: the size of the one HTML file, and the time to
// verify every example file (docs/examples) in it, opened from file:// with the network off.
// Measured, never asserted.
import { chromium } from '@playwright/test';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildVerifier } from '../build-verifier.mjs';

const root = new URL('../..', import.meta.url).pathname;
const chromiumPath = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function exampleFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return exampleFiles(path);
      return /\.(pdf|quickscan-issued\.json|quickscan\.json)$/.test(name) ? [path] : [];
    });
}

export async function verifierBenchFigures() {
  const built = await buildVerifier();
  const figures = [{ figure: 'verifier_html_kb', value: +(built.bytes.length / 1024).toFixed(1), unit: 'KiB', sha256: built.sha256 }];
  const files = exampleFiles(join(root, 'docs/examples'));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      await page.goto(pathToFileURL(built.outFile).href);
      await page.locator('html[data-verifier-state="ready"]').waitFor({ state: 'attached' });
      const start = Date.now();
      await page.setInputFiles('#files', files);
      await page.locator('#results tbody tr').nth(files.length - 1).waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('#results tbody tr:not([data-status="pending"])').length === n && document.documentElement.dataset.verifierState === 'ready', files.length, { timeout: 120_000 });
      times.push(Date.now() - start);
      await context.close();
    }
    figures.push({ figure: 'verifier_examples_ms', value: median(times), unit: 'ms', files: files.length, runs: times.length, note: 'all example files, dropped at once, in Chromium from file://' });
  } finally {
    await browser.close();
  }
  return figures;
}
