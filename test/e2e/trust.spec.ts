import { zipSync, strToU8 } from 'fflate';
import { generatePrivateJwk, keyFingerprint, publicJwkOf } from '../../scoring/keys';
import { signTrustList, trustListJsonText, type TrustListContent } from '../../scoring/trust';
import { makePublicKeyFile } from '../../scoring/key-file';
import { expect, expectAccessible, test } from './fixtures';

const forged = publicJwkOf(generatePrivateJwk('ES256'));
const operatorPrivate = generatePrivateJwk('ES256');
const operator = publicJwkOf(operatorPrivate);
const listed = publicJwkOf(generatePrivateJwk('ES256'));

function trustList(): string {
  const content: TrustListContent = {
    format: 'quickscan-trustlist',
    formatVersion: 1,
    listId: '0d6c2f4e-7a1b-4c3d-9e8f-1a2b3c4d5e6f',
    name: 'Erkende beoordelaars Zeeland (TEST)',
    sequence: 2,
    issuedAt: '2026-01-01T00:00:00Z',
    validUntil: '2036-01-01T00:00:00Z',
    operator: { name: 'Stichting Circulair Bouwen Zeeland', organisation: 'CBZ', key: operator },
    entries: [{ key: listed, name: 'Anouk de Vries', organisation: 'Circulair Advies Zeeland', role: 'independent-assessor', validFrom: '2025-01-01T00:00:00Z' }],
    revocations: [],
  };
  return trustListJsonText(signTrustList(content, operatorPrivate));
}

/** A backup (format 2) from "another machine": no projects, but a trusted key and a trust list. */
function backupZip(): Buffer {
  const backup = {
    format: 'quickscan-backup',
    formatVersion: 2,
    exportedAt: '2026-11-30T10:00:00.000Z',
    evidenceFiles: 'included',
    signingKey: 'not-included',
    projects: [],
    scans: [],
    evidence: [],
    revisions: [],
    settings: [],
    trustAnchors: [{ key: forged, label: 'Bureau Vervalst', addedAt: '2026-11-30T10:00:00.000Z' }],
    trustLists: [JSON.parse(trustList()) as unknown],
  };
  return Buffer.from(zipSync({ 'backup.json': strToU8(JSON.stringify(backup)) }));
}

