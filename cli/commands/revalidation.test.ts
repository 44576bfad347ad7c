import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../io';
import { run } from '../run';

const tender = join(import.meta.dirname, '../../docs/examples/tender');
const bid = join(tender, 'bid-01-compliant-gold.pdf');
const delivery = join(tender, 'delivery/bid-01-delivery.pdf');
const work = mkdtempSync(join(tmpdir(), 'quickscan-revalidation-cli-'));

async function cli(argv: string[], lang = 'en_GB.UTF-8') {
  const io = memoryIo({ env: { LANG: lang }, cwd: work });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('quickscan revalidation', () => {
  it('writes a re-validation in the current layout (2) that states what this verification found, and says what is in it', async () => {
    const r = await cli(['revalidation', bid, delivery, '--lang', 'en', '--out', 'r.en.pdf']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const written = readFileSync(join(work, 'r.en.pdf'));
    // layout 2 records when and with what result the revisions were checked: not the bytes of
    // the committed layout-1 example (which keeps verifying: report/examples.test.ts)
    const { extractAttachmentFromPdf } = await import('../../report/extract');
    const descriptor = await extractAttachmentFromPdf(new Uint8Array(written), 'quickscan-revalidation.json');
    expect(descriptor.ok && JSON.parse(descriptor.text)).toMatchObject({ formatVersion: 2, layout: 2, locale: 'en' });
    expect(descriptor.ok && JSON.parse(descriptor.text).checks.earlier.map((f: { code: string }) => f.code)).toContain('signature-valid');
    expect(r.out).toBe(
      [
        `Wrote r.en.pdf (${written.length} bytes)`,
        '  earlier: QS-BBCB-3VC2-096D · tender · 2026-12-01',
        '  later: QS-9Q2Z-FJYX-1WPY · delivery · 2028-09-12',
        '  total 66.6 → 64.7, label Gold → Silver',
        '  promised versus delivered: 30 met, 1 exceeded, 3 not met, 2 not assessed; 3 downgraded',
        '',
      ].join('\n'),
    );
  });

  it('Dutch by default from LANG, a default file name, and --json', async () => {
    const r = await cli(['revalidation', bid, join(tender, 'delivery/bid-01-delivery.quickscan-issued.json'), '--json'], 'nl_NL.UTF-8');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.file).toBe('revalidation-QS-BBCB-3VC2-096D-QS-9Q2Z-FJYX-1WPY.nl.pdf');
    expect(json).toMatchObject({ lang: 'nl', linked: true, label: { before: 'gold', after: 'silver', change: 'down' }, downgrades: ['C1', 'F2', 'G1'] });
    expect(json.earlier).toMatchObject({ status: 'valid', referenceCode: 'QS-BBCB-3VC2-096D', phase: 'tender' });
    expect(existsSync(join(work, json.file))).toBe(true);
  });

  it('format-2 revisions, with the later revision\'s dossier: its files are supplied and matching, the rest referenced or withdrawn', async () => {
    const { exampleScan, issueV2 } = await import('../../report/fixtures/example');
    const { anyEnvelopeJsonText, historyEntryOf } = await import('../../scoring/issued');
    const { buildDossier } = await import('../../scoring/dossier');
    const { sha256Hex } = await import('../../forms/hash');
    const { extractAttachmentFromPdf } = await import('../../report/extract');
    const earlier = issueV2(exampleScan());
    const scan = exampleScan();
    const file = new TextEncoder().encode('doorsnede, as built');
    const sha256 = sha256Hex(file);
    scan.scan.answers.E1 = { level: 'l3', evidence: [{ id: '00000000-0000-4000-8000-000000000001', name: 'doorsnede.pdf', type: 'application/pdf', size: file.length, sha256, addedAt: '2028-05-01T08:00:00.000Z' }] };
    scan.scan.answers.C1 = { level: 'l1', note: 'verlijmd' };
    const later = issueV2(scan, { input: { revisionId: '5e0c8a52-7d1e-4b9a-9c2f-5e6d7a8b9c02', issuedAt: '2028-06-30T09:00:00.000Z', phase: 'delivery', history: [historyEntryOf(earlier)] } });
    writeFileSync(join(work, 'a.quickscan-issued.json'), anyEnvelopeJsonText(earlier));
    writeFileSync(join(work, 'b.quickscan-issued.json'), anyEnvelopeJsonText(later));
    writeFileSync(join(work, 'b.quickscan-dossier.zip'), buildDossier(later, new Map([[sha256, file]])).bytes);
    const r = await cli(['revalidation', 'a.quickscan-issued.json', 'b.quickscan-issued.json', '--dossier', 'b.quickscan-dossier.zip', '--out', 'f2.pdf']);
    expect(r.code, r.err).toBe(0);
    const descriptor = await extractAttachmentFromPdf(new Uint8Array(readFileSync(join(work, 'f2.pdf'))), 'quickscan-revalidation.json');
    expect(descriptor.ok && JSON.parse(descriptor.text)).toMatchObject({ formatVersion: 2, layout: 2, supplied: [sha256] });
    // a dossier of another revision is not used, and says so
    const other = await cli(['revalidation', 'a.quickscan-issued.json', 'b.quickscan-issued.json', '--dossier', 'a.quickscan-issued.json', '--out', 'f3.pdf']);
    expect(other.code).toBe(0);
    expect(other.err).toContain('not an evidence dossier of the later revision');
  });

  it('the written PDF verifies as a re-validation', async () => {
    await cli(['revalidation', bid, delivery, '--lang', 'en', '--out', 'v.pdf']);
    const r = await cli(['verify', 'v.pdf', '--trusted-keys', join(tender, 'trusted-bidder-keys.json'), '--json']);
    expect(r.code).toBe(0);
    const file = JSON.parse(r.out).files[0];
    expect(file).toMatchObject({ status: 'valid', kind: 'revalidation', referenceCode: 'QS-9Q2Z-FJYX-1WPY' });
    expect(file.revalidation.earlier.referenceCode).toBe('QS-BBCB-3VC2-096D');
  });

  it('refuses altered data, an unknown method, a scan file and a re-validation PDF, and writes nothing', async () => {
    const scan = join(import.meta.dirname, '../../docs/examples/new-build-school-goes.quickscan.json');
    const cases: [string, RegExp][] = [
      [join(tender, 'bid-08-altered-data.pdf'), /bid-08-altered-data\.pdf: ALTERED: The data was altered/],
      [join(tender, 'bid-11-unknown-method.pdf'), /bid-11-unknown-method\.pdf: UNKNOWN METHOD.*does not know method zeeland-quickscan version 1\.1\.0/],
      [scan, /not an issued revision/],
      [join(tender, 'delivery/bid-01-revalidation.en.pdf'), /this is a re-validation PDF/],
      [join(work, 'missing.pdf'), /missing\.pdf: no such file/],
    ];
    for (const [file, message] of cases) {
      const r = await cli(['revalidation', file, delivery, '--out', 'never.pdf']);
      expect(r.code, file).toBe(2);
      expect(r.out, file).toBe('');
      expect(r.err, file).toMatch(message);
      expect(r.err.trim().split('\n'), file).toHaveLength(1);
      expect(existsSync(join(work, 'never.pdf')), file).toBe(false);
    }
  });

  it('uses a revision whose pages were altered (its data is intact), with a warning; warns when not linked or not trusted', async () => {
    const r = await cli(['revalidation', join(tender, 'bid-07-altered-pages.pdf'), delivery, '--out', 'w.pdf', '--trusted-keys', join(tender, 'trusted-bidder-keys.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('bid-07-altered-pages.pdf: the printed pages were altered');
    expect(r.err).toContain('the later revision does not list the earlier one in its history');
    const u = await cli(['revalidation', join(tender, 'bid-09-unknown-signer.pdf'), delivery, '--out', 'u.pdf', '--trusted-keys', join(tender, 'trusted-bidder-keys.json')]);
    expect(u.code).toBe(0);
    expect(u.err).toContain('not on the trusted list (fingerprint YXNE-RPSQ-FFQE-PVR6)');
  });

  it('a file it cannot write: exit 2 with one line', async () => {
    writeFileSync(join(work, 'a-file'), 'x');
    const r = await cli(['revalidation', bid, delivery, '--out', 'a-file/r.pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^quickscan: a-file\/r\.pdf: cannot write the PDF: /);
  });

  it('has help in both languages and is listed', async () => {
    const en = await cli(['revalidation', '--help']);
    expect(en.out).toContain('Usage: quickscan revalidation <earlier> <later>');
    const nl = await cli(['revalidation', '--help', '--lang', 'nl']);
    expect(nl.out).toContain('herbeoordelings-pdf');
    expect((await cli(['--help'])).out).toContain('revalidation');
    expect((await cli(['revalidation', bid])).code).toBe(2);
  });
});
