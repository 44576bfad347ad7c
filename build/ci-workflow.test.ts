import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflow = readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8');

describe('CI workflow (.github/workflows/ci.yml)', () => {
  it('tests on Linux, Windows and macOS: npm ci, npm test and the Electron suite (under Xvfb on Linux)', () => {
    expect(workflow).toMatch(/os: \[ubuntu-latest, windows-latest, macos-latest\]/);
    expect(workflow).toMatch(/- run: npm ci/);
    expect(workflow).toMatch(/run: npm test\n/);
    expect(workflow).toMatch(/xvfb-run -a [^\n]*npm run test:electron/);
    expect(workflow).toMatch(/if: runner.os != 'Linux'\n\s+run: npm run test:electron/);
    expect(workflow).toMatch(/CI: 'true'/); // a suite that could not run fails there
  });

  it('builds the installers of each platform as artifacts', () => {
    for (const dist of ['dist:linux', 'dist:win', 'dist:mac']) expect(workflow).toContain(`dist: ${dist}`);
    expect(workflow).toContain('actions/upload-artifact');
    for (const ext of ['exe', 'dmg', 'AppImage', 'deb']) expect(workflow).toContain(`release/*.${ext}`);
  });

  it('leaves .ci/run as the entry point of the offline machines', () => {
    expect(readFileSync(path.join(root, '.ci/run'), 'utf8')).toMatch(/npm ci --no-audit --no-fund\nnpm test\n$/);
  });
});
