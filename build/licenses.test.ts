import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { licenseOf, packageDirOf, renderAll, ROOT } from '../scripts/licenses.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committedJson = readFileSync(path.join(root, 'build/licenses.json'), 'utf8');
const committed = JSON.parse(committedJson) as { packages: { name: string; version: string; license: string; bundles: string[] }[] };

/** Licences the app may bundle (SPDX ids); anything else needs a decision first. */
/** Packages that declare their licence in package.json but ship no licence file, each checked by hand. */
const NO_LICENCE_FILE: Record<string, string> = {
  'lazy-val': 'MIT in package.json; a small helper of electron-updater (by the electron-builder authors) published without a LICENSE file',
};

const ACCEPTED = new Set(['MIT', 'ISC', '0BSD', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'Zlib', 'MPL-2.0', 'CC0-1.0', 'Unlicense', 'BlueOak-1.0.0']);

/** True when an SPDX expression can be met with accepted licences only (an OR needs one acceptable side). */
function isAccepted(expression: string): boolean {
  return expression
    .replace(/[()]/g, ' ')
    .split(/\s+OR\s+/)
    .some((alternative) => alternative.split(/\s+AND\s+/).every((id) => ACCEPTED.has(id.trim())));
}

describe('build/licenses.json and build/LICENSES.txt', () => {
  let fresh: Awaited<ReturnType<typeof renderAll>>;
  beforeAll(async () => {
    fresh = await renderAll(root);
  }, 120_000);

  it('are up to date with what the bundles contain (regenerate: node scripts/licenses.mjs)', () => {
    expect(ROOT).toBe(root);
    expect(committedJson).toBe(fresh.json);
    expect(readFileSync(path.join(root, 'build/LICENSES.txt'), 'utf8')).toBe(fresh.text);
  });

  it('list the libraries the app is built on, with the bundles they are in', () => {
    const names = new Set(committed.packages.map((p) => p.name));
    for (const name of ['react', 'react-dom', 'zustand', 'dexie', 'dexie-react-hooks', 'zod', 'jspdf', 'pdf-lib', 'qrcode', 'canonicalize', '@noble/curves', '@noble/hashes', '@scure/base', 'fflate']) {
      expect(names, name).toContain(name);
    }
    expect(committed.packages.find((p) => p.name === 'react')?.bundles).toEqual(['renderer']);
    expect(committed.packages.find((p) => p.name === 'zod')?.bundles).toContain('electron-main');
  });

  it('leave out build tools that are not bundled', () => {
    const names = committed.packages.map((p) => p.name);
    for (const tool of ['vite', 'esbuild', 'electron', 'electron-builder', 'typescript', 'vitest']) expect(names).not.toContain(tool);
  });

  it('contain only licences the project accepts', () => {
    const refused = committed.packages.filter((p) => !isAccepted(p.license)).map((p) => `${p.name}@${p.version}: ${p.license}`);
    expect(refused).toEqual([]);
  });

  it('keep every package’s own licence text', () => {
    for (const p of fresh.packages.filter((q: { name: string }) => !(q.name in NO_LICENCE_FILE))) expect(p.licenseFiles.length, `${p.name} ships no licence file`).toBeGreaterThan(0);
  });
});

describe('licence helpers', () => {
  it('read the package folder from a module path, nested and scoped', () => {
    expect(packageDirOf('node_modules/react/index.js')).toBe('node_modules/react');
    expect(packageDirOf('node_modules/jspdf/node_modules/@babel/runtime/helpers/x.js')).toBe('node_modules/jspdf/node_modules/@babel/runtime');
    expect(packageDirOf('renderer/main.tsx')).toBeNull();
  });

  it('read old and new package.json licence forms', () => {
    expect(licenseOf({ license: 'MIT' })).toBe('MIT');
    expect(licenseOf({ license: { type: 'ISC' } })).toBe('ISC');
    expect(licenseOf({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe('(MIT OR Apache-2.0)');
    expect(licenseOf({})).toBe('UNKNOWN');
  });

  it('accept an expression only when an acceptable choice exists', () => {
    expect(isAccepted('(MPL-2.0 OR Apache-2.0)')).toBe(true);
    expect(isAccepted('MIT OR SEE LICENSE IN FEEL-FREE.md')).toBe(true);
    expect(isAccepted('(MIT AND Zlib)')).toBe(true);
    expect(isAccepted('GPL-3.0-only')).toBe(false);
    expect(isAccepted('MIT AND GPL-2.0')).toBe(false);
  });
});
