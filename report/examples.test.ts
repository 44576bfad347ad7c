/**
 * The committed examples in docs/examples/issued/ must keep verifying as valid with the
 * released registry. A failure here after a change to the report means the change altered the
 * pages of layout 1: PDFs that were issued with it would then fail their page check. Put the
 * change in a new layout (report/pdf.ts LAYOUTS, docs/verifying.md) instead. If the example
 * scans changed, regenerate with `node scripts/make-examples.mjs` and commit the files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyFile } from './verify';

const dir = join(import.meta.dirname, '../docs/examples/issued');
const files = readdirSync(dir).sort();
const key = JSON.parse(readFileSync(join(dir, 'test-key.public.json'), 'utf8')) as { publicKey: string; label: string; fingerprint: string };
const trustedKeys = [{ publicKey: key.publicKey, label: key.label }];
const hint = 'run `node scripts/make-examples.mjs` if the example scans changed; a layout change needs a new layout version (docs/verifying.md)';

describe('committed examples (docs/examples/issued)', () => {
  it('has PDFs in Dutch and English and envelope files', () => {
    expect(files.filter((f) => f.endsWith('.nl.pdf')).length).toBeGreaterThanOrEqual(1);
    expect(files.filter((f) => f.endsWith('.en.pdf')).length).toBe(files.filter((f) => f.endsWith('.nl.pdf')).length);
    expect(files.filter((f) => f.endsWith('.quickscan-issued.json')).length).toBeGreaterThanOrEqual(1);
  });

  for (const file of files.filter((f) => f.endsWith('.pdf') || f.endsWith('.quickscan-issued.json'))) {
    it(`${file} verifies as valid with the released method and the test key`, async () => {
      const result = await verifyFile(new Uint8Array(readFileSync(join(dir, file))), file, { trustedKeys });
      expect(result.status, `${file}: ${result.messages.map((m) => m.en).join(' | ')}\n${hint}`).toBe('valid');
      expect(result.assessor?.fingerprint).toBe(key.fingerprint);
      if (file.endsWith('.pdf')) expect(result.checks.pagesMatch).toBe(true);
    });
  }

  it('the Dutch and English PDF of one revision carry the same reference code', async () => {
    for (const nl of files.filter((f) => f.endsWith('.nl.pdf'))) {
      const en = nl.replace(/\.nl\.pdf$/, '.en.pdf');
      const a = await verifyFile(new Uint8Array(readFileSync(join(dir, nl))), nl);
      const b = await verifyFile(new Uint8Array(readFileSync(join(dir, en))), en);
      expect(a.referenceCode).toBe(b.referenceCode);
      expect(a.contentHash).toBe(b.contentHash);
    }
  });
});
