// The budget view on the 300 × 5 stress method, in Chromium on the built app: how long the main
// thread takes per keystroke while the advice is recomputed. Measured, never asserted.
//
// before: the optimiser ran in the render path, so a keystroke that came while it computed waited
//   for the whole computation: the same computation (optimize, the chances, on the main thread)
//   timed in the page itself.
// after: the computation runs in the budget Web Worker; per keystroke typed into the price field
//   while the worker computes, the time from the key event to the end of its handling (event
//   delay + handler + the React update), median and maximum.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withBundled } from '../import-bundled.mjs';

const PORT = Number(process.env.QS_BENCH_PORT ?? 4179) + 1;
const root = new URL('../..', import.meta.url).pathname;
const chromiumPath = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function budgetBenchFigures({ build = true } = {}) {
  const figures = [];
  if (build) {
    const b = spawnSync(process.execPath, [join(root, 'node_modules/.bin/vite'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'qs-budget-bench-'));
  const files = await withBundled('test/e2e/support/stress-method.ts', ({ stressFiles }) => stressFiles());
  const methodPath = join(dir, 'stress.quickscan-method.json');
  const scanPath = join(dir, 'stress.quickscan.json');
  writeFileSync(methodPath, files.methodText);
  writeFileSync(scanPath, files.scanText);
  // "before": the same computation on a main thread (the page's own), with the scoring engine
  const before = await withBundled('scripts/bench/budget-entry.ts', ({ timeBudgetComputation }) => timeBudgetComputation());

  const server = spawn(process.execPath, [join(root, 'node_modules/.bin/vite'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/#/settings`);
    await page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached' });
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('region', { name: 'Methoden' }).getByRole('button', { name: 'Methodebestand laden' }).click();
    await (await chooser).setFiles(methodPath);
    await page.getByTestId('method-stress-quickscan@3.0.0').waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /importeren/i }).click();
    await (await chooser).setFiles(scanPath);
    await page.getByRole('heading', { level: 1, name: /Stresstest Kapelle|Stresscan/ }).waitFor();
    if (!(await page.getByRole('link', { name: 'Budget', exact: true }).isVisible())) await page.getByRole('link', { name: /Stresscan/ }).first().click();
    await page.getByRole('link', { name: 'Budget', exact: true }).click();
    const status = page.getByTestId('budget-status');
    await status.filter({ hasText: 'Advies bijgewerkt.' }).waitFor({ timeout: 300_000 });

    const low = page.getByLabel('Laag (€)');
    const perKey = [];
    let whileComputing = 0;
    for (let round = 0; round < 4; round++) {
      await low.fill('');
      await low.evaluate((input) => {
        const marks = (window.__keys = []);
        input.addEventListener('input', (event) => {
          const busy = document.querySelector('[data-testid="budget-status"]')?.textContent === 'Berekenen…';
          // the end of this key's handling: after React's update, at the next frame
          requestAnimationFrame(() => setTimeout(() => marks.push({ ms: performance.now() - event.timeStamp, busy }), 0));
        });
      });
      // a change of cost mode starts a computation; the keys follow at once
      await page.getByLabel(/Voorzichtig rekenen/).evaluate((box, field) => {
        box.click();
        field.focus();
      }, await low.elementHandle());
      await page.keyboard.type('123456');
      await page.waitForFunction(() => window.__keys.length === 6);
      const marks = await page.evaluate(() => window.__keys);
      for (const m of marks) {
        perKey.push(m.ms);
        if (m.busy) whileComputing++;
      }
      await status.filter({ hasText: 'Advies bijgewerkt.' }).waitFor({ timeout: 300_000 });
    }
    figures.push({ figure: 'budget_stress_keystroke_before_ms', value: before.median, runs: before.runs, unit: 'ms', note: 'before: optimiser in the render path; a keystroke waited for the whole recomputation of the 300 x 5 stress budget view (optimize + chances, the same code timed on one thread in Node), median' });
    figures.push({
      figure: 'budget_stress_keystroke_after_ms',
      value: Math.round(median(perKey)),
      max: Math.round(Math.max(...perKey)),
      runs: perKey.length,
      whileComputing,
      unit: 'ms',
      note: 'after: budget Web Worker; per keystroke typed while it recomputes the 300 x 5 stress budget view, key event to handled and drawn, median (max)',
    });
    await context.close();
  } finally {
    await browser.close();
    server.kill();
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await budgetBenchFigures({ build: !process.argv.includes('--no-build') })) console.log(JSON.stringify(f));
}
