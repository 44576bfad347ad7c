import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generatePrivateJwk, publicJwkOf } from '../../scoring/keys';
import { methodFileJsonText, signMethodFile } from '../../scoring/method-file';
import { expect, expectAccessible, test } from './fixtures';
import { ProjectPages, ScanPage } from './pages/scan-pages';

/** The scan's record exactly as IndexedDB keeps it (read straight from the store the app's data layer writes). */
function storedScan(page: Page, scanId: string): Promise<string> {
  return page.evaluate(
    (id) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('quickscan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('scans').objectStore('scans').get(id);
          get.onsuccess = () => {
            resolve(JSON.stringify(get.result));
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    scanId,
  );
}

async function exportScan(page: Page): Promise<string> {
  await page.locator('details.more-menu > summary').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporteren (.json)' }).click();
  const text = await readFile((await (await download).path())!, 'utf8');
  await page.keyboard.press('Escape');
  return text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "…"');
}

test('try this scan on another version: per-theme differences, a new variant on that version, the original scan byte-identical', async ({ app }) => {
  test.setTimeout(90_000);
  // A publisher's next version of the open method: A1 loses its top level, theme A gets a new question
  const definition = JSON.parse(await readFile(path.join(import.meta.dirname, '../../forms/definitions/open-quickscan/1.0.0.json'), 'utf8')) as {
    version: string;
    released: string;
    questions: { id: string; theme: string; title: { nl: string; en: string }; levels: { id: string }[] }[];
  };
  definition.version = '1.1.0';
  definition.released = '2026-12-01';
  const a1 = definition.questions.find((q) => q.id === 'A1')!;
  a1.levels = a1.levels.filter((l) => l.id !== 'l4');
  const a3 = definition.questions.find((q) => q.id === 'A3')!;
  const a4 = definition.questions.findIndex((q) => q.id === 'A4');
  definition.questions.splice(a4 + 1, 0, { ...structuredClone(a3), id: 'A5', title: { nl: 'Materiaalpaspoort per bouwdeel', en: 'Material passport per building part' } });
  const privateKey = generatePrivateJwk('ES256');
  const file = signMethodFile(definition, { organisation: 'Stichting Open Methode', privateKey, publicKey: publicJwkOf(privateKey) }, '2026-12-01T09:00:00.000Z');
  const dir = await mkdtemp(path.join(tmpdir(), 'qs-try-'));
  const methodPath = path.join(dir, 'open-1.1.0.quickscan-method.json');
  await writeFile(methodPath, methodFileJsonText(file));

  await app.goto('./#/settings');
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('region', { name: 'Methoden' }).getByRole('button', { name: 'Methodebestand laden' }).click();
  await (await chooser).setFiles(methodPath);
  await expect(app.getByTestId('method-open-quickscan@1.1.0')).toBeVisible();

  await app.goto('./#/');
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Brede school Goes', gfa: '2.400', constructionBudget: '5.000.000' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.levels('A1').getByRole('radio').nth(4).click();
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '4');
  await scan.levels('A3').getByRole('radio').nth(2).click();
  await expect(scan.checkedLevel('A3')).toHaveAttribute('data-index', '2');
  const scanUrl = app.url();
  const scanId = /scans\/([^/?#]+)/.exec(new URL(scanUrl).hash)![1]!;
  await expect.poll(() => storedScan(app, scanId)).toContain('"A3"');
  const recordBefore = await storedScan(app, scanId);
  const exportBefore = await exportScan(app);

  const panel = app.getByTestId('try-version');
  await panel.locator('summary').click();
  await panel.getByLabel('Methodeversie').selectOption('open-quickscan@1.1.0');
  const result = panel.getByTestId('try-version-result');
  await expect(result).toContainText('U vertrouwt de uitgever van deze methode niet');
  await expect(result).toContainText('2 vragen te beantwoorden door deze versie');
  await expect(result.locator('tr[data-theme="A"] td').nth(0)).toHaveText('75,0');
  await expect(result.locator('tr[data-theme="A"] td').nth(1)).toHaveText('18,1');
  await expect(result.locator('tr[data-theme="A"] td').nth(2)).toHaveText('2');
  const themeA = result.getByTestId('try-theme-A');
  await expect(themeA).toContainText('A1');
  await expect(themeA).toContainText('het gekozen niveau bestaat niet meer');
  await expect(themeA).toContainText('A5 Materiaalpaspoort per bouwdeel: nieuwe vraag');
  await expect(result.getByTestId('try-theme-B')).toHaveCount(0);
  await expectAccessible(app);

  await result.getByRole('button', { name: /Variant maken op .* 1\.1\.0/ }).click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('op open-quickscan 1.1.0');
  await expect(app.locator('.announcer')).toContainText('De oorspronkelijke scan is niet gewijzigd');
  expect(app.url()).not.toBe(scanUrl);
  await expect(app.locator('#scan-title + p')).toContainText('1.1.0');
  // the variant is scored on a method from a publisher the user does not trust: the scan screen says so
  await expect(app.getByTestId('method-publisher-untrusted')).toContainText('Uitgever niet vertrouwd');
  await expect(app.getByTestId('method-publisher-untrusted')).toContainText(file.content.publisher.name);
  await expect(scan.checkedLevel('A3')).toHaveAttribute('data-index', '2');
  await expect(scan.checkedLevel('A1')).toHaveCount(0);

  // the original: its stored record and its export are byte for byte what they were
  expect(await storedScan(app, scanId)).toBe(recordBefore);
  await app.goto(scanUrl);
  await expect(app.getByRole('heading', { level: 1 })).not.toContainText('1.1.0');
  await scan.themeTab('A').click();
  await expect(app.getByTestId('method-publisher-untrusted')).toHaveCount(0);
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '4');
  expect(await exportScan(app)).toBe(exportBefore);
  expect(await storedScan(app, scanId)).toBe(recordBefore);
});
