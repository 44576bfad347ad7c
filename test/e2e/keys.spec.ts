/**
 * The assessor's own key, the way a user handles it: no key, no issuing; a new P-256 key is kept
 * only once its encrypted backup is saved; the revision issued with it is a PAdES PDF that
 * poppler's pdfsig finds valid over the whole document; on a fresh device (a new browser context)
 * the backup restores the same key, refusing a wrong passphrase and a damaged file first, and
 * issuing there signs with the same fingerprint.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { createSigningKey, PASSPHRASE } from './pages/keys';
import { ProjectPages, ScanPage } from './pages/scan-pages';

const hasPdfsig = spawnSync('pdfsig', ['-v'], { encoding: 'utf8' }).error === undefined;
if (process.env.CI === 'true' && !hasPdfsig) throw new Error('pdfsig (poppler-utils) is required in CI: apt-get install -y poppler-utils');

/** The fingerprint of the key a PDF is signed with, as `quickscan verify --json` reports it. */
function signerOf(pdfPath: string): string | undefined {
  const r = spawnSync(process.execPath, ['bin/quickscan.mjs', 'verify', pdfPath, '--json'], { encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as { files?: { signer?: { fingerprint?: string } }[] } & { signer?: { fingerprint?: string } };
  return (out.files?.[0] ?? out).signer?.fingerprint;
}

const menu = (page: Page, name: string) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();

async function saveProfile(page: Page) {
  await menu(page, 'Instellingen');
  await page.getByLabel('Naam', { exact: true }).fill('Anouk de Vries');
  await page.getByLabel('Organisatie').fill('Circulair Advies Zeeland');
  await page.getByRole('button', { name: 'Profiel opslaan' }).click();
}

/** A project with one answered scan; leaves the scan screen open. */
async function projectWithScan(page: Page, name: string) {
  await menu(page, 'Projecten');
  const projects = new ProjectPages(page);
  await projects.createProject({ name, municipality: 'Goes', gfa: '2.400', constructionBudget: '6.000.000' });
  await projects.newScan();
  await new ScanPage(page).levels('A1').getByRole('radio').nth(2).click();
}

/** Issues the open scan; returns the reference code and the PDF bytes (NL). */
async function issue(page: Page): Promise<{ code: string; pdf: Buffer; pdfPath: string }> {
  await page.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await page.getByLabel('Projectfase').selectOption('VO');
  await page.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
  const code = page.getByLabel('Referentiecode');
  await expect(code).toHaveText(/^QS(-[0-9A-Z*~$=]{4}){6}$/);
  // the code and its PDF buttons in view, the code focused
  await expect(code).toBeFocused();
  await expect(page.getByRole('button', { name: /^PDF \(NL\)/ })).toBeInViewport();
  // the language is signed: only the Dutch PDF exists
  await expect(page.getByRole('button', { name: /^PDF \(EN\)/ })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^PDF \(NL\)/ }).click();
  const pdfPath = (await (await download).path())!;
  return { code: (await code.textContent())!, pdf: await readFile(pdfPath), pdfPath };
}

test('a key with its backup signs PAdES PDFs and is restored on a fresh device from its backup', async ({ app, browser }, testInfo) => {
  test.setTimeout(240_000);
  // Without a key nothing is issued: the panel sends the user to Settings.
  await saveProfile(app);
  await expect(app.getByText(/U hebt nog geen ondertekeningssleutel/)).toBeVisible();
  await projectWithScan(app, 'Brede school Goes');
  await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await expect(app.getByText(/Om uit te geven hebt u een ondertekeningssleutel nodig/)).toBeVisible();
  await expect(app.getByRole('button', { name: 'Bevriezen en ondertekenen' })).toHaveCount(0);
  await app.getByRole('link', { name: 'Naar instellingen' }).click();

  // Passphrase rules at the field, then the key with its backup.
  await app.getByRole('button', { name: 'Sleutel maken' }).click();
  await app.getByLabel('Wachtwoord van de back-up').fill('te kort');
  await app.getByRole('button', { name: 'Back-up opslaan en sleutel bewaren' }).click();
  await expect(app.getByText('Het wachtwoord moet minstens 12 tekens lang zijn.')).toBeVisible();
  await expect(app.getByLabel('Wachtwoord van de back-up')).toBeFocused();
  await app.getByLabel('Wachtwoord van de back-up').fill(PASSPHRASE);
  await app.getByLabel('Wachtwoord nogmaals').fill(`${PASSPHRASE}!`);
  await app.getByRole('button', { name: 'Back-up opslaan en sleutel bewaren' }).click();
  await expect(app.getByText('De twee wachtwoorden zijn niet gelijk.')).toBeVisible();
  await expect(app.getByLabel('Wachtwoord nogmaals')).toBeFocused();
  await expectAccessible(app);
  await app.getByRole('button', { name: 'Annuleren' }).click();
  const { backupPath, fingerprint } = await createSigningKey(app);
  const backup = await readFile(backupPath);
  await expect(app.getByText('ECDSA P-256 (PDF-handtekening, met back-up)')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Nieuwe sleutel (vervangt deze)' })).toBeVisible();
  await expectAccessible(app);

  // Issued: a PAdES PDF that pdfsig finds valid over the whole document.
  await app.goBack(); // to the scan
  const first = await issue(app);
  await expectAccessible(app);
  if (hasPdfsig) {
    const r = spawnSync('pdfsig', [first.pdfPath], { encoding: 'utf8' });
    expect(r.stdout).toContain('Signature is Valid.');
    expect(r.stdout).toContain('Total document signed');
  }
  expect(signerOf(first.pdfPath)).toBe(fingerprint);

  // A fresh device: the same PDF is undecided there (nobody vouches for the key yet).
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
  const other = await context.newPage();
  await other.goto('./');
  await expect(other.locator('html[data-app-state="ready"]')).toBeAttached();
  await menu(other, 'Verifiëren');
  let chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Bestanden kiezen' }).click();
  await (await chooser).setFiles(first.pdfPath);
  await expect(other.locator('tbody tr .status-badge')).toHaveText('Onbeslist');

  // Restore: a damaged file and a wrong passphrase are refused, nothing stored.
  await saveProfile(other);
  const damaged = path.join(testInfo.outputPath(), 'damaged.quickscan-key-backup.json');
  const json = JSON.parse(backup.toString('utf8')) as { fingerprint: string };
  await writeFile(damaged, JSON.stringify({ ...json, fingerprint: 'AAAA-AAAA-AAAA-AAAA' }));
  await other.getByRole('button', { name: 'Sleutel terugzetten uit back-up' }).click();
  chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Back-upbestand kiezen…' }).click();
  await (await chooser).setFiles(damaged);
  await expect(other.getByRole('alert')).toHaveText(/is een beschadigde sleutelback-up/);
  chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Back-upbestand kiezen…' }).click();
  await (await chooser).setFiles(backupPath);
  await expect(other.getByText(/Back-up van Anouk de Vries \(Circulair Advies Zeeland\)/)).toBeVisible();
  await expect(other.getByText(fingerprint)).toBeVisible();
  await other.getByLabel('Wachtwoord van de back-up').fill('dit is niet het wachtwoord');
  await other.getByRole('button', { name: 'Sleutel terugzetten', exact: true }).click();
  await expect(other.getByRole('alert')).toHaveText(/Het wachtwoord past niet bij deze back-up/);
  await expect(other.getByText(/U hebt nog geen ondertekeningssleutel/)).toBeVisible();
  await expectAccessible(other);
  await other.getByLabel('Wachtwoord van de back-up').fill(PASSPHRASE);
  await other.getByRole('button', { name: 'Sleutel terugzetten', exact: true }).click();
  // restored: the key's facts replace the restore form (whose backup also names the fingerprint)
  await expect(other.getByText('ECDSA P-256 (PDF-handtekening, met back-up)')).toBeVisible();
  await expect(other.getByRole('button', { name: 'Sleutel terugzetten', exact: true })).toHaveCount(0);
  await expect(other.locator('.key-facts code.fingerprint')).toHaveText(fingerprint);

  // The first device's PDF now passes here (own key), and issuing here signs with the same key.
  await menu(other, 'Verifiëren');
  chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Bestanden kiezen' }).click();
  await (await chooser).setFiles(first.pdfPath);
  await expect(other.locator('tbody tr .status-badge')).toHaveText('Geslaagd');
  await projectWithScan(other, 'Kantoor Middelburg');
  const second = await issue(other);
  expect(second.code).not.toBe(first.code);
  expect(signerOf(second.pdfPath)).toBe(fingerprint);
  await context.close();
});

test('moving to a new key saves its backup and a signed rotation statement; revoking stops issuing', async ({ app }) => {
  test.setTimeout(180_000);
  await saveProfile(app);
  const { fingerprint: old } = await createSigningKey(app);

  // Rotation: a new key with its own backup, then the statement and the new public key to send.
  await app.getByRole('button', { name: 'Nieuwe sleutel (vervangt deze)' }).click();
  await app.getByLabel('Wachtwoord van de back-up').fill(PASSPHRASE);
  await app.getByLabel('Wachtwoord nogmaals').fill(PASSPHRASE);
  const backup = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Back-up opslaan en sleutel bewaren' }).click();
  expect((await backup).suggestedFilename()).toMatch(/\.quickscan-key-backup\.json$/);
  await expect(app.locator('#main').getByText(/U ondertekent nu met de nieuwe sleutel/)).toBeVisible();
  const current = (await app.locator('.key-facts code.fingerprint').textContent())!.trim();
  expect(current).not.toBe(old);
  const statement = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Verklaring opslaan' }).first().click();
  const file = await statement;
  expect(file.suggestedFilename()).toMatch(/rotation .*\.quickscan-key-statement\.json$/);
  const json = JSON.parse(await readFile((await file.path())!, 'utf8')) as { content: { statement: string }; newKeySignature?: string };
  expect(json.content.statement).toBe('key-rotation');
  expect(json.newKeySignature).toBeTruthy();
  await expect(app.getByRole('list').filter({ hasText: old })).toContainText('vervangen op');
  await expectAccessible(app);

  // Revocation: the key signs its revocation and is gone; issuing is refused.
  await app.getByRole('button', { name: 'Sleutel intrekken' }).click();
  await app.getByLabel('Reden').selectOption('key-compromise');
  await app.getByRole('button', { name: 'Sleutel definitief intrekken' }).click();
  await expect(app.locator('#main').getByText(/De sleutel is ingetrokken en ondertekent niet meer/)).toBeVisible();
  await expect(app.getByText(/U hebt nog geen ondertekeningssleutel/)).toBeVisible();
  await expect(app.getByRole('list').filter({ hasText: current })).toContainText('ingetrokken op');
  await expectAccessible(app);
  await projectWithScan(app, 'Kantoor Vlissingen');
  await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await expect(app.getByText(/Om uit te geven hebt u een ondertekeningssleutel nodig/)).toBeVisible();
});
