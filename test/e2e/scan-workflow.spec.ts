import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { ProjectPages, ScanPage } from './pages/scan-pages';

const shot = async (page: import('@playwright/test').Page, name: string) => {
  if (process.env.SHOTS) await page.screenshot({ path: path.join(process.env.SHOTS, `${name}.png`), fullPage: false });
};

test('a whole scan is done with the keyboard alone, and the numbers match the command line', async ({ app }) => {
  test.setTimeout(120_000);
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Brede school Goes', municipality: 'Goes', gfa: '2.400', constructionBudget: '6.000.000' });
  await expectAccessible(app);
  await projects.newScan();
  await shot(app, 'scan-start');
  const scan = new ScanPage(app);

  // Opening the scan puts the focus on the first question; a digit answers and goes on, across
  // themes. Every key pressed is counted: the target is at most 1.2 keys per question.
  const focusedQuestion = () => app.locator('article:has([role="radio"]:focus) .question-id').textContent({ timeout: 5_000 });
  await expect.poll(focusedQuestion).toBe('A1');
  let keystrokes = 0;
  const press = async (key: string) => {
    keystrokes += 1;
    await app.keyboard.press(key);
  };
  // Shift+digit answers and stays; Enter goes on.
  await press('Shift+2');
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '2');
  expect(await focusedQuestion()).toBe('A1');
  await press('Enter');
  await expect.poll(focusedQuestion).toBe('A3');
  const answered: string[] = ['A1'];
  const chosen: Record<string, string> = { A1: 'l2' };
  for (let step = 1; step < 40; step++) {
    const id = (await focusedQuestion())!;
    const key = String(step % 5);
    await press(key);
    answered.push(id);
    chosen[id] = `l${key}`;
    if (id === 'I4') break;
    // The digit moved the focus to the next question, across themes; wait until it has.
    await expect.poll(focusedQuestion).not.toBe(id);
  }
  await expect(app.getByRole('complementary', { name: 'Resultaat' })).toBeFocused();
  // A2 and A4 do not apply to a new build; every other question was answered once, in order.
  expect(answered).toHaveLength(34);
  expect(new Set(answered).size).toBe(34);
  const perQuestion = keystrokes / answered.length;
  console.log(`keyboard: ${keystrokes} keys for ${answered.length} questions = ${perQuestion.toFixed(3)} per question`);
  expect(perQuestion).toBeLessThanOrEqual(1.2);
  await shot(app, 'scan-done');
  await scan.themeTab('I').click();
  await expect(scan.themeTab('I')).toContainText('4 van 4');
  await expect(scan.label()).not.toHaveText('');
  await expect(scan.total()).not.toHaveText('–');
  await expectAccessible(app);

  // Export and recompute with the command line: the same figures.
  const download = app.waitForEvent('download');
  await app.getByText('Meer…').click();
  await app.getByRole('button', { name: 'Exporteren (.json)' }).click();
  const file = await (await download).path();
  const shown = { total: (await scan.total().textContent())!.trim(), label: (await scan.label().textContent())!.trim() };
  const cli = JSON.parse(execFileSync(process.execPath, ['bin/quickscan.mjs', 'score', file, '--json'], { encoding: 'utf8' }));
  expect(shown.total).toBe(cli.total.display.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(Object.keys(exported.scan.answers)).toHaveLength(34);
  // Each digit chose its level on the question that had the focus.
  expect(Object.fromEntries(Object.entries(exported.scan.answers as Record<string, { level: string }>).map(([id, a]) => [id, a.level]))).toEqual(chosen);
  expect(shown.label).toBe(cli.label.reached ? { bronze: 'Brons', silver: 'Zilver', gold: 'Goud', platinum: 'Platina' }[cli.label.reached as string] : 'Geen label');
});

test('a reload in the middle of a scan keeps every answer and note', async ({ app }) => {
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Kantoor Middelburg', municipality: 'Middelburg', kind: 'Renovatie / transformatie', gfa: '1800', constructionBudget: '3.500.000' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.levels('A1').getByRole('radio').nth(3).click();
  await scan.levels('A2').getByRole('radio').nth(4).click();
  await scan.question('A2').getByLabel('Toelichting').fill('Betonskelet blijft volledig staan.');
  await expect(scan.checkedLevel('A2')).toHaveAttribute('data-index', '4');
  // The box shows as ticked once the answer is stored.
  await scan.question('A4').getByRole('checkbox', { name: 'Niet van toepassing voor dit project' }).click();
  await expect(scan.question('A4').getByRole('checkbox', { name: 'Niet van toepassing voor dit project' })).toBeChecked();
  await expect(scan.levels('A4')).toHaveAttribute('aria-disabled', 'true');
  const total = await scan.total().textContent();
  await app.reload();
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '3');
  await expect(scan.checkedLevel('A2')).toHaveAttribute('data-index', '4');
  await expect(scan.question('A2').getByLabel('Toelichting')).toHaveValue('Betonskelet blijft volledig staan.');
  await expect(scan.question('A4').getByRole('checkbox', { name: 'Niet van toepassing voor dit project' })).toBeChecked();
  await expect(scan.total()).toHaveText(total!);

  // Undo and redo within the scan; each step is stored at once.
  await scan.themeTab('B').click();
  await scan.levels('B1').getByRole('radio').nth(2).click();
  await scan.question('B1').getByLabel('Toelichting').fill('Gerecycled beton');
  await app.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(scan.question('B1').getByLabel('Toelichting')).toHaveValue('');
  await app.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(scan.checkedLevel('B1')).toHaveCount(0);
  await app.getByRole('button', { name: 'Opnieuw' }).click();
  await expect(scan.checkedLevel('B1')).toHaveAttribute('data-index', '2');
  await app.reload();
  await expect(scan.checkedLevel('B1')).toHaveAttribute('data-index', '2');
  await scan.themeTab('A').click();
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '3');
});

