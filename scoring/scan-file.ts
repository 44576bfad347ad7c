/**
 * The scan file (`*.quickscan.json`): the app's export format and the command line's input.
 * This zod schema is the source of truth; `docs/scan-file.schema.json` is generated from it
 * (see `scan-file.test.ts`; `UPDATE_SCHEMAS=1` rewrites it).
 */
import * as z from 'zod';
import { costIndicationSchema } from '../forms/schema';
import { parseJsonWith, type FieldError } from './parse-json';

/** A private metadata registry (titles/descriptions in the JSON Schema), as in forms/schema.ts. */
export const scanFileMetadata = z.registry<{ title?: string; description?: string }>();
function described<T extends z.ZodType>(schema: T, meta: { title?: string; description: string }): T {
  scanFileMetadata.add(schema, meta);
  return schema;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Euro amounts and areas: finite, at most 2 decimals. */
const twoDecimals = () => z.number().multipleOf(0.01);

export const evidenceRefSchema = described(
  z
  .object({
    id: z.uuid(),
    name: z.string().min(1),
    type: described(z.string().min(1), { description: 'MIME type, e.g. image/jpeg' }),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(SHA256_HEX, 'lowercase hex SHA-256'),
    addedAt: z.iso.datetime({ offset: true }),
  })
  .strict(),
  { description: 'A file kept as evidence for an answer; the file itself travels separately.' },
);

const answerCommon = {
  note: z.string().optional(),
  evidence: z.array(evidenceRefSchema).optional(),
};

export const levelAnswerSchema = z
  .object({ level: z.string().min(1), ...answerCommon })
  .strict();

export const notApplicableAnswerSchema = z
  .object({ notApplicable: z.literal(true), ...answerCommon })
  .strict();

export const answerSchema = z.union([levelAnswerSchema, notApplicableAnswerSchema]);

export const circularBudgetSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('eur'), amountEur: twoDecimals().nonnegative() }).strict(),
  z.object({ mode: z.literal('pct'), pct: twoDecimals().nonnegative().max(100) }).strict(),
]);

export const projectInputsSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    municipality: z.string(),
    client: z.string(),
    buildingType: z.string(),
    kind: z.enum(['new_build', 'renovation', 'extension']),
    phase: z.string(),
    gfaM2: described(twoDecimals().positive(), { description: 'Gross floor area (m²), > 0, at most 2 decimals.' }),
    constructionBudgetEur: twoDecimals().nonnegative(),
    circularBudget: circularBudgetSchema,
  })
  .strict();

export const costOverrideSchema = z
  .object({
    question: z.string().min(1),
    level: z.string().min(1),
    cost: costIndicationSchema,
  })
  .strict()
  .refine((o) => o.cost.low <= o.cost.high, { message: 'cost-low-above-high', path: ['cost', 'high'] });

export const scanFileSchema = described(
  z
  .object({
    format: z.literal('quickscan-scan'),
    formatVersion: z.literal(1),
    exportedAt: z.iso.datetime({ offset: true }),
    method: z
      .object({
        id: z.string().min(1),
        version: z.string().min(1),
        sha256: z.string().regex(SHA256_HEX, 'lowercase hex SHA-256 of the canonical JSON of the definition'),
      })
      .strict(),
    project: projectInputsSchema,
    scan: z
      .object({
        id: z.uuid(),
        name: z.string(),
        createdAt: z.iso.datetime({ offset: true }),
        updatedAt: z.iso.datetime({ offset: true }),
        answers: z.record(z.string().min(1), answerSchema),
        costOverrides: z.array(costOverrideSchema).optional(),
        locked: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .superRefine((scan, ctx) => {
        const seen = new Set<string>();
        (scan.costOverrides ?? []).forEach((o, i) => {
          const key = `${o.question}\u0000${o.level}`;
          if (seen.has(key)) {
            ctx.addIssue({ code: 'custom', path: ['costOverrides', i], message: 'duplicate-cost-override', params: { question: o.question, level: o.level } });
          }
          seen.add(key);
        });
        const locked = new Set<string>();
        (scan.locked ?? []).forEach((q, i) => {
          if (locked.has(q)) ctx.addIssue({ code: 'custom', path: ['locked', i], message: 'listed-twice', params: { value: q } });
          locked.add(q);
        });
      }),
  })
  .strict(),
  {
    title: 'QuickScan scan file',
    description: 'A QuickScan Circulair Bouwen scan: project inputs and answers on one definition version (*.quickscan.json).',
  },
);

export type ScanFile = z.infer<typeof scanFileSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type LevelAnswer = z.infer<typeof levelAnswerSchema>;
export type NotApplicableAnswer = z.infer<typeof notApplicableAnswerSchema>;
export type ProjectInputs = z.infer<typeof projectInputsSchema>;
export type CircularBudget = z.infer<typeof circularBudgetSchema>;
export type CostOverride = z.infer<typeof costOverrideSchema>;
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export type ScanFileError = FieldError;

export type ParseScanFileResult = { ok: true; file: ScanFile } | { ok: false; errors: ScanFileError[] };

/** Validates a scan file given as parsed JSON or as JSON text. Never throws. */
export function parseScanFile(json: unknown): ParseScanFileResult {
  const result = parseJsonWith(scanFileSchema, json);
  return result.ok ? { ok: true, file: result.value } : result;
}

/** The JSON Schema of the scan file, as committed in `docs/scan-file.schema.json`. */
export function scanFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scanFileSchema, {
    target: 'draft-2020-12',
    metadata: scanFileMetadata,
    io: 'input',
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $comment:
      'Generated from scoring/scan-file.ts; do not edit by hand (UPDATE_SCHEMAS=1 vitest run scoring/scan-file.test.ts rewrites it). Cross-field rules (unique cost overrides and locks, cost low <= high, at most 2 decimals) and the references to the definition are checked by parseScanFile and scoreScan.',
    ...rest,
  };
}

/** The committed file's text: 2-space-indented JSON with a final newline. */
export function scanFileJsonSchemaText(): string {
  return `${JSON.stringify(scanFileJsonSchema(), null, 2)}\n`;
}
