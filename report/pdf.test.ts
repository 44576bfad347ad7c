import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { envelopeJsonText } from '../scoring/issued';
import { extractEnvelopeFromPdf } from './extract';
import { exampleScan, issue, zeelandDefinition } from './fixtures/example';
import { buildReportPdf, UnknownLayoutError } from './pdf';
import { drawLayout1 } from './layout1';
import { hasTool } from './fixtures/tools';

// pdftotext and friends (poppler); required in CI
const hasPoppler = hasTool('pdftotext');

function tmpFile(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'quickscan-report-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const pdftotext = (path: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });

describe('buildReportPdf', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    delete process.env.TZ;
  });

  it('is deterministic: same envelope, same bytes, whatever the clock, time zone or random source', async () => {
    const envelope = issue(exampleScan());
    const first = await buildReportPdf(envelope, zeelandDefinition);
    const second = await buildReportPdf(envelope, zeelandDefinition);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
    vi.spyOn(Math, 'random').mockReturnValue(0.123456);
    process.env.TZ = 'America/Los_Angeles';
    const third = await buildReportPdf(envelope, zeelandDefinition);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);

    // an envelope built with its objects in another key order gives the same bytes
    const reordered = JSON.parse(envelopeJsonText(envelope).replace(/\s+/g, ' ')) as typeof envelope;
    const shuffled = Object.fromEntries(Object.entries(reordered).reverse()) as typeof envelope;
    const fourth = await buildReportPdf(shuffled, zeelandDefinition);
    expect(Buffer.from(fourth).equals(Buffer.from(first))).toBe(true);
  });

  it('differs by locale and by content', async () => {
    const nl = await buildReportPdf(issue(exampleScan(), { locale: 'nl' }), zeelandDefinition);
    const en = await buildReportPdf(issue(exampleScan(), { locale: 'en' }), zeelandDefinition);
    expect(Buffer.from(nl).equals(Buffer.from(en))).toBe(false);
  });

  it('sets fixed dates, metadata and a file id derived from the content hash', async () => {
    const envelope = issue(exampleScan());
    const bytes = await buildReportPdf(envelope, zeelandDefinition);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toContain('Brede school De Schelp, Goes');
    expect(doc.getSubject()).toBe(envelope.referenceCode);
    expect(doc.getAuthor()).toBe('Anouk de Vries-Çelik, Zeeuws Architectenbureau Onder de Toren');
    expect(doc.getKeywords()).toContain(`sha256:${envelope.contentHash}`);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-22T10:15:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-22T10:15:00.000Z');
    const text = new TextDecoder('latin1').decode(bytes);
    const id = envelope.contentHash.slice(0, 32).toUpperCase();
    expect(text).toContain(`/ID [ <${id}> <${id}> ]`);
    const dates = [...text.matchAll(/D:(\d{14})/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThanOrEqual(4);
    expect(new Set(dates)).toEqual(new Set(['20261122101500']));
  });

  it('carries the envelope as the attachment quickscan-envelope.json', async () => {
    const envelope = issue(exampleScan());
    const bytes = await buildReportPdf(envelope, zeelandDefinition);
    const extracted = await extractEnvelopeFromPdf(bytes);
    expect(extracted.ok && extracted.text).toBe(envelopeJsonText(envelope));
  });

  it('is small and quick to build', async () => {
    const envelope = issue(exampleScan());
    await buildReportPdf(envelope, zeelandDefinition);
    const t0 = performance.now();
    const bytes = await buildReportPdf(envelope, zeelandDefinition);
    const ms = performance.now() - t0;
    expect(bytes.length).toBeLessThan(300 * 1024);
    expect(ms).toBeLessThan(5_000); // generous: the bench reports the real figure
    const { info } = drawLayout1(envelope, zeelandDefinition);
    expect(info.pages).toBeGreaterThanOrEqual(5);
  });

  it('refuses a layout it does not know', async () => {
    const envelope = issue(exampleScan(), { layout: 99 });
    await expect(buildReportPdf(envelope, zeelandDefinition)).rejects.toBeInstanceOf(UnknownLayoutError);
  });

  it.skipIf(!hasPoppler)('prints the reference code, theme scores and answers with correct Dutch characters (pdftotext)', async () => {
    const envelope = issue(exampleScan(), { locale: 'nl' });
    const path = tmpFile('report-nl.pdf', await buildReportPdf(envelope, zeelandDefinition));
    const text = pdftotext(path).replace(/\s+/g, ' ');
    for (const expected of [
      envelope.referenceCode,
      envelope.contentHash,
      'Scores per thema',
      'Behouden en beperken',
      'Herkomst van materialen',
      '50,0',
      '55,0',
      '47,6',
      'Brons',
      'Compact en efficiënt ontwerp',
      'Gebouwlagen en standaardisatie',
      'Houtvezelisolatie in alle gevels',
      'gemodificeerd vurenhout (FSC®)',
      'MPG 0,62 €/m²·jr',
      'Ambitie „Goud” vastgelegd',
      'mevr. Çelik',
      'Wordt het project na oplevering geëvalueerd',
      'aangetoond',
      'geclaimd',
      'Niet van toepassing voor dit soort project',
      'Niet beantwoord: telt als 0 punten',
      '€ 6.000.000',
      '€ 180.000 (3% van het bouwbudget)',
      '22-11-2026',
      'Verifiëren',
      'quickscan verify bestand.pdf',
      'pagina 1 van',
      'Revisiegeschiedenis',
      '01-09-2027',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toMatch(/[\uFFFD]/);
  });

  it.skipIf(!hasPoppler)('prints English completely in the English report', async () => {
    const envelope = issue(exampleScan(), { locale: 'en' });
    const path = tmpFile('report-en.pdf', await buildReportPdf(envelope, zeelandDefinition));
    const text = pdftotext(path).replace(/\s+/g, ' ');
    for (const expected of ['Scores per theme', 'Keep and reduce', 'Bronze', '€6,000,000', '22 November 2026', 'How to verify this document', 'page 1 of', 'evidenced', 'claimed']) {
      expect(text, expected).toContain(expected);
    }
    for (const dutch of ['pagina', 'Scores per thema', 'aangetoond', 'Toelichting']) expect(text, dutch).not.toContain(dutch);
  });

  it.skipIf(!hasPoppler)('simplifies characters outside Windows-1252 and says so', async () => {
    const scan = exampleScan();
    scan.project.name = 'Ĳsselhal ≥ 2 bouwlagen ✓';
    scan.scan.answers.B1 = { level: 'l2', note: 'Staal ≥ 30% secundair; “ĳzersterk”' };
    const envelope = issue(scan, { locale: 'nl' });
    const path = tmpFile('report-sanitised.pdf', await buildReportPdf(envelope, zeelandDefinition));
    const text = pdftotext(path).replace(/\s+/g, ' ');
    expect(text).toContain('IJsselhal >= 2 bouwlagen v');
    expect(text).toContain('Staal >= 30% secundair; “ijzersterk”');
    expect(text).toContain('vereenvoudigd weergegeven');
    const extracted = await extractEnvelopeFromPdf(await buildReportPdf(envelope, zeelandDefinition));
    expect(extracted.ok && extracted.text).toContain('Ĳsselhal ≥ 2 bouwlagen ✓');
  });

  it.skipIf(!hasPoppler)('renders every page (pdftoppm) and lists the attachment (pdfdetach)', async () => {
    const path = tmpFile('render.pdf', await buildReportPdf(issue(exampleScan()), zeelandDefinition));
    const dir = mkdtempSync(join(tmpdir(), 'quickscan-render-'));
    execFileSync('pdftoppm', ['-png', '-r', '30', path, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(5);
    expect(execFileSync('pdfdetach', ['-list', path], { encoding: 'utf8' })).toContain('quickscan-envelope.json');
  });
});

describe('buildReportPdf with long and unusual content', () => {
  it('breaks long notes, long words, many evidence files, long history and empty fields over pages; still verifies', async () => {
    const { verifyFile } = await import('./verify');
    const { testRegistry } = await import('./fixtures/example');
    const scan = exampleScan();
    scan.project.name = 'Integraal kindcentrum en wijkvoorziening met sporthal, bibliotheek en zorgsteunpunt De Nieuwe Schelp te Goes-Oost (fase 2)';
    scan.project.client = '';
    scan.project.address = '';
    const long = 'Lange toelichting met veel woorden over losmaakbaarheid, hergebruik en materiaalpaspoorten. '.repeat(60);
    scan.scan.answers.C2 = {
      level: 'l2',
      note: `${long}\n\nhttps://example.org/${'zeer-lang-pad-zonder-spaties-'.repeat(12)}`,
      evidence: Array.from({ length: 30 }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        name: `bewijsstuk-${i}-met-een-lange-bestandsnaam-detail-gevelaansluiting-${'x'.repeat(i)}.pdf`,
        type: 'application/pdf',
        size: 1000 + i,
        sha256: 'ab'.repeat(32),
        addedAt: '2026-11-02T08:00:00.000Z',
      })),
    };
    const history = Array.from({ length: 60 }, (_, i) => ({
      revisionId: `11111111-0000-4000-8000-${String(i).padStart(12, '0')}`,
      referenceCode: 'QS-0000-0000-0000',
      contentHash: 'cd'.repeat(32),
      phase: 'SO' as const,
      issuedAt: '2026-01-01T00:00:00.000Z',
    }));
    const envelope = issue(scan, { input: { history, assumptions: long, exclusions: '', followUp: [] } });
    const bytes = await buildReportPdf(envelope, zeelandDefinition);
    const { info } = drawLayout1(envelope, zeelandDefinition);
    expect(info.pages).toBeGreaterThan(7);
    expect(bytes.length).toBeLessThan(300 * 1024);
    expect((await verifyFile(bytes, 'long.pdf', { registry: testRegistry })).status).toBe('valid');
    if (process.env.QUICKSCAN_KEEP_PDF) writeFileSync(process.env.QUICKSCAN_KEEP_PDF, bytes);
  });
});

describe('the QR code on the cover', () => {
  it('is drawn as vector squares that form exactly the QR matrix of "<reference code>;sha256=<content hash>"', async () => {
    const { pageContentText } = await import('./fixtures/tamper');
    const { create } = await import('qrcode/lib/core/qrcode.js');
    const envelope = issue(exampleScan());
    const cover = await pageContentText(await buildReportPdf(envelope, zeelandDefinition), 0);
    const block = /\n0 g\n([\s\S]*?)\nf\n/.exec(cover);
    expect(block).not.toBeNull();
    const rects = block![1]!.split('\n').map((line) => line.split(' ').slice(0, 4).map(Number) as [number, number, number, number]);
    const unit = rects[0]![3];
    const left = Math.min(...rects.map((r) => r[0]));
    const top = Math.max(...rects.map((r) => r[1] + r[3]));
    const drawn = new Set<string>();
    for (const [x, y, w, h] of rects) {
      expect(h).toBeCloseTo(unit, 1);
      const row = Math.round((top - (y + h)) / unit);
      const col = Math.round((x - left) / unit);
      for (let c = 0; c < Math.round(w / unit); c++) drawn.add(`${row},${col + c}`);
    }
    const qr = create(`${envelope.referenceCode};sha256=${envelope.contentHash}`, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let r = 0; r < qr.modules.size; r++) for (let c = 0; c < qr.modules.size; c++) if (qr.modules.get(r, c)) expected.add(`${r},${c}`);
    expect(drawn).toEqual(expected);
  });
});
