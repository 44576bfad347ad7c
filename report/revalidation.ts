/**
 * The re-validation report: an earlier issued revision (e.g. the one cited in the bid) against a
 * later one (e.g. at delivery) — both reference codes and phases, who re-validated, the theme
 * scores before and after, the label change, the downgrades with their reasons, promised versus
 * delivered and what changed per question (scoring/compare.ts `compareRevisions`).
 *
 * The PDF carries both signed envelopes as attachments (`quickscan-envelope-earlier.json`,
 * `quickscan-envelope-later.json`) and a small descriptor (`quickscan-revalidation.json`: the
 * language and the re-validation layout version; from layout 2 also the check of both revisions
 * when the report was made and the evidence files supplied), so it can be checked offline like
 * an issued PDF: report/verify.ts verifies each envelope and rebuilds this PDF to compare the bytes.
 *
 * Layouts: 1 (frozen, report/frozen/: format-1 revisions only, the words it was released with)
 * is kept so the re-validation PDFs made with it keep verifying; 2 (report/revalidation/, on the
 * shared report toolkit) is what new ones are made with, for revisions of format 1 and 2.
 *
 * Deterministic: the same two envelopes, definitions and language give the same bytes. Dates are
 * the later revision's `issuedAt`, the file id comes from both content hashes, nothing depends
 * on the clock, the time zone, `Intl` or randomness. Layout versions work as for issued PDFs
 * (docs/verifying.md): a released layout never changes; `REVALIDATION_LAYOUTS` is append only.
 */
import * as z from 'zod';
import type { QuickScanDefinition } from '../forms/schema';
import type { AnyIssuedEnvelope, ReportLocale } from '../scoring/issued';
import { ANY_REFERENCE_CODE_PATTERN, REFERENCE_CODE_PATTERN } from '../scoring/reference-code';
import type { Finding } from '../scoring/verdict';
import type { RevalidationChecks } from './revalidation/pages';

export type { RevalidationChecks } from './revalidation/pages';

export { REVALIDATION_DESCRIPTOR_ATTACHMENT, REVALIDATION_EARLIER_ATTACHMENT, REVALIDATION_LATER_ATTACHMENT } from './attachments';

/** The released definitions of the two revisions (the same object when they share a release). */
export interface RevalidationDefinitions {
  earlier: QuickScanDefinition;
  later: QuickScanDefinition;
}

/** The re-validation layout new reports are made with. */
export const CURRENT_REVALIDATION_LAYOUT = 2;

/** What a re-validation states beyond the two envelopes (layout 2 and later; layout 1 ignores it). */
export interface RevalidationOptions {
  /**
   * How both revisions verified when the report is made (report/verify.ts `findings` of each,
   * and when): page 1 prints each revision's verdict by scoring/verdict.ts. Omitted: the page says
   * they were not checked.
   */
  checks?: RevalidationChecks | null | undefined;
  /** SHA-256s of the later revision's evidence files at hand and matching (a checked dossier, the app's store). */
  supplied?: readonly string[] | undefined;
}

export type RevalidationLayoutBuilder = (
  earlier: AnyIssuedEnvelope,
  later: AnyIssuedEnvelope,
  definitions: RevalidationDefinitions,
  locale: ReportLocale,
  options: RevalidationOptions,
) => Promise<Uint8Array>;

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const text = (max: number) => z.string().max(max);

/** A finding as kept in a descriptor (scoring/verdict.ts `Finding`; codes this build does not know count as indeterminate). */
const findingSchema = z
  .object({
    code: text(80),
    fingerprint: text(80).optional(),
    anchor: z
      .union([
        z.object({ kind: z.literal('own'), label: text(500), fingerprint: text(80) }).strict(),
        z.object({ kind: z.literal('trust-list'), listId: text(80), name: text(500), sequence: z.number().int().min(0), operator: text(500), operatorFingerprint: text(80) }).strict(),
      ])
      .optional(),
    detail: text(1000).optional(),
    at: text(40).optional(),
    side: z.enum(['earlier', 'later']).optional(),
  })
  .strict();

const descriptorV1 = z
  .object({
    format: z.literal('quickscan-revalidation'),
    formatVersion: z.literal(1),
    locale: z.enum(['nl', 'en']),
    layout: z.number().int().min(1).max(1000),
    earlier: z.object({ referenceCode: z.string().regex(REFERENCE_CODE_PATTERN), contentHash: hash }).strict(),
    later: z.object({ referenceCode: z.string().regex(REFERENCE_CODE_PATTERN), contentHash: hash }).strict(),
  })
  .strict();

