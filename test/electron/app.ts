import { _electron, expect, test as base, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRELOAD = path.join(ROOT, 'dist', 'electron', 'preload.cjs');

/** The Electron executable found by scripts/test-electron.mjs (else the electron package's own). */
function electronPath(): string | undefined {
  return process.env.QS_ELECTRON_PATH || undefined;
}

export interface Launched {
  app: ElectronApplication;
  page: Page;
  /** The per-test user-data folder (projects, window state, settings). */
  userDataDir: string;
  /** Where the test dialog adapter saves, and whose open/ subfolder it "chooses" files from. */
  dialogDir: string;
}

export interface LaunchOptions {
  /** Reuse a user-data folder (a restart); else a fresh one per test. */
  userDataDir?: string;
  /** Documents on the command line, as a file association or "Open with" passes them. */
  files?: string[];
  env?: Record<string, string>;
}

const ARGS = (userDataDir: string) => ['.', `--user-data-dir=${userDataDir}`, '--lang=nl'];
const ENV = (dialogDir: string) => ({ ...process.env, QUICKSCAN_TEST_DIALOG_DIR: dialogDir, LANG: 'nl_NL.UTF-8', LANGUAGE: 'nl' }) as Record<string, string>;

/** Starts the real app unpackaged, with a user-data folder and dialog folder of this test. */
export async function launchApp(testInfo: TestInfo, options: LaunchOptions = {}): Promise<Launched> {
  const userDataDir = options.userDataDir ?? testInfo.outputPath('user-data');
  const dialogDir = testInfo.outputPath('dialogs');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(path.join(dialogDir, 'open'), { recursive: true });
  const executablePath = electronPath();
  const app = await _electron.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...ARGS(userDataDir), ...(options.files ?? [])],
    cwd: ROOT,
    env: { ...ENV(dialogDir), ...options.env },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 30_000 });
  return { app, page, userDataDir, dialogDir };
}

/** Closes the app, and kills it if it has not gone within ten seconds: a test never hangs on close. */
export async function closeApp(app: ElectronApplication): Promise<void> {
  const child = app.process();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([app.close().catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)))]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * Starts a second instance (the way the OS does when a document is double-clicked while the app
 * runs). It hands its command line to the running app and quits; resolves with its exit code.
 */
export function startSecondInstance(launched: Launched, files: string[], executablePath: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(executablePath, [...ARGS(launched.userDataDir), ...files], { cwd: ROOT, env: ENV(launched.dialogDir), stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** The path of the Electron executable this run uses (for a second instance). */
export async function executableOf(app: ElectronApplication): Promise<string> {
  return app.evaluate(() => process.execPath);
}

/** One app per test, closed (bounded) afterwards; page errors fail the test. */
export const test = base.extend<{ desktop: Launched }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures as an object pattern; this test starts its own apps
  desktop: async ({}, use, testInfo) => {
    const launched = await launchApp(testInfo);
    const errors: string[] = [];
    launched.page.on('pageerror', (error) => errors.push(error.message));
    await use(launched);
    await closeApp(launched.app);
    expect(errors, 'errors in the page').toEqual([]);
  },
});

export { expect };
