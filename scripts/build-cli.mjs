#!/usr/bin/env node
// Bundles the `quickscan` command line (cli/main.ts) to dist/cli/quickscan.mjs for plain
// Node >= 20.19, with the released definitions inside. bin/quickscan.mjs imports it.
// Code that only some commands need (the PDF libraries of `verify`) goes into chunks next to
// it (dist/cli/chunks/), loaded on demand, so that `score` starts quickly.
import { build, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifierSha256 } from './build-verifier.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The PDF libraries write parser warnings to the console ("Removing parsed object: 0 0 R", one
 * line per oversized number, ...) with no option to turn them off; on a damaged PDF that is
 * thousands of lines on the user's terminal. The command line reports every problem itself, in
 * one line, so their console calls are dropped when they are bundled (not a patch of `console`).
 */
const quietPdfLibraries = {
  name: 'quiet-pdf-libraries',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](@cantoo[\\/]pdf-lib|pdf-lib|jspdf|@pdf-lib)[\\/].*\.m?js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { code } = await transform(source, { loader: 'js', drop: ['console'], sourcefile: args.path });
      return { contents: code, loader: 'js' };
    });
  },
};

/** Builds the bundle into `outdir` (emptied first); tests build into a temporary folder. */
export async function buildCli({ outdir = join(root, 'dist/cli'), logLevel = 'warning' } = {}) {
  // the standalone verifier's SHA-256, printed in each newly issued PDF (report/verifier-hash.ts)
  const verifier = await verifierSha256();
  rmSync(outdir, { recursive: true, force: true });
  return build({
    define: { __VERIFIER_SHA256__: JSON.stringify(verifier) },
    absWorkingDir: root,
    entryPoints: { quickscan: join(root, 'cli/main.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel,
    legalComments: 'none',
    sourcemap: false,
    plugins: [quietPdfLibraries],
    // Bundled CommonJS dependencies may call require() for Node built-ins; ES modules have no
    // require, so give every output file one.
    banner: {
      js: "import { createRequire as __quickscanCreateRequire } from 'node:module';\nconst require = __quickscanCreateRequire(import.meta.url);",
    },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
}
