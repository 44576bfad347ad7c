// `npm run web`: the same app in the browser, built and served on localhost only, always on the
// app's own origin http://127.0.0.1:47613/ (vite.config.ts, `preview`). The port is fixed and
// unusual on purpose: the browser keeps the data (and the signing key) per origin, so no other
// local app or dev server may share it, and the data must be found again at the same address.
import { build, preview } from 'vite';

await build({ logLevel: 'warn' });
const server = await preview();
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:47613/';
console.log(`QuickScan runs in your browser at ${url} (Ctrl+C stops it; your data stays in this browser's storage for this address).`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
