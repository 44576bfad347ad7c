/**
 * The same envelope gives the same PDF bytes in Chromium (browser builds of jsPDF, pdf-lib and
 * qrcode, the browser's own time zone and locale) as in Node; and a PDF made in Node verifies
 * in the browser. The same for a revision with a requirement profile and for a re-validation.
 * Skipped where no Chromium is installed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { sha256Hex } from '../forms/hash';
import { envelopeJsonText, historyEntryOf } from '../scoring/issued';
import { exampleIssueInput, exampleScan, issue, signProfile, zeelandDefinition } from './fixtures/example';
import { buildReportPdf } from './pdf';
import { buildRevalidationPdf } from './revalidation';
import { chromiumBinary } from './fixtures/tools';

// required in CI
const chromiumPath = chromiumBinary();

describe.skipIf(!chromiumPath)('in Chromium', () => {
  it('builds byte-identical PDFs and verifies a PDF made in Node', async () => {
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, 'fixtures/browser-entry.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.text;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      // a time zone and locale far from the Netherlands: the PDF must not depend on them
      const context = await browser.newContext({ timezoneId: 'Pacific/Auckland', locale: 'en-US' });
      const page = await context.newPage();
      await page.addScriptTag({ content: script });
      for (const locale of ['nl', 'en'] as const) {
        const envelope = issue(exampleScan(), { locale });
        const node = await buildReportPdf(envelope, zeelandDefinition);
        const inBrowser = await page.evaluate((json) => window.quickscanReport.buildHash(json), envelopeJsonText(envelope));
        expect(inBrowser).toEqual({ sha256: sha256Hex(node), length: node.length });
        const status = await page.evaluate((b64) => window.quickscanReport.verify(b64), Buffer.from(node).toString('base64'));
        expect(status).toBe('valid');

        // a revision with a requirement profile (the compliance page)
        const withProfile = issue(exampleScan(), { locale, input: { profile: signProfile() } });
        const nodeProfile = await buildReportPdf(withProfile, zeelandDefinition);
        expect(await page.evaluate((json) => window.quickscanReport.buildHash(json), envelopeJsonText(withProfile))).toEqual({ sha256: sha256Hex(nodeProfile), length: nodeProfile.length });

        // a re-validation of that revision at delivery
        const scan = exampleScan();
        scan.scan.answers.C1 = { level: 'l1', note: 'verlijmd' };
        const later = issue(scan, { locale, input: { revisionId: '5e0c8a52-7d1e-4b9a-9c2f-5e6d7a8b9c02', issuedAt: '2028-06-30T09:00:00.000Z', phase: 'delivery', history: [...exampleIssueInput().history, historyEntryOf(envelope)] } });
        const nodeRevalidation = await buildRevalidationPdf(envelope, later, { earlier: zeelandDefinition, later: zeelandDefinition }, locale);
        const browserRevalidation = await page.evaluate(([a, b, l]) => window.quickscanReport.buildRevalidationHash(a, b, l), [envelopeJsonText(envelope), envelopeJsonText(later), locale] as const);
        expect(browserRevalidation).toEqual({ sha256: sha256Hex(nodeRevalidation), length: nodeRevalidation.length });
        expect(await page.evaluate((b64) => window.quickscanReport.verify(b64), Buffer.from(nodeRevalidation).toString('base64'))).toBe('valid');
      }
    } finally {
      await browser.close();
    }
  }, 240_000);
});
