import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makePublicKeyFile } from '../../scoring/key-file';
import { parseProfileEnvelope, profileSignerKey, verifyProfileEnvelope } from '../../scoring/profile';
import { keyFingerprint } from '../../scoring/keys';
import { expect, expectAccessible, test } from './fixtures';
import { createSigningKey } from './pages/keys';

const examples = path.join(import.meta.dirname, '../../docs/examples/tender');
const bids = [
  'bid-01-compliant-gold.pdf',
  'bid-02-compliant-silver.pdf',
  'bid-03-compliant-platinum.pdf',
  'bid-04-not-compliant-musthave.pdf',
  'bid-05-not-compliant-theme.pdf',
  'bid-06-not-compliant-label.pdf',
  'bid-07-altered-pages.pdf',
  'bid-08-altered-data.pdf',
  'bid-09-unknown-signer.pdf',
  'bid-10-not-compliant-na-musthave.pdf',
  'bid-11-unknown-method.pdf',
  'bid-12-compliant-silver-en.pdf',
];

/** docs/examples/tender/README.md, in Dutch: file -> [verdict, compliant, total, label, discount, rank] */
const EXPECTED: Record<string, [string, string, string, string, string, string]> = {
  'bid-03-compliant-platinum.pdf': ['Geslaagd', 'ja', '85,8', 'Platina', '€ 214.500', '1'],
  'bid-01-compliant-gold.pdf': ['Geslaagd', 'ja', '66,6', 'Goud', '€ 166.500', '2'],
  'bid-02-compliant-silver.pdf': ['Geslaagd', 'ja', '51,1', 'Zilver', '€ 127.750', '3'],
  'bid-12-compliant-silver-en.pdf': ['Geslaagd', 'ja', '51,1', 'Zilver', '€ 127.750', '3'],
  'bid-04-not-compliant-musthave.pdf': ['Geslaagd', 'nee', '63,7', 'Zilver', '–', '–'],
  'bid-05-not-compliant-theme.pdf': ['Geslaagd', 'nee', '50,7', 'Zilver', '–', '–'],
  'bid-06-not-compliant-label.pdf': ['Geslaagd', 'nee', '31,2', 'Geen label', '–', '–'],
  'bid-07-altered-pages.pdf': ['Afgekeurd', '(ja)', '68,1', 'Goud', '–', '–'],
  'bid-08-altered-data.pdf': ['Afgekeurd', '–', '–', '–', '–', '–'],
  'bid-09-unknown-signer.pdf': ['Onbeslist', '(ja)', '71,9', 'Goud', '–', '–'],
  'bid-10-not-compliant-na-musthave.pdf': ['Geslaagd', 'nee', '66,3', 'Goud', '–', '–'],
  'bid-11-unknown-method.pdf': ['Onbeslist', '–', '–', '–', '–', '–'],
};

/** The Tender screen's parts, by what the user sees. */
class TenderPage {
  constructor(readonly page: Page) {}
  table = () => this.page.getByRole('table', { name: 'Inschrijvingen getoetst aan het eisenprofiel' });
  rows = () => this.table().locator('tbody tr');
  row = (file: string) => this.rows().filter({ has: this.page.getByRole('rowheader', { name: file, exact: true }) });
  /** The text of each cell of a row, after the file name: reference, bidder, status, compliant, total, label, discount, rank. */
  async cells(file: string): Promise<string[]> {
    return this.row(file)
      .locator('td')
      .evaluateAll((tds) =>
        tds.map((td) => {
          const strong = td.querySelector('.status-badge, strong, .label-chip');
          return (strong ?? td).childNodes[0]?.textContent?.trim() ?? '';
        }),
      );
  }
  async fileOrder(): Promise<string[]> {
    return this.rows().locator('th[scope="row"]').allTextContents();
  }
  async choose(button: string, files: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await (await chooser).setFiles(files);
  }
}

