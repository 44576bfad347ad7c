import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Chromium from PLAYWRIGHT_CHROMIUM_PATH, else Debian's, else Playwright's own (where installed). */
function chromiumPath(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

// QS_E2E_PORT lets several checkouts run their e2e tests at once on one machine.
const PORT = Number(process.env.QS_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  // QS_E2E_NO_SERVER=1: for specs that need no app server (test/e2e/standalone-verifier.spec.ts).
  webServer: process.env.QS_E2E_NO_SERVER ? undefined : {
    command: `node_modules/.bin/vite build --logLevel warn && node_modules/.bin/vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    // Never reuse a server: a leftover one would serve a stale build.
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
