/**
 * An issued revision with evidence travels: its evidence dossier (zip) and its Verifiable
 * Credential download from the project page; the credential verifies with Digital Bazaar's
 * libraries (not this project's code); the Verify screen checks the dossier against the issued
 * revision; the re-validation lists the evidence file as supplied and matching.
 */
import { readFileSync } from 'node:fs';
import { independentlyVerify } from '../../scoring/test-support/vc-verify';
import { expect, expectAccessible, test } from './fixtures';
import { createSigningKey } from './pages/keys';
import { ProjectPages, ScanPage } from './pages/scan-pages';

test('an issued revision exports its evidence dossier and its Verifiable Credential', async ({ app }) => {
  test.setTimeout(120_000);
  await app.goto('./#/settings');
  await app.getByLabel('Naam', { exact: true }).fill('Anouk de Vries');
  await app.getByLabel('Organisatie').fill('Bureau Onder de Toren');
  await app.getByRole('button', { name: 'Profiel opslaan' }).click();
  await createSigningKey(app);

  await app.goto('./#/projects');
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Brede school Goes', municipality: 'Goes', gfa: '2.400', constructionBudget: '6.000.000' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.themeTab('C').click();
  await scan.levels('C1').getByRole('radio').nth(3).click();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const evidence = scan.question('C1').locator('.evidence');
  await evidence.getByLabel('Foto maken').setInputFiles({ name: 'schroefverbinding.png', mimeType: 'image/png', buffer: png });
  await expect(evidence.getByText('aangetoond')).toBeVisible();
  await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await app.getByLabel('Projectfase').selectOption('tender');
  await app.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
  const code = (await app.getByLabel('Referentiecode').textContent())!;
  await app.getByRole('link', { name: 'Naar het project' }).click();

  const save = async (name: RegExp) => {
    const download = app.waitForEvent('download');
    await app.getByRole('button', { name }).first().click();
    const d = await download;
    return { name: d.suggestedFilename(), path: await d.path() };
  };
  const vc = await save(/^Verifiable Credential \(\.json\)/);
  expect(vc.name).toMatch(/\.quickscan-vc\.json$/);
  const credential = JSON.parse(readFileSync(vc.path, 'utf8')) as { issuer: string; credentialSubject: { referenceCode: string; evidence: { name: string }[] } };
  expect(credential.credentialSubject.referenceCode).toBe(code);
  expect(credential.credentialSubject.evidence.map((e) => e.name)).toEqual(['schroefverbinding.png']);
  const checked = await independentlyVerify(structuredClone(credential));
  expect(checked.error).toBeUndefined();
  expect(checked.verified).toBe(true);
  credential.credentialSubject.referenceCode = 'QS-0000-0000-0000';
  expect((await independentlyVerify(credential)).verified).toBe(false);

  const dossier = await save(/^Bewijsdossier \(\.zip\)/);
  expect(dossier.name).toMatch(/\.quickscan-dossier\.zip$/);
  const data = await save(/^Gegevens \(\.json\)/);

  // the Verify screen checks the dossier against the revision it belongs to
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verifiëren' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Bestanden kiezen' }).click();
  await (await chooser).setFiles([data.path, dossier.path]);
  await expect(app.locator('tbody tr')).toHaveCount(1);
  await expect(app.locator('[data-dossier]')).toContainText('1 van de 1 bewijsbestanden');
  await expectAccessible(app);

  // a revision started from the issued one keeps its evidence: the re-validation says supplied
  await app.goto('./#/projects');
  await app.getByRole('link', { name: 'Brede school Goes' }).first().click();
  await app.getByRole('button', { name: new RegExp(`Nieuwe revisie starten vanuit deze ${code.replace(/[$*]/g, '\\$&')}`) }).click();
  await scan.themeTab('C').click();
  await expect(scan.question('C1').getByText('schroefverbinding.png', { exact: true })).toBeVisible();
  await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await app.getByLabel('Projectfase').selectOption('delivery');
  await app.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
  await app.getByRole('link', { name: 'Naar het project' }).click();
  await app.getByRole('link', { name: 'Revisies vergelijken' }).click();
  const states = app.getByTestId('evidence-states');
  await expect(states.locator('tbody tr')).toHaveCount(1);
  await expect(states.locator('tbody tr')).toHaveAttribute('data-state', 'supplied');
  await expect(states).toContainText('aangeleverd en passend');
  await expectAccessible(app);
});
