import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Abrupt ends: in seeded trials the test answers questions and then ends the page without
 * warning — crashing the renderer, or closing the whole browser profile — and reopens it. Every
 * answer that was on screen at that moment must still be there: the app shows an answer only
 * once IndexedDB has committed it.
 */
const TRIALS_PER_GROUP = 50;
const GROUPS = 4; // 200 trials in all, spread over the workers

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Shown = Record<string, number>;

/** The level shown as chosen for each answerable question on screen (-1: none). */
const readShown = (page: Page): Promise<Shown> =>
  page.evaluate(() => {
    const shown: Record<string, number> = {};
    for (const article of document.querySelectorAll('article')) {
      const id = article.querySelector('.question-id')?.textContent;
      const group = article.querySelector('[role="radiogroup"]');
      if (!id || !group) continue;
      const radios = [...group.querySelectorAll('[role="radio"]')];
      shown[id] = radios.findIndex((r) => r.getAttribute('aria-checked') === 'true');
    }
    return shown;
  });

async function openScan(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached' });
  await page.locator('[role="radiogroup"]').first().waitFor();
  return page;
}

for (let group = 0; group < GROUPS; group++) {
  test(`answers shown on screen survive abrupt ends (trials ${group * TRIALS_PER_GROUP + 1}-${(group + 1) * TRIALS_PER_GROUP})`, async ({ baseURL }, testInfo) => {
    test.setTimeout(300_000);
    const random = prng(20261122 + group);
    const profileDir = await mkdtemp(path.join(tmpdir(), 'quickscan-abrupt-'));
    const launch = () =>
      chromium.launchPersistentContext(profileDir, {
        ...testInfo.project.use.launchOptions,
        baseURL,
        locale: 'nl-NL',
      });
    let context = await launch();
    try {
      // One project and scan to answer, made through the app.
      const setup = await context.newPage();
      await setup.goto('./');
      await setup.locator('html[data-app-state="ready"]').waitFor({ state: 'attached' });
      await setup.getByRole('button', { name: 'Nieuw project' }).click();
      await setup.getByLabel('Projectnaam').fill(`Abrupt ${group}`);
      await setup.getByRole('radio', { name: 'Renovatie / transformatie' }).check();
      await setup.getByLabel('Bruto vloeroppervlak (m² BVO)').fill('1200');
      await setup.getByLabel('Bouwbudget (€)').fill('2.000.000');
      await setup.getByLabel('Percentage (%)').fill('3');
      await setup.getByRole('button', { name: 'Project aanmaken' }).click();
      await setup.getByRole('button', { name: 'Nieuwe scan' }).click();
      await setup.locator('[role="radiogroup"]').first().waitFor();
      const scanUrl = setup.url().replace(/\?.*$/, '');
      await setup.close();

      const themes = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
      let crashes = 0;
      let closes = 0;
      let checkedAnswers = 0;
      // The page reopened after one trial is where the next trial starts; themes change in-app.
      let page = await openScan(context, `${scanUrl}?theme=A`);
      for (let trial = 0; trial < TRIALS_PER_GROUP; trial++) {
        const theme = themes[Math.floor(random() * themes.length)]!;
        const url = `${scanUrl}?theme=${theme}`;
        await page.evaluate((hash) => (window.location.hash = hash), new URL(url).hash);
        await expect(page.locator('.theme-header h2')).toHaveText(new RegExp(`^${theme}\\.`));
        const before = await readShown(page);
        const questions = Object.keys(before);
        const count = 1 + Math.floor(random() * Math.min(4, questions.length));
        const picked = [...questions].sort(() => random() - 0.5).slice(0, count);
        const clicked: Shown = {};
        for (const id of picked) {
          const radios = page.locator('article').filter({ has: page.locator('.question-id', { hasText: new RegExp(`^${id}$`) }) }).getByRole('radio');
          const levels = await radios.count();
          let level = Math.floor(random() * levels);
          if (level === before[id]) level = (level + 1) % levels;
          clicked[id] = level;
          await radios.nth(level).click({ noWaitAfter: true });
        }
        // What the user sees at the moment the page ends.
        const shown = await readShown(page);
        if (trial % 20 === 19) {
          // Close the whole profile (as when the machine switches off the browser), then reopen it.
          await context.close();
          context = await launch();
          closes += 1;
        } else {
          // Crash the renderer process of the tab; the CDP call never answers, so wait for the crash.
          const cdp = await context.newCDPSession(page);
          const crashed = page.waitForEvent('crash');
          void cdp.send('Page.crash').catch(() => undefined);
          await crashed;
          await page.close().catch(() => undefined);
          crashes += 1;
        }
        page = await openScan(context, url);
        const after = await readShown(page);
        for (const id of questions) {
          if (clicked[id] === undefined) {
            expect(after[id], `trial ${trial}: ${id} was not touched`).toBe(before[id]);
          } else if (shown[id] === clicked[id]) {
            // It was on screen, so it must have been stored.
            expect(after[id], `trial ${trial}: ${id} was shown as level ${clicked[id]}`).toBe(clicked[id]);
            checkedAnswers += 1;
          } else {
            // Not shown yet when the page ended: either the old or the new answer is fine.
            expect([before[id], clicked[id]], `trial ${trial}: ${id}`).toContain(after[id]);
          }
        }
      }
      console.log(`abrupt ends group ${group}: ${TRIALS_PER_GROUP} trials, ${crashes} renderer crashes, ${closes} profile closes, ${checkedAnswers} shown answers checked`);
    } finally {
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true });
    }
  });
}
