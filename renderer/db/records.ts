import { z } from 'zod';

export const phases = ['initiative', 'SO', 'VO', 'DO', 'TO', 'tender', 'execution', 'delivery', 'use'] as const;
export type Phase = (typeof phases)[number];

export const buildingTypes = [
  'housing_single',
  'housing_apartments',
  'office',
  'education',
  'healthcare',
  'sports',
  'industrial',
  'holiday',
  'recreation',
  'civic',
  'other',
] as const;
export type BuildingType = (typeof buildingTypes)[number];

export const projectKindValues = ['new_build', 'renovation', 'extension'] as const;

/** Zeeland's 13 municipalities, offered first; any other place may be typed. */
export const zeelandMunicipalities = [
  'Borsele', 'Goes', 'Hulst', 'Kapelle', 'Middelburg', 'Noord-Beveland', 'Reimerswaal',
  'Schouwen-Duiveland', 'Sluis', 'Terneuzen', 'Tholen', 'Veere', 'Vlissingen',
] as const;

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

export const circularBudgetSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('eur'), amountEur: z.number().finite().min(0) }).strict(),
  z.object({ mode: z.literal('pct'), pct: z.number().finite().min(0).max(100) }).strict(),
]);

/** A project as stored. Every read and import passes through restoreProject (restore.ts). */
export const projectRecordSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    address: z.string().max(300),
    municipality: z.string().max(100),
    client: z.string().max(200),
    buildingType: z.union([z.enum(buildingTypes), z.literal('')]),
    kind: z.enum(projectKindValues),
    phase: z.enum(phases),
    gfaM2: z.number().finite().positive().max(10_000_000).nullable(),
    constructionBudgetEur: z.number().finite().min(0).max(1e11).nullable(),
    circularBudget: circularBudgetSchema,
    createdAt: isoDate,
    updatedAt: isoDate,
    deletedAt: isoDate.nullable(),
  })
  .strict();

export type ProjectRecord = z.infer<typeof projectRecordSchema>;

export interface SettingRecord {
  key: string;
  value: unknown;
}
