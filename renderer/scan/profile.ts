import { parseProfileEnvelope, profileAppliesToMethod, profileIssues, verifyProfileEnvelope, type ProfileEnvelope } from '../../scoring/profile';
import { readSetting, removeSetting, writeSetting } from '../db/settings';
import type { MessageKey } from '../i18n';
import { getDefinition } from '../../forms/registry';
import type { LoadedMethod } from './engine';
import { jsonOfBytes } from '../../scoring/json-bytes';

const key = (scanId: string) => `profile:${scanId}`;
const isEnvelope = (value: unknown): value is ProfileEnvelope => parseProfileEnvelope(value).ok;

/** The tender requirement profile a bidder loaded into this scan, if any. */
export const readScanProfile = (scanId: string) => readSetting(key(scanId), isEnvelope);
export const writeScanProfile = (scanId: string, envelope: ProfileEnvelope) => writeSetting(key(scanId), envelope);
export const removeScanProfile = (scanId: string) => removeSetting(key(scanId));

export type ProfileFileResult =
  | { ok: true; envelope: ProfileEnvelope }
  /** `otherMethod`: the profile is intact and signed but names another method version, one this app has (built-in or loaded), so a scan can be started on it. */
  | { ok: false; error: MessageKey; otherMethod?: { envelope: ProfileEnvelope; method: LoadedMethod } };

/** Reads a profile file: intact, signed, and made for the method this scan uses. */
export function readProfileFile(bytes: Uint8Array, method: LoadedMethod): ProfileFileResult {
  const json = jsonOfBytes(bytes);
  if (!json.ok) return { ok: false, error: 'profile.error.unreadable' };
  const parsed = parseProfileEnvelope(json.value);
  if (!parsed.ok) return { ok: false, error: 'profile.error.unreadable' };
  const verification = verifyProfileEnvelope(parsed.envelope);
  if (!verification.dataIntact) return { ok: false, error: 'profile.error.altered' };
  if (!verification.signatureValid) return { ok: false, error: 'profile.error.signature' };
  const ref = { id: method.definition.id, version: method.definition.version, sha256: method.sha256 };
  if (!profileAppliesToMethod(parsed.envelope.content, ref)) {
    const named = parsed.envelope.content.method;
    const other = getDefinition(named.id, named.version);
    const usable = other && other.sha256 === named.sha256 && profileIssues(other.definition, parsed.envelope.content).length === 0;
    return { ok: false, error: 'profile.error.method', ...(usable ? { otherMethod: { envelope: parsed.envelope, method: other } } : {}) };
  }
  if (profileIssues(method.definition, parsed.envelope.content).length > 0) return { ok: false, error: 'profile.error.method' };
  return { ok: true, envelope: parsed.envelope };
}