const descriptorV2 = z
  .object({
    format: z.literal('quickscan-revalidation'),
    formatVersion: z.literal(2),
    locale: z.enum(['nl', 'en']),
    layout: z.number().int().min(2).max(1000),
    earlier: z.object({ referenceCode: z.string().regex(ANY_REFERENCE_CODE_PATTERN), contentHash: hash }).strict(),
    later: z.object({ referenceCode: z.string().regex(ANY_REFERENCE_CODE_PATTERN), contentHash: hash }).strict(),
    checks: z
      .object({ at: z.iso.datetime({ offset: true }), earlier: z.array(findingSchema).max(200), later: z.array(findingSchema).max(200) })
      .strict()
      .nullable(),
    supplied: z.array(hash).max(10_000),
  })
  .strict();

/**
 * The descriptor attached as `quickscan-revalidation.json` (not signed: it says how the pages were
 * drawn and, from format 2, what the maker's check found). Format 1 with layout 1, format 2 with layout 2 on.
 */
export const revalidationDescriptorSchema = z.discriminatedUnion('formatVersion', [descriptorV1, descriptorV2]);

export type RevalidationDescriptor = z.infer<typeof revalidationDescriptorSchema>;

/** The options a descriptor records (what the pages were drawn with). */
export function revalidationOptionsOf(descriptor: RevalidationDescriptor): RevalidationOptions {
  return descriptor.formatVersion === 2 ? { checks: descriptor.checks as RevalidationChecks | null, supplied: descriptor.supplied } : {};
}

/** Findings of a revision's verification as a descriptor keeps them (without `side`, bounded). */
export function checksOf(at: string, earlier: readonly Finding[], later: readonly Finding[]): RevalidationChecks {
  const keep = (fs: readonly Finding[]) => fs.slice(0, 200).map(({ side: _side, ...f }) => (f.detail && f.detail.length > 1000 ? { ...f, detail: f.detail.slice(0, 1000) } : f));
  return { at, earlier: keep(earlier), later: keep(later) };
}

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

/** Thrown when a layout cannot show the revisions given (layout 1 knows only format 1). */
export class RevalidationFormatError extends Error {
  override readonly name = 'RevalidationFormatError';
}

/** Layout 1, from the frozen bundle (report/frozen/layout1.js), loaded on demand: format-1 revisions only. */
async function buildRevalidationLayout1(earlier: AnyIssuedEnvelope, later: AnyIssuedEnvelope, definitions: RevalidationDefinitions, locale: ReportLocale): Promise<Uint8Array> {
  if (earlier.formatVersion !== 1 || later.formatVersion !== 1) throw new RevalidationFormatError('re-validation layout 1 shows revisions of format 1 only; use layout 2');
  const { buildRevalidationLayout1Pdf } = await import('./frozen/layout1.js');
  return buildRevalidationLayout1Pdf(earlier, later, definitions, locale);
}

/** Layout 2, on the report toolkit (report/revalidation/): revisions of format 1 and 2. */
async function buildRevalidationLayout2(earlier: AnyIssuedEnvelope, later: AnyIssuedEnvelope, definitions: RevalidationDefinitions, locale: ReportLocale, options: RevalidationOptions): Promise<Uint8Array> {
  const { buildRevalidationLayout2: build } = await import('./revalidation/pdf');
  return build(earlier, later, definitions, locale, { checks: options.checks ?? null, supplied: options.supplied ?? [] });
}

/** Every re-validation layout this version can build, by number. Append only. */
export const REVALIDATION_LAYOUTS: Readonly<Record<number, RevalidationLayoutBuilder>> = Object.freeze({ 1: buildRevalidationLayout1, 2: buildRevalidationLayout2 });

/**
 * The re-validation PDF of two issued revisions, `earlier` (what was promised) against `later`
 * (what was delivered), in Dutch or English: a deterministic function of its arguments.
 *
 * `definitions` are the released definitions each revision names (the same object for both when
 * they share a release). Throws {@link RevalidationDefinitionError} when a definition's id or
 * version is not the one its revision names, {@link UnknownRevalidationLayoutError} for an
 * unknown `layout`, {@link RevalidationFormatError} for format-2 revisions in layout 1, and
 * scoring's `ScanInputError` when answers do not fit their definition.
 * The envelopes are not verified here: verify them first (report/verify.ts) and pass what that
 * found as `options.checks`, so the report states each revision's verdict.
 */
export async function buildRevalidationPdf(
  earlier: AnyIssuedEnvelope,
  later: AnyIssuedEnvelope,
  definitions: RevalidationDefinitions,
  locale: ReportLocale,
  layout: number = CURRENT_REVALIDATION_LAYOUT,
  options: RevalidationOptions = {},
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
  return builder(earlier, later, definitions, locale, options);
}
