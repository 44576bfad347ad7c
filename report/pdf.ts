/**
 * The PDF report of an issued revision: pages drawn by the builder of the envelope's layout
 * version, document metadata, and the envelope attached as `quickscan-envelope.json`, so the
 * PDF alone is enough to verify it (report/verify.ts).
 *
 * Deterministic: the same envelope (and definition) gives the same bytes in Node and in the
 * browser, now and later. Creation and modification dates are the revision's `issuedAt`, the
 * file id is derived from the content hash, nothing depends on the clock, the machine's time
 * zone, `Intl` or randomness. Verification relies on this: it rebuilds the PDF and compares bytes.
 *
 * Layout versions: `envelope.report.layout` names the builder. A released builder never changes
 * its output; a new look is a new layout number, and old builders stay so old PDFs still verify.
 * See docs/verifying.md.
 */
import type { QuickScanDefinition } from '../forms/schema';
import type { IssuedEnvelope, IssuedEnvelopeV2 } from '../scoring/issued';
import type { Layout2Options } from './revision/pdf';
import { VERIFIER_SHA256 } from './verifier-hash';

export type { Layout2Options } from './revision/pdf';

export { ENVELOPE_ATTACHMENT_NAME } from './attachments';

/** The layout of format-1 revisions (unsigned pages, rebuilt byte for byte by the frozen bundle). */
export const CURRENT_LAYOUT = 1;

/** The layout new (format-2) revisions are issued with: signed pages (PAdES), see {@link buildSignedReportPdf}. */
export const CURRENT_SIGNED_LAYOUT = 2;

export type LayoutBuilder = (envelope: IssuedEnvelope, definition: QuickScanDefinition) => Promise<Uint8Array>;

export class UnknownLayoutError extends Error {
  override readonly name = 'UnknownLayoutError';
  readonly layout: number;
  constructor(layout: number) {
    super(`report layout ${layout} is not known to this version of the app (known: ${Object.keys(LAYOUTS).join(', ')})`);
    this.layout = layout;
  }
}

/**
 * Layout 1, from the frozen bundle (report/frozen/layout1.js: jsPDF pages, then pdf-lib 1.17.1
 * adds metadata and the attachment), loaded on demand. Its bytes no longer depend on live code.
 */
async function buildLayout1(envelope: IssuedEnvelope, definition: QuickScanDefinition): Promise<Uint8Array> {
  const { buildLayout1Pdf } = await import('./frozen/layout1.js');
  return buildLayout1Pdf(envelope, definition);
}

/** Every layout this version can build, by number. Append only. */
export const LAYOUTS: Readonly<Record<number, LayoutBuilder>> = Object.freeze({ 1: buildLayout1 });

/**
 * The PDF of an issued revision: a deterministic function of the envelope and the definition
 * it names. Throws {@link UnknownLayoutError} for a layout this version does not know, and
 * scoring's `ScanInputError` when the answers do not fit the definition.
 */
export async function buildReportPdf(envelope: IssuedEnvelope, definition: QuickScanDefinition): Promise<Uint8Array> {
  const builder = LAYOUTS[envelope.report.layout];
  if (!builder) throw new UnknownLayoutError(envelope.report.layout);
  return builder(envelope, definition);
}

/**
 * The signed PDF of an issued format-2 revision (report layout 2, PAdES B-B): what the app
 * (renderer/issue) and `quickscan issue` call. `privateKey`: the assessor's ECDSA P-256 WebCrypto
 * key (`sign`; non-extractable in the app, `importP256SigningKey` from report/pades.ts in the CLI)
 * of `envelope.content.assessor.key`. Throws `SignedPdfError` (report/revision/pdf.ts) for a
 * layout other than 2, a key that is not P-256, or a private key of another key pair; scoring's
 * `ScanInputError` when the answers do not fit the definition. Loaded on demand (fonts, pkijs).
 * `options.verifierSha256` defaults to the standalone verifier's hash of this build.
 */
export async function buildSignedReportPdf(envelope: IssuedEnvelopeV2, definition: QuickScanDefinition, privateKey: CryptoKey, options: Layout2Options = {}): Promise<Uint8Array> {
  const { buildSignedRevisionPdf } = await import('./revision/pdf');
  // the SHA-256 of the standalone verifier built from these sources (a build-time constant of the
  // app and the CLI, report/verifier-hash.ts), printed in the verification section unless given
  return buildSignedRevisionPdf(envelope, definition, privateKey, { ...(VERIFIER_SHA256 ? { verifierSha256: VERIFIER_SHA256 } : {}), ...options });
}
