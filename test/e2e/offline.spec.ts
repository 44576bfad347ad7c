import { expect, test } from './fixtures';

test('once loaded, the browser mode keeps working with the network off', async ({ app, context }) => {
  // The service worker is active and has taken the app's files into its cache: the page, its
  // scripts (the budget screen's Web Worker among them) and its styles.
  const cached = await app.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return { active: registration.active !== null, scope: new URL(registration.scope).pathname, paths };
  });
  expect(cached.active).toBe(true);
  expect(cached.paths).toContain(`${cached.scope}index.html`);
  expect(cached.paths.some((p) => /\/assets\/.*\.js$/.test(p))).toBe(true);
  expect(cached.paths.some((p) => /\/assets\/.*\.css$/.test(p))).toBe(true);
  expect(cached.paths.some((p) => /budget.*worker.*\.js$/i.test(p))).toBe(true);
  await app.reload();
  await expect(app.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect.poll(() => app.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await app.reload();
  await expect(app.locator('html[data-app-state="ready"]')).toBeAttached();
  await app.getByRole('button', { name: 'Nieuw project' }).click();
  await app.getByLabel('Projectnaam').fill('Offline gemaakt');
  await app.getByLabel('Bruto vloeroppervlak (m² BVO)').fill('500');
  await app.getByLabel('Bouwbudget (€)').fill('900.000');
  await app.getByLabel('Percentage (%)').fill('2');
  await app.getByRole('button', { name: 'Project aanmaken' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Offline gemaakt' })).toBeVisible();
  // The report code (jsPDF, pdf-lib) is cached too: verifying loads it offline.
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verifiëren' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Bestanden kiezen' }).click();
  await (await chooser).setFiles('docs/examples/issued/new-build-school-goes.nl.pdf');
  await expect(app.locator('tbody tr .status-badge')).toHaveText('Onbeslist');
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  await expect(app.getByTestId('storage-state')).toBeVisible();
  await context.setOffline(false);
});
