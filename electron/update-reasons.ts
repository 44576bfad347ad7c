/** Why the app does or does not look for updates (updates.ts decides; Settings words each reason). */
export const UPDATE_REASONS = ['enabled', 'not-packaged', 'package-managed', 'unsigned', 'policy', 'not-configured', 'setting'] as const;
export type UpdateReason = (typeof UPDATE_REASONS)[number];
