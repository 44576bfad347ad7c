import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFingerprint, publicJwkOf, type PrivateJwk } from '../../scoring/keys';
import { buildProfileEnvelope, canonicalProfileContent, profileEnvelopeJsonText, signProfile, type ProfileContentV1 as ProfileContent } from '../../scoring/profile';
import { signWithSecretKey } from '../../scoring/signature';
import { expect, expectAccessible, test } from './fixtures';
import { ProjectPages, ScanPage } from './pages/scan-pages';

/**
 * The example tender profile (docs/examples/tender) names zeeland-quickscan 1.0.0, while new scans
 * are made on open-quickscan 1.0.0 (the same questions under an honest name). The app rightly
 * refuses a profile for another method, so this test signs the same requirements for the scan's
 * method with a committed TEST key: as format 1 (Ed25519, bare) and as format 2 (P-256, purpose
 * `profile`), the form the app and `quickscan profile sign` make now.
 */
function profileForNewScans(formatVersion: 1 | 2): { file: string; fingerprint: string } {
  const example = JSON.parse(readFileSync('docs/examples/tender/requirement-profile.json', 'utf8')) as { content: ProfileContent };
  const release = (JSON.parse(readFileSync('forms/definitions/releases.json', 'utf8')) as { releases: { id: string; version: string; sha256: string }[] }).releases.find((r) => r.id === 'open-quickscan')!;
  const key = JSON.parse(readFileSync('report/fixtures/test-key.json', 'utf8')) as { secretKey: string; publicKey: string };
  const content: ProfileContent = { ...example.content, method: { id: release.id, version: release.version, sha256: release.sha256 }, signer: { ...example.content.signer, publicKey: key.publicKey } };
  const p256 = (JSON.parse(readFileSync('report/fixtures/test-key-p256.json', 'utf8')) as { privateJwk: PrivateJwk }).privateJwk;
  const { signer, formatVersion: _formatVersion, ...rest } = content;
  const envelope =
    formatVersion === 1
      ? buildProfileEnvelope(content, signWithSecretKey(canonicalProfileContent(content), key.secretKey))
      : signProfile({ ...rest, formatVersion: 2, signer: { name: signer.name, role: signer.role, key: publicJwkOf(p256) } }, p256);
  const file = join(mkdtempSync(join(tmpdir(), 'quickscan-profile-')), 'requirement-profile.json');
  writeFileSync(file, profileEnvelopeJsonText(envelope));
  return { file, fingerprint: formatVersion === 1 ? keyFingerprint(key.publicKey) : keyFingerprint(publicJwkOf(p256)) };
}

for (const formatVersion of [1, 2] as const) {
  test(`a bidder loads the tender profile (format ${formatVersion}), sees what is missing, and applies the cheapest compliant variant`, async ({ app }) => {
    test.setTimeout(90_000);
    const profile = profileForNewScans(formatVersion);
    const projects = new ProjectPages(app);
    await projects.createProject({ name: 'Gemeentewerf Tholen', municipality: 'Tholen', gfa: '1.500', constructionBudget: '3.000.000', budgetPct: '5' });
    await projects.newScan();
    const scan = new ScanPage(app);
    await scan.levels('A1').getByRole('radio').nth(2).click();
    await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '2');

    const chooser = app.waitForEvent('filechooser');
    await app.getByRole('button', { name: 'Eisenprofiel laden' }).click();
    await (await chooser).setFiles(profile.file);
    await expect(app.getByTestId('compliance')).toHaveText('Voldoet nog niet');
    await expect(app.getByText(profile.fingerprint, { exact: false }).first()).toBeVisible();
    await expect(app.locator('.compliance-missing li').first()).toBeVisible();
    await expectAccessible(app);

    await app.getByRole('link', { name: 'Budget', exact: true }).click();
    const comply = app.getByRole('region', { name: /Goedkoopste weg om te voldoen aan/ });
    await expect(comply).toBeVisible();
    await comply.getByRole('button', { name: 'Als variant toepassen' }).click();
    await expect(app.getByRole('heading', { level: 1, name: /voldoet aan/ })).toBeVisible();
    await expect(app.getByTestId('compliance')).toHaveText('Voldoet aan alle eisen');
  });
}
