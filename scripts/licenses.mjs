// @ts-check
// Lists the third-party packages that end up inside the app's bundles (renderer, Electron main and
// preload, command line) with their licences, from the bundles' real module graphs (esbuild
// metafiles), so a package that is only a build tool never appears and a bundled transitive
// dependency is never missed. Writes build/licenses.json (the summary the About box shows) and
// build/LICENSES.txt (the full texts, shipped next to app.asar). `--check` only compares.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** @typedef {{ name: string, version: string, license: string, homepage: string | null, bundles: string[] }} PackageLicense */
/** @typedef {PackageLicense & { dir: string, licenseFiles: { file: string, text: string }[] }} CollectedPackage */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const JSON_OUT = 'build/licenses.json';
export const TEXT_OUT = 'build/LICENSES.txt';

/** The esbuild bundles (same resolution as scripts/build-electron.mjs and scripts/build-cli.mjs). */
export const ESBUILD_BUNDLES = [
  { name: 'electron-main', entry: 'electron/main.ts' },
  { name: 'electron-preload', entry: 'electron/preload.ts' },
  { name: 'cli', entry: 'cli/main.ts' },
];

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

/** @type {import('esbuild').Plugin} */
const graphOnly = {
  name: 'graph-only',
  setup(b) {
    // Electron and Node built-ins are not packages we bundle; the generated licence list itself
    // must not be needed to compute it.
    b.onResolve({ filter: /^electron$|^node:|licenses\.json$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Module files in the renderer: Vite's own build (vite.config.ts, plugins and virtual modules
 * included) into a temporary folder, plus the Workbox runtime that vite-plugin-pwa writes into the
 * service worker, found by the `workbox:<module>:<version>` markers Workbox puts in its code.
 * @param {string} root
 * @returns {Promise<string[]>} module paths relative to root
 */
async function rendererInputs(root) {
  const { build: viteBuild } = await import('vite');
  const outDir = mkdtempSync(path.join(tmpdir(), 'quickscan-licenses-'));
  /** @type {Set<string>} */
  const ids = new Set();
  try {
    await viteBuild({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { write: false, outDir, emptyOutDir: false, reportCompressedSize: false },
      plugins: [
        {
          name: 'quickscan-licenses-graph',
          generateBundle(_options, bundle) {
            for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') for (const id of chunk.moduleIds) ids.add(id);
          },
        },
      ],
    });
    for (const file of readdirSync(outDir)) {
      if (!file.endsWith('.js')) continue;
      for (const [, module] of readFileSync(path.join(outDir, file), 'utf8').matchAll(/workbox:([a-z-]+):\d/g)) {
        const dir = path.join(root, 'node_modules', `workbox-${module}`);
        if (existsSync(path.join(dir, 'package.json'))) ids.add(path.join(dir, 'package.json'));
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return [...ids].filter((id) => !id.startsWith('\0')).map((id) => path.relative(root, id.replace(/\?.*$/, '')));
}

/**
 * The package folders whose files each bundle contains.
 * @param {string} root
 * @returns {Promise<Map<string, Set<string>>>} package folder (relative to root) -> bundle names
 */
export async function bundledPackageDirs(root = ROOT) {
  /** @type {Map<string, Set<string>>} */
  const dirs = new Map();
  const present = ESBUILD_BUNDLES.filter((b) => existsSync(path.join(root, b.entry)));
  const results = await Promise.all([
    rendererInputs(root).then((inputs) => ({ bundle: 'renderer', inputs })),
    ...present.map((b) =>
      build({
        absWorkingDir: root,
        entryPoints: [b.entry],
        bundle: true,
        write: false,
        metafile: true,
        splitting: true,
        format: 'esm',
        outdir: path.join(root, 'dist', '.licenses-graph'),
        platform: 'node',
        logLevel: 'silent',
        plugins: [graphOnly],
      }).then((r) => ({ bundle: b.name, inputs: Object.keys(r.metafile?.inputs ?? {}) })),
    ),
  ]);
  // The frozen layout-1 bundle (report/frozen/layout1.js) is one generated file with its own
  // pinned copies of jsPDF, pdf-lib, qrcode and more inside: a bundle that contains it contains
  // the packages of its source graph too.
  const frozenInputs = results.some((r) => r.inputs.some(isFrozenBundle)) ? await frozenBundleInputs(root) : [];
  for (const { bundle, inputs } of results) {
    for (const input of inputs.some(isFrozenBundle) ? [...inputs, ...frozenInputs] : inputs) {
      const dir = packageDirOf(input);
      if (!dir) continue;
      if (!dirs.has(dir)) dirs.set(dir, new Set());
      dirs.get(dir)?.add(bundle);
    }
  }
  return dirs;
}

/** @param {string} input */
function isFrozenBundle(input) {
  return input.split(path.sep).join('/').endsWith('report/frozen/layout1.js');
}

/**
 * The module graph the frozen bundle was made from (as scripts/freeze-layout1.mjs builds it).
 * @param {string} root
 * @returns {Promise<string[]>}
 */
async function frozenBundleInputs(root) {
  const entry = path.join(root, 'report/frozen/entry.ts');
  if (!existsSync(entry)) return [];
  const r = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    outdir: path.join(root, 'dist', '.licenses-graph-frozen'),
    logLevel: 'silent',
    // jsPDF's optional HTML/SVG helpers are left out of the frozen bundle
    external: ['canvg', 'dompurify', 'html2canvas'],
  });
  return Object.keys(r.metafile?.inputs ?? {});
}

/**
 * `node_modules/a/node_modules/@s/b/lib/x.js` -> `node_modules/a/node_modules/@s/b`; null outside node_modules.
 * @param {string} input
 */
export function packageDirOf(input) {
  const normalized = input.split(path.sep).join('/');
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(normalized);
  return match ? match[1] ?? null : null;
}

/**
 * The SPDX expression a package.json declares, old forms included.
 * @param {{ license?: unknown, licenses?: unknown }} pkg
 */
export function licenseOf(pkg) {
  if (typeof pkg.license === 'string' && pkg.license.trim()) return pkg.license.trim();
  if (pkg.license && typeof pkg.license === 'object' && 'type' in pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) {
    const types = pkg.licenses.map((l) => (l && typeof l === 'object' && typeof l.type === 'string' ? l.type : null)).filter(Boolean);
    if (types.length) return types.length === 1 ? String(types[0]) : `(${types.join(' OR ')})`;
  }
  return 'UNKNOWN';
}

/** @param {{ homepage?: unknown, repository?: unknown }} pkg */
function homepageOf(pkg) {
  if (typeof pkg.homepage === 'string' && pkg.homepage) return pkg.homepage;
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository && typeof pkg.repository === 'object' && 'url' in pkg.repository ? pkg.repository.url : null;
  return typeof repo === 'string' && repo ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : null;
}

/**
 * Every bundled package with its licence and licence files, sorted by name and version.
 * @param {string} root
 * @returns {Promise<CollectedPackage[]>}
 */
export async function collectLicenses(root = ROOT) {
  const dirs = await bundledPackageDirs(root);
  /** @type {Map<string, CollectedPackage>} */
  const byId = new Map();
  for (const [dir, bundles] of dirs) {
    const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    const id = `${pkg.name}@${pkg.version}`;
    const known = byId.get(id);
    if (known) {
      for (const b of bundles) if (!known.bundles.includes(b)) known.bundles.push(b);
      known.bundles.sort();
      continue;
    }
    const license = licenseOf(pkg);
    // `SEE LICENSE IN <file>` names a file that is part of the licence whatever it is called.
    const named = /SEE LICEN[CS]E IN ([^\s)]+)/i.exec(license)?.[1];
    const licenseFiles = readdirSync(path.join(root, dir))
      .filter((f) => LICENSE_FILE.test(f) || f === named)
      .sort()
      .map((file) => ({ file, text: readFileSync(path.join(root, dir, file), 'utf8').replace(/\r\n?/g, '\n').trimEnd() }));
    byId.set(id, { name: pkg.name, version: pkg.version, license, homepage: homepageOf(pkg), bundles: [...bundles].sort(), dir, licenseFiles });
  }
  return [...byId.values()].sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));
}

/** @param {CollectedPackage[]} packages @param {{ name: string, license: string }} app */
export function renderLicenseJson(packages, app) {
  const summary = {
    $comment: 'Generated by scripts/licenses.mjs from the bundles\u2019 module graphs; do not edit by hand.',
    app: { name: app.name, license: app.license },
    packages: packages.map(({ name, version, license, homepage, bundles }) => ({ name, version, license, homepage, bundles })),
  };
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** @param {CollectedPackage[]} packages @param {{ productName: string, license: string }} app */
export function renderLicenseText(packages, app) {
  const parts = [
    `${app.productName}: third-party software`,
    '',
    `${app.productName} is licensed under the ${app.license}.`,
    'It includes the open-source packages below; each keeps its own licence, reproduced here.',
    'The Electron runtime (with Chromium and Node.js) brings its own notices: LICENSE.electron.txt',
    'and LICENSES.chromium.html in the installation folder.',
  ];
  for (const p of packages) {
    parts.push('', '='.repeat(78), `${p.name} ${p.version}`, `Licence: ${p.license}`);
    if (p.homepage) parts.push(`Source: ${p.homepage}`);
    parts.push('-'.repeat(78));
    if (p.licenseFiles.length === 0) parts.push(`(The package ships no licence file; its package.json declares ${p.license}.)`);
    for (const f of p.licenseFiles) parts.push(...(p.licenseFiles.length > 1 ? [`[${f.file}]`] : []), f.text, '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

/** @param {string} root */
export async function renderAll(root = ROOT) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const packages = await collectLicenses(root);
  return {
    packages,
    json: renderLicenseJson(packages, { name: pkg.name, license: pkg.license }),
    text: renderLicenseText(packages, { productName: pkg.productName ?? pkg.name, license: pkg.license }),
  };
}

async function main() {
  const check = process.argv.includes('--check');
  const { packages, json, text } = await renderAll();
  /** @type {[string, string][]} */
  const outputs = [
    [JSON_OUT, json],
    [TEXT_OUT, text],
  ];
  if (check) {
    const stale = outputs.filter(([file, content]) => !existsSync(path.join(ROOT, file)) || readFileSync(path.join(ROOT, file), 'utf8') !== content).map(([file]) => file);
    if (stale.length) {
      console.error(`licenses: ${stale.join(' and ')} out of date; run \`node scripts/licenses.mjs\``);
      process.exit(1);
    }
    console.log(`licenses: ${packages.length} bundled packages, files up to date`);
    return;
  }
  for (const [file, content] of outputs) writeFileSync(path.join(ROOT, file), content);
  const unknown = packages.filter((p) => p.license === 'UNKNOWN').map((p) => p.name);
  console.log(`licenses: ${packages.length} bundled packages -> ${JSON_OUT}, ${TEXT_OUT}${unknown.length ? `; no licence declared by ${unknown.join(', ')}` : ''}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
