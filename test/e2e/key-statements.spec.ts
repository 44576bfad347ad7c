import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

// An assessor's key is stolen: its holder revokes it from the suspected day of the theft. A user
// who trusts that key imports the revocation: a revision issued before that day still passes, one
// issued after it fails. Cancelling the import changes nothing.
test('a revocation of a trusted key, imported in Settings → Trust: an earlier revision passes, a later one fails; cancel changes nothing', async ({ app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'quickscan-key-statements-'));
  const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/quickscan.mjs', ...args, '--lang', 'en'], { encoding: 'utf8' });
  const key = JSON.parse(cli('key', 'new', '--out', join(dir, 'bureau.quickscan-key.json'), '--label', 'Bureau De Vries', '--json')) as { fingerprint: string; publicKey: unknown };
  // the trusted-keys list the command line reads, too
  const keysFile = join(dir, 'trusted-keys.json');
  writeFileSync(keysFile, JSON.stringify([{ key: key.publicKey, label: 'Bureau De Vries' }]));
  for (const [name, at] of [
    ['before', '2026-05-15T10:00:00Z'],
    ['after', '2026-07-01T10:00:00Z'],
  ] as const) {
    cli('issue', 'docs/examples/new-build-school-goes.quickscan.json', '--key', join(dir, 'bureau.quickscan-key.json'), '--phase', 'SO', '--issued-at', at, '--out', join(dir, `${name}.quickscan-issued.json`));
  }
  const statement = join(dir, 'bureau.revocation.quickscan-key-statement.json');
  cli('key', 'revoke', '--key', join(dir, 'bureau.quickscan-key.json'), '--reason', 'key-compromise', '--date', '2026-06-01', '--out', statement);
  const altered = join(dir, 'altered.quickscan-key-statement.json');
  writeFileSync(altered, readFileSync(statement, 'utf8').replace('2026-06-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'));

  const settings = async () => {
    await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    return app.getByRole('region', { name: 'Vertrouwen' });
  };
  const choose = async (button: string, file: string) => {
    const trust = app.getByRole('region', { name: 'Vertrouwen' });
    const chooser = app.waitForEvent('filechooser');
    await trust.getByRole('button', { name: button }).click();
    await (await chooser).setFiles(file);
  };

  // the user trusts the key
  const trust = await settings();
  await choose('Sleutelbestand toevoegen', keysFile);
  await app.getByRole('alertdialog', { name: 'Deze sleutel(s) vertrouwen?' }).getByRole('button', { name: 'Vertrouwen', exact: true }).click();
  await expect(trust.getByRole('listitem').filter({ hasText: 'Bureau De Vries' })).toContainText(key.fingerprint);
  await expect(trust).toContainText('Nog geen sleutelverklaringen bevestigd.');

  // an altered statement is refused with one message; nothing changes
  await choose('Sleutelverklaring importeren…', altered);
  await expect(app.getByRole('alert')).toContainText('is na ondertekening gewijzigd');
  await expect(app.getByRole('alertdialog')).toHaveCount(0);

  // the confirmation shows the revoked key, the date and the reason; cancelled, nothing changes
  await choose('Sleutelverklaring importeren…', statement);
  const confirm = app.getByRole('alertdialog', { name: 'Deze intrekking toepassen?' });
  await expect(confirm).toContainText('Ingetrokken sleutel van Bureau De Vries');
  await expect(confirm).toContainText(key.fingerprint);
  await expect(confirm).toContainText('Ingetrokken vanaf: 01-06-2026');
  await expect(confirm).toContainText('sleutel gecompromitteerd');
  await expect(confirm).toContainText('U vertrouwt deze sleutel nu als „Bureau De Vries”');
  await expectAccessible(app);
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.getByRole('status')).toContainText('Er is niets veranderd aan wat u vertrouwt.');
  await expect(trust).toContainText('Nog geen sleutelverklaringen bevestigd.');
  await expectVerdicts(app, dir, { before: 'Geslaagd', after: 'Geslaagd' });

  // confirmed (with the keyboard): applied and listed
  await settings();
  await choose('Sleutelverklaring importeren…', statement);
  await expect(confirm).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Intrekking toepassen' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(trust.getByRole('listitem').filter({ hasText: 'Intrekking door Bureau De Vries' })).toContainText(`sleutel ${key.fingerprint} vanaf 01-06-2026 (sleutel gecompromitteerd)`);
  await expectAccessible(app);
  await expectVerdicts(app, dir, { before: 'Geslaagd', after: 'Afgekeurd' });
});

