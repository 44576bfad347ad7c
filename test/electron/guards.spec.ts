import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, PRELOAD, test } from './app';

test('the IPC guard refuses a malformed payload from the app page and runs no handler', async ({ desktop }) => {
  const { page, dialogDir } = desktop;
  const traversal = await page.evaluate(() =>
    window.quickscan!.saveFile({ suggestedName: '../../outside.pdf', filters: [], data: new Uint8Array([37, 80, 68, 70]) }).then(
      () => 'accepted',
      (error: unknown) => String(error),
    ),
  );
  expect(traversal).toMatch(/refused.*suggestedName/);
  const wrongType = await page.evaluate(() => (window.quickscan!.setLocale as (l: unknown) => Promise<unknown>)('de').then(() => 'accepted', (e: unknown) => String(e)));
  expect(wrongType).toMatch(/refused/);
  const extraField = await page.evaluate(() =>
    (window.quickscan!.setUpdateChecks as (v: unknown) => Promise<unknown>)('yes').then(() => 'accepted', (e: unknown) => String(e)),
  );
  expect(extraField).toMatch(/refused/);
  expect(() => readFileSync(path.join(dialogDir, 'outside.pdf'))).toThrow();
});

test('the IPC guard refuses messages from a subframe and from a page that is not the app', async ({ desktop }) => {
  const { app } = desktop;
  // A window of the test's own making, with the real preload also in subframes: the bridge is there,
  // but the main process must refuse every call that does not come from the app's top-level page.
  const opened = app.waitForEvent('window');
  await app.evaluate(async ({ BrowserWindow }, preload) => {
    const window = new BrowserWindow({ show: false, webPreferences: { preload, sandbox: true, contextIsolation: true, nodeIntegrationInSubFrames: true } });
    await window.loadURL(`data:text/html,${encodeURIComponent('<title>other</title><iframe srcdoc="<p>child</p>"></iframe>')}`);
  }, PRELOAD);
  const other = await opened;
  await expect.poll(() => other.frames().length).toBe(2);
  const child = other.frames().find((f) => f !== other.mainFrame())!;
  await expect.poll(() => child.evaluate(() => typeof window.quickscan)).toBe('object');
  const fromChild = await child.evaluate(() => window.quickscan!.appInfo().then(() => 'accepted', (e: unknown) => String(e)));
  expect(fromChild).toMatch(/refused: sender .* is not the app/);
  const fromTop = await other.evaluate(() => window.quickscan!.appInfo().then(() => 'accepted', (e: unknown) => String(e)));
  expect(fromTop).toMatch(/refused: sender data:/);
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => !w.webContents.getURL().startsWith('app:')).forEach((w) => w.destroy()));
});

test('navigation away and window.open are refused; an allowlisted link goes to the system browser', async ({ desktop }) => {
  const { app, page, dialogDir } = desktop;
  await page.evaluate(() => window.location.assign('https://example.com/'));
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = 'file:///etc/passwd';
    document.body.append(a);
    a.click();
  });
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  expect(page.url()).toMatch(/^app:\/\/quickscan\//);

  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('app://quickscan/index.html') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('https://platformcb23.nl/') === null)).toBe(true);
  const externally = path.join(dialogDir, 'opened-externally.txt');
  await expect.poll(() => { try { return readFileSync(externally, 'utf8'); } catch { return ''; } }).toBe('https://platformcb23.nl/\n');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('permission and device requests are denied', async ({ desktop }) => {
  const { page } = desktop;
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
  const media = await page.evaluate(() => navigator.mediaDevices.getUserMedia({ video: true }).then(() => 'granted', (e: unknown) => (e as Error).name));
  expect(media).not.toBe('granted');
  const geo = await page.evaluate(() => new Promise<number | 'granted'>((resolve) => navigator.geolocation.getCurrentPosition(() => resolve('granted'), (e) => resolve(e.code))));
  expect(geo).toBe(1); // PERMISSION_DENIED
  const devices = await page.evaluate(async () => {
    const nav = navigator as Navigator & { hid?: { getDevices(): Promise<unknown[]> }; usb?: { getDevices(): Promise<unknown[]> } };
    return [(await nav.hid?.getDevices())?.length ?? 0, (await nav.usb?.getDevices())?.length ?? 0];
  });
  expect(devices).toEqual([0, 0]);
});
