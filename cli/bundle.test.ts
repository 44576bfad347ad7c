/**
 * The real thing: scripts/build-cli.mjs bundles the command line, and `node bin/quickscan.mjs`
 * runs it as a user would (a subprocess with plain Node, no TypeScript loader).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDefinition } from '../forms/registry';
import { parseScanFile } from '../scoring/scan-file';
import { scoreScan } from '../scoring/score';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = 'docs/examples/new-build-school-goes.quickscan.json';

function quickscan(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [join(cwd, 'bin/quickscan.mjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the bundle', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  it('node bin/quickscan.mjs scores like scoreScan, and fails with exit 2 and one line', () => {
    expect(existsSync(join(root, 'dist/cli/quickscan.mjs'))).toBe(true);
    const parsed = parseScanFile(JSON.parse(readFileSync(join(root, example), 'utf8')));
    if (!parsed.ok) throw new Error('invalid example');
    const f = parsed.file;
    const expected = scoreScan(getDefinition('zeeland-quickscan', '1.0.0')!.definition, { project: f.project, answers: f.scan.answers, costOverrides: f.scan.costOverrides });

    const json = quickscan(['score', example, '--json']);
    expect(json.err).toBe('');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).total.display).toBe(expected.total!.display);

    const text = quickscan(['score', example, '--lang', 'nl']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(new RegExp(`^Totaal\\s+${expected.total!.display.toFixed(1).replace('.', ',')}$`, 'm'));

    const missing = quickscan(['score', 'no-such.quickscan.json']);
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('');
    expect(missing.err).toBe('quickscan: no-such.quickscan.json: no such file\n');
  });

  it('the launcher says to build first when the bundle is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quickscan-bin-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(join(root, 'bin/quickscan.mjs'), join(dir, 'bin/quickscan.mjs'));
      const r = quickscan(['--help'], dir);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe('quickscan: the command line is not built yet: run `npm run build:cli` first\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
