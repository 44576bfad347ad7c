#!/usr/bin/env node
// The `quickscan` command: a small launcher for the bundle that `npm run build:cli` makes
// (scripts/build-cli.mjs -> dist/cli/quickscan.mjs). Plain JavaScript, no dependencies.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`quickscan: needs Node.js 20.19 or newer (this is ${process.version})\n`);
  process.exit(2);
}

const bundle = fileURLToPath(new URL('../dist/cli/quickscan.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('quickscan: the command line is not built yet: run `npm run build:cli` first\n');
  process.exit(2);
}

const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
