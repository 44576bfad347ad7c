import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{forms,scoring,report,renderer,electron,cli,scripts,build,verifier}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    // the frozen layout-1 bundle is plain, self-contained JavaScript: Node loads it as it is
    // (transforming its 1.2 MB would take seconds per test file)
    server: { deps: { external: [/report\/frozen\/layout1\.js$/] } },
  },
});
