/**
 * The same envelope gives the same PDF bytes in Chromium (browser builds of jsPDF, pdf-lib and
 * qrcode, the browser's own time zone and locale) as in Node; and a PDF made in Node verifies
 * in the browser. Skipped where no Chromium is installed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { sha256Hex } from '../forms/hash';
import { envelopeJsonText } from '../scoring/issued';
import { exampleScan, issue, zeelandDefinition } from './fixtures/example';
import { buildReportPdf } from './pdf';

const chromiumPath = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));

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
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
