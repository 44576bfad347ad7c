import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { createSigningKey } from './pages/keys';
import { ProjectPages, ScanPage } from './pages/scan-pages';

const nav = (app: Page, name: string) => app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();

/** The assessor profile and the own signing key (made with its backup, the way a user does). */
async function saveAssessor(app: Page) {
  await app.goto('./#/settings');
  await app.getByLabel('Naam', { exact: true }).fill('Joris Kallewaard');
  await app.getByLabel('Organisatie').fill('Bureau Onafhankelijk Toetsen');
  await app.getByRole('button', { name: 'Profiel opslaan' }).click();
  await createSigningKey(app);
}

test('a revision signed with the own key is "Geslaagd" on the project page, the projects list and compare; the ambitions save at once and survive a reload', async ({ app }) => {
  test.setTimeout(120_000);
  await saveAssessor(app);
  await nav(app, 'Projecten');
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Kindcentrum Middelburg', municipality: 'Middelburg', gfa: '2.400', constructionBudget: '6.000.000' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.themeTab('C').click();
  await scan.levels('C1').getByRole('radio').nth(3).click();
  await expect(scan.checkedLevel('C1')).toHaveAttribute('data-index', '3');
  await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
  await app.getByLabel('Projectfase').selectOption('tender');
  await app.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
  const code = (await app.getByLabel('Referentiecode').textContent())!.trim();

  // project page: the revision with its verdict, who vouched for it
  await app.getByRole('link', { name: 'Naar het project' }).click();
  const revision = app.getByRole('list', { name: 'Uitgegeven revisies' }).getByRole('listitem').filter({ hasText: code });
  await expect(revision.locator('.status-badge')).toHaveText('Geslaagd');
  await expect(revision.locator('.status-badge')).toHaveClass(/verdict-passed/);
  await expect(revision).toContainText('Ondertekend met een vertrouwde sleutel');

  // ambitions: saved at once, shown beside the achieved score
  await app.getByLabel(/^C\. /).fill('60');
  await expect(app.getByRole('status').filter({ hasText: /Ambitie C\. .* opgeslagen: 60/ })).toBeVisible();
  await expect(app.locator('.theme-bar').filter({ hasText: /^C\./ })).toContainText('ambitie 60');
  await expectAccessible(app);
  await app.reload();
  await expect(app.getByLabel(/^C\. /)).toHaveValue('60');

  // compare: the issued scan beside a new one
  await projects.newScan();
  await app.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Kindcentrum Middelburg' }).click();
  const scans = app.getByRole('list', { name: 'Scans en varianten' }).getByRole('listitem');
  await expect(scans).toHaveCount(2);
  await scans.nth(0).getByRole('checkbox').check();
  await scans.nth(1).getByRole('checkbox').check();
  await app.getByRole('link', { name: 'Vergelijk 2 scans' }).click();
  const issuedRow = app.getByRole('row', { name: /Uitgegeven revisie/ });
  await expect(issuedRow.locator('.verdict-passed')).toHaveCount(1);
  await expect(issuedRow).toContainText(code);
  await expect(issuedRow).toContainText('niet uitgegeven');
  await expectAccessible(app);

  // projects list: the latest revision's verdict on the card
  await nav(app, 'Projecten');
  const card = app.getByRole('list', { name: 'Projecten' }).getByRole('listitem').filter({ hasText: 'Kindcentrum Middelburg' });
  await expect(card).toContainText('1 uitgegeven revisie');
  await expect(card.locator('.status-badge')).toHaveText('Geslaagd');
  await expectAccessible(app);

  // at delivery: a scan that re-validates the tender revision shows the promised level on each question
  await card.getByRole('link', { name: 'Kindcentrum Middelburg' }).click();
  await app.getByRole('button', { name: 'Projectgegevens wijzigen' }).click();
  await app.getByLabel('Projectfase').selectOption('delivery');
  await app.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await app.getByRole('button', { name: new RegExp(`Nieuwe revisie starten vanuit deze ${code.replace(/[$*]/g, '\\$&')}`) }).click();
  await expect(app.getByText(`Dit is een scan in de opleverfase: bij elke vraag staat het niveau dat in ${code} (Aanbesteding) is beloofd.`)).toBeVisible();
  await scan.themeTab('C').click();
  await expect(scan.question('C1').locator('.promised-level')).toHaveText(new RegExp(`^Beloofd in ${code} \\(Aanbesteding\\): 3 · `));
  await expect(scan.question('C2').locator('.promised-level')).toHaveText(`Beloofd in ${code} (Aanbesteding): niets (niet beantwoord)`);
  await expectAccessible(app);
});

test('a revision re-signed with a fresh key in the real assessor name, imported, is amber everywhere, never green', async ({ app }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'quickscan-views-'));
  const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/quickscan.mjs', ...args], { encoding: 'utf8' });
  cli('key', 'new', '--out', join(dir, 'forger.quickscan-key.json'), '--json');
  const forged = join(dir, 'forged.pdf');
  cli('issue', 'docs/examples/new-build-school-goes.quickscan.json', '--key', join(dir, 'forger.quickscan-key.json'), '--phase', 'tender', '--name', 'Joris Kallewaard', '--out', forged);
  await saveAssessor(app); // the user has an own key: it does not vouch for the forger's

  await nav(app, 'Projecten');
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: /importeren/i }).click();
  await (await chooser).setFiles({ name: 'forged.pdf', mimeType: 'application/pdf', buffer: readFileSync(forged) });
  await expect(app.getByRole('heading', { level: 1 })).not.toHaveText('Projecten');
  const revision = app.getByRole('list', { name: 'Uitgegeven revisies' }).getByRole('listitem');
  await expect(revision.locator('.status-badge')).toHaveText('Onbeslist');
  await expect(revision.locator('.verdict-advice')).toContainText('Vergelijk de vingerafdruk');
  await expect(app.locator('.verdict-passed')).toHaveCount(0);
  await expectAccessible(app);

  await nav(app, 'Projecten');
  const card = app.getByRole('list', { name: 'Projecten' }).getByRole('listitem').first();
  await expect(card.locator('.status-badge')).toHaveText('Onbeslist');
  await expect(card).toContainText('Ondertekenaar nog niet vertrouwd');
  await expect(app.locator('.verdict-passed')).toHaveCount(0);
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the project page with its verdicts and ambitions has no accessibility violations in dark mode', async ({ app }) => {
    test.setTimeout(120_000);
    await saveAssessor(app);
    await nav(app, 'Projecten');
    const projects = new ProjectPages(app);
    await projects.createProject({ name: 'Dorpshuis Veere', gfa: '800', constructionBudget: '2.000.000' });
    await projects.newScan();
    await app.getByRole('button', { name: 'Uitgeven als referentie' }).click();
    await app.getByLabel('Projectfase').selectOption('VO');
    await app.getByRole('button', { name: 'Bevriezen en ondertekenen' }).click();
    await expect(app.getByLabel('Referentiecode')).toBeVisible();
    await app.getByRole('link', { name: 'Naar het project' }).click();
    await expect(app.locator('.revision-card .status-badge')).toHaveText('Geslaagd');
    await app.getByLabel(/^A\. /).fill('40');
    await expect(app.getByRole('status').filter({ hasText: /opgeslagen: 40/ })).toBeVisible();
    await expectAccessible(app);
    await nav(app, 'Projecten');
    await expect(app.locator('.project-card .status-badge')).toHaveText('Geslaagd');
    await expectAccessible(app);
  });
});
