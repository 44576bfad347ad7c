/**
 * The re-validation report: an earlier issued revision (e.g. the one cited in the bid) against a
 * later one (e.g. at delivery) — both reference codes and phases, who re-validated, the theme
 * scores before and after, the label change, the downgrades with their reasons, promised versus
 * delivered and what changed per question (scoring/compare.ts `compareRevisions`).
 *
 * The PDF carries both signed envelopes as attachments (`quickscan-envelope-earlier.json`,
 * `quickscan-envelope-later.json`) and a small descriptor (`quickscan-revalidation.json`: the
 * language and the re-validation layout version), so it can be checked offline like an issued
 * PDF: report/verify.ts verifies each envelope and rebuilds this PDF to compare the bytes.
 *
 * Deterministic: the same two envelopes, definitions and language give the same bytes. Dates are
 * the later revision's `issuedAt`, the file id comes from both content hashes, nothing depends
 * on the clock, the time zone, `Intl` or randomness. Layout versions work as for issued PDFs
 * (docs/verifying.md): a released layout never changes; `REVALIDATION_LAYOUTS` is append only.
 */
import * as z from 'zod';
import type { QuickScanDefinition } from '../forms/schema';
import type { IssuedEnvelope, ReportLocale } from '../scoring/issued';
import { REFERENCE_CODE_PATTERN } from '../scoring/reference-code';

export { REVALIDATION_DESCRIPTOR_ATTACHMENT, REVALIDATION_EARLIER_ATTACHMENT, REVALIDATION_LATER_ATTACHMENT } from './attachments';

/** The released definitions of the two revisions (the same object when they share a release). */
export interface RevalidationDefinitions {
  earlier: QuickScanDefinition;
  later: QuickScanDefinition;
}

/** The re-validation layout new reports are made with. */
export const CURRENT_REVALIDATION_LAYOUT = 1;

export type RevalidationLayoutBuilder = (
  earlier: IssuedEnvelope,
  later: IssuedEnvelope,
  definitions: RevalidationDefinitions,
  locale: ReportLocale,
) => Promise<Uint8Array>;

/** The descriptor attached as `quickscan-revalidation.json` (not signed: it only says how the pages were drawn). */
export const revalidationDescriptorSchema = z
  .object({
    format: z.literal('quickscan-revalidation'),
    formatVersion: z.literal(1),
    locale: z.enum(['nl', 'en']),
    layout: z.number().int().min(1).max(1000),
    earlier: z.object({ referenceCode: z.string().regex(REFERENCE_CODE_PATTERN), contentHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    later: z.object({ referenceCode: z.string().regex(REFERENCE_CODE_PATTERN), contentHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  })
  .strict();

export type RevalidationDescriptor = z.infer<typeof revalidationDescriptorSchema>;

export class UnknownRevalidationLayoutError extends Error {
  override readonly name = 'UnknownRevalidationLayoutError';
  constructor(readonly layout: number) {
    super(`re-validation layout ${layout} is not known to this version of the app (known: ${Object.keys(REVALIDATION_LAYOUTS).join(', ')})`);
  }
}

/** Thrown when a definition is not the one its revision names (id and version). */
export class RevalidationDefinitionError extends Error {
  override readonly name = 'RevalidationDefinitionError';
}

/** Layout 1, from the frozen bundle (report/frozen/layout1.js), loaded on demand. */
async function buildRevalidationLayout1(earlier: IssuedEnvelope, later: IssuedEnvelope, definitions: RevalidationDefinitions, locale: ReportLocale): Promise<Uint8Array> {
  const { buildRevalidationLayout1Pdf } = await import('./frozen/layout1.js');
  return buildRevalidationLayout1Pdf(earlier, later, definitions, locale);
}

/** Every re-validation layout this version can build, by number. Append only. */
export const REVALIDATION_LAYOUTS: Readonly<Record<number, RevalidationLayoutBuilder>> = Object.freeze({ 1: buildRevalidationLayout1 });

/**
 * The re-validation PDF of two issued revisions, `earlier` (what was promised) against `later`
 * (what was delivered), in Dutch or English: a deterministic function of its arguments.
 *
 * `definitions` are the released definitions each revision names (the same object for both when
 * they share a release). Throws {@link RevalidationDefinitionError} when a definition's id or
 * version is not the one its revision names, {@link UnknownRevalidationLayoutError} for an
 * unknown `layout`, and scoring's `ScanInputError` when answers do not fit their definition.
 * The envelopes are not verified here: verify them first (report/verify.ts).
 */
export async function buildRevalidationPdf(
  earlier: IssuedEnvelope,
  later: IssuedEnvelope,
  definitions: RevalidationDefinitions,
  locale: ReportLocale,
  layout: number = CURRENT_REVALIDATION_LAYOUT,
): Promise<Uint8Array> {
  const builder = REVALIDATION_LAYOUTS[layout];
  if (!builder) throw new UnknownRevalidationLayoutError(layout);
  for (const [which, env, def] of [
    ['earlier', earlier, definitions.earlier],
    ['later', later, definitions.later],
  ] as const) {
    if (def.id !== env.content.method.id || def.version !== env.content.method.version) {
      throw new RevalidationDefinitionError(
        `the ${which} revision is made with ${env.content.method.id} ${env.content.method.version}, the definition given is ${def.id} ${def.version}`,
      );
    }
  }
  return builder(earlier, later, definitions, locale);
}
