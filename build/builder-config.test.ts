import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Packager, type Configuration, type FileAssociation } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG_FILE = 'build/electron-builder.config.cjs';
const require = createRequire(import.meta.url);
// A copy: electron-builder normalises the loaded configuration object in place while validating it.
const config = structuredClone(require(path.join(root, CONFIG_FILE))) as Configuration;
const { publishConfig } = require(path.join(root, 'build/update-feed.cjs')) as { publishConfig: (env: Record<string, string>) => Configuration['publish'] };
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

/** electron-builder's own check, as run before packaging: loads the file, package.json metadata, JSON schema. */
function validate(configuration: string | Configuration) {
  return new Packager({ projectDir: root, config: typeof configuration === 'string' ? configuration : structuredClone(configuration) }).validateConfig();
}

function associations(platform: 'mac' | 'win' | 'linux'): FileAssociation[] {
  const own = config[platform]?.fileAssociations;
  return [...[config.fileAssociations ?? []].flat(), ...[own ?? []].flat()];
}

function targetsOf(platform: 'mac' | 'win' | 'linux') {
  const targets = [config[platform]?.target ?? []].flat();
  return targets.map((t) => (typeof t === 'string' ? { target: t, arch: [] } : { target: t.target, arch: [t.arch ?? []].flat() }));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string) {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validate(CONFIG_FILE)).resolves.toBeUndefined();
  }, 60_000);

  it('is really validated: a misspelt option is refused', async () => {
    await expect(validate({ ...config, mac: { ...config.mac, hardenedRuntim: true } as never })).rejects.toThrow(/Invalid configuration object/);
  }, 60_000);

  it('names the app and takes the version from package.json', () => {
    expect(config.appId).toBe('nl.circulairbouwenzeeland.quickscan');
    expect(config.productName).toBe('QuickScan Circulair Bouwen');
    expect(pkg.productName).toBe(config.productName);
    expect(JSON.stringify(config)).not.toMatch(/"(buildVersion|version)"/);
    expect(config.extraMetadata).toBeUndefined();
    expect(config.artifactName).toContain('${version}');
  });

  it('is the only configuration: package.json has no `build` key and no runtime dependencies', () => {
    expect(pkg.build).toBeUndefined();
    // Vite and esbuild bundle every runtime library; anything in `dependencies` would be copied into app.asar.
    expect(Object.keys((pkg.dependencies as object | undefined) ?? {})).toEqual([]);
  });

  it('packs only the built app into an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['package.json', 'dist/electron/**', 'dist/renderer/**', '!**/*.map']);
    expect(String(pkg.main)).toMatch(/^dist\/electron\/main\.cjs$/);
    expect(config.directories?.output).toBe('release');
  });

  it('builds NSIS for Windows x64 and arm64, a universal dmg, and AppImage and deb for Linux', () => {
    expect(targetsOf('win')).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(targetsOf('mac')).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] }, // what Squirrel.Mac updates from
    ]);
    expect(targetsOf('linux').map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('flips the fuses in an afterPack hook that exists inside the project', () => {
    expect(config.afterPack).toBe('./build/after-pack.cjs');
    expect(existsSync(path.join(root, String(config.afterPack)))).toBe(true);
    expect(config.electronFuses).toBeUndefined(); // one mechanism only: the hook
  });

  it('associates the extension the app saves projects and scans in (.quickscan) on every platform', async () => {
    const { FILE_NAMES } = await import('../renderer/files/project-file');
    const { DOCUMENT_MIME_TYPE } = await import('../renderer/files/export');
    expect(FILE_NAMES.projectZip).toBe('.quickscan');
    expect(FILE_NAMES.scanZip).toBe('.quickscan');
    for (const platform of ['mac', 'linux'] as const) {
      expect(associations(platform)).toContainEqual(expect.objectContaining({ ext: 'quickscan', name: 'QuickScan document', role: 'Editor', mimeType: DOCUMENT_MIME_TYPE }));
    }
    const win = associations('win');
    expect(win).toEqual([expect.objectContaining({ ext: 'quickscan', description: 'QuickScan document' })]);
    expect(win[0]?.name).toMatch(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/); // a valid ProgID
  });

  it('on Linux also associates the two-part names (scan file, trust list, method file), never plain .json', async () => {
    const { OPENABLE_SUFFIXES } = await import('../electron/open-documents');
    const linux = associations('linux').flatMap((a) => [a.ext].flat());
    expect(linux).toEqual(['quickscan', 'quickscan.json', 'quickscan-trustlist.json', 'quickscan-method.json']);
    // Every associated type is one the shell accepts from the OS.
    for (const ext of linux) expect(OPENABLE_SUFFIXES).toContain(`.${ext}`);
    for (const platform of ['mac', 'win'] as const) expect(associations(platform).flatMap((a) => [a.ext].flat()).some((e) => e.includes('.') || e === 'json')).toBe(false);
  });

  it('offers a per-machine install in the NSIS installer (a choice page; /allusers for IT)', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
  });

  it('has no update feed unless QUICKSCAN_UPDATE_URL names an https folder at build time', () => {
    expect(config.publish).toEqual(publishConfig(process.env as Record<string, string>));
    expect(publishConfig({})).toBeNull();
    expect(publishConfig({ QUICKSCAN_UPDATE_URL: 'https://downloads.example.nl/quickscan/' })).toEqual([
      { provider: 'generic', url: 'https://downloads.example.nl/quickscan/', channel: 'latest', useMultipleRangeRequest: false },
    ]);
    expect(() => publishConfig({ QUICKSCAN_UPDATE_URL: 'http://downloads.example.nl/' })).toThrow(/https/);
    expect(() => publishConfig({ QUICKSCAN_UPDATE_URL: 'https://user:pw@downloads.example.nl/' })).toThrow(/https/);
  });

  it('with a feed it is still valid for electron-builder', async () => {
    await expect(validate({ ...config, publish: publishConfig({ QUICKSCAN_UPDATE_URL: 'https://downloads.example.nl/quickscan/' }) })).resolves.toBeUndefined();
  }, 60_000);

  it('never becomes the default PDF application', () => {
    const pdf = associations('mac').find((a) => a.ext === 'pdf');
    expect(pdf).toMatchObject({ role: 'Viewer', rank: 'Alternate' });
    expect(associations('win').some((a) => [a.ext].flat().includes('pdf'))).toBe(false);
    expect(associations('linux').some((a) => [a.ext].flat().includes('pdf'))).toBe(false);
    expect(config.linux?.mimeTypes).toEqual(['application/pdf']);
  });

  it('ships the full licence texts next to app.asar', () => {
    expect(config.extraResources).toEqual([{ from: 'build/LICENSES.txt', to: 'LICENSES.txt' }]);
    expect(readFileSync(path.join(root, 'build/LICENSES.txt'), 'utf8')).toContain('third-party software');
  });

  it('signs macOS builds with the hardened runtime and only the JIT entitlement', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(path.join(root, String(config.mac?.entitlements)), 'utf8');
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });
});

describe('icons made from build/icon.svg', () => {
  it('has every PNG size for Linux, square and of the size its name says', () => {
    const sizes = readdirSync(path.join(root, 'build/icons')).map((f) => /^(\d+)x\1\.png$/.exec(f)?.[1]).map(Number);
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const size of sizes) expect(pngSize(path.join(root, `build/icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
    expect(config.linux?.icon).toBe('build/icons');
  });

  it('has a Windows .ico with a 256 px image', () => {
    const ico = readFileSync(path.join(root, String(config.win?.icon)));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });

  it('has a macOS .icns up to 1024 px', () => {
    const icns = readFileSync(path.join(root, String(config.mac?.icon)));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'));
    expect(types).toEqual(expect.arrayContaining(['icp4', 'ic07', 'ic08', 'ic09', 'ic10']));
  });
});
