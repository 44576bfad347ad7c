// App figures in real Chromium: ready time, initial JavaScript size (gzip), and opening a list of
// 1,000 projects with 5 scans and 5 issued revisions each. Measured, never asserted.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PORT = Number(process.env.QS_BENCH_PORT ?? 4179);
const root = new URL('../..', import.meta.url).pathname;
const chromiumPath = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function appBenchFigures() {
  const figures = [];
  const build = spawnSync(process.execPath, [join(root, 'node_modules/.bin/vite'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');

  // What the browser must load before the first screen: the entry script and its static imports.
  const html = readFileSync(join(root, 'dist/renderer/index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const initialJs = initial.filter((f) => f.endsWith('.js'));
  const gz = (files) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(root, 'dist/renderer', f))).length, 0);
  figures.push({ figure: 'initial_js_gzip_kb', value: +(gz(initialJs) / 1024).toFixed(1), unit: 'KiB', files: initialJs.length });
  const lazy = readdirSync(join(root, 'dist/renderer/assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
  figures.push({ figure: 'lazy_js_gzip_kb', value: +(gz(lazy.map((f) => `assets/${f}`)) / 1024).toFixed(1), unit: 'KiB', files: lazy.length, note: 'loaded only to export or verify PDFs' });

  const server = spawn(process.execPath, [join(root, 'node_modules/.bin/vite'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const url = `http://127.0.0.1:${PORT}/`;
    const ready = [];
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(url);
      await page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached' });
      await page.getByRole('heading', { level: 1 }).waitFor();
      ready.push(Date.now() - start);
      await context.close();
    }
    figures.push({ figure: 'renderer_ready_ms', value: median(ready), unit: 'ms', runs: ready.length, note: 'cold load of the built app to its first screen, median' });

    // The 1,000 projects are written as the previous release (schema version 3) stored them, before
    // the app opens the database: the first start then upgrades them (a summary per project).
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(() => {
      // When the app says it is ready, and when the list shows its first project card.
      const marks = (window.__bench = {});
      new MutationObserver(() => {
        if (marks.ready === undefined && document.documentElement?.dataset.appState === 'ready') marks.ready = performance.now();
        if (marks.ready !== undefined && marks.list === undefined && document.querySelector('.project-card') && document.body?.textContent.includes('1.000 projecten')) marks.list = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-app-state'], characterData: true });
    });
    const page = await context.newPage();
    await page.route(`${url}__bench-seed`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
    await page.goto(`${url}__bench-seed`);
    const envelope = JSON.parse(readFileSync(join(root, 'docs/examples/issued/new-build-school-goes.quickscan-issued.json'), 'utf8'));
    const seedMs = await page.evaluate(async (env) => {
      const start = performance.now();
      const db = await new Promise((resolve, reject) => {
        // Dexie stores version n as n * 10; these are the stores and indexes of version 3.
        const req = indexedDB.open('quickscan', 30);
        req.onupgradeneeded = () => {
          const d = req.result;
          const store = (name, keyPath, indexes) => {
            const os = d.createObjectStore(name, { keyPath });
            for (const index of indexes) os.createIndex(index, index.startsWith('[') ? index.slice(1, -1).split('+') : index);
          };
          store('projects', 'id', ['name', 'updatedAt', 'municipality', 'phase', 'deletedAt']);
          store('scans', 'id', ['projectId', 'updatedAt', 'deletedAt', 'variantOf']);
          store('evidence', 'id', ['scanId', '[scanId+questionId]']);
          store('settings', 'key', []);
          store('revisions', 'id', ['projectId', 'scanId', 'issuedAt', 'referenceCode']);
          store('signingKeys', 'id', []);
          store('trustedKeys', 'publicKey', []);
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['projects', 'scans', 'revisions'], 'readwrite');
      const municipalities = ['Goes', 'Middelburg', 'Vlissingen', 'Terneuzen', 'Hulst', 'Veere', 'Sluis'];
      const answers = Object.fromEntries(env.content.scan.answers ? Object.entries(env.content.scan.answers).map(([k, v]) => [k, 'level' in v ? { level: v.level } : { notApplicable: true }]) : []);
      for (let p = 0; p < 1000; p++) {
        const id = `bench-${String(p).padStart(4, '0')}-0000-4000-8000-000000000000`;
        const date = new Date(Date.UTC(2026, 0, 1) + p * 3600_000).toISOString();
        tx.objectStore('projects').put({ id, name: `Project ${p}`, address: `Straat ${p}`, municipality: municipalities[p % 7], client: 'Gemeente', buildingType: 'education', kind: 'new_build', phase: 'VO', gfaM2: 1000 + p, constructionBudgetEur: 3e6, circularBudget: { mode: 'pct', pct: 3 }, createdAt: date, updatedAt: date, deletedAt: null });
        for (let s = 0; s < 5; s++) {
          const scanId = `${id}-s${s}`;
          tx.objectStore('scans').put({ id: scanId, projectId: id, name: `Scan ${s}`, definitionId: 'zeeland-quickscan', definitionVersion: '1.0.0', answers, costOverrides: [], locked: [], variantOf: null, createdAt: date, updatedAt: date, deletedAt: null });
          tx.objectStore('revisions').put({ id: `${id}-r${s}`, projectId: id, scanId, referenceCode: env.referenceCode, contentHash: env.contentHash, phase: 'VO', issuedAt: date, envelope: env });
        }
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return performance.now() - start;
    }, envelope);
    figures.push({ figure: 'seed_1000_projects_ms', value: Math.round(seedMs), unit: 'ms', note: '1,000 projects, 5,000 scans, 5,000 issued revisions written in one transaction (schema version 3)' });

    const marks = async () => {
      await page.getByText('1.000 projecten').waitFor();
      await page.waitForFunction(() => window.__bench.list !== undefined);
      return page.evaluate(() => window.__bench);
    };
    const upgradeStart = Date.now();
    await page.goto(url);
    const first = await marks();
    figures.push({ figure: 'upgrade_1000_projects_ms', value: Date.now() - upgradeStart, unit: 'ms', note: 'first start on the version 3 data: schema upgrade (a summary per project) and the list shown; once' });
    const open = [];
    const afterReady = [];
    afterReady.push(first.list - first.ready);
    for (let i = 0; i < 5; i++) {
      const start = Date.now();
      await page.reload();
      const m = await marks();
      open.push(Date.now() - start);
      afterReady.push(m.list - m.ready);
    }
    figures.push({ figure: 'open_1000_projects_ms', value: median(open), unit: 'ms', runs: open.length, note: 'reload to the projects list showing all 1,000 with their latest label, median' });
    figures.push({ figure: 'projects_list_1000_after_ready_ms', value: Math.round(median(afterReady)), unit: 'ms', runs: afterReady.length, max: Math.round(Math.max(...afterReady)), note: 'from html[data-app-state=ready] to the list of 1,000 projects on screen (count and first cards), median' });
    // From another screen (nothing read ahead): the list read from the summaries and drawn.
    const navigate = await fromSettingsToProjects(page, 'listShown');
    figures.push({ figure: 'projects_list_1000_navigate_ms', value: Math.round(median(navigate)), unit: 'ms', runs: navigate.length, note: 'from Settings to the list of 1,000 projects on screen (read from the summaries, virtualised), median' });
    // The verdict of each card's latest revision (read and checked only for the cards on screen).
    const verdicts = await fromSettingsToProjects(page, 'verdictsShown');
    figures.push({ figure: 'projects_list_1000_verdicts_ms', value: Math.round(median(verdicts)), unit: 'ms', runs: verdicts.length, cards: await page.locator('.project-card').count(), note: 'from Settings until every card on screen shows the verdict of its latest revision (5 revisions per project; checked for the cards on screen only), median' });
    await context.close();
  } finally {
    await browser.close();
    server.kill();
  }
  return figures;
}

/**
 * Five times: from Settings back to the projects list, timed in the page from the hash change
 * until `until` holds ('listShown': the count and the first cards; 'verdictsShown': every card on
 * screen shows its latest revision's verdict). Returns the five durations in ms.
 */
async function fromSettingsToProjects(page, until) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Projecten' }).waitFor();
    runs.push(
      await page.evaluate(
        (which) =>
          new Promise((resolve) => {
            const start = performance.now();
            const done =
              which === 'listShown'
                ? () => document.querySelector('.project-card') && document.body.textContent.includes('1.000 projecten')
                : () => {
                    const cards = [...document.querySelectorAll('.project-card')];
                    return cards.length > 0 && cards.every((c) => c.querySelector('.project-revisions .status-badge'));
                  };
            const observer = new MutationObserver(() => {
              if (!done()) return;
              observer.disconnect();
              resolve(performance.now() - start);
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            location.hash = '#/projects';
          }),
        until,
      ),
    );
  }
  return runs;
}
