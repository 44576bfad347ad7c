/**
 * Re-validation layout 1 as a whole PDF: jsPDF pages (report/revalidation-layout1.ts), then
 * pdf-lib 1.17.1 adds metadata, both envelopes and the descriptor. FROZEN: this is a source of
 * the frozen layout-1 bundle (report/frozen/); the app and verification run the bundle.
 */
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { envelopeJsonText, type IssuedEnvelope, type ReportLocale } from '../scoring/issued';
import { REVALIDATION_DESCRIPTOR_ATTACHMENT, REVALIDATION_EARLIER_ATTACHMENT, REVALIDATION_LATER_ATTACHMENT } from './attachments';
import { drawRevalidationLayout1, revalidationLayout1Metadata, type RevalidationDefinitions } from './revalidation-layout1';
import { revalidationStrings } from './revalidation-strings';

function descriptorText(earlier: IssuedEnvelope, later: IssuedEnvelope, locale: ReportLocale, layout: number): string {
  const descriptor = {
    format: 'quickscan-revalidation',
    formatVersion: 1,
    locale,
    layout,
    earlier: { referenceCode: earlier.referenceCode, contentHash: earlier.contentHash },
    later: { referenceCode: later.referenceCode, contentHash: later.contentHash },
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

/** Layout 1: jsPDF pages (report/revalidation-layout1.ts), then pdf-lib adds metadata and the attachments. */
export async function buildRevalidationLayout1(earlier: IssuedEnvelope, later: IssuedEnvelope, definitions: RevalidationDefinitions, locale: ReportLocale): Promise<Uint8Array> {
  const { bytes } = drawRevalidationLayout1(earlier, later, definitions, locale);
  const date = new Date(Date.parse(later.content.issuedAt));
  const meta = revalidationLayout1Metadata(earlier, later, locale);
  const s = revalidationStrings[locale];
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setSubject(meta.subject);
  pdf.setAuthor(meta.author);
  pdf.setKeywords(meta.keywords);
  pdf.setCreator(meta.creator);
  pdf.setProducer(meta.producer);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  // in name order (a PDF name tree is sorted by key)
  const files: [string, string, string][] = [
    [REVALIDATION_EARLIER_ATTACHMENT, envelopeJsonText(earlier), s.attachmentEarlier],
    [REVALIDATION_LATER_ATTACHMENT, envelopeJsonText(later), s.attachmentLater],
    [REVALIDATION_DESCRIPTOR_ATTACHMENT, descriptorText(earlier, later, locale, 1), s.attachmentDescriptor],
  ];
  for (const [name, text, description] of files) {
    await pdf.attach(new TextEncoder().encode(text), name, {
      mimeType: 'application/json',
      description,
      creationDate: date,
      modificationDate: date,
      afRelationship: AFRelationship.Data,
    });
  }
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
