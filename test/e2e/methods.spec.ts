import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePrivateJwk, publicJwkOf } from '../../scoring/keys';
import { methodFileJsonText, signMethodFile } from '../../scoring/method-file';
import { expect, expectAccessible, test } from './fixtures';

test('Settings → Methoden: a publisher\'s signed method is loaded, shown with its publisher, kept after a reload, and compared', async ({ app }) => {
  test.setTimeout(90_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'qs-methods-'));
  const definition = JSON.parse(await readFile(path.join(import.meta.dirname, '../../forms/definitions/open-quickscan/1.0.0.json'), 'utf8')) as Record<string, unknown>;
  definition.id = 'netwerk-noord';
  definition.version = '2.0.0';
  definition.publisher = 'Kennisnetwerk Circulair Noord';
  definition.title = { nl: 'QuickScan Noord', en: 'QuickScan North' };
  delete definition.notice;
  const privateKey = generatePrivateJwk('ES256');
  const file = signMethodFile(definition, { organisation: 'Stichting Noord', privateKey, publicKey: publicJwkOf(privateKey) }, '2026-12-01T09:00:00.000Z');
  const methodPath = path.join(dir, 'noord.quickscan-method.json');
  await writeFile(methodPath, methodFileJsonText(file));
  const changed = structuredClone(file);
  (changed.content.definition as { publisher: string }).publisher = 'Provincie Zeeland';
  const changedPath = path.join(dir, 'changed.quickscan-method.json');
  await writeFile(changedPath, JSON.stringify(changed));

  await app.goto('./#/settings');
  const panel = app.getByRole('region', { name: 'Methoden' });
  await expect(panel.getByTestId('method-open-quickscan@1.0.0')).toContainText('geen officieel instrument of keurmerk van de Provincie Zeeland');

  // a changed file is refused with the reason
  let chooser = app.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Methodebestand laden' }).click();
  await (await chooser).setFiles(changedPath);
  await expect(panel.getByRole('alert')).toContainText('is niet geladen: het is na ondertekening gewijzigd');

  chooser = app.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Methodebestand laden' }).click();
  await (await chooser).setFiles(methodPath);
  const row = panel.getByTestId('method-netwerk-noord@2.0.0');
  await expect(row).toContainText('QuickScan Noord');
  await expect(row).toContainText('uitgegeven door Kennisnetwerk Circulair Noord (Stichting Noord)');
  await expect(row).toContainText('Uitgever niet vertrouwd');
  await expectAccessible(app);

  await app.reload();
  await expect(app.getByRole('region', { name: 'Methoden' }).getByTestId('method-netwerk-noord@2.0.0')).toContainText('versie 2.0.0');

  const again = app.getByRole('region', { name: 'Methoden' });
  await again.getByLabel('Van').selectOption('zeeland-quickscan@1.0.0');
  await again.getByLabel('Naar').selectOption('open-quickscan@1.0.0');
  await expect(again.getByTestId('method-diff')).toContainText('A2: wijzigt het programma van eisen: ja');
  await expect(again.getByTestId('method-diff')).toContainText('Scores veranderen niet');
});
