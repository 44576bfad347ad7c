#!/usr/bin/env node
// Builds the standalone verifier: ONE self-contained HTML file (dist/verifier/quickscan-verifier.html)
// that an evaluator opens from disk in any current browser, with every script and style inline,
// a Content-Security-Policy that allows only those inline parts (by hash) and no network at all.
// It verifies with the same report/verify.ts and scoring/ rules as the app and the command line.
//
// The build is deterministic (same sources and lock file → same bytes): no dates, no absolute
// paths, esbuild's output order is stable. Its SHA-256 is printed, written next to the file
// (.sha256), and with --update-readme written into README.md's verifier line; the app and the CLI
// get it as the build-time constant __VERIFIER_SHA256__ (report/verifier-hash.ts) so that every
// newly issued PDF names the verifier that checks it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VERIFIER_FILE = join(root, 'dist/verifier/quickscan-verifier.html');
const README = join(root, 'README.md');
/** The README line that states the hash (kept true by verifier/build.test.ts). */
export const README_LINE = /^(SHA-256 of `quickscan-verifier\.html` built from this commit: `)([0-9a-f]{64}|unknown)(`)/m;

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const cspHash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The HTML text of the verifier and its SHA-256; writes nothing. */
export async function buildVerifierHtml() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'verifier/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
    // The verifier issues nothing, so it names no verifier hash (that would be its own).
    define: { __APP_VERSION__: JSON.stringify(pkg.version), __VERIFIER_SHA256__: 'undefined' },
    // jsPDF loads these only for HTML and SVG drawing, which the report never does; left out,
    // their dynamic import() stays in the code and is never reached.
    external: ['html2canvas', 'canvg', 'dompurify'],
  });
  let script = result.outputFiles[0].text;
  // Inside an inline <script>, "</script" would end it and "<!--" would change how the HTML parser
  // reads it. Both only occur inside string literals, where \x3C means the same "<".
  script = script.replace(/<\/(script)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
  const style = readFileSync(join(root, 'verifier/verifier.css'), 'utf8');
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
  const html = [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="QuickScan Circulair Bouwen ${pkg.version}">`,
    '<title>QuickScan – verificatie / verification</title>',
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<noscript>Deze verificatie heeft JavaScript nodig. / This verifier needs JavaScript.</noscript>',
    '<div id="app"></div>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  const bytes = Buffer.from(html, 'utf8');
  return { html, bytes, sha256: sha256(bytes) };
}

/** Only the SHA-256 (for the app's and the CLI's build-time constant). */
export async function verifierSha256() {
  return (await buildVerifierHtml()).sha256;
}

/** Replaces the hash in README.md's verifier line; returns whether the file changed. */
export function updateReadme(hash) {
  const text = readFileSync(README, 'utf8');
  if (!README_LINE.test(text)) throw new Error('README.md has no verifier SHA-256 line');
  // exactly one line states the hash: a second one (left by a merge) is dropped
  let seen = false;
  const next = text.replace(new RegExp(`${README_LINE.source}.*\\n`, 'gm'), (line) => {
    if (seen) return '';
    seen = true;
    return line.replace(README_LINE, `$1${hash}$3`);
  });
  if (next === text) return false;
  writeFileSync(README, next);
  return true;
}

export async function buildVerifier({ outFile = VERIFIER_FILE, readme = false } = {}) {
  const built = await buildVerifierHtml();
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, built.bytes);
  writeFileSync(`${outFile}.sha256`, `${built.sha256}  quickscan-verifier.html\n`);
  const readmeChanged = readme ? updateReadme(built.sha256) : false;
  return { ...built, outFile, readmeChanged };
}

/** The hash README.md states, or null. */
export function readmeHash() {
  const text = readFileSync(README, 'utf8');
  // two lines stating a hash (a merge left both) state none
  if ((text.match(new RegExp(README_LINE.source, 'gm')) ?? []).length !== 1) return null;
  const m = README_LINE.exec(text);
  return m && m[2] !== 'unknown' ? m[2] : null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    // Two builds must give the same bytes, and README.md must state their hash.
    const [a, b] = [await buildVerifierHtml(), await buildVerifierHtml()];
    const stated = readmeHash();
    console.log(JSON.stringify({ sha256: a.sha256, bytes: a.bytes.length, deterministic: a.sha256 === b.sha256, readme: stated }));
    if (a.sha256 !== b.sha256) {
      console.error('the verifier build is not deterministic');
      process.exit(1);
    }
    if (stated !== a.sha256) {
      console.error(`README.md states ${stated ?? 'no hash'}; the verifier built from this tree is ${a.sha256}: run npm run build:verifier and commit README.md`);
      process.exit(1);
    }
  } else {
    const { sha256: hash, bytes, outFile, readmeChanged } = await buildVerifier({ readme: process.argv.includes('--update-readme') });
    console.log(`${outFile}: ${bytes.length} bytes, SHA-256 ${hash}${readmeChanged ? ' (README.md updated)' : ''}`);
  }
}
