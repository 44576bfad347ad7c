/**
 * The standalone verifier's build: deterministic, and README.md states its SHA-256 (the value
 * each newly issued PDF prints). When this fails after a change to code the verifier bundles,
 * run `npm run build:verifier` and commit README.md.
 */
import { spawnSync } from 'node:child_process';
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
});
