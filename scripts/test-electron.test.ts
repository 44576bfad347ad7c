import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { NOT_RUN_MESSAGE, testElectron } from './test-electron.mjs';

type Steps = { findRuntime: () => string | null; isCi: boolean; build: () => number; runSuite: (electron: string) => number; report: (line: string) => void };
const run = testElectron as (steps: Steps) => number;

function recorder(runtime: string | null, isCi: boolean) {
  const calls: string[] = [];
  const lines: string[] = [];
  const steps: Steps = {
    findRuntime: () => (calls.push('find'), runtime),
    isCi,
    build: () => (calls.push('build'), 0),
    runSuite: (electron) => (calls.push(`suite ${electron}`), 0),
    report: (line) => lines.push(line),
  };
  return { steps, calls, lines };
}

describe('npm run test:electron', () => {
  it('without the Electron runtime: one line saying it did not run and why, exit 0, nothing built', () => {
    const { steps, calls, lines } = recorder(null, false);
    expect(run(steps)).toBe(0);
    expect(calls).toEqual(['find']);
    expect(lines).toEqual([NOT_RUN_MESSAGE]);
    expect(NOT_RUN_MESSAGE).toMatch(/not run: the Electron runtime is not installed/);
  });

  it('in CI a suite that could not run is a failure', () => {
    const { steps, lines } = recorder(null, true);
    expect(run(steps)).toBe(1);
    expect(lines).toHaveLength(1);
  });

  it('with the runtime: builds, then runs the suite on that runtime', () => {
    const { steps, calls } = recorder('/opt/electron/electron', true);
    expect(run(steps)).toBe(0);
    expect(calls).toEqual(['find', 'build', 'suite /opt/electron/electron']);
  });

  it('the suite is kept out of the browser e2e config and out of the unit tests', async () => {
    const e2e = (await import('../playwright.config')).default;
    expect(e2e.testDir).toBe('test/e2e');
    const unit = (await import('../vitest.config')).default as { test: { include: string[] } };
    expect(unit.test.include.join(' ')).not.toMatch(/test\/electron|\{[^}]*\btest\b/);
  });
});
