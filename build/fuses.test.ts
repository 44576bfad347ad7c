import * as electronFuses from '@electron/fuses';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryPath, FUSE_DISABLED, FUSE_ENABLED, fuseConfig, fuseWireMismatches, FUSES, isUniversalSliceBeforeMerge } from './fuses.mjs';

const require = createRequire(import.meta.url);
const { SENTINEL } = require('@electron/fuses/dist/constants.js') as { SENTINEL: string };
const api = electronFuses as unknown as Parameters<typeof fuseConfig>[0];
const afterPack = (require('./after-pack.cjs') as { default: (context: unknown) => Promise<void> }).default;

/** A stand-in Electron binary: some bytes, the fuse sentinel, wire version 1, then a 9-fuse wire in Electron's default state. */
function fakeElectronBinary(file: string, wire = '101100011') {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([Buffer.from('\x7fELF...electron...'), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.from('...rest')]));
}

function wireOf(file: string) {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return bytes.subarray(at + 2, at + 2 + bytes[at + 1]!).toString('latin1');
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'quickscan-fuses-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the fuse list', () => {
  it('is exactly the hardened set', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(FUSES)).toBe(true);
  });

  it('maps every name to @electron/fuses’ wire index', () => {
    const config = fuseConfig(api);
    expect(config.version).toBe(electronFuses.FuseVersion.V1);
    expect(config[electronFuses.FuseV1Options.RunAsNode]).toBe(false);
    expect(config[electronFuses.FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[electronFuses.FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[electronFuses.FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(Object.keys(config).filter((k) => /^\d+$/.test(k))).toHaveLength(7);
    expect(config.resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig(api, { resetAdHocDarwinSignature: true }).resetAdHocDarwinSignature).toBe(true);
  });

  it('refuses a fuse name @electron/fuses does not know', () => {
    expect(() => fuseConfig(api, {}, { RunAsNod: false })).toThrow(/unknown Electron fuse "RunAsNod"/);
  });

  it('reports every fuse of a read-back wire that is not as wanted', () => {
    const good = Object.fromEntries(Object.entries(FUSES).map(([name, on]) => [electronFuses.FuseV1Options[name as keyof typeof electronFuses.FuseV1Options], on ? FUSE_ENABLED : FUSE_DISABLED]));
    expect(fuseWireMismatches(api, good)).toEqual([]);
    const bad = { ...good, [electronFuses.FuseV1Options.RunAsNode]: FUSE_ENABLED, [electronFuses.FuseV1Options.OnlyLoadAppFromAsar]: undefined as never };
    expect(fuseWireMismatches(api, bad)).toEqual(['RunAsNode: wanted off, binary has on', 'OnlyLoadAppFromAsar: wanted on, binary has missing']);
  });
});

describe('where the fuses are flipped', () => {
  it('finds the Electron executable on each platform', () => {
    const target = { appOutDir: '/out', productFilename: 'QuickScan Circulair Bouwen', executableName: 'quickscan-circulair-bouwen' };
    expect(electronBinaryPath({ ...target, electronPlatformName: 'win32' })).toBe(path.join('/out', 'QuickScan Circulair Bouwen.exe'));
    expect(electronBinaryPath({ ...target, electronPlatformName: 'darwin' })).toBe(path.join('/out', 'QuickScan Circulair Bouwen.app'));
    expect(electronBinaryPath({ ...target, electronPlatformName: 'linux' })).toBe(path.join('/out', 'quickscan-circulair-bouwen'));
    expect(() => electronBinaryPath({ ...target, electronPlatformName: 'beos' })).toThrow();
  });

  it('skips the per-architecture apps of a macOS universal build, not the merged one', () => {
    expect(isUniversalSliceBeforeMerge({ electronPlatformName: 'darwin', appOutDir: '/r/mac-universal-x64-temp' })).toBe(true);
    expect(isUniversalSliceBeforeMerge({ electronPlatformName: 'darwin', appOutDir: '/r/mac-universal-arm64-temp' })).toBe(true);
    expect(isUniversalSliceBeforeMerge({ electronPlatformName: 'darwin', appOutDir: '/r/mac-universal' })).toBe(false);
    expect(isUniversalSliceBeforeMerge({ electronPlatformName: 'linux', appOutDir: '/r/x-x64-temp' })).toBe(false);
  });
});

describe('the afterPack hook', () => {
  const context = (appOutDir: string, electronPlatformName = 'linux') => ({
    appOutDir,
    electronPlatformName,
    packager: { appInfo: { productFilename: 'QuickScan Circulair Bouwen' }, executableName: 'quickscan-circulair-bouwen' },
  });

  it('flips the fuses of the packaged binary and verifies them', async () => {
    const binary = path.join(dir, 'linux-unpacked', 'quickscan-circulair-bouwen');
    fakeElectronBinary(binary);
    await afterPack(context(path.join(dir, 'linux-unpacked')));
    // index: 0 RunAsNode, 1 cookies, 2 NODE_OPTIONS, 3 --inspect, 4 asar integrity, 5 asar only, 6 V8 snapshot (untouched), 7 file://, 8 newer fuse (untouched)
    expect(wireOf(binary)).toBe('010011' + '0' + '0' + '1');
  });

  it('flips a Windows executable too', async () => {
    const binary = path.join(dir, 'win-unpacked', 'QuickScan Circulair Bouwen.exe');
    fakeElectronBinary(binary);
    await afterPack(context(path.join(dir, 'win-unpacked'), 'win32'));
    expect(wireOf(binary).slice(0, 8)).toBe('01001100');
  });

  it('fails packaging when the binary has no fuse wire', async () => {
    const binary = path.join(dir, 'linux-unpacked', 'quickscan-circulair-bouwen');
    mkdirSync(path.dirname(binary), { recursive: true });
    writeFileSync(binary, 'not electron');
    await expect(afterPack(context(path.dirname(binary)))).rejects.toThrow(/sentinel/);
  });

  it('leaves the per-architecture apps of a universal build alone', async () => {
    await expect(afterPack(context(path.join(dir, 'mac-universal-x64-temp'), 'darwin'))).resolves.toBeUndefined();
  });
});
