// @ts-check
// Renders the one source of the app icon, build/icon.svg, into the files electron-builder packs:
// build/icons/<n>x<n>.png (16..1024; Linux and every other use), build/icon.ico (Windows,
// 16..256) and build/icon.icns (macOS, 16..1024 with Retina variants). Pure JavaScript and
// WebAssembly, no downloads. Run after changing the SVG and commit the results:
//   node scripts/make-icons.mjs
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import icnsModule from '@fiahfy/icns';
import pngToIco from 'png-to-ico';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { Icns, IcnsImage } = icnsModule;
const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** macOS icon types that hold PNG data, by pixel size (ic11..ic14 are the @2x variants). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['ic11', 32],
  ['icp5', 32],
  ['ic12', 64],
  ['icp6', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
const svg = readFileSync(path.join(root, 'build/icon.svg'), 'utf8');

/** @type {Map<number, Buffer>} */
const pngs = new Map();
for (const size of PNG_SIZES) {
  const png = Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
  pngs.set(size, png);
}

const at = (/** @type {number} */ size) => {
  const png = pngs.get(size);
  if (!png) throw new Error(`no ${size}px rendering`);
  return png;
};

mkdirSync(path.join(root, 'build/icons'), { recursive: true });
for (const size of PNG_SIZES) writeFileSync(path.join(root, `build/icons/${size}x${size}.png`), at(size));

writeFileSync(path.join(root, 'build/icon.ico'), await pngToIco(ICO_SIZES.map(at)));

const icns = new Icns();
for (const [type, size] of ICNS_TYPES) icns.append(IcnsImage.fromPNG(at(Number(size)), String(type)));
writeFileSync(path.join(root, 'build/icon.icns'), icns.data);

console.log(`icons: ${PNG_SIZES.length} PNG sizes, icon.ico (${ICO_SIZES.join(', ')}), icon.icns (${ICNS_TYPES.length} images) from build/icon.svg`);
