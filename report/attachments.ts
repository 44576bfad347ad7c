/** File names of the attachments inside QuickScan PDFs (shared by the builders, the frozen layout-1 bundle and verification). */

/** The signed envelope of an issued revision. */
export const ENVELOPE_ATTACHMENT_NAME = 'quickscan-envelope.json';

/** A re-validation PDF: the earlier and the later revision's envelopes, and the descriptor. */
export const REVALIDATION_EARLIER_ATTACHMENT = 'quickscan-envelope-earlier.json';
export const REVALIDATION_LATER_ATTACHMENT = 'quickscan-envelope-later.json';
export const REVALIDATION_DESCRIPTOR_ATTACHMENT = 'quickscan-revalidation.json';
