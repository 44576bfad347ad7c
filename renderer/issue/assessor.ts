import { z } from 'zod';
import { readSetting, writeSetting } from '../db/settings';

/** The assessor's profile, printed on every issued revision. */
export const assessorProfileSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    organisation: z.string().trim().max(200),
    role: z.string().trim().max(200),
    assessmentType: z.enum(['self', 'independent']),
  })
  .strict();
export type AssessorProfile = z.infer<typeof assessorProfileSchema>;

const isProfile = (value: unknown): value is AssessorProfile => assessorProfileSchema.safeParse(value).success;

export const readAssessorProfile = () => readSetting('assessor', isProfile);
export const writeAssessorProfile = (profile: AssessorProfile) => writeSetting('assessor', assessorProfileSchema.parse(profile));
