import { expect, expectAccessible, test } from './fixtures';
import { AppPage } from './pages/app-page';

test('a new project is saved at once and survives a reload', async ({ app }) => {
  const ui = new AppPage(app);
  await expect(ui.heading('Projecten')).toBeVisible();
  await expect(app.getByText('Nog geen projecten')).toBeVisible();
  await expectAccessible(app);

  await app.getByRole('button', { name: 'Nieuw project' }).click();
  await app.getByRole('button', { name: 'Project aanmaken' }).click();
  await expect(app.getByText('Vul dit veld in.').first()).toBeVisible();
  await expect(app.getByLabel('Projectnaam')).toBeFocused();
  await expectAccessible(app);

  await app.getByLabel('Projectnaam').fill('Brede school Goes');
  await app.getByLabel('Bruto vloeroppervlak (m² BVO)').fill('2.400');
  await app.getByLabel('Bouwbudget (€)').fill('6.000.000');
  await app.getByLabel('Percentage (%)').fill('3');
  await app.getByRole('button', { name: 'Project aanmaken' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Brede school Goes' })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Project “Brede school Goes” aangemaakt.' })).toBeVisible();

  await ui.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Brede school Goes' })).toBeVisible();
  await ui.nav('Projecten').click();
  await expect(app.getByRole('link', { name: 'Brede school Goes' })).toBeVisible();
});

test('the language switch changes every label and is remembered', async ({ app }) => {
  const ui = new AppPage(app);
  await expect(app.locator('html')).toHaveAttribute('lang', 'nl');
  await ui.languageButton('EN').click();
  await expect(ui.heading('Projects')).toBeVisible();
  await expect(ui.nav('Settings')).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');

  await ui.reload();
  await expect(ui.heading('Projects')).toBeVisible();

  await ui.nav('Settings').click();
  await expect(ui.heading('Settings')).toBeVisible();
  await expect(app.getByText('Browser mode')).toBeVisible();
  await expectAccessible(app);
  await app.getByRole('radio', { name: 'Nederlands' }).check();
  await expect(ui.heading('Instellingen')).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'nl');
});

test('an unknown address shows a way back instead of a blank page', async ({ app }) => {
  await app.goto('./#/no/such/page');
  await expect(app.getByRole('heading', { name: 'Pagina niet gevonden' })).toBeVisible();
  await app.getByRole('link', { name: 'Naar projecten' }).click();
  await expect(app.getByRole('heading', { name: 'Projecten', level: 1 })).toBeVisible();
});

test('the built page carries a strict content security policy', async ({ app }) => {
  const csp = await app.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe');
});
