import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDiagnosticsZip, collectCrashDumps, DIAGNOSTIC_LIMITS, diagnosticsFileName, type DiagnosticsInfo } from './diagnostics';

const info: DiagnosticsInfo = {
  productName: 'QuickScan Circulair Bouwen',
  version: '0.1.0',
  versions: { electron: '45.4.1', chrome: '142', node: '22.20.0' },
  os: { platform: 'win32', arch: 'x64', release: '10.0.26100' },
  locale: 'nl-NL',
  isPackaged: true,
  updates: { enabled: false, reason: 'policy', userCanChange: false },
  createdAt: '2026-12-01T09:30:00.000Z',
};
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('diagnostics export', () => {
  it('holds versions, platform, update state and the newest crash dumps, nothing else', () => {
    const dumps = Array.from({ length: DIAGNOSTIC_LIMITS.dumps + 2 }, (_, i) => ({ name: `../${i}.dmp`, modified: `2026-11-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`, data: new Uint8Array([i]) }));
    const files = unzipSync(buildDiagnosticsZip(info, dumps));
    const summary = JSON.parse(strFromU8(files['diagnostics.json']!)) as Record<string, unknown>;
    expect(summary).toMatchObject({ version: '0.1.0', os: { platform: 'win32' }, updates: { reason: 'policy' }, crashDumpsLeftOut: 2 });
    const names = Object.keys(files).filter((n) => n.startsWith('crash-dumps/'));
    expect(names).toHaveLength(DIAGNOSTIC_LIMITS.dumps);
    expect(names).toContain('crash-dumps/11.dmp');
    expect(names).not.toContain('crash-dumps/0.dmp');
    expect(names.every((n) => !n.includes('..'))).toBe(true);
    expect(diagnosticsFileName(info.createdAt)).toBe('quickscan-diagnose-2026-12-01.zip');
  });

  it('collects *.dmp files from the crash folder (Crashpad keeps them in subfolders)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qs-crash-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'completed'));
    writeFileSync(path.join(dir, 'completed', 'a.dmp'), 'MDMP');
    writeFileSync(path.join(dir, 'settings.dat'), 'x');
    const dumps = await collectCrashDumps(dir);
    expect(dumps.map((d) => d.name)).toEqual(['a.dmp']);
    await expect(collectCrashDumps(path.join(dir, 'missing'))).resolves.toEqual([]);
  });
});
