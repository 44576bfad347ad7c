/**
 * The frozen layout-1 bundle (report/frozen/layout1.js) is the one that verifies layout-1 PDFs:
 * its bytes are pinned here, it is self-contained, it rebuilds every committed layout-1 PDF byte
 * for byte, and a copy of the project with a changed live report string and a changed live
 * optimiser tie-break still verifies every committed example PDF as before.
 *
 * Replacing the bundle (node scripts/freeze-layout1.mjs --write) is deliberate: pin its new
 * SHA-256 here only after report/examples.test.ts and this file pass with it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../forms/hash';
import { getDefinition } from '../../forms/registry';
import { ENVELOPE_ATTACHMENT_NAME, REVALIDATION_DESCRIPTOR_ATTACHMENT, REVALIDATION_EARLIER_ATTACHMENT, REVALIDATION_LATER_ATTACHMENT } from '../attachments';
import { extractAttachmentFromPdf } from '../extract';

/** SHA-256 of report/frozen/layout1.js. Change only together with a deliberate re-freeze. */
const FROZEN_SHA256 = '2349520522056e5bd1a3cd3ddba78bdfe1328e4e7ec51ff804d032e6b7ca15b4';

const root = join(import.meta.dirname, '../..');
const bundlePath = join(import.meta.dirname, 'layout1.js');
const examples = join(root, 'docs/examples');

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.pdf'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The committed layout-1 PDFs: issued revisions and re-validations whose data and pages are as made. */
function layout1Pdfs(): { path: string; kind: 'issued' | 'revalidation' }[] {
  const out: { path: string; kind: 'issued' | 'revalidation' }[] = [];
  for (const path of pdfsUnder(examples)) {
    if (/altered|unknown-method/.test(path)) continue;
    // re-validation layout 2 (live toolkit; report/revalidation/layout2.test.ts pins its bytes)
    if (path.includes(`${join('docs', 'examples', 'revalidation')}`)) continue;
    const text = readFileSync(path).toString('latin1');
    if (text.includes(REVALIDATION_DESCRIPTOR_ATTACHMENT)) out.push({ path, kind: 'revalidation' });
    else if (text.includes(ENVELOPE_ATTACHMENT_NAME) && !text.includes('/ByteRange')) out.push({ path, kind: 'issued' });
  }
  return out;
}

async function attachmentJson(bytes: Uint8Array, name: string): Promise<unknown> {
  const got = await extractAttachmentFromPdf(bytes, name);
  if (!got.ok) throw new Error(`${name}: ${got.detail}`);
  return JSON.parse(got.text) as unknown;
}