test('an evaluator checks twelve bids against the example profile: the README table, flagged bids unranked, a CSV', async ({ app }, testInfo) => {
  test.setTimeout(180_000);
  // The bidders' key as a key file the app reads (the example's list is the command line's format).
  const [bidderKey] = JSON.parse(await readFile(path.join(examples, 'trusted-bidder-keys.json'), 'utf8')) as { publicKey: string }[];
  await mkdir(testInfo.outputPath(), { recursive: true });
  const keyFile = path.join(testInfo.outputPath(), 'inschrijvers.quickscan-key.json');
  await writeFile(keyFile, JSON.stringify(makePublicKeyFile(bidderKey!.publicKey, 'Inschrijvers (TEST)', 'Voorbeeld')));

  await app.goto('./#/tender');
  await expect(app.getByRole('heading', { level: 1, name: 'Aanbesteding' })).toBeVisible();
  await expect(app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbesteding' })).toHaveAttribute('aria-current', 'page');
  // Without trusted keys the screen says so, and leads to Settings.
  await expect(app.getByText(/Er zijn geen vertrouwde sleutels of vertrouwenslijsten ingesteld/)).toBeVisible();
  await app.getByRole('link', { name: 'Naar Instellingen' }).click();
  const tender = new TenderPage(app);
  await tender.choose('Sleutelbestand toevoegen', [keyFile]);
  // Trust changes only on purpose: the key is named with its fingerprint and added once confirmed.
  const confirmKey = app.getByRole('alertdialog', { name: 'Deze sleutel(s) vertrouwen?' });
  await expect(confirmKey).toContainText('Inschrijvers (TEST), Voorbeeld');
  await confirmKey.getByRole('button', { name: 'Vertrouwen', exact: true }).click();
  await expect(app.getByText('Inschrijvers (TEST), Voorbeeld', { exact: true })).toBeVisible();

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbesteding' }).click();
  await expect(app.getByText(/gecontroleerd tegen 1 vertrouwde sleutel/)).toBeVisible();
  await tender.choose('Eisenprofiel openen', [path.join(examples, 'requirement-profile.json')]);
  const summary = app.getByRole('region', { name: 'Eisenprofiel', exact: true });
  await expect(summary).toContainText('Nieuwbouw Integraal Kindcentrum De Schelp');
  await expect(summary).toContainText('KAP-2026-IKC-017');
  await expect(summary).toContainText('Gemeente Kapelle (fictief voorbeeld)');
  await expect(summary).toContainText('V5DG-3S4Z-DTNX-0WFG');
  await expect(summary).toContainText('QS-2JHQ-6WRA-ZNZD');
  await expect(summary).toContainText('Minimaal label Zilver');
  await expect(summary).toContainText('Thema C. Verbindingen: minimaal 40');
  await expect(summary).toContainText('€ 2.500 per punt van het totaal');

  await tender.choose('Inschrijvingen kiezen', bids.map((b) => path.join(examples, b)));
  await expect(tender.rows()).toHaveCount(12, { timeout: 90_000 });
  await expect(app.getByText(/Bezig met controleren/)).toHaveCount(0);
  await expect(app.getByText('4 van 12 inschrijvingen gerangschikt', { exact: false })).toBeVisible();

  // Ranked first (3, 3 shared), then the others in the order they were added.
  expect(await tender.fileOrder()).toEqual(Object.keys(EXPECTED));
  for (const [file, [status, compliant, total, label, discount, rank]] of Object.entries(EXPECTED)) {
    const cells = await tender.cells(file);
    expect([cells[2], cells[3], cells[4], cells[5], cells[6]?.replace(/\s/g, ' '), cells[7]], file).toEqual([status, compliant, total, label, discount, rank]);
  }
  // Flagged: the altered, untrusted and unknown bids are marked and never ranked.
  // the verdict decides (scoring/verdict.ts): altered bids failed, an unknown signer or method is indeterminate
  for (const [file, reason] of [['bid-07-altered-pages.pdf', 'afgekeurd'], ['bid-08-altered-data.pdf', 'afgekeurd'], ['bid-09-unknown-signer.pdf', 'onbeslist'], ['bid-11-unknown-method.pdf', 'onbeslist']] as const) {
    await expect(tender.row(file)).toHaveClass(/tender-flagged/);
    await expect(tender.row(file).locator('td').last()).toContainText(reason);
  }
  await expect(tender.row('bid-04-not-compliant-musthave.pdf')).toContainText('eis C1: vereist minimaal niveau 2 · Gemengd, overwegend mechanisch — antwoord: 1 · Chemisch, met enkele mechanische lagen');
  await expect(tender.row('bid-10-not-compliant-na-musthave.pdf')).toContainText('eis D2: vereist minimaal niveau 2 · Bereikbare schachten en plafonds — antwoord: niet van toepassing');
  await expect(tender.row('bid-05-not-compliant-theme.pdf')).toContainText('thema F Informatie: 25,0, minimaal 30 vereist');
  await expectAccessible(app);

  // Sorting: the column header is a button, and says how the table is sorted.
  const totalHeader = tender.table().getByRole('columnheader', { name: /Totaal/ });
  await expect(tender.table().getByRole('columnheader', { name: /Rang/ })).toHaveAttribute('aria-sort', 'ascending');
  await totalHeader.getByRole('button').click();
  await expect(totalHeader).toHaveAttribute('aria-sort', 'descending');
  expect((await tender.fileOrder()).slice(0, 3)).toEqual(['bid-03-compliant-platinum.pdf', 'bid-09-unknown-signer.pdf', 'bid-07-altered-pages.pdf']);
  await totalHeader.getByRole('button').click();
  await expect(totalHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await tender.fileOrder();
  expect(ascending[0]).toBe('bid-06-not-compliant-label.pdf');
  expect(ascending.slice(-2).sort()).toEqual(['bid-08-altered-data.pdf', 'bid-11-unknown-method.pdf']);
  await tender.table().getByRole('columnheader', { name: /Rang/ }).getByRole('button').click();
  expect((await tender.fileOrder()).slice(0, 4)).toEqual(Object.keys(EXPECTED).slice(0, 4));

  // The CSV: UTF-8 with a byte-order mark, ';' for Dutch Excel, a Dutch header, one row per bid.
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'CSV exporteren' }).click();
  const csvFile = await download;
  expect(csvFile.suggestedFilename()).toBe('Nieuwbouw Integraal Kindcentrum De Schelp Kapelle voorbeeld-inschrijvingen.csv');
  const bytes = await readFile((await csvFile.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('Rang;Bestand;Referentiecode;Beoordelaar;Organisatie;Oordeel;Controle;Voldoet;Wat ontbreekt;Totaal;Label;Fictieve korting (EUR);Niet gerangschikt');
  expect(lines).toHaveLength(1 + bids.length);
  for (const file of bids) expect(lines.filter((l) => l.split(';')[1] === file), file).toHaveLength(1);
  expect(lines[1]!.split(';').slice(0, 2)).toEqual(['1', 'bid-03-compliant-platinum.pdf']);
  expect(lines[1]).toContain(';Geslaagd;Ongewijzigd, geldig ondertekend;ja;');
  expect(lines[1]).toContain(';85,8;Platina;214500,00;');
});

test('an authority draws up a requirement profile, signs it with its own key (format 2), the saved file verifies, and a trusted bid ranks against it', async ({ app }, testInfo) => {
  test.setTimeout(180_000);
  await app.goto('./#/tender');
  await app.getByRole('button', { name: 'Eisenprofiel opstellen' }).click();
  await expect(app.getByRole('button', { name: 'Eisenprofiel opstellen' })).toHaveAttribute('aria-pressed', 'true');
  // No profile of the signer yet: the screen says where to make one.
  await expect(app.getByText(/Om te ondertekenen is uw profiel nodig/)).toBeVisible();
  await app.getByRole('link', { name: 'Naar Instellingen' }).click();
  await app.getByLabel('Naam', { exact: true }).fill('ir. M. Verhage');
  await app.getByLabel('Organisatie').fill('Gemeente Kapelle');
  await app.getByLabel('Rol').fill('Inkoopadviseur');
  await app.getByRole('button', { name: 'Profiel opslaan' }).click();
  await expect(app.getByText('Profiel opgeslagen.')).toBeAttached();
  // the bidders' key, to check a bid against the profile at the end
  const [bidderKey] = JSON.parse(await readFile(path.join(examples, 'trusted-bidder-keys.json'), 'utf8')) as { publicKey: string }[];
  await mkdir(testInfo.outputPath(), { recursive: true });
  const keyFile = path.join(testInfo.outputPath(), 'inschrijvers.quickscan-key.json');
  await writeFile(keyFile, JSON.stringify(makePublicKeyFile(bidderKey!.publicKey, 'Inschrijvers (TEST)', 'Voorbeeld')));
  await new TenderPage(app).choose('Sleutelbestand toevoegen', [keyFile]);
  await app.getByRole('alertdialog', { name: 'Deze sleutel(s) vertrouwen?' }).getByRole('button', { name: 'Vertrouwen', exact: true }).click();
  await expect(app.getByText('Inschrijvers (TEST), Voorbeeld', { exact: true })).toBeVisible();

  // No signing key yet: nothing is made behind the user's back; the screen sends them to Settings.
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbesteding' }).click();
  await expect(app.getByText(/Om een eisenprofiel te ondertekenen hebt u een ondertekeningssleutel nodig/)).toBeVisible();
  await expectAccessible(app);
  await app.getByRole('link', { name: 'Naar instellingen', exact: true }).click();
  const { fingerprint: ownFingerprint } = await createSigningKey(app);

  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbesteding' }).click();
  await expect(app.getByText(`Wordt ondertekend door ir. M. Verhage (Inkoopadviseur), met uw sleutel ${ownFingerprint}.`)).toBeVisible();
  await expect(app.getByText(/ondertekeningssleutel nodig/)).toHaveCount(0);
  const method = app.getByLabel('Methode');
  await expect(method).toHaveValue('open-quickscan@1.0.0');
  // the example bids are made with zeeland-quickscan 1.0.0
  await method.selectOption('zeeland-quickscan@1.0.0');

  // Validation at the fields, in Dutch.
  await app.getByRole('button', { name: 'Ondertekenen en opslaan' }).click();
  await expect(app.getByText('Vul dit veld in.')).toHaveCount(3);
  await expect(app.getByLabel('Naam van de aanbesteding')).toHaveAttribute('aria-invalid', 'true');
  await app.getByLabel('Naam van de aanbesteding').fill('Nieuwbouw brede school Kapelle');
  await app.getByLabel('Kenmerk van de aanbesteding').fill('KAP-2027-BS-003');
  await app.getByLabel('Aanbestedende dienst').fill('Gemeente Kapelle');
  await app.getByLabel('Minimaal label (optioneel)').selectOption('silver');
  await app.getByLabel('C. Verbindingen').fill('40');
  await app.getByLabel('F. Informatie').fill('150');
  await app.getByRole('button', { name: 'Eis toevoegen' }).click();
  await app.getByLabel('Vraag van eis 1').selectOption('C1');
  await app.getByLabel('Minimaal niveau van eis 1').selectOption('l2');
  await app.getByRole('button', { name: 'Eis toevoegen' }).click();
  await app.getByLabel('Vraag van eis 2').selectOption('C1');
  await app.getByLabel('Minimaal niveau van eis 2').selectOption('l3');
  await app.getByRole('button', { name: 'Eis toevoegen' }).click();
  await app.getByLabel('Waarde per punt in euro (optioneel)').fill('2.500,555');
  await app.getByRole('button', { name: 'Ondertekenen en opslaan' }).click();
  await expect(app.getByText('Vul een getal van 0 tot en met 100 in.')).toBeVisible();
  await expect(app.getByText('Vraag C1 staat al in de lijst.')).toBeVisible();
  await expect(app.getByText('Kies een van de mogelijkheden.')).toBeVisible();
  await expect(app.getByText('Gebruik hoogstens twee decimalen.')).toBeVisible();
  await expectAccessible(app);

  await app.getByLabel('F. Informatie').fill('30');
  await app.getByLabel('Vraag van eis 2').selectOption('F1');
  await app.getByLabel('Minimaal niveau van eis 2').selectOption('l3');
  await app.getByRole('button', { name: 'Verwijderen eis 3' }).click();
  await expect(app.getByLabel('Vraag van eis 3')).toHaveCount(0);
  await app.getByLabel('Waarde per punt in euro (optioneel)').fill('2.500');
  await expect(app.getByText(/Voorbeeld: een totaal van 66,6 × €\s2\.500 = €\s166\.500 korting\./)).toBeVisible();
  await app.getByLabel('Toelichting (optioneel)').fill('Eisen voor de brede school.');

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Ondertekenen en opslaan' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Nieuwbouw brede school Kapelle.quickscan-profile.json');
  const text = await readFile((await file.path())!, 'utf8');

  // The file is a profile every reader accepts: intact, signed by the user's key.
  const parsed = parseProfileEnvelope(text);
  expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
  if (!parsed.ok) return;
  // format 2: the user's own P-256 key as JWK, a signature with the purpose 'profile', the long code
  const fingerprint = keyFingerprint(profileSignerKey(parsed.envelope.content));
  expect(fingerprint).toBe(ownFingerprint);
  expect(parsed.envelope.formatVersion).toBe(2);
  const verification = verifyProfileEnvelope(parsed.envelope);
  expect(verification).toMatchObject({ ok: true, formatVersion: 2, dataIntact: true, signatureValid: true, fingerprint, referenceCodeForm: 'long' });
  const c = parsed.envelope.content;
  expect(c.tender).toEqual({ name: 'Nieuwbouw brede school Kapelle', reference: 'KAP-2027-BS-003' });
  expect(c.contractingAuthority).toBe('Gemeente Kapelle');
  expect(c.method).toMatchObject({ id: 'zeeland-quickscan', version: '1.0.0' });
  expect(c.formatVersion === 2 && c.signer.key.kty).toBe('EC');
  expect(c.minimumLabel).toBe('silver');
  expect(c.themeMinimums).toEqual({ C: 40, F: 30 });
  expect(c.mustHaves).toEqual([
    { question: 'C1', minLevel: 'l2' },
    { question: 'F1', minLevel: 'l3' },
  ]);
  expect(c.valuePerPointEur).toBe(2500);
  expect(c.notes).toBe('Eisen voor de brede school.');
  expect(c.signer).toMatchObject({ name: 'ir. M. Verhage', role: 'Inkoopadviseur' });
  expect(c.created).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Kept in the app: it can be saved again, or used straight away to check bids.
  const stored = app.getByRole('list', { name: 'Uw laatst gemaakte eisenprofielen' });
  await expect(stored).toContainText('KAP-2027-BS-003');
  await expect(stored).toContainText(verification.referenceCode);
  const again = app.waitForEvent('download');
  await stored.getByRole('button', { name: /^Opnieuw opslaan ?: Nieuwbouw brede school Kapelle$/ }).click();
  expect(await readFile((await (await again).path())!, 'utf8')).toBe(text);
  await stored.getByRole('button', { name: /^Gebruiken om te beoordelen ?: Nieuwbouw brede school Kapelle$/ }).click();
  const summary = app.getByRole('region', { name: 'Eisenprofiel', exact: true });
  await expect(summary).toContainText('KAP-2027-BS-003');
  await expect(summary).toContainText(fingerprint);
  await expect(summary).toContainText(/Eis F1 \(.+\): minimaal niveau 3 · /);
  await expectAccessible(app);

  // A bid checked against the new profile: signed by a trusted key and compliant, so it ranks; a non-compliant one does not.
  const tender = new TenderPage(app);
  await tender.choose('Inschrijvingen kiezen', ['bid-01-compliant-gold.pdf', 'bid-04-not-compliant-musthave.pdf'].map((b) => path.join(examples, b)));
  await expect(tender.rows()).toHaveCount(2, { timeout: 60_000 });
  await expect(app.getByText(/Bezig met controleren/)).toHaveCount(0);
  await expect(app.getByText('1 van 2 inschrijvingen gerangschikt', { exact: false })).toBeVisible();
  const gold = await tender.cells('bid-01-compliant-gold.pdf');
  expect([gold[2], gold[3], gold[4], gold[5], gold[6]?.replace(/\s/g, ' '), gold[7]]).toEqual(['Geslaagd', 'ja', '66,6', 'Goud', '€ 166.500', '1']);
  const musthave = await tender.cells('bid-04-not-compliant-musthave.pdf');
  expect([musthave[2], musthave[3], musthave[7]]).toEqual(['Geslaagd', 'nee', '–']);
  await expectAccessible(app);
});
