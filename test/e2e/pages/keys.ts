import { expect, type Page } from '@playwright/test';

export const PASSPHRASE = 'fietsen langs de Oosterschelde';

/**
 * In Settings (profile saved): makes the signing key with its encrypted backup, the way a user
 * does. Returns the backup file's path and the key's fingerprint.
 */
export async function createSigningKey(page: Page, passphrase = PASSPHRASE): Promise<{ backupPath: string; fingerprint: string }> {
  await page.getByRole('button', { name: 'Sleutel maken' }).click();
  await page.getByLabel('Wachtwoord van de back-up').fill(passphrase);
  await page.getByLabel('Wachtwoord nogmaals').fill(passphrase);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back-up opslaan en sleutel bewaren' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.quickscan-key-backup\.json$/);
  const backupPath = await file.path();
  await expect(page.getByText(/^Vingerafdruk$/)).toBeVisible();
  const fingerprint = (await page.locator('code.fingerprint').first().textContent())!.trim();
  return { backupPath, fingerprint };
}
