import { closeApp, expect, launchApp, test } from './app';
import { ProjectPages } from '../e2e/pages/scan-pages';

test('starts on the projects screen from the app:// origin, with only the named bridge', async ({ desktop }) => {
  const { page } = desktop;
  await expect(page.getByRole('heading', { level: 1, name: 'Projecten' })).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/quickscan\/index\.html/);
  const bridge = await page.evaluate(() => Object.keys(window.quickscan ?? {}).sort());
  expect(bridge).toEqual(['appInfo', 'onFileOpened', 'openFiles', 'saveFile', 'setLocale', 'setUpdateChecks', 'updateState']);
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  const info = await page.evaluate(() => window.quickscan!.appInfo());
  expect(info).toMatchObject({ name: 'QuickScan Circulair Bouwen', electron: expect.stringMatching(/^\d+\./) });
  // A development start never looks for updates, and says why.
  expect(await page.evaluate(() => window.quickscan!.updateState())).toEqual({ enabled: false, setting: true, reason: 'not-packaged', userCanChange: false });
});

// eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures as an object pattern; this test starts its own apps
test('a project and the window size survive a restart', async ({}, testInfo) => {
  const first = await launchApp(testInfo);
  await new ProjectPages(first.page).createProject({ name: 'Brede school Goes', gfa: '2.400', constructionBudget: '6.000.000' });
  await first.app.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows()[0]!;
    window.unmaximize();
    window.setBounds({ x: 40, y: 30, width: 1111, height: 777 });
  });
  await closeApp(first.app);

  const second = await launchApp(testInfo, { userDataDir: first.userDataDir });
  try {
    await second.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
    await expect(second.page.getByRole('link', { name: 'Brede school Goes' })).toBeVisible();
    const bounds = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getNormalBounds());
    expect(bounds).toMatchObject({ width: 1111, height: 777 });
  } finally {
    await closeApp(second.app);
  }
});
