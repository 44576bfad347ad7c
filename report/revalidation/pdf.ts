/**
 * Re-validation layout 2 as a whole PDF: the pages (report/revalidation/pages.ts), then
 * @cantoo/pdf-lib adds metadata, both envelopes and the descriptor (`quickscan-revalidation.json`,
 * format version 2: language, layout, the check of both revisions when the report was made and
 * the evidence files that were supplied), so that verification can rebuild it byte for byte.
 */
import { AFRelationship, PDFDocument } from '@cantoo/pdf-lib';
import { sha256Hex } from '../../forms/hash';
import { anyEnvelopeJsonText, type AnyIssuedEnvelope, type ReportLocale } from '../../scoring/issued';
import { REVALIDATION_DESCRIPTOR_ATTACHMENT, REVALIDATION_EARLIER_ATTACHMENT, REVALIDATION_LATER_ATTACHMENT } from '../attachments';
import { drawRevalidationLayout2, revalidationLayout2Metadata, type RevalidationDefinitions, type RevalidationLayout2Input } from './pages';
import { revalidation2Strings } from './strings';

/** The descriptor of a layout-2 re-validation, as attached (members in this order). */
export function revalidationDescriptorV2(earlier: AnyIssuedEnvelope, later: AnyIssuedEnvelope, locale: ReportLocale, input: RevalidationLayout2Input): string {
  const descriptor = {
    format: 'quickscan-revalidation',
    formatVersion: 2,
    locale,
    layout: 2,
    earlier: { referenceCode: earlier.referenceCode, contentHash: earlier.contentHash },
    later: { referenceCode: later.referenceCode, contentHash: later.contentHash },
    checks: input.checks,
    supplied: [...new Set(input.supplied)].sort(),
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

/** Layout 2: toolkit pages, then metadata and the three attachments. Deterministic. */
export async function buildRevalidationLayout2(
  earlier: AnyIssuedEnvelope,
  later: AnyIssuedEnvelope,
  definitions: RevalidationDefinitions,
  locale: ReportLocale,
  input: RevalidationLayout2Input,
): Promise<Uint8Array> {
  const normalised: RevalidationLayout2Input = { checks: input.checks, supplied: [...new Set(input.supplied)].sort() };
  const fileId = sha256Hex(`quickscan-revalidation-2:${earlier.contentHash}:${later.contentHash}`).slice(0, 32);
  const { bytes } = drawRevalidationLayout2(earlier, later, definitions, locale, normalised, fileId);
  const date = new Date(Date.parse(later.content.issuedAt));
  const meta = revalidationLayout2Metadata(earlier, later, locale);
  const s = revalidation2Strings[locale];
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
    [REVALIDATION_EARLIER_ATTACHMENT, anyEnvelopeJsonText(earlier), s.attachmentEarlier],
    [REVALIDATION_LATER_ATTACHMENT, anyEnvelopeJsonText(later), s.attachmentLater],
    [REVALIDATION_DESCRIPTOR_ATTACHMENT, revalidationDescriptorV2(earlier, later, locale, normalised), s.attachmentDescriptor],
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
