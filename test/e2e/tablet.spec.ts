import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { ProjectPages, ScanPage } from './pages/scan-pages';

/** Screenshots for the closing note when SHOTS=<folder> is set. */
const shot = async (page: Page, name: string) => {
  if (process.env.SHOTS) await page.screenshot({ path: path.join(process.env.SHOTS, `${name}.png`), fullPage: false });
};

/** What a person on a tablet would notice: clipped text, sideways scrolling, small targets. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    const isShown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('.visually-hidden, [aria-hidden="true"] .never');
    };
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
      const outermost = wide.filter((el) => !wide.some((other) => other !== el && other.contains(el)));
      const scrolling = [...document.querySelectorAll('body, body *')].filter((el) => el.scrollWidth > window.innerWidth + 1).slice(-3);
      outermost.push(...scrolling);
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth}): ${outermost.slice(0, 3).map(name).join(', ')}`);
    }
    for (const el of document.querySelectorAll('main *, header *')) {
      if (!isShown(el) || el.closest('.visually-hidden')) continue;
      const style = getComputedStyle(el);
      // A table (or anything) that needs its own sideways scroll, or cuts its text off.
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible' && el.clientWidth > 1) problems.push(`sideways scroll or clipped: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
      if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) problems.push(`cut text: ${name(el)}`);
    }
    const targets = 'button, a.button, .nav-link, .theme-tab, [role="radio"], summary, select, input:not([type="checkbox"]):not([type="radio"]):not([type="file"]), label.choice, .breadcrumb a';
    for (const el of document.querySelectorAll(targets)) {
      if (!isShown(el) || el.closest('.visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      const isLabel = el.matches('label.choice');
      if (r.height < 43.5 || (!isLabel && r.width < 43.5)) problems.push(`small target ${Math.round(r.width)}×${Math.round(r.height)}: ${name(el)}`);
    }
    return problems;
  });
}

/** The first question can be answered without scrolling: its title and every level's name are in view. */
async function firstQuestionInView(page: Page) {
  const card = page.locator('article:has([role="radiogroup"])').first();
  const size = page.viewportSize()!;
  const bar = await page.locator('.result-bar').boundingBox();
  const visibleBottom = bar && bar.height > 0 ? bar.y : size.height;
  const header = (await page.locator('.app-header').boundingBox())!;
  const title = (await card.locator('h3').boundingBox())!;
  expect(title.y, 'the question title below the header').toBeGreaterThanOrEqual(header.y + header.height);
  for (const label of await card.locator('.level-label').all()) {
    const box = (await label.boundingBox())!;
    expect(box.y + box.height, `level “${await label.textContent()}” visible without scrolling`).toBeLessThanOrEqual(visibleBottom);
  }
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

const sizes = [
  { name: 'laptop 1366 × 900', viewport: { width: 1366, height: 900 }, hasTouch: false, narrow: false },
  { name: 'tablet landscape 1024 × 768', viewport: { width: 1024, height: 768 }, hasTouch: true, narrow: true },
  { name: 'tablet portrait 768 × 1024', viewport: { width: 768, height: 1024 }, hasTouch: true, narrow: true },
];

for (const size of sizes) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, hasTouch: size.hasTouch });

    test('scan and budget fit the screen: first question in view, result in view, nothing clipped, big targets', async ({ app }) => {
      test.setTimeout(120_000);
      const slug = `${size.viewport.width}x${size.viewport.height}`;
      const projects = new ProjectPages(app);
      if (size.viewport.width < 900) {
        // The header folds its navigation into a menu.
        await expect(app.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
        await app.getByRole('button', { name: 'Menu' }).click();
        await expect(app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verifiëren' })).toBeVisible();
        expect(await layoutProblems(app)).toEqual([]);
        await app.getByRole('button', { name: 'Menu' }).click();
      }
      const header = await app.locator('.app-header').boundingBox();
      expect(header!.height, 'a compact header').toBeLessThanOrEqual(size.viewport.width < 900 ? 60 : 80);
      await projects.createProject({ name: 'Brede school Goes', municipality: 'Goes', gfa: '2400', constructionBudget: '6.000.000' });
      await projects.newScan();
      const scan = new ScanPage(app);
      await shot(app, `open-${slug}`);
      await firstQuestionInView(app);
      expect(await layoutProblems(app)).toEqual([]);
      await scan.levels('A1').getByRole('radio').nth(2).click();
      await scan.levels('A3').getByRole('radio').nth(3).click();
      if (size.narrow) {
        // The result stays in view in a bar at the foot of the screen, and opens in full.
        const bar = app.getByRole('region', { name: 'Resultaat in het kort' });
        await expect(bar).toBeInViewport();
        await expect(bar.getByTestId('bar-total')).not.toHaveText('–');
        await scan.levels('A1').getByRole('radio').nth(4).click();
        await expect(bar).toBeInViewport();
        await shot(app, `scan-${slug}`);
        await bar.getByRole('button', { name: 'Volledig resultaat' }).click();
        await expect(app.getByRole('complementary', { name: 'Resultaat' })).toBeFocused();
        await expect(scan.total()).toBeInViewport();
        expect(await layoutProblems(app)).toEqual([]);
        await shot(app, `result-${slug}`);
        await app.keyboard.press('Escape');
        await expect(app.getByRole('complementary', { name: 'Resultaat' })).toBeHidden();
      } else {
        await app.mouse.wheel(0, 1500);
        await expect(scan.total()).toBeInViewport();
        await shot(app, `scan-${slug}`);
      }
      for (const theme of ['C', 'G']) {
        await scan.themeTab(theme).click();
        await scan.question(`${theme}2`).scrollIntoViewIfNeeded();
        await shot(app, `theme-${theme}-${slug}`);
        expect(await layoutProblems(app)).toEqual([]);
      }
      await app.getByRole('link', { name: 'Budget', exact: true }).click();
      await expect(app.getByRole('heading', { level: 1, name: /^Budget/ })).toBeVisible();
      // One verdict with the low, middle and high estimate; every plan has its chance within budget.
      await expect(app.getByTestId('budget-verdict')).toContainText(/laag €.+, midden €.+, hoog €/);
      await expect(app.getByTestId('plan-chance').first()).toContainText(/kans binnen budget: \d+%/);
      await expect(app.getByRole('checkbox', { name: /programma veranderen/ })).not.toBeChecked();
      for (const details of await app.locator('details.label-plan').all()) await details.locator('summary').click();
      expect(await layoutProblems(app)).toEqual([]);
      await shot(app, `budget-${slug}`);
    });

    test('the verify and tender screens fit the screen too', async ({ app }) => {
      for (const [route, heading] of [
        ['#/verify', /Verifi/],
        ['#/tender', /Aanbesteding|Eisenprofiel/],
      ] as const) {
        await app.goto(`./${route}`);
        await expect(app.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        expect(await layoutProblems(app), route).toEqual([]);
      }
    });
  });
}

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system setting and meets WCAG AA contrast on the scan and budget screens', async ({ app }) => {
    test.setTimeout(90_000);
    expect(await app.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe('rgb(245, 247, 246)');
    const projects = new ProjectPages(app);
    await projects.createProject({ name: 'Kantoor Vlissingen', municipality: 'Vlissingen', gfa: '1800', constructionBudget: '3.000.000' });
    await expectAccessible(app);
    await projects.newScan();
    const scan = new ScanPage(app);
    await scan.levels('A1').getByRole('radio').nth(2).click();
    await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '2');
    await expectAccessible(app);
    await app.getByRole('link', { name: 'Budget', exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: /^Budget/ })).toBeVisible();
    await expectAccessible(app);
    await shot(app, 'budget-dark');
    for (const route of ['#/verify', '#/tender', '#/settings', '#/projects']) {
      await app.goto(`./${route}`);
      await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(app);
    }
  });
});
