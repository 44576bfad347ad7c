import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{forms,scoring,report,renderer,electron,cli,scripts,build,verifier}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
