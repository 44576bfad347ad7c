import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closeApp, executableOf, expect, launchApp, ROOT, startSecondInstance, test } from './app';

const SCAN = path.join(ROOT, 'docs', 'examples', 'new-build-school-goes.quickscan.json');
const ISSUED_PDF = path.join(ROOT, 'docs', 'examples', 'issued', 'new-build-school-goes.nl.pdf');

// eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures as an object pattern; this test starts its own apps
test('a file on the command line is imported, and one from a second instance lands in the running app', async ({}, testInfo) => {
  const launched = await launchApp(testInfo, { files: [SCAN] });
  const { app, page } = launched;
  try {
    await expect(page.getByRole('heading', { level: 1, name: /Brede school Goes-Oost/ })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('geïmporteerd');

    // Double-clicking an issued PDF while the app runs: the OS starts a second instance, which
    // hands the path over and quits; the running app checks the PDF on the Verify screen.
    expect(await startSecondInstance(launched, [ISSUED_PDF], await executableOf(app))).toBe(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Verifiëren' })).toBeVisible();
    await expect(page.getByText('new-build-school-goes.nl.pdf').first()).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await closeApp(app);
  }
});

test('saving a PDF goes through the dialog adapter and writes the file the dialog chose', async ({ desktop }) => {
  const { page, dialogDir } = desktop;
  // The "open" dialog chooses what is in dialogs/open/: an issued PDF, imported with its signed revision.
  copyFileSync(ISSUED_PDF, path.join(dialogDir, 'open', 'new-build-school-goes.nl.pdf'));
  await page.getByRole('button', { name: 'Bestand importeren…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Brede school Goes-Oost/ })).toBeVisible();

  await page.getByRole('button', { name: /^PDF \(NL\)/ }).first().click();
  await expect(page.getByRole('status')).toContainText('.pdf');
  const saved = readFileSync(path.join(dialogDir, (await page.getByRole('status').textContent())!.match(/[^\s“”"]+\.pdf/)![0]));
  expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('Help → Diagnose exporteren saves a zip with versions, without user data', async ({ desktop }) => {
  const { app, dialogDir } = desktop;
  await app.evaluate(({ Menu }) => {
    const help = Menu.getApplicationMenu()!.items.find((i) => i.role === 'help')!;
    help.submenu!.items.find((i) => i.label.startsWith('Diagnose'))!.click();
  });
  const name = `quickscan-diagnose-${new Date().toISOString().slice(0, 10)}.zip`;
  await expect.poll(() => { try { return readFileSync(path.join(dialogDir, name)).subarray(0, 2).toString('latin1'); } catch { return ''; } }).toBe('PK');
});