async function expectVerdicts(app: Page, dir: string, expected: { before: string; after: string }) {
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verifiëren' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Bestanden kiezen' }).click();
  await (await chooser).setFiles([join(dir, 'before.quickscan-issued.json'), join(dir, 'after.quickscan-issued.json')]);
  const rows = app.getByRole('table', { name: 'Resultaten van de verificatie' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'before.quickscan-issued.json' }).locator('.status-badge')).toHaveText(expected.before);
  await expect(rows.filter({ hasText: 'after.quickscan-issued.json' }).locator('.status-badge')).toHaveText(expected.after);
}

// The holder moves to a new key. The rotation gives the new key trust only once the user confirms
// it on its own screen, which names the old and the new fingerprint and how the old key is trusted.
test('a key rotation, confirmed in Settings → Trust: the new key has the old key’s trust from the rotation date', async ({ app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'quickscan-key-rotation-'));
  const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/quickscan.mjs', ...args, '--lang', 'en'], { encoding: 'utf8' });
  const old = JSON.parse(cli('key', 'new', '--out', join(dir, 'old.quickscan-key.json'), '--label', 'Bureau De Vries', '--json')) as { fingerprint: string; publicFile: string };
  const rotated = JSON.parse(cli('key', 'rotate', '--key', join(dir, 'old.quickscan-key.json'), '--out', join(dir, 'new.quickscan-key.json'), '--date', '2026-06-01', '--json')) as { fingerprint: string; statement: string };
  cli('issue', 'docs/examples/new-build-school-goes.quickscan.json', '--key', join(dir, 'new.quickscan-key.json'), '--phase', 'SO', '--issued-at', '2026-07-01T10:00:00Z', '--out', join(dir, 'new-key.quickscan-issued.json'));

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  const trust = app.getByRole('region', { name: 'Vertrouwen' });
  let chooser = app.waitForEvent('filechooser');
  await trust.getByRole('button', { name: 'Sleutelbestand toevoegen' }).click();
  // the public key file the command line wrote beside the key
  await (await chooser).setFiles(old.publicFile);
  await app.getByRole('alertdialog', { name: 'Deze sleutel(s) vertrouwen?' }).getByRole('button', { name: 'Vertrouwen', exact: true }).click();
  await expect(trust.getByRole('listitem').filter({ hasText: 'Bureau De Vries' })).toContainText(old.fingerprint);

  chooser = app.waitForEvent('filechooser');
  await trust.getByRole('button', { name: 'Sleutelverklaring importeren…' }).click();
  await (await chooser).setFiles(rotated.statement);
  const confirm = app.getByRole('alertdialog', { name: 'Deze sleutelwissel bevestigen?' });
  await expect(confirm).toContainText('Nieuwe sleutel van Bureau De Vries');
  await expect(confirm).toContainText(`Vingerafdruk: ${rotated.fingerprint}`);
  await expect(confirm).toContainText(`Oude sleutel: ${old.fingerprint}`);
  await expect(confirm).toContainText('U vertrouwt de oude sleutel als „Bureau De Vries”.');
  await expect(confirm).toContainText('Ingangsdatum: 01-06-2026');
  await expectAccessible(app);
  await confirm.getByRole('button', { name: 'Sleutelwissel bevestigen' }).click();
  await expect(confirm).toBeHidden();
  await expect(trust.getByRole('listitem').filter({ hasText: 'Sleutelwissel van Bureau De Vries' })).toContainText(`${old.fingerprint} → ${rotated.fingerprint} vanaf 01-06-2026`);

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verifiëren' }).click();
  chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Bestanden kiezen' }).click();
  await (await chooser).setFiles(join(dir, 'new-key.quickscan-issued.json'));
  const row = app.getByRole('table', { name: 'Resultaten van de verificatie' }).locator('tbody tr');
  await expect(row.locator('.status-badge')).toHaveText('Geslaagd');
});
