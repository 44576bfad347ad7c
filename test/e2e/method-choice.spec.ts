import { expect, expectAccessible, test } from './fixtures';
import { ProjectPages } from './pages/scan-pages';

test('a new scan on a chosen method version, and a profile for another version offers a scan on that version instead of a dead end', async ({ app }) => {
  test.setTimeout(90_000);
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'IKC De Schelp', gfa: '3.100', constructionBudget: '7.500.000' });

  // the choice beside "Nieuwe scan": every built-in release (and loaded method)
  await app.locator('details.new-scan-on-method > summary').click();
  const choices = app.getByRole('group', { name: 'Methode voor de nieuwe scan' });
  await expect(choices.getByRole('button')).toHaveCount(2);
  await expectAccessible(app);
  await choices.locator('[data-method="zeeland-quickscan@1.0.0"]').click();
  await expect(app.locator('#scan-title + p')).toContainText('QuickScan Circulair Bouwen Zeeland 1.0.0');
  await app.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'IKC De Schelp' }).click();

  // a scan on the default (open) method gets the example profile, made for zeeland-quickscan 1.0.0
  await projects.newScan();
  await expect(app.locator('#scan-title + p')).toContainText('Open QuickScan');
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Eisenprofiel laden' }).click();
  await (await chooser).setFiles('docs/examples/tender/requirement-profile.json');
  const announcer = app.locator('.announcer');
  await expect(announcer).toContainText('dit eisenprofiel is gemaakt voor QuickScan Circulair Bouwen Zeeland 1.0.0');
  const scanUrl = app.url();
  await announcer.getByRole('button', { name: 'Scan starten op QuickScan Circulair Bouwen Zeeland 1.0.0' }).click();
  await expect.poll(() => app.url()).not.toBe(scanUrl);
  await expect(app.locator('#scan-title + p')).toContainText('QuickScan Circulair Bouwen Zeeland 1.0.0');
  // the profile is loaded into the new scan at once
  await expect(app.getByRole('region', { name: 'Eisen van de aanbesteding' })).toContainText('Nieuwbouw Integraal Kindcentrum De Schelp');
  await expectAccessible(app);

  await app.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'IKC De Schelp' }).click();
  await expect(app.getByRole('list', { name: 'Scans' }).getByRole('listitem')).toHaveCount(3);
});
