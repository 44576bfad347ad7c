import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createSigningKey } from './pages/keys';
import { ProjectPages, ScanPage } from './pages/scan-pages';

test('issue 12 check 1 in the app: a PDF on a publisher-signed method verifies in a fresh browser that never loaded it', async ({ app, browser }) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'qs-two-'));
  const definition = JSON.parse(await readFile(path.join(import.meta.dirname, '../../forms/definitions/open-quickscan/1.0.0.json'), 'utf8')) as Record<string, unknown>;
  Object.assign(definition, { id: 'netwerk-noord', version: '2.0.0', publisher: 'Kennisnetwerk Circulair Noord', title: { nl: 'QuickScan Noord', en: 'QuickScan North' } });
  delete definition.notice;
  await writeFile(path.join(dir, 'noord.json'), JSON.stringify(definition));
  const quickscan = (args: string[]) => execFileSync(process.execPath, [path.resolve('bin/quickscan.mjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, QUICKSCAN_HOME: path.join(dir, 'home') } });
  quickscan(['key', 'new', '--out', 'publisher.quickscan-key.json', '--label', 'Kennisnetwerk Circulair Noord']);
  quickscan(['form', 'sign', 'noord.json', '--key', 'publisher.quickscan-key.json', '--organisation', 'Stichting Noord', '--out', 'noord.quickscan-method.json']);

  // machine A: assessor with a key, the method loaded from its file, a scan on it, issued
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  await app.getByLabel('Naam', { exact: true }).fill('Anouk de Vries');
  await app.getByRole('button', { name: 'Profiel opslaan' }).click();
  await createSigningKey(app);
  let download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Publieke sleutel opslaan' }).click();
  const assessorKey = path.join(dir, 'assessor.quickscan-key.json');
  await (await download).saveAs(assessorKey);
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('region', { name: 'Methoden' }).getByRole('button', { name: 'Methodebestand laden' }).click();
  await (await chooser).setFiles(path.join(dir, 'noord.quickscan-method.json'));
  await expect(app.getByTestId('method-netwerk-noord@2.0.0')).toBeVisible();

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Brede school Goes', gfa: '2.400', constructionBudget: '6.000.000' });
  await app.locator('details.new-scan-on-method > summary').click();
  await app.locator('[data-method="netwerk-noord@2.0.0"]').click();
  await expect(app.getByTestId('method-publisher-untrusted')).toBeVisible();
  const scan = new ScanPage(app);
  await scan.levels('A1').getByRole('radio').nth(3).click();
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '3');
  await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await app.getByLabel('Projectfase').selectOption('VO');
  await app.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
  download = app.waitForEvent('download');
  await app.getByRole('button', { name: /^PDF \(NL\)/ }).click();
  const pdfPath = path.join(dir, 'bid.pdf');
  await (await download).saveAs(pdfPath);

  // machine B: a fresh browser context, which never loaded the method
  const other = await (await browser.newContext()).newPage();
  await other.goto('./');
  await expect(other.locator('html[data-app-state="ready"]')).toBeAttached();
  const verify = async () => {
    await other.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verifiëren' }).click();
    const c = other.waitForEvent('filechooser');
    await other.getByRole('button', { name: 'Bestanden kiezen' }).click();
    await (await c).setFiles(pdfPath);
    return other.getByRole('table', { name: 'Resultaten van de verificatie' }).locator('tbody tr').first().locator('.status-badge');
  };
  await expect(await verify()).toHaveText('Onbeslist');
  const trustKey = async (file: string) => {
    await other.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    const c = other.waitForEvent('filechooser');
    await other.getByRole('region', { name: 'Vertrouwen' }).getByRole('button', { name: 'Sleutelbestand toevoegen' }).click();
    await (await c).setFiles(file);
    await other.getByRole('alertdialog').getByRole('button', { name: 'Vertrouwen', exact: true }).click();
  };
  await trustKey(assessorKey);
  await expect(await verify()).toHaveText('Onbeslist');
  await trustKey(path.join(dir, 'publisher.public.json'));
  await expect(await verify()).toHaveText('Geslaagd');
  await other.context().close();
});