test('a photo is kept as evidence with its hash, and the answer counts as evidenced', async ({ app }) => {
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Vakantiepark Veere', municipality: 'Veere', gfa: '950', constructionBudget: '2.000.000' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.themeTab('C').click();
  await scan.levels('C1').getByRole('radio').nth(3).click();
  const evidence = scan.question('C1').locator('.evidence');
  await expect(evidence.getByText('zonder bewijs')).toBeVisible();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await evidence.getByLabel('Foto maken').setInputFiles({ name: 'schroefverbinding.png', mimeType: 'image/png', buffer: png });
  await expect(evidence.getByText('schroefverbinding.png', { exact: true })).toBeVisible();
  await expect(evidence.getByText('aangetoond')).toBeVisible();
  await expect(evidence.locator('img.evidence-thumb')).toBeVisible();
  await shot(app, 'evidence');
  await app.reload();
  await expect(scan.question('C1').getByText('schroefverbinding.png', { exact: true })).toBeVisible();
  await expectAccessible(app);
});

test('the budget view suggests the best plan, applies it as a variant, and variants compare side by side', async ({ app }) => {
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Sporthal Terneuzen', municipality: 'Terneuzen', gfa: '3000', constructionBudget: '7.500.000', budgetPct: '2' });
  await projects.newScan();
  const scan = new ScanPage(app);
  await scan.levels('A1').getByRole('radio').nth(1).click();
  await expect(scan.checkedLevel('A1')).toHaveAttribute('data-index', '1');
  await app.getByRole('link', { name: 'Budget', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Hoogste score binnen het budget' })).toBeVisible();
  await expect(app.getByRole('img', { name: /efficiënte combinaties/ })).toBeVisible();
  await shot(app, 'budget');
  await expectAccessible(app);

  await app.getByRole('checkbox', { name: /Voorzichtig rekenen/ }).click();
  await expect(app.getByText('Gerekend met de bovenkant')).toBeVisible();
  await app.getByRole('region', { name: 'Hoogste score binnen het budget' }).getByRole('button', { name: 'Als variant toepassen' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /beste binnen budget/ })).toBeVisible();

  // The original is unchanged; compare both.
  await app.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Sporthal Terneuzen' }).click();
  const cards = app.getByRole('list', { name: 'Scans en varianten' }).getByRole('listitem');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1)).toContainText('Variant van');
  await cards.nth(0).getByRole('checkbox').click();
  await cards.nth(1).getByRole('checkbox').click();
  await app.getByRole('link', { name: 'Vergelijk 2 scans' }).click();
  await expect(app.getByRole('heading', { name: 'Varianten vergelijken' })).toBeVisible();
  await expect(app.getByRole('heading', { name: /Verschillende antwoorden/ })).toBeVisible();
  await shot(app, 'compare');
  await expectAccessible(app);
});

test('the scan reads in English after switching language', async ({ app }) => {
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Zorgcentrum Hulst', municipality: 'Hulst', gfa: '4200', constructionBudget: '11.000.000' });
  await projects.newScan();
  await app.getByRole('group', { name: 'Taal' }).getByRole('button', { name: /^EN/ }).click();
  await expect(app.getByRole('heading', { name: 'Result' })).toBeVisible();
  await app.getByText('More…').click();
  await expect(app.getByRole('button', { name: 'Export (.json)' })).toBeVisible();
  await expect(app.getByText(/points/).first()).toBeVisible();
  await shot(app, 'scan-en');
  await expectAccessible(app);
});

test('a project without a floor area (an older or imported record): the scan and budget screens ask for it and link to the project', async ({ app }) => {
  const projects = new ProjectPages(app);
  await projects.createProject({ name: 'Nog zonder BVO', gfa: '2.400', constructionBudget: '6.000.000' });
  await projects.newScan();
  // the form always asks for the floor area; records from before it did, or imported ones, may lack it
  const projectId = decodeURIComponent(/#\/projects\/([^/]+)/.exec(app.url())![1]!);
  await app.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('quickscan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('projects', 'readwrite').objectStore('projects');
          const get = store.get(id);
          get.onsuccess = () => {
            const put = store.put({ ...get.result, gfaM2: null });
            put.onsuccess = () => {
              db.close();
              resolve();
            };
            put.onerror = () => reject(put.error);
          };
        };
      }),
    projectId,
  );
  await app.reload();
  const asksForGfa = async () => {
    await expect(app.getByText('Vul eerst het bruto vloeroppervlak (BVO) van het project in')).toBeVisible();
    await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(app.getByRole('link', { name: 'Projectgegevens wijzigen' })).toBeVisible();
  };
  await asksForGfa();
  await expectAccessible(app);
  await app.evaluate(() => (location.hash = `${location.hash}/budget`));
  await expect(app).toHaveURL(/\/budget$/);
  await asksForGfa();
  await app.getByRole('link', { name: 'Projectgegevens wijzigen' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Nog zonder BVO' })).toBeVisible();
});
