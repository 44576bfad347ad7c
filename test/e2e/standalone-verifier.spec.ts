/**
 * The standalone verifier (npm run build:verifier), opened from disk (file://) in Chromium with
 * the network off: every example file gets the same outcome as `quickscan verify --json`, with
 * and without trusted keys; a changed copy is altered in both; the CSV is Dutch (`;`, BOM); the
 * page works in English; no request leaves the page and nothing breaks its CSP.
 * It needs no preview server: the page is the built file itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './fixtures';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '../..');
const verifierFile = join(root, 'dist/verifier/quickscan-verifier.html');
const examples = join(root, 'docs/examples');
const trustedKeys = join(examples, 'tender/trusted-bidder-keys.json');

function exampleFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return exampleFiles(path);
      return /\.(pdf|quickscan-issued\.json|quickscan\.json)$/.test(name) ? [path] : [];
    });
}

interface CliFile {
  file: string;
  status: string;
  verdict?: string;
}

function cliVerify(files: string[], keys?: string): Map<string, CliFile> {
  const args = ['bin/quickscan.mjs', 'verify', '--json', ...(keys ? ['--trusted-keys', keys] : []), ...files];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = JSON.parse(run.stdout) as { files: CliFile[] };
  return new Map(out.files.map((f) => [f.file, f]));
}

async function openVerifier(page: Page): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.context().setOffline(true);
  await page.goto(pathToFileURL(verifierFile).href);
  await expect(page.locator('html[data-verifier-state="ready"]')).toBeAttached();
  return requests;
}

async function resultsOf(page: Page, count: number): Promise<Map<string, { status: string; verdict: string | null }>> {
  const rows = page.locator('#results tbody tr');
  await expect(rows).toHaveCount(count, { timeout: 60_000 });
  await expect(page.locator('#results tbody tr[data-status="pending"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('html[data-verifier-state="ready"]')).toBeAttached();
  const list = await rows.evaluateAll((trs) => trs.map((tr) => ({ file: tr.getAttribute('data-file')!, status: tr.getAttribute('data-status')!, verdict: tr.getAttribute('data-verdict') })));
  return new Map(list.map((r) => [r.file, { status: r.status, verdict: r.verdict }]));
}

test.describe('standalone verifier', () => {
  test.beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-verifier.mjs'], { cwd: root, stdio: 'pipe' });
  });

  test('from file:// and offline, gives the CLI’s outcome for every example file', async ({ page }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const requests = await openVerifier(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('QuickScan – verificatie');
    await expectAccessible(page);

    const files = exampleFiles(examples);
    expect(files.length).toBeGreaterThan(20);
    // a changed copy: one digit of the first issued PDF's creation date
    const dir = mkdtempSync(join(tmpdir(), 'quickscan-verifier-'));
    const original = files.find((f) => f.endsWith('new-build-school-goes.nl.pdf'))!;
    const changed = Buffer.from(readFileSync(original));
    const at = changed.indexOf('/CreationDate (D:2026') + '/CreationDate (D:2026'.length - 1;
    expect(at).toBeGreaterThan(100);
    changed[at] = '7'.charCodeAt(0);
    const changedFile = join(dir, 'changed-copy.pdf');
    writeFileSync(changedFile, changed);
    const all = [...files, changedFile];

    const started = Date.now();
    await page.setInputFiles('#files', all);
    const withoutKeys = await resultsOf(page, all.length);
    const elapsed = Date.now() - started;
    const cli = cliVerify(all.map((f) => relative(root, f)));
    for (const file of all) {
      const name = file.split('/').at(-1)!;
      const mine = withoutKeys.get(name);
      const theirs = cli.get(relative(root, file));
      expect(mine, name).toBeDefined();
      expect({ name, status: mine!.status }).toEqual({ name, status: theirs!.status });
      if (theirs!.verdict !== undefined) expect({ name, verdict: mine!.verdict }).toEqual({ name, verdict: theirs!.verdict });
    }
    expect(withoutKeys.get('changed-copy.pdf')!.status).toBe('altered');
    // a figure for docs/verifying.md (never asserted)
    console.log(`standalone verifier: ${statSync(verifierFile).size} bytes; verified ${all.length} files in ${elapsed} ms`);

    // the keys the user trusts: every file is checked again
    await page.setInputFiles('#files', [trustedKeys]);
    await expect(page.locator('.trust-list li')).toHaveCount(1);
    const withKeys = await resultsOf(page, all.length);
    const cliKeys = cliVerify(
      all.map((f) => relative(root, f)),
      relative(root, trustedKeys),
    );
    for (const file of all) {
      const name = file.split('/').at(-1)!;
      const theirs = cliKeys.get(relative(root, file))!;
      expect({ name, status: withKeys.get(name)!.status }).toEqual({ name, status: theirs.status });
      if (theirs.verdict !== undefined) expect({ name, verdict: withKeys.get(name)!.verdict }).toEqual({ name, verdict: theirs.verdict });
    }
    expect([...withKeys.values()].some((r) => r.status === 'valid')).toBe(true);

    // the results as CSV, in Dutch: BOM, `;`, a header and one row per file
    const download = page.waitForEvent('download');
    await page.locator('#csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Bestand;Oordeel;Referentiecode;/);
    expect(lines).toHaveLength(all.length + 1);

    // English
    await page.locator('#lang-en').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('QuickScan – verification');
    await expect(page.locator('#summary')).toContainText('files checked');
    await expectAccessible(page);

    expect(requests.filter((u) => !u.startsWith('file://')), 'requests that left the page').toEqual([]);
    expect(errors, 'errors in the page (CSP violations are reported here too)').toEqual([]);
  });

  test('checks an evidence dossier against its revision', async ({ page }) => {
    await openVerifier(page);
    const dir = mkdtempSync(join(tmpdir(), 'quickscan-dossier-'));
    const script = join(dir, 'fixture.mjs');
    await build({ entryPoints: [join(root, 'test/e2e/support/dossier-fixture.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: script, logLevel: 'warning' });
    const files = { size: (JSON.parse(execFileSync(process.execPath, [script, dir], { encoding: 'utf8' })) as { files: number }).files };
    await page.setInputFiles('#files', ['school.quickscan-issued.json', 'school.quickscan-dossier.zip', 'school-do.quickscan-issued.json', 'school-do.quickscan-dossier.zip'].map((f) => join(dir, f)));
    await resultsOf(page, 2);
    const complete = page.locator('tr[data-file="school.quickscan-issued.json"] [data-dossier]');
    await expect(complete).toHaveAttribute('data-dossier', 'complete');
    await expect(complete).toContainText(`${files.size} van de ${files.size} bewijsbestanden`);
    const partly = page.locator('tr[data-file="school-do.quickscan-issued.json"] [data-dossier]');
    await expect(partly).toHaveAttribute('data-dossier', 'incomplete');
    await expect(partly).toContainText(`${files.size - 1} van de ${files.size}`);
    await expectAccessible(page);
  });
  // The app's rule for key statements (Settings → Trust) and the CLI's `--key-statement`: a
  // rotation counts only once confirmed (old and new fingerprint, holder, date), a revocation at
  // once; a bad statement file gets one message and changes nothing. Outcomes as the CLI's.
  test('reads key statements: a rotation only once confirmed, a revocation at once, a bad file refused', async ({ page }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'quickscan-verifier-statements-'));
    const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/quickscan.mjs', ...args, '--lang', 'en'], { cwd: root, encoding: 'utf8' });
    const oldKey = JSON.parse(cli('key', 'new', '--out', join(dir, 'old.quickscan-key.json'), '--label', 'Bureau De Vries', '--json')) as { fingerprint: string; publicKey: unknown };
    const keysFile = join(dir, 'trusted-keys.json');
    writeFileSync(keysFile, JSON.stringify([{ key: oldKey.publicKey, label: 'Bureau De Vries' }]));
    const rotation = join(dir, 'vries.rotation.quickscan-key-statement.json');
    const { fingerprint: newFingerprint } = JSON.parse(cli('key', 'rotate', '--key', join(dir, 'old.quickscan-key.json'), '--out', join(dir, 'new.quickscan-key.json'), '--date', '2026-06-01', '--statement', rotation, '--json')) as { fingerprint: string };
    const issued = { before: ['old', '2026-05-15T10:00:00Z'], 'old-after': ['old', '2026-07-01T10:00:00Z'], 'new-after': ['new', '2026-07-01T10:00:00Z'] } as const;
    for (const [name, [key, at]] of Object.entries(issued)) {
      cli('issue', 'docs/examples/new-build-school-goes.quickscan.json', '--key', join(dir, `${key}.quickscan-key.json`), '--phase', 'SO', '--issued-at', at, '--out', join(dir, `${name}.quickscan-issued.json`));
    }
    const revocation = join(dir, 'new.revocation.quickscan-key-statement.json');
    cli('key', 'revoke', '--key', join(dir, 'new.quickscan-key.json'), '--reason', 'key-compromise', '--date', '2026-06-15', '--out', revocation);
    const altered = join(dir, 'altered.quickscan-key-statement.json');
    writeFileSync(altered, readFileSync(rotation, 'utf8').replace('2026-06-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'));
    const revisions = Object.keys(issued).map((n) => join(dir, `${n}.quickscan-issued.json`));
    const cliVerdicts = (statements: string[]) => {
      const run = spawnSync(process.execPath, ['bin/quickscan.mjs', 'verify', '--json', '--trusted-keys', keysFile, ...statements.flatMap((f) => ['--key-statement', f]), ...revisions], { cwd: root, encoding: 'utf8' });
      return Object.fromEntries((JSON.parse(run.stdout) as { files: CliFile[] }).files.map((f) => [f.file.split('/').at(-1)!, f.verdict]));
    };
    const verdicts = async () => Object.fromEntries([...(await resultsOf(page, revisions.length)).entries()].map(([file, r]) => [file, r.verdict]));

    await openVerifier(page);
    await page.setInputFiles('#files', [keysFile, ...revisions]);
    expect(await verdicts()).toEqual({ 'before.quickscan-issued.json': 'passed', 'old-after.quickscan-issued.json': 'passed', 'new-after.quickscan-issued.json': 'indeterminate' });
    expect(await verdicts()).toEqual(cliVerdicts([]));

    // an altered statement: one message, nothing changes
    await page.setInputFiles('#files', [altered]);
    await expect(page.locator('.notice.warn').filter({ hasText: 'altered.quickscan-key-statement.json' })).toHaveText('„altered.quickscan-key-statement.json” is na ondertekening gewijzigd; de sleutelverklaring is geweigerd en er is niets veranderd.');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(page.locator('.trust-list li')).toHaveCount(1);

    // the rotation asks first; cancelled, nothing changes
    await page.setInputFiles('#files', [rotation]);
    const confirm = page.getByRole('alertdialog', { name: 'Deze sleutelwissel bevestigen?' });
    await expect(confirm).toBeFocused();
    await expect(confirm).toContainText('Nieuwe sleutel van Bureau De Vries');
    await expect(confirm).toContainText(newFingerprint);
    await expect(confirm).toContainText(`Oude sleutel: ${oldKey.fingerprint}`);
    await expect(confirm).toContainText('U vertrouwt de oude sleutel als „Bureau De Vries”.');
    await expect(confirm).toContainText('Ingangsdatum: 01-06-2026');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.locator('#trust-status')).toHaveText('Er is niets veranderd aan wat u vertrouwt.');
    expect(await verdicts()).toEqual(cliVerdicts([]));

    // confirmed with the keyboard: the new key has the old key's trust from the date, the old key is superseded
    await page.setInputFiles('#files', [rotation]);
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(confirm.getByRole('button', { name: 'Sleutelwissel bevestigen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
    await expect(page.locator('#trust-status')).toHaveText(`Sleutelwissel bevestigd: ${oldKey.fingerprint} → ${newFingerprint} vanaf 01-06-2026.`);
    await expect(page.locator('.trust-list li').filter({ hasText: 'Sleutelwissel van Bureau De Vries' })).toContainText('door u bevestigd');
    expect(await verdicts()).toEqual({ 'before.quickscan-issued.json': 'passed', 'old-after.quickscan-issued.json': 'failed', 'new-after.quickscan-issued.json': 'passed' });
    expect(await verdicts()).toEqual(cliVerdicts([rotation]));

    // a revocation of the new key counts at once, without a question
    await page.setInputFiles('#files', [revocation]);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(page.locator('#trust-status')).toHaveText(`Intrekking toegepast: sleutel ${newFingerprint} vanaf 15-06-2026.`);
    expect(await verdicts()).toEqual({ 'before.quickscan-issued.json': 'passed', 'old-after.quickscan-issued.json': 'failed', 'new-after.quickscan-issued.json': 'failed' });
    expect(await verdicts()).toEqual(cliVerdicts([rotation, revocation]));
    await expectAccessible(page);

    // English
    await page.locator('#lang-en').click();
    await expect(page.locator('.trust-list li').filter({ hasText: 'Key rotation' })).toContainText('confirmed by you');
  });
});
