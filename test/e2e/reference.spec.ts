import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { createSigningKey } from './pages/keys';
import { ProjectPages, ScanPage } from './pages/scan-pages';

test('an issued scan becomes a signed PDF that verifies as valid, and an altered copy does not', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  // The assessor's profile, then the signing key with its encrypted backup.
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  await app.getByLabel('Naam', { exact: true }).fill('Anouk de Vries');
  await app.getByLabel('Organisatie').fill('Circulair Advies Zeeland');
  await app.getByLabel('Rol').fill('Adviseur circulair bouwen');
  await app.getByRole('button', { name: 'Profiel opslaan' }).click();
  await createSigningKey(app);
  await expectAccessible(app);

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Brede school Goes', municipality: 'Goes', gfa: '2.400', constructionBudget: '6.000.000' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.levels('A1').getByRole('radio').nth(3).click();
  await scan.question('A1').getByLabel('Toelichting').fill('Variantenstudie behoud gymzaal uitgevoerd.');
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '3');
  const total = (await scan.total().textContent())!.trim();

  await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await app.getByLabel('Projectfase').selectOption('VO');
  await app.getByLabel('Aannames').fill('Kostenkengetallen prijspeil 2026.');
  await expectAccessible(app);
  await app.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
  const code = app.getByLabel('Referentiecode');
  await expect(code).toHaveText(/^QS(-[0-9A-Z*~$=]{4}){6}$/);
  const referenceCode = (await code.textContent())!;

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: /^PDF \(NL\)/ }).click();
  const pdfPath = await (await download).path();
  const pdf = await readFile(pdfPath);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // The printed report says what was issued, in Dutch, with the right characters.
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(referenceCode);
  expect(text).toContain('Brede school Goes');
  expect(text).toContain('Anouk de Vries');
  expect(text).toContain(total);
  expect(text).toContain('Variantenstudie behoud gymzaal uitgevoerd.');
  expect(text).toMatch(/€/);

  // A copy whose first page was changed by hand (its size, in the page dictionary).
  const altered = Buffer.from(pdf);
  const at = altered.indexOf(Buffer.from('/MediaBox'));
  expect(at).toBeGreaterThan(0);
  const digit = altered.indexOf(Buffer.from('5'), at);
  altered[digit] = 0x36;
  const alteredPath = path.join(testInfo.outputPath(), 'altered.pdf');
  await writeFile(alteredPath, altered);

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verifiëren' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Bestanden kiezen' }).click();
  await (await chooser).setFiles([pdfPath, alteredPath]);
  const rows = app.getByRole('table', { name: 'Resultaten van de verificatie' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  // Altered is failed (red); the user's own revision passes: their own signing key is an anchor.
  await expect(rows.filter({ hasText: 'altered.pdf' }).locator('.status-badge')).toHaveText('Afgekeurd');
  await expect(rows.filter({ hasText: 'altered.pdf' }).locator('.verdict-detail')).toHaveText(/Gewijzigd/);
  const original = rows.filter({ hasNotText: 'altered.pdf' });
  await expect(original.locator('.status-badge')).toHaveText('Geslaagd');
  await expect(original).toContainText(referenceCode);
  await expect(original).toContainText(total);
  await expectAccessible(app);

  // The project lists the frozen revision with its code.
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
  await app.getByRole('link', { name: 'Brede school Goes' }).click();
  await expect(app.getByRole('list', { name: 'Uitgegeven revisies' })).toContainText(referenceCode);
});
