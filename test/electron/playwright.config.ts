import { defineConfig } from '@playwright/test';

/**
 * The Electron suite: the real desktop app (dist/electron/main.cjs, `electron .`) started by
 * Playwright's _electron.launch. Run it with `npm run test:electron` (scripts/test-electron.mjs),
 * which builds the app first and says in one line when the Electron runtime is not there.
 * Kept apart from the browser e2e tests (playwright.config.ts → test/e2e) and from `npm test`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Each test starts its own app with its own user-data folder; two at a time is plenty.
  fullyParallel: true,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
