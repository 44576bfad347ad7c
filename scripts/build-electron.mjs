// Bundles the Electron main process and the sandboxed preload (CommonJS, as sandboxing requires).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', external: ['electron'], logLevel: 'warning', format: 'cjs', sourcemap: false };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
]);
