/**
 * Opening a requirement profile for evaluating bids (docs/tender-profiles.md, "Checking all bids
 * at once"): shape, content hash, signature, a method release this build knows (same SHA-256),
 * and every label, theme, question and level it names. A profile that fails any of these is not
 * used: the evaluator must ask the contracting authority for the original. Pure.
 */
import { getDefinition } from '../../forms/registry';
import type { QuickScanDefinition } from '../../forms/schema';
import {
  PROFILE_ENVELOPE_FORMAT,
  parseProfileEnvelope,
  profileIssues,
  verifyProfileEnvelope,
  type ProfileContent,
  type ProfileEnvelope,
  type ProfileIssue,
  type ProfileVerification,
} from '../../scoring/profile';
import { jsonOfBytes } from '../../scoring/json-bytes';
import type { FieldError } from '../../scoring/parse-json';

/** Largest profile file read (a real one is a few kB). */
export const MAX_PROFILE_BYTES = 2 * 1024 * 1024;

export interface LoadedProfile {
  readonly envelope: ProfileEnvelope;
  readonly content: ProfileContent;
  readonly verification: ProfileVerification;
  readonly definition: QuickScanDefinition;
}

export type ProfileLoadError =
  | { kind: 'too-large' }
  | { kind: 'not-json' }
  | { kind: 'not-profile'; errors: readonly FieldError[] }
  | { kind: 'altered' }
  | { kind: 'bad-signature' }
  | { kind: 'unknown-method'; id: string; version: string }
  | { kind: 'mismatch'; issues: readonly ProfileIssue[] };

export type ProfileLoadResult = { ok: true; profile: LoadedProfile } | { ok: false; error: ProfileLoadError };


/** Whether the bytes are JSON that says it is a requirement-profile envelope (whatever else is wrong). */
export function looksLikeProfile(bytes: Uint8Array): boolean {
  if (bytes.length > MAX_PROFILE_BYTES) return false;
  const decoded = jsonOfBytes(bytes);
  return decoded.ok && typeof decoded.value === 'object' && decoded.value !== null && (decoded.value as { format?: unknown }).format === PROFILE_ENVELOPE_FORMAT;
}

/** Checks an envelope that is already parsed (e.g. one made in this app) the same way. */
export function checkProfileEnvelope(envelope: ProfileEnvelope): ProfileLoadResult {
  const verification = verifyProfileEnvelope(envelope);
  if (!verification.dataIntact) return { ok: false, error: { kind: 'altered' } };
  if (!verification.signatureValid) return { ok: false, error: { kind: 'bad-signature' } };
  const { method } = envelope.content;
  let loaded;
  try {
    loaded = getDefinition(method.id, method.version);
  } catch {
    loaded = undefined;
  }
  if (!loaded || loaded.sha256 !== method.sha256) return { ok: false, error: { kind: 'unknown-method', id: method.id, version: method.version } };
  const issues = profileIssues(loaded.definition, envelope.content);
  if (issues.length > 0) return { ok: false, error: { kind: 'mismatch', issues } };
  return { ok: true, profile: { envelope, content: envelope.content, verification, definition: loaded.definition } };
}

/** Reads and checks a profile file. Never throws. */
export function loadProfile(bytes: Uint8Array): ProfileLoadResult {
  if (bytes.length > MAX_PROFILE_BYTES) return { ok: false, error: { kind: 'too-large' } };
  const decoded = jsonOfBytes(bytes);
  if (!decoded.ok) return { ok: false, error: { kind: 'not-json' } };
  const parsed = parseProfileEnvelope(decoded.value);
  if (!parsed.ok) return { ok: false, error: { kind: 'not-profile', errors: parsed.errors } };
  return checkProfileEnvelope(parsed.envelope);
}
