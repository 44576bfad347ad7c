import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { NO_RUNTIME_MESSAGE, start } from './start.mjs';

type Steps = { findRuntime: () => string | null; build: () => number; launch: (electron: string) => Promise<number>; report: (line: string) => void };

function recorder(runtime: string | null, buildStatus = 0) {
  const calls: string[] = [];
  const lines: string[] = [];
  const steps: Steps = {
    findRuntime: () => {
      calls.push('find');
      return runtime;
    },
    build: () => {
      calls.push('build');
      return buildStatus;
    },
    launch: async (electron) => {
      calls.push(`launch ${electron}`);
      return 0;
    },
    report: (line) => lines.push(line),
  };
  return { steps, calls, lines };
}

describe('npm start', () => {
  it('says in one line that Electron is missing before it builds anything', async () => {
    const { steps, calls, lines } = recorder(null);
    await expect((start as (s: Steps) => Promise<number>)(steps)).resolves.toBe(1);
    expect(calls).toEqual(['find']);
    expect(lines).toEqual([NO_RUNTIME_MESSAGE]);
    expect(NO_RUNTIME_MESSAGE).not.toContain('\n');
    expect(NO_RUNTIME_MESSAGE).toContain('npm run web');
  });

  it('finds the runtime, then builds, then starts it', async () => {
    const { steps, calls, lines } = recorder('/opt/electron/electron');
    await expect((start as (s: Steps) => Promise<number>)(steps)).resolves.toBe(0);
    expect(calls).toEqual(['find', 'build', 'launch /opt/electron/electron']);
    expect(lines).toEqual([]);
  });

  it('does not start a failed build', async () => {
    const { steps, calls } = recorder('/opt/electron/electron', 2);
    await expect((start as (s: Steps) => Promise<number>)(steps)).resolves.toBe(2);
    expect(calls).toEqual(['find', 'build']);
  });
});