describe('the frozen layout-1 bundle', () => {
  const bundle = readFileSync(bundlePath);

  it('is the pinned bundle (re-freeze only on purpose: scripts/freeze-layout1.mjs)', () => {
    expect(sha256Hex(new Uint8Array(bundle))).toBe(FROZEN_SHA256);
  });

  it('imports nothing: the libraries that decide the bytes are inside it', () => {
    const text = bundle.toString('utf8');
    expect(text).not.toMatch(/(^|[;\s}])import\s*[{*"'(]/m);
    expect(text).not.toMatch(/\brequire\(/);
    expect(text).toContain('buildLayout1Pdf');
  });

  it('rebuilds every committed layout-1 PDF byte for byte', async () => {
    const { buildLayout1Pdf, buildRevalidationLayout1Pdf } = await import('./layout1.js');
    const def = getDefinition('zeeland-quickscan', '1.0.0')!.definition;
    const pdfs = layout1Pdfs();
    expect(pdfs.filter((p) => p.kind === 'issued').length).toBeGreaterThanOrEqual(15);
    expect(pdfs.filter((p) => p.kind === 'revalidation').length).toBe(2);
    for (const { path, kind } of pdfs) {
      const bytes = new Uint8Array(readFileSync(path));
      let rebuilt: Uint8Array;
      if (kind === 'issued') rebuilt = await buildLayout1Pdf(await attachmentJson(bytes, ENVELOPE_ATTACHMENT_NAME), def);
      else {
        const descriptor = (await attachmentJson(bytes, REVALIDATION_DESCRIPTOR_ATTACHMENT)) as { locale: 'nl' | 'en' };
        rebuilt = await buildRevalidationLayout1Pdf(
          await attachmentJson(bytes, REVALIDATION_EARLIER_ATTACHMENT),
          await attachmentJson(bytes, REVALIDATION_LATER_ATTACHMENT),
          { earlier: def, later: def },
          descriptor.locale,
        );
      }
      expect(Buffer.from(rebuilt).equals(Buffer.from(bytes)), relative(root, path)).toBe(true);
    }
  }, 120_000);
});

/** Verifies every committed example PDF with the project at `dir`; prints `{file: status/pages}`. */
const VERIFY_ALL = `
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { verifyFile } from './report/verify';
import { buildLayout1 } from './report/layout1-pdf';
import { parseEnvelope } from './scoring/issued';
import { getDefinition } from './forms/registry';
import { extractEnvelopeFromPdf } from './report/extract';
export async function run(root) {
  const out = {};
  const files = readdirSync(join(root, 'docs/examples'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.pdf')).map((e) => join(e.parentPath, e.name)).sort();
  let liveDiffers = 0;
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    const r = await verifyFile(bytes, path);
    out[relative(root, path)] = r.status + '/' + r.checks.pagesMatch;
    const env = await extractEnvelopeFromPdf(bytes);
    const parsed = env.ok ? parseEnvelope(env.text) : undefined;
    if (parsed && parsed.ok && parsed.envelope.report.layout === 1 && r.checks.pagesMatch) {
      const live = await buildLayout1(parsed.envelope, getDefinition('zeeland-quickscan', '1.0.0').definition);
      if (Buffer.compare(Buffer.from(live), Buffer.from(bytes)) !== 0) liveDiffers++;
    }
  }
  return { statuses: out, liveDiffers };
}
`;

async function verifyAllIn(dir: string): Promise<{ statuses: Record<string, string>; liveDiffers: number }> {
  writeFileSync(join(dir, 'verify-all.ts'), VERIFY_ALL);
  const outfile = join(dir, 'verify-all.mjs');
  await build({ absWorkingDir: dir, entryPoints: [join(dir, 'verify-all.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile, logLevel: 'silent' });
  const json = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(`file://${outfile}`)}); console.log(JSON.stringify(await m.run(${JSON.stringify(dir)})));`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(json) as { statuses: Record<string, string>; liveDiffers: number };
}

function replaceOnce(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path}: ${from} not found (update this test to the live code)`);
  writeFileSync(path, text.replace(from, to));
}

describe('a copy of the project with a changed live string and optimiser tie-break', () => {
  it('verifies every committed example PDF as before', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'quickscan-frozen-'));
    try {
      for (const part of ['forms', 'scoring', 'report', 'docs', 'package.json', 'tsconfig.json']) cpSync(join(root, part), join(copy, part), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
      const before = await verifyAllIn(copy);

      // a live report string of layout 1 and the optimiser's tie-break between plans of equal cost
      replaceOnce(join(copy, 'report/strings.ts'), "attachmentDescription: '", "attachmentDescription: 'GEWIJZIGD ");
      replaceOnce(join(copy, 'scoring/optimize.ts'), 'if (c !== nextC) out.push(i);', 'if (i === 0 || c !== splitKey(list.key[i - 1]!, pb.K)) out.push(i);');
      const after = await verifyAllIn(copy);

      expect(Object.keys(before.statuses).length).toBeGreaterThanOrEqual(20);
      expect(Object.values(before.statuses).filter((s) => s === 'valid/true').length).toBeGreaterThanOrEqual(15);
      expect(after.statuses).toEqual(before.statuses);
      // the changes are real: the live (unfrozen) layout-1 code now draws other bytes
      expect(before.liveDiffers).toBe(0);
      expect(after.liveDiffers).toBeGreaterThanOrEqual(15);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 300_000);
});
