import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatEuro, formatNumber } from '../../renderer/i18n';
import { expect, test } from './fixtures';
import { stressFiles } from './support/stress-method';

interface CliPlan {
  total: { display: number | null };
  label: string | null;
  cost: { lowCents: number; midCents: number; highCents: number };
  changes: unknown[];
}
interface CliOptimize {
  best: CliPlan | null;
  perLabel: { label: string; plan: CliPlan | null }[];
  frontier: { size: number };
}

const spaces = (s: string) => s.replace(/\s+/g, ' ');
const score = (v: number) => formatNumber('nl', v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const range = (lowCents: number, highCents: number) => {
  const [a, b] = lowCents <= highCents ? [lowCents, highCents] : [highCents, lowCents];
  return a === b ? formatEuro('nl', a / 100) : `${formatEuro('nl', a / 100)} – ${formatEuro('nl', b / 100)}`;
};

test('budget on the 300 × 5 stress method: computed in a Web Worker, typing stays free, and the numbers are the CLI’s', async ({ app }) => {
  test.setTimeout(300_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'qs-budget-worker-'));
  const { methodText, scanText } = stressFiles();
  const methodPath = path.join(dir, 'stress.quickscan-method.json');
  const scanPath = path.join(dir, 'stress.quickscan.json');
  await writeFile(methodPath, methodText);
  await writeFile(scanPath, scanText);
  const cli = (...args: string[]) =>
    JSON.parse(execFileSync(process.execPath, ['bin/quickscan.mjs', 'optimize', scanPath, '--form', methodPath, '--json', ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] })) as CliOptimize;
  const mid = cli();
  const high = cli('--prudent');
  expect(mid.best?.changes.length).toBeGreaterThan(0);

  const workers: string[] = [];
  app.on('worker', (w) => workers.push(w.url()));

  // the method, then the scan on it
  await app.goto('./#/settings');
  const methods = app.getByRole('region', { name: 'Methoden' });
  let chooser = app.waitForEvent('filechooser');
  await methods.getByRole('button', { name: 'Methodebestand laden' }).click();
  await (await chooser).setFiles(methodPath);
  await expect(methods.getByTestId('method-stress-quickscan@3.0.0')).toBeVisible();
  await app.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
  chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: /importeren/i }).click();
  await (await chooser).setFiles(scanPath);
  await expect(app.getByRole('heading', { level: 1, name: /Stresstest Kapelle|Stresscan/ })).toBeVisible();
  const budgetLink = app.getByRole('link', { name: 'Budget', exact: true });
  if (!(await budgetLink.isVisible())) await app.getByRole('link', { name: /Stresscan/ }).first().click();
  await app.getByRole('link', { name: 'Budget', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: /^Budget/ })).toBeVisible();

  const status = app.getByTestId('budget-status');
  await expect(status).toHaveText('Advies bijgewerkt.', { timeout: 150_000 });
  // the computation ran in the app's own worker script, from the page's origin
  const origin = new URL(app.url()).origin;
  expect(workers.some((u) => u.startsWith(`${origin}/assets/budget.worker-`) && u.endsWith('.js'))).toBe(true);

  const best = app.getByRole('region', { name: 'Hoogste score binnen het budget' });
  const expectPlan = async (plan: CliPlan) => {
    const summary = best.locator('.plan-summary').first();
    await expect(summary).toContainText(score(plan.total.display!));
    expect(spaces(await summary.innerText())).toContain(spaces(range(plan.cost.lowCents, plan.cost.highCents)));
  };
  await expectPlan(mid.best!);
  for (const { label, plan } of mid.perLabel) {
    if (!plan) continue;
    const summary = spaces(await app.locator('.label-plan summary').filter({ has: app.locator(`.label-${label}`) }).innerText());
    expect(summary).toContain(spaces(formatEuro('nl', Math.min(plan.cost.lowCents, plan.cost.highCents) / 100)));
  }
  await expect(app.getByTestId('frontier-chart')).toHaveAttribute('aria-label', new RegExp(`^${formatNumber('nl', mid.frontier.size).replace('.', '\\.')} efficiënte combinaties`));
  // the cost axis: round steps (1, 2, 2.5 or 5 × 10^n euros)
  const ticks = (await app.getByTestId('frontier-chart').locator('text.x-tick').allTextContents()).map((t) => Number(t.replace('\u2212', '-').replace(/[^\d-]/g, '')));
  const steps = new Set(ticks.slice(1).map((v, i) => v - ticks[i]!));
  expect(steps.size).toBe(1);
  const step = [...steps][0]!;
  expect([1, 2, 2.5, 5]).toContain(step / 10 ** Math.floor(Math.log10(step)));

  // Typing while the worker optimises: the change of cost mode starts a new computation and the
  // keys go straight to the price field (no waiting in between). The page records, at every input
  // event, what the status said: the first character is in the field while the advice is still
  // being computed (before, the optimiser ran in the render path and held every key until it was
  // done). Then the advice follows, with the CLI's --prudent numbers.
  const low = app.getByLabel('Laag (€)');
  await low.evaluate((input) => {
    const seen: string[] = ((window as unknown as { __typed: string[] }).__typed = []);
    input.addEventListener('input', () => seen.push(`${(input as HTMLInputElement).value}|${document.querySelector('[data-testid="budget-status"]')?.textContent ?? ''}`));
  });
  await app.getByLabel(/Voorzichtig rekenen/).evaluate((box, field) => {
    (box as HTMLInputElement).click();
    (field as HTMLInputElement).focus();
  }, await low.elementHandle());
  await app.keyboard.type('1234');
  await expect(low).toHaveValue('1234');
  const typed = await app.evaluate(() => (window as unknown as { __typed: string[] }).__typed);
  expect(typed.map((e) => e.split('|')[0])).toEqual(['1', '12', '123', '1234']);
  expect(typed[0]).toBe('1|Berekenen…');
  await expect(status).toHaveText('Advies bijgewerkt.', { timeout: 150_000 });
  await expectPlan(high.best!);
  await expect(low).toHaveValue('1234');
});
