import path from 'node:path';
import { z } from 'zod';
import { UPDATE_REASONS, type UpdateReason } from './update-reasons';

/**
 * When the app looks for updates (electron-updater, generic provider: a static HTTPS folder set at
 * build time, docs/packaging.md). One pure decision, tested in updates.test.ts; main.ts gathers the
 * facts and runs the updater only when `enabled`.
 */
export { UPDATE_REASONS, type UpdateReason };

export interface UpdateFeed {
  provider: string;
  url: string;
  /** Windows: the certificate subject names electron-updater checks each download's signature against. */
  hasPublisherName: boolean;
}

export interface UpdateFacts {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** resources/app-update.yml as read (electron-builder writes it only when a feed was configured), or null. */
  feed: UpdateFeed | null;
  /** The machine-wide policy file: undefined when there is none, its text when there is one. */
  policyText: string | undefined;
  /** The user's setting (Settings → Updates); on unless turned off. */
  setting: boolean;
}

export interface UpdateDecision {
  enabled: boolean;
  reason: UpdateReason;
  /** Whether the Settings switch can change anything on this installation. */
  userCanChange: boolean;
}

/** QUICKSCAN_UPDATES=off (also 0, false, no, disabled) turns update checks off for this process and its user. */
export const UPDATE_ENV = 'QUICKSCAN_UPDATES';
const OFF_WORDS = /^(off|0|false|no|disabled?)$/i;

const policySchema = z.object({ updates: z.enum(['off', 'on']).optional() }).passthrough();

/**
 * The policy file IT can deploy says `{ "updates": "off" }`. A file that exists but cannot be read
 * as such a policy also turns updates off: whoever put it there meant something, and failing closed
 * is the safe reading. `"on"` or no `updates` member leaves the choice to the user.
 */
export function policyTurnsUpdatesOff(policyText: string | undefined): boolean {
  if (policyText === undefined) return false;
  try {
    const parsed = policySchema.safeParse(JSON.parse(policyText.replace(/^\uFEFF/, '')));
    return !parsed.success || parsed.data.updates === 'off';
  } catch {
    return true;
  }
}

/** Where IT deploys the policy file on each platform (machine-wide, writable only by administrators). */
export function policyFilePath(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'QuickScan Circulair Bouwen', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/QuickScan Circulair Bouwen/policy.json';
  return '/etc/quickscan-circulair-bouwen/policy.json';
}

export function decideUpdates(facts: UpdateFacts): UpdateDecision {
  const blocked = (reason: UpdateReason): UpdateDecision => ({ enabled: false, reason, userCanChange: false });
  if (!facts.isPackaged) return blocked('not-packaged');
  // Linux: a deb (or any other package) is updated by its package manager, never by the app; an
  // AppImage carries no code signature the updater could check, so it is not updated either.
  if (facts.platform === 'linux') return blocked(facts.env.APPIMAGE ? 'unsigned' : 'package-managed');
  if (facts.platform !== 'win32' && facts.platform !== 'darwin') return blocked('package-managed');
  if (OFF_WORDS.test(facts.env[UPDATE_ENV] ?? '') || policyTurnsUpdatesOff(facts.policyText)) return blocked('policy');
  const feed = facts.feed;
  if (!feed || feed.provider !== 'generic' || !isHttpsUrl(feed.url)) return blocked('not-configured');
  // Windows: without a publisher name electron-updater would install an unsigned download. macOS:
  // Squirrel.Mac accepts only an update signed by the same Developer ID as the running app.
  if (facts.platform === 'win32' && !feed.hasPublisherName) return blocked('unsigned');
  if (!facts.setting) return { enabled: false, reason: 'setting', userCanChange: true };
  return { enabled: true, reason: 'enabled', userCanChange: true };
}

function isHttpsUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * Reads the few members of electron-builder's app-update.yml that the decision needs. The file is
 * flat YAML written by electron-builder (`provider: generic`, `url: …`, `publisherName:` + list).
 */
export function parseUpdateFeed(text: string): UpdateFeed | null {
  const value = (key: string) => {
    const match = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(text);
    if (!match) return undefined;
    return match[1]!.trim().replace(/^(['"])(.*)\1$/, '$2');
  };
  const provider = value('provider');
  const url = value('url');
  if (!provider || !url) return null;
  const publisher = value('publisherName');
  const hasPublisherName = publisher !== undefined && (publisher !== '' || /^publisherName:[ \t]*\r?\n[ \t]+-[ \t]*\S/m.test(text));
  return { provider, url, hasPublisherName };
}

/** The user's setting, stored in userData/update-settings.json. */
export const updateSettingSchema = z.object({ checkForUpdates: z.boolean() }).strict();

export function readUpdateSetting(text: string | undefined): boolean {
  if (text === undefined) return true;
  try {
    const parsed = updateSettingSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.checkForUpdates : true;
  } catch {
    return true;
  }
}

/** How often a running app checks again (the first check runs shortly after start). */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const FIRST_UPDATE_CHECK_DELAY_MS = 15_000;
