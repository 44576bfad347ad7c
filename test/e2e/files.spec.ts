import { expect, expectAccessible, test } from './fixtures';
import { ProjectPages, ScanPage } from './pages/scan-pages';

test('a project exported as a zip comes back as a copy, and a broken file is refused with a message', async ({ app }) => {
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Sporthal Sluis', municipality: 'Sluis', gfa: '2.100', constructionBudget: '4.200.000' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.levels('A1').getByRole('radio').nth(2).click();
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '2');
  await app.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Sporthal Sluis' }).click();

  const download = app.waitForEvent('download');
  await app.getByRole('group', { name: /Project exporteren|Export project/ }).getByRole('button').first().click();
  const zipPath = await (await download).path();

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: /importeren/i }).click();
  await (await chooser).setFiles({ name: 'sporthal.quickscan-project.zip', mimeType: 'application/zip', buffer: await import('node:fs/promises').then((fs) => fs.readFile(zipPath)) });
  await expect(app.getByRole('heading', { level: 1, name: /Sporthal Sluis/ })).toBeVisible();
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
  await expect(app.getByRole('list', { name: 'Projecten' }).getByRole('listitem')).toHaveCount(2);

  const chooser2 = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: /importeren/i }).click();
  await (await chooser2).setFiles({ name: 'kapot.quickscan.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"quickscan-scan","formatVersion":1,') });
  await expect(app.getByRole('alert')).toBeVisible();
  await expect(app.getByRole('list', { name: 'Projecten' }).getByRole('listitem')).toHaveCount(2);

  // a scan file with a wrong field: the message names the field and says what is wrong, in Dutch
  const chooser3 = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: /importeren/i }).click();
  await (await chooser3).setFiles({ name: 'leeg.quickscan.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"quickscan-scan","formatVersion":1}') });
  await expect(app.getByRole('alert')).toContainText(/leeg\.quickscan\.json.*\(\w+: ontbreekt\)/);
  await expect(app.getByRole('alert')).not.toContainText('is missing');
  await expect(app.getByRole('list', { name: 'Projecten' }).getByRole('listitem')).toHaveCount(2);
  await expectAccessible(app);
});
