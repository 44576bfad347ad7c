// Types of the frozen layout-1 bundle (report/frozen/layout1.js, generated from entry.ts).
import type { QuickScanDefinition } from '../../forms/schema';

export function buildLayout1Pdf(envelopeJson: unknown, definition: QuickScanDefinition): Promise<Uint8Array>;
export function buildRevalidationLayout1Pdf(
  earlierJson: unknown,
  laterJson: unknown,
  definitions: { earlier: QuickScanDefinition; later: QuickScanDefinition },
  locale: 'nl' | 'en',
): Promise<Uint8Array>;
export const FROZEN_LAYOUT1: { readonly layouts: readonly [1]; readonly revalidationLayouts: readonly [1]; readonly jspdf: '4.2.1'; readonly pdfLib: '1.17.1'; readonly qrcode: '1.5.4' };
