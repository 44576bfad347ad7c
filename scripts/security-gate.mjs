// @ts-check
// Security gate, part of `npm test`: runs Electronegativity (Doyensec's Electron checker) over the
// desktop shell's sources (electron/*.ts, tests left out) together with the built app page
// (dist/renderer/index.html, rebuilt first when missing or stale), reads its CSV report (the tool always
// exits 0) and fails on every finding of severity MEDIUM or higher that is not on the explicit
// allowlist below. An allowlist entry that no longer matches anything fails too, so the list
// stays minimal. Prints one summary line. docs/security.md explains each allowlisted finding.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** @typedef {'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH'} Severity */
/** @typedef {{ id: string, severity: Severity, confidence: string, file: string, location: string, sample: string, description: string }} Finding */
/** @typedef {{ id: string, file: string, sample: string, reason: string }} AllowlistEntry */

export const SEVERITY_RANK = /** @type {const} */ ({ INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 });
export const FAIL_AT = SEVERITY_RANK.MEDIUM;

/**
 * Findings reviewed by hand and accepted, each pinned to its check, file and the exact code line,
 * so any other occurrence still fails. Keep this list minimal; docs/security.md has the reasoning.
 * @type {AllowlistEntry[]}
 */
export const ALLOWLIST = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/dialog-adapter.ts',
    sample: 'if (shouldOpenExternally(url)) void shell.openExternal(url).catch(() => undefined);',
    reason:
      'The check flags every openExternal whose argument is not a string literal (manual review). The URL is passed only after shouldOpenExternally() accepted it: plain https: without credentials on the default port, to a host on the allowlist of hosts the app links to (electron/external-links.ts, tested in external-links.test.ts and web-contents-guards.test.ts).',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/main-window.ts',
    sample: 'preload: preloadPath,',
    reason:
      'The check flags every window that has a preload script, asking for a review of what it exposes. Reviewed: the sandboxed preload exposes seven named functions and never ipcRenderer or Electron event objects (electron/preload.test.ts).',
  },
];

/**
 * Checks that need the internet: AvailableSecurityFixesGlobalCheck downloads Electron's release
 * list. Without a network it only waits and reports nothing; the Electron version is kept current
 * by the release checklist in docs/packaging.md instead.
 */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, separators and line breaks inside quotes.
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let field = '';
  let inQuotes = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"' && field === '') {
      inQuotes = true;
      wasQuoted = true;
    } else if (c === ',') {
      row.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(wasQuoted ? field : field.trim());
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(wasQuoted ? field : field.trim());
    rows.push(row);
  }
  return rows;
}

/**
 * Electronegativity's CSV report (`issue, severity, confidence, filename, location, sample,
 * description, url`) as findings. Unknown severities count as HIGH so they can never slip through.
 * @param {string} csv
 * @returns {Finding[]}
 */
export function findingsFromCsv(csv) {
  const [header, ...rows] = parseCsv(csv);
  if (!header || header[0]?.toLowerCase() !== 'issue') throw new Error('not an Electronegativity CSV report');
  return rows.map((r) => {
    const severity = (r[1] ?? '').toUpperCase();
    return {
      id: r[0] ?? '',
      severity: /** @type {Severity} */ (severity in SEVERITY_RANK ? severity : 'HIGH'),
      confidence: r[2] ?? '',
      file: (r[3] ?? '').split(path.sep).join('/'),
      location: r[4] ?? '',
      sample: r[5] === 'N/A' ? '' : (r[5] ?? '').trim(),
      description: r[6] ?? '',
    };
  });
}

/**
 * Splits findings into blocking ones, allowlisted ones and the rest, and names allowlist entries
 * that matched nothing.
 * @param {Finding[]} findings
 * @param {AllowlistEntry[]} allowlist
 */
