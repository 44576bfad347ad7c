/**
 * The standalone verifier's build: deterministic, and README.md states its SHA-256 (the value
 * each newly issued PDF prints). When this fails after a change to code the verifier bundles,
 * run `npm run build:verifier` and commit README.md.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('build:verifier', () => {
  it('is deterministic and its SHA-256 is the one in README.md', () => {
    const run = spawnSync(process.execPath, ['scripts/build-verifier.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { sha256: string; bytes: number; deterministic: boolean; readme: string | null };
    expect(report.deterministic).toBe(true);
    expect(report.readme, run.stderr).toBe(report.sha256);
    expect(run.status).toBe(0);
  }, 120_000);

  it('is one file: its only script and style are inline and allowed by hash, and nothing else may load', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'quickscan-verifier-build-')), 'v.html');
    const run = spawnSync(process.execPath, ['-e', `import('./scripts/build-verifier.mjs').then((m) => m.buildVerifier({ outFile: ${JSON.stringify(out)} }))`], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(scripts[0]!)}`);
    expect(csp).toContain(`style-src ${hash(styles[0]!)}`);
    // no file or address outside the page
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
  }, 120_000);
});
