import { execFileSync } from 'node:child_process';
import { expect, expectAccessible, test } from './fixtures';
import { createSigningKey } from './pages/keys';
import { ProjectPages, ScanPage } from './pages/scan-pages';

test('a project re-validated at delivery shows what changed, why, and what was promised', async ({ app }) => {
  test.setTimeout(120_000);
  await app.goto('./#/settings');
  await app.getByLabel('Naam', { exact: true }).fill('Joris Kallewaard');
  await app.getByLabel('Organisatie').fill('Bureau Onafhankelijk Toetsen');
  await app.getByRole('radio', { name: 'Onafhankelijke beoordeling' }).check();
  await app.getByRole('button', { name: 'Profiel opslaan' }).click();
  await createSigningKey(app);

  await app.goto('./#/projects');
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Woonzorg Vlissingen', municipality: 'Vlissingen', gfa: '3.600', constructionBudget: '9.000.000' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.themeTab('C').click();
  await scan.levels('C1').getByRole('radio').nth(4).click();
  await scan.levels('C2').getByRole('radio').nth(3).click();
  await expect(scan.checkedLevel('C2')).toHaveAttribute('data-index', '3');
  await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await app.getByLabel('Projectfase').selectOption('tender');
  await app.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
  const promised = (await app.getByLabel('Referentiecode').textContent())!;

  // At delivery: a new revision starts from the issued one.
  await app.getByRole('link', { name: 'Naar het project' }).click();
  await app.getByRole('button', { name: new RegExp(`Nieuwe revisie starten vanuit deze ${promised.replace(/[$*]/g, '\\$&')}`) }).click();
  await scan.themeTab('C').click();
  await expect(scan.checkedLevel('C1')).toHaveAttribute('data-index', '4');
  await scan.levels('C1').getByRole('radio').nth(1).click(); // glued instead of screwed
  await expect(scan.checkedLevel('C1')).toHaveAttribute('data-index', '1');
  await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await app.getByLabel('Projectfase').selectOption('delivery');
  await expect(app.getByText(/Verlaagd ten opzichte van/)).toBeVisible();
  await app.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
  await expect(app.getByText('Geef eerst voor elke verlaging een reden op.')).toBeVisible();
  // the refusal takes the user to the first lowered answer without a reason
  await expect(app.getByLabel('Reden van verlaging voor C1')).toBeFocused();
  await app.getByLabel('Reden van verlaging voor C1').fill('Gevelpanelen verlijmd door wijziging leverancier; herstel niet mogelijk.');
  await app.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
  const delivered = (await app.getByLabel('Referentiecode').textContent())!;
  expect(delivered).not.toBe(promised);

  await app.getByRole('link', { name: 'Naar het project' }).click();
  await app.getByRole('link', { name: 'Revisies vergelijken' }).click();
  await expect(app.getByRole('img', { name: /2 uitgegeven revisies/ })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Verlagingen (1)' })).toBeVisible();
  await expect(app.getByText('Reden: Gevelpanelen verlijmd door wijziging leverancier; herstel niet mogelijk.')).toBeVisible();
  const promiseRow = app.getByRole('row').filter({ hasText: /^C1 / });
  await expect(promiseRow.first()).toContainText('niet gehaald');
  await expect(app.getByText(`${promised} → ${delivered}`, { exact: false })).toBeVisible();
  await expectAccessible(app);

  // The re-validation report names both revisions and the reason, and verifies offline.
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Herbeoordelingsrapport (PDF, NL)' }).click();
  const pdfPath = await (await download).path();
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(promised);
  expect(text).toContain(delivered);
  expect(text.replace(/\s+/g, ' ')).toContain('Gevelpanelen verlijmd');
  // re-validation layout 2: both revisions' verdict as checked when made (the own key is trusted), no level ids
  expect(text).toContain('VERIFICATIE VAN BEIDE REVISIES');
  expect(text.match(/GESLAAGD/g)?.length).toBe(2);
  expect(text).not.toMatch(/\bl[0-4]\b|Hervalidatie/);
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verifiëren' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Bestanden kiezen' }).click();
  await (await chooser).setFiles(pdfPath);
  await expect(app.locator('tbody tr .status-badge')).toHaveText('Geslaagd');
});
