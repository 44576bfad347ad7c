/**
 * The source of the frozen layout-1 bundle (report/frozen/layout1.js). NOT used at run time:
 * `node scripts/freeze-layout1.mjs --write` bundles this entry with everything it calls (the
 * layout-1 and re-validation layout-1 builders, their strings and formatters, the scoring they
 * recompute, the envelope schema, and pinned copies of jsPDF 4.2.1, pdf-lib 1.17.1, qrcode 1.5.4,
 * fflate, pako, zod) into one self-contained ES module, whose SHA-256 report/frozen/frozen.test.ts
 * pins. Verification of layout-1 PDFs runs that bundle, so a later change to a live string,
 * an optimiser tie-break or a library version cannot change what a layout-1 PDF rebuilds to.
 *
 * The builders take the envelopes as parsed JSON (checked here by the frozen schema) so that
 * changes to the live envelope schema do not reach the frozen pages either.
 */
import type { QuickScanDefinition } from '../../forms/schema';
import { parseEnvelope, type IssuedEnvelope, type ReportLocale } from '../../scoring/issued';
import { buildLayout1 } from '../layout1-pdf';
import { buildRevalidationLayout1 } from '../revalidation-layout1-pdf';

function envelopeOf(json: unknown, which: string): IssuedEnvelope {
  const parsed = parseEnvelope(json);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new Error(`${which}: not a format-1 envelope (${first ? `${first.path ? `${first.path}: ` : ''}${first.code}` : 'invalid'})`);
  }
  if (parsed.envelope.report.layout !== 1 && which === 'envelope') throw new Error(`envelope: report layout ${parsed.envelope.report.layout}, not 1`);
  return parsed.envelope;
}

/** The PDF of an issued format-1 revision in report layout 1, byte for byte as issued. */
export async function buildLayout1Pdf(envelopeJson: unknown, definition: QuickScanDefinition): Promise<Uint8Array> {
  return buildLayout1(envelopeOf(envelopeJson, 'envelope'), definition);
}

/** The re-validation PDF (re-validation layout 1) of two format-1 revisions, byte for byte as made. */
export async function buildRevalidationLayout1Pdf(
  earlierJson: unknown,
  laterJson: unknown,
  definitions: { earlier: QuickScanDefinition; later: QuickScanDefinition },
  locale: ReportLocale,
): Promise<Uint8Array> {
  return buildRevalidationLayout1(envelopeOf(earlierJson, 'earlier'), envelopeOf(laterJson, 'later'), definitions, locale);
}

/** What the bundle contains, for messages and docs. */
export const FROZEN_LAYOUT1 = { layouts: [1], revalidationLayouts: [1], jspdf: '4.2.1', pdfLib: '1.17.1', qrcode: '1.5.4' } as const;
