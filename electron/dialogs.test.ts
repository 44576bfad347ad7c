import path from 'node:path';
import { describe, expect, it } from 'vitest';
import licenses from '../build/licenses.json';
import { ABOUT_SHOW_LICENSES, aboutDialog, APP_LICENSE, LICENSES_OPEN_TEXTS, licensesDialog, licenseTextsPath, openFailureDialog } from './dialogs';

const info = { productName: 'QuickScan Circulair Bouwen', version: '0.1.0', electron: '45.4.1', chrome: '146.0.7500.1', node: '24.11.0' };

describe('About dialog', () => {
  it.each(['nl', 'en'] as const)('shows the versions, the licence and a licences button (%s)', (locale) => {
    const box = aboutDialog(locale, info);
    expect(box.message).toBe('QuickScan Circulair Bouwen 0.1.0');
    for (const part of ['0.1.0', 'Electron 45.4.1', 'Chromium 146.0.7500.1', 'Node.js 24.11.0', APP_LICENSE]) expect(box.detail).toContain(part);
    expect(box.buttons?.[ABOUT_SHOW_LICENSES]).toMatch(/Licen[ct]ies…|Licences…/);
    expect(box.cancelId).toBe(0);
  });

  it('lists every bundled package from build/licenses.json with version and licence', () => {
    const box = licensesDialog('en', info.productName, licenses.packages);
    for (const p of licenses.packages) expect(box.detail).toContain(`${p.name} ${p.version} — ${p.license}`);
    expect(box.detail).toContain(`${licenses.packages.length} open-source libraries`);
    expect(box.detail).toContain('LICENSES.chromium.html');
    expect(box.buttons?.[LICENSES_OPEN_TEXTS]).toBe('Open full licence texts');
  });

  it('sorts the list by package name', () => {
    const box = licensesDialog('nl', 'Q', [
      { name: 'zod', version: '4', license: 'MIT' },
      { name: '@noble/hashes', version: '2', license: 'MIT' },
      { name: 'react', version: '19', license: 'MIT' },
    ]);
    const lines = (box.detail ?? '').split('\n').filter((l) => l.includes(' — '));
    expect(lines).toEqual(['@noble/hashes 2 — MIT', 'react 19 — MIT', 'zod 4 — MIT']);
  });

  it('finds the licence texts next to app.asar when packaged, in build/ otherwise', () => {
    expect(licenseTextsPath({ isPackaged: true, resourcesPath: '/opt/Q/resources', appPath: '/opt/Q/resources/app.asar' })).toBe(path.join('/opt/Q/resources', 'LICENSES.txt'));
    expect(licenseTextsPath({ isPackaged: false, resourcesPath: '/x', appPath: '/work/main' })).toBe(path.join('/work/main', 'build', 'LICENSES.txt'));
  });
});

describe('open failure dialog', () => {
  it('names the file and the reason, with the limit in MB', () => {
    const box = openFailureDialog('nl', 'Q', 'groot.pdf', 'too-large', 200 * 1024 * 1024);
    expect(box.message).toBe('groot.pdf kan niet worden geopend');
    expect(box.detail).toContain('200 MB');
    expect(openFailureDialog('en', 'Q', 'x.quickscan', 'not-a-file', 1).detail).toBe('This is not a regular file.');
  });
});
