import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';

// A bidder re-signs a scan with a key he just made, every answer his own, the real assessor's
// name kept. Nothing in it is altered, so it is never red; nobody the user trusts vouches for the
// key, so it is never green either: amber, with the sentence that says what to do.
test('a revision re-signed with a fresh key in the real assessor name is amber on the Verify screen, never green', async ({ app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'quickscan-forged-'));
  const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/quickscan.mjs', ...args], { encoding: 'utf8' });
  const key = JSON.parse(cli('key', 'new', '--out', join(dir, 'forger.quickscan-key.json'), '--json')) as { fingerprint: string };
  const forged = join(dir, 'forged.pdf');
  cli('issue', 'docs/examples/new-build-school-goes.quickscan.json', '--key', join(dir, 'forger.quickscan-key.json'), '--phase', 'tender', '--name', 'Sanne Kodde', '--out', forged);
  const altered = join(dir, 'altered.pdf');
  const bytes = readFileSync(forged);
  const at = Math.floor(bytes.length / 2);
  bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
  writeFileSync(altered, bytes);

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verifiëren' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Bestanden kiezen' }).click();
  await (await chooser).setFiles([forged, altered]);
  const rows = app.getByRole('table', { name: 'Resultaten van de verificatie' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const forgedRow = rows.filter({ hasText: 'forged.pdf' });
  await expect(forgedRow.locator('.status-badge')).toHaveText('Onbeslist');
  await expect(forgedRow.locator('.status-badge')).toHaveClass(/verdict-indeterminate/);
  await expect(forgedRow.locator('.verdict-advice')).toContainText(`Vergelijk de vingerafdruk ${key.fingerprint}`);
  await expect(forgedRow).toContainText('Sanne Kodde');
  // the finer check under the badge says what holds (intact, validly signed), never "Geldig"
  await expect(forgedRow.locator('.verdict-detail')).toHaveText('Ongewijzigd, geldig ondertekend');
  await expect(app.locator('.verdict-passed')).toHaveCount(0);
  const alteredRow = rows.filter({ hasText: 'altered.pdf' });
  await expect(alteredRow.locator('.status-badge')).toHaveText('Afgekeurd');
  await expectAccessible(app);
});
