/**
 * Report layout 1 as a whole PDF: jsPDF pages (report/layout1.ts), then pdf-lib 1.17.1 adds the
 * document metadata and attaches the envelope. FROZEN: this is a source of the frozen layout-1
 * bundle (report/frozen/); the app and verification run the bundle, not this module.
 */
import { AFRelationship, PDFDocument } from 'pdf-lib';
import type { QuickScanDefinition } from '../forms/schema';
import { envelopeJsonText, type IssuedEnvelope } from '../scoring/issued';
import { ENVELOPE_ATTACHMENT_NAME } from './attachments';
import { drawLayout1, layout1Metadata } from './layout1';
import { reportStrings } from './strings';

/** Layout 1: jsPDF pages (report/layout1.ts), then pdf-lib adds metadata and the attachment. */
export async function buildLayout1(envelope: IssuedEnvelope, definition: QuickScanDefinition): Promise<Uint8Array> {
  const { bytes } = drawLayout1(envelope, definition);
  const issued = new Date(Date.parse(envelope.content.issuedAt));
  const meta = layout1Metadata(envelope, definition);
  // updateMetadata: false keeps pdf-lib from writing its producer and the current date
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setSubject(meta.subject);
  pdf.setAuthor(meta.author);
  pdf.setKeywords(meta.keywords);
  pdf.setCreator(meta.creator);
  pdf.setProducer(meta.producer);
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  await pdf.attach(new TextEncoder().encode(envelopeJsonText(envelope)), ENVELOPE_ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: reportStrings[envelope.report.locale].attachmentDescription,
    creationDate: issued,
    modificationDate: issued,
    afRelationship: AFRelationship.Data,
  });
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
