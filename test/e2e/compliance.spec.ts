import { expect, expectAccessible, test } from './fixtures';
import { ProjectPages, ScanPage } from './pages/scan-pages';

test('a bidder loads the tender profile, sees what is missing, and applies the cheapest compliant variant', async ({ app }) => {
  test.setTimeout(90_000);
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Gemeentewerf Tholen', municipality: 'Tholen', gfa: '1.500', constructionBudget: '3.000.000', budgetPct: '5' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.levels('A1').getByRole('radio').nth(2).click();
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '2');

  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Eisenprofiel laden' }).click();
  await (await chooser).setFiles('docs/examples/tender/requirement-profile.json');
  await expect(app.getByTestId('compliance')).toHaveText('Voldoet nog niet');
  await expect(app.locator('.compliance-missing li').first()).toBeVisible();
  await expectAccessible(app);

  await app.getByRole('link', { name: 'Budget', exact: true }).click();
  const comply = app.getByRole('region', { name: /Goedkoopste weg om te voldoen aan/ });
  await expect(comply).toBeVisible();
  await comply.getByRole('button', { name: 'Als variant toepassen' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /voldoet aan/ })).toBeVisible();
  await expect(app.getByTestId('compliance')).toHaveText('Voldoet aan alle eisen');
});
