import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikePdf } from './sniff';
import { verifyFile } from './verify';

const enc = (text: string) => new TextEncoder().encode(text);

describe('looksLikePdf', () => {
  it('finds the PDF header within the first 1,024 bytes', () => {
    expect(looksLikePdf(enc('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(enc(`${' '.repeat(100)}junk %PDF-1.4`))).toBe(true);
    expect(looksLikePdf(enc(`${'x'.repeat(1100)}%PDF-1.4`))).toBe(false);
  });

  it('a signed envelope whose text contains "%PDF-" is read as JSON (issue 14, item 7)', () => {
    expect(looksLikePdf(enc('{"project":{"name":"%PDF-1.7 school"}}'))).toBe(false);
    expect(looksLikePdf(enc('\uFEFF  \n[{"note":"%PDF-"}]'))).toBe(false);
  });

  it('so the verifier treats such a file as an envelope, not as a damaged PDF', async () => {
    const path = join(import.meta.dirname, '../docs/examples/issued/new-build-school-goes.quickscan-issued.json');
    const text = readFileSync(path, 'utf8').replace(/("name":\s*")/, '$1%PDF-1.7 ');
    const result = await verifyFile(enc(text), 'with-pdf-marker.quickscan-issued.json');
    expect(result.kind).toBe('envelope');
  });
});
