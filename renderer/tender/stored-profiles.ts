/**
 * The requirement profiles this user made last, kept in the `settings` table under
 * `tender:profiles` (an array of signed envelopes, newest first) so that they can be saved as a
 * file again. No schema change: the settings table holds any value under a key.
 */
import { readSetting, updateSetting } from '../db/settings';
import { parseProfileEnvelope, type ProfileEnvelope } from '../../scoring/profile';

export const STORED_PROFILES_KEY = 'tender:profiles';
/** How many profiles are kept; the oldest go first. */
export const MAX_STORED_PROFILES = 20;

const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

/**
 * The restore step for the stored list: every entry must still be a well-formed envelope;
 * anything else (an older or damaged entry) is skipped, never thrown on. Pure.
 */
export function restoreStoredProfiles(value: unknown): ProfileEnvelope[] {
  if (!isArray(value)) return [];
  const out: ProfileEnvelope[] = [];
  const ids = new Set<string>();
  for (const item of value) {
    const parsed = parseProfileEnvelope(item);
    if (!parsed.ok || ids.has(parsed.envelope.content.id)) continue;
    ids.add(parsed.envelope.content.id);
    out.push(parsed.envelope);
  }
  return out.slice(0, MAX_STORED_PROFILES);
}

/** The list with `envelope` first (replacing an entry with the same profile id), at most the maximum. Pure. */
export function withStoredProfile(list: readonly ProfileEnvelope[], envelope: ProfileEnvelope): ProfileEnvelope[] {
  return [envelope, ...list.filter((e) => e.content.id !== envelope.content.id)].slice(0, MAX_STORED_PROFILES);
}

export async function readStoredProfiles(): Promise<ProfileEnvelope[]> {
  return restoreStoredProfiles(await readSetting(STORED_PROFILES_KEY, isArray));
}

/** Read and write in one transaction, so that two tabs saving at once both keep their profile. */
export async function addStoredProfile(envelope: ProfileEnvelope): Promise<void> {
  await updateSetting(STORED_PROFILES_KEY, isArray, (stored) => withStoredProfile(restoreStoredProfiles(stored), envelope));
}

export async function removeStoredProfile(id: string): Promise<void> {
  await updateSetting(STORED_PROFILES_KEY, isArray, (stored) => restoreStoredProfiles(stored).filter((e) => e.content.id !== id));
}