test('a backup that carries trusted keys adds none until the user ticks each one on a screen that names it', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  const trust = app.getByRole('region', { name: 'Vertrouwen' });
  await expect(trust).toContainText('Nog geen vertrouwde sleutels');
  // Settings says which origin holds the data.
  await expect(app.getByTestId('data-origin')).toContainText(new URL(app.url()).origin);

  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Back-up terugzetten…' }).click();
  await (await chooser).setFiles({ name: 'ander-apparaat.quickscan-backup.zip', mimeType: 'application/zip', buffer: backupZip() });

  const offer = app.getByRole('alertdialog', { name: 'Ook vertrouwen wat in de back-up stond?' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('Bureau Vervalst');
  await expect(offer).toContainText(keyFingerprint(forged));
  await expect(offer).toContainText('Erkende beoordelaars Zeeland (TEST)');
  await expect(offer).toContainText(keyFingerprint(operator));
  // Nothing is trusted yet, and nothing is ticked.
  await expect(trust).toContainText('Nog geen vertrouwde sleutels');
  await expect(offer.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expectAccessible(app);

  // Confirming with nothing ticked adds nothing and says so.
  await offer.getByRole('button', { name: 'Aangevinkte vertrouwen' }).click();
  await expect(offer.getByRole('alert')).toContainText('Vink eerst aan');
  await expect(trust).toContainText('Nog geen vertrouwde sleutels');

  // Only the trust list is chosen: its operator becomes an anchor, the forger's key does not.
  await offer.getByRole('checkbox', { name: /Erkende beoordelaars Zeeland/ }).check();
  await offer.getByRole('button', { name: 'Aangevinkte vertrouwen' }).click();
  await expect(offer).toBeHidden();
  await expect(trust).toContainText('Stichting Circulair Bouwen Zeeland, CBZ');
  await expect(trust).toContainText(keyFingerprint(operator));
  await expect(trust).toContainText('beheerder van een vertrouwenslijst');
  await expect(trust).toContainText('Erkende beoordelaars Zeeland (TEST)');
  await expect(trust).not.toContainText('Bureau Vervalst');
  await expect(trust).not.toContainText(keyFingerprint(forged));
  await expectAccessible(app);
});

test('a key file and a trust list are added only after a confirmation showing fingerprint, operator and entries', async ({ app }, testInfo) => {
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  const trust = app.getByRole('region', { name: 'Vertrouwen' });
  const keyFile = { name: 'anouk.quickscan-key.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(makePublicKeyFile(listed, 'Anouk de Vries', 'Circulair Advies Zeeland'))) };

  // Cancelled: nothing added.
  let chooser = app.waitForEvent('filechooser');
  await trust.getByRole('button', { name: 'Sleutelbestand toevoegen' }).click();
  await (await chooser).setFiles(keyFile);
  const confirmKey = app.getByRole('alertdialog', { name: 'Deze sleutel(s) vertrouwen?' });
  await expect(confirmKey).toContainText('Anouk de Vries, Circulair Advies Zeeland');
  await expect(confirmKey).toContainText(keyFingerprint(listed));
  await expectAccessible(app);
  await confirmKey.getByRole('button', { name: 'Annuleren' }).click();
  await expect(confirmKey).toBeHidden();
  await expect(trust).toContainText('Nog geen vertrouwde sleutels');

  // Confirmed: listed with its fingerprint.
  chooser = app.waitForEvent('filechooser');
  await trust.getByRole('button', { name: 'Sleutelbestand toevoegen' }).click();
  await (await chooser).setFiles(keyFile);
  await confirmKey.getByRole('button', { name: 'Vertrouwen', exact: true }).click();
  await expect(trust.getByRole('listitem').filter({ hasText: 'Anouk de Vries' })).toContainText(keyFingerprint(listed));

  // A trust list: operator, its fingerprint and the number of entries, before anything is stored.
  chooser = app.waitForEvent('filechooser');
  await trust.getByRole('button', { name: 'Vertrouwenslijst laden' }).click();
  await (await chooser).setFiles({ name: 'zeeland.quickscan-trustlist.json', mimeType: 'application/json', buffer: Buffer.from(trustList()) });
  const confirmList = app.getByRole('alertdialog', { name: 'Deze vertrouwenslijst vertrouwen?' });
  await expect(confirmList).toContainText('Lijst: Erkende beoordelaars Zeeland (TEST), versie 2');
  await expect(confirmList).toContainText('Beheerder: Stichting Circulair Bouwen Zeeland, CBZ');
  await expect(confirmList).toContainText(keyFingerprint(operator));
  await expect(confirmList).toContainText('1 inschrijvingen en 0 intrekkingen');
  await expect(trust).toContainText('Nog geen vertrouwenslijsten geladen.');
  await confirmList.getByRole('button', { name: 'Lijst vertrouwen' }).click();
  await expect(trust).toContainText('versie 2 · beheerder Stichting Circulair Bouwen Zeeland, CBZ · 1 inschrijvingen');

  // A damaged list: one message, nothing changed.
  const damaged = trustList().replace('Anouk de Vries', 'Anouk de Vriez');
  chooser = app.waitForEvent('filechooser');
  await trust.getByRole('button', { name: 'Vertrouwenslijst laden' }).click();
  await (await chooser).setFiles({ name: 'vervalst.quickscan-trustlist.json', mimeType: 'application/json', buffer: Buffer.from(damaged) });
  await expect(app.getByRole('alert').filter({ hasText: 'gewijzigd na het ondertekenen' })).toBeVisible();
  await expect(trust.getByRole('listitem').filter({ hasText: 'Erkende beoordelaars' })).toHaveCount(1);
  testInfo.annotations.push({ type: 'origin', description: new URL(app.url()).origin });
});
