// `npm run web`: the same app in the browser, built and served on localhost only.
import { spawn, spawnSync } from 'node:child_process';

const port = Number(process.env.PORT ?? 4173);
const vite = 'node_modules/.bin/vite';
const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const url = `http://127.0.0.1:${port}/`;
const server = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: ['inherit', 'pipe', 'inherit'] });
server.stdout.once('data', () => {
  console.log(`QuickScan runs in your browser at ${url} (Ctrl+C stops it; your data stays in this browser's storage).`);
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