export function evaluateFindings(findings, allowlist = ALLOWLIST) {
  /** @type {Finding[]} */
  const blocking = [];
  /** @type {Finding[]} */
  const allowed = [];
  const used = new Set();
  for (const f of findings) {
    if (SEVERITY_RANK[f.severity] < FAIL_AT) continue;
    const entry = allowlist.find((a) => a.id === f.id && a.file === f.file && a.sample === f.sample);
    if (entry) {
      allowed.push(f);
      used.add(entry);
    } else blocking.push(f);
  }
  /** @type {Record<Severity, number>} */
  const counts = { HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
  for (const f of findings) counts[f.severity]++;
  return { blocking, allowed, unusedAllowlist: allowlist.filter((a) => !used.has(a)), counts };
}

/** @param {Finding} f */
export function describeFinding(f) {
  return `${f.severity} ${f.id} ${f.file}:${f.location} ${f.description}${f.sample ? `\n      ${f.sample}` : ''}`;
}

/** The built page is missing, or older than what decides its content (template, CSP, Vite config). */
function isPageStale() {
  const page = path.join(ROOT, 'dist/renderer/index.html');
  if (!existsSync(page)) return true;
  const built = statSync(page).mtimeMs;
  return ['renderer/index.html', 'electron/csp.ts', 'vite.config.ts'].some((f) => existsSync(path.join(ROOT, f)) && statSync(path.join(ROOT, f)).mtimeMs > built);
}

/** Copies what is scanned into a fresh folder: the shell's sources (no tests) and the built page. */
function stageInputs() {
  const stage = mkdtempSync(path.join(tmpdir(), 'quickscan-security-gate-'));
  const sources = readdirSync(path.join(ROOT, 'electron')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  mkdirSync(path.join(stage, 'input', 'electron'), { recursive: true });
  for (const f of sources) copyFileSync(path.join(ROOT, 'electron', f), path.join(stage, 'input', 'electron', f));
  mkdirSync(path.join(stage, 'input', 'renderer'), { recursive: true });
  copyFileSync(path.join(ROOT, 'dist/renderer/index.html'), path.join(stage, 'input', 'renderer', 'index.html'));
  return { stage, fileCount: sources.length + 1 };
}

function main() {
  const started = performance.now();
  let electronegativity;
  try {
    const pkgFile = require.resolve('@doyensec/electronegativity/package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    electronegativity = { bin: path.join(path.dirname(pkgFile), pkg.bin.electronegativity), version: pkg.version };
  } catch {
    console.error('security gate: @doyensec/electronegativity is not installed (a devDependency): run `npm install`');
    process.exit(1);
  }
  if (isPageStale()) {
    console.log('security gate: building the app page first (vite build)');
    const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const { stage, fileCount } = stageInputs();
  const report = path.join(stage, 'report.csv');
  try {
    const run = spawnSync(
      process.execPath,
      [electronegativity.bin, '--input', path.join(stage, 'input'), '--relative', '--electron-version', electronVersion, '--exclude-checks', EXCLUDED_CHECKS.join(','), '--output', report, '--verbose', 'false'],
      { cwd: stage, encoding: 'utf8', timeout: 300_000 },
    );
    if (!existsSync(report)) {
      console.error(`security gate: Electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
      process.exit(1);
    }
    const findings = findingsFromCsv(readFileSync(report, 'utf8'));
    const { blocking, allowed, unusedAllowlist, counts } = evaluateFindings(findings);
    for (const f of blocking) console.error(`  ${describeFinding(f)}`);
    for (const a of unusedAllowlist) console.error(`  allowlist entry no longer matches anything, remove it: ${a.id} ${a.file}: ${a.sample}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const failed = blocking.length > 0 || unusedAllowlist.length > 0;
    console.log(
      `security gate: electronegativity ${electronegativity.version} on ${fileCount} files (Electron ${electronVersion}): ${counts.HIGH} high, ${counts.MEDIUM} medium (${allowed.length} allowlisted), ${counts.LOW} low, ${counts.INFORMATIONAL} informational — ${failed ? 'FAIL' : 'pass'} in ${seconds} s`,
    );
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
