/**
 * Methods the user loads from signed method files: checked with every rule (scoring/method-file.ts),
 * kept for ever (renderer/db/methods.ts), and registered at start so the registry serves them
 * beside the built-in releases. Returns codes; the Settings screen words them.
 */
import { getDefinition, listLoadedMethods, listReleases, registerLoadedMethod, type LoadedMethodInfo, type RegisterProblem } from '../../forms/registry';
import type { DefinitionError, QuickScanDefinition } from '../../forms/schema';
import { assessMethodPublisher, isMethodFileJson, verifyMethodFile, type MethodFileProblem, type VerifiedMethodFile } from '../../scoring/method-file';
import type { TrustAnchors } from '../../scoring/trust';
import { loadTrust } from '../issue/anchors';
import { addStoredMethodFile, listStoredMethodFiles } from '../db/methods';
import { jsonOfBytes } from '../../scoring/json-bytes';

/** A method the app can score with: a built-in release or a loaded (signed) method. */
export interface AvailableMethod {
  /** `id@version`. */
  key: string;
  definition: QuickScanDefinition;
  sha256: string;
  /** Absent for a built-in release. */
  loaded?: LoadedMethodInfo | undefined;
}

/** Every method this app can score with: the built-in releases, then the loaded methods. */
export function availableMethods(): AvailableMethod[] {
  const builtIn = listReleases().flatMap((r) => {
    const d = getDefinition(r.id, r.version);
    return d ? [{ key: `${r.id}@${r.version}`, definition: d.definition, sha256: r.sha256 }] : [];
  });
  const loaded = listLoadedMethods().map((l) => ({ key: `${l.definition.id}@${l.definition.version}`, definition: l.definition, sha256: l.sha256, loaded: l.loaded }));
  return [...builtIn, ...loaded];
}

export function infoOf(method: VerifiedMethodFile): LoadedMethodInfo {
  return {
    publisherName: method.publisher.name,
    publisherOrganisation: method.publisher.organisation,
    publisherFingerprint: method.publisherFingerprint,
    released: method.released,
    signedAt: method.signedAt,
    file: method.file,
  };
}

/** Registers every stored method file that still verifies; returns how many did not. */
export async function loadStoredMethods(): Promise<{ loaded: number; skipped: number }> {
  let loaded = 0;
  let skipped = 0;
  for (const stored of await listStoredMethodFiles()) {
    const check = verifyMethodFile(stored.file);
    if (!check.ok || check.method.sha256 !== stored.sha256 || !registerLoadedMethod(check.method.definition, check.method.sha256, infoOf(check.method)).ok) {
      skipped += 1;
      continue;
    }
    loaded += 1;
  }
  return { loaded, skipped };
}

export type MethodImportResult =
  | { ok: true; method: VerifiedMethodFile; alreadyLoaded: boolean }
  | { ok: false; problem: MethodFileProblem | RegisterProblem | 'not-json' | 'not-a-method-file'; /** The first rule the definition breaks (worded by report/input-strings.ts definitionErrorText). */ rule?: DefinitionError };

/** Reads, checks, keeps and registers a signed method file. */
export async function importMethodFile(bytes: Uint8Array): Promise<MethodImportResult> {
  const read = jsonOfBytes(bytes);
  if (!read.ok) return { ok: false, problem: 'not-json' };
  const json = read.value;
  if (!isMethodFileJson(json)) return { ok: false, problem: 'not-a-method-file' };
  const check = verifyMethodFile(json);
  if (!check.ok) return { ok: false, problem: check.problem, ...(check.definitionErrors?.[0] ? { rule: check.definitionErrors[0] } : {}) };
  const m = check.method;
  const before = getDefinition(m.definition.id, m.definition.version);
  const registered = registerLoadedMethod(m.definition, m.sha256, infoOf(m));
  if (!registered.ok) return { ok: false, problem: registered.problem };
  await addStoredMethodFile({ key: `${m.definition.id}@${m.definition.version}`, sha256: m.sha256, file: m.file, addedAt: new Date().toISOString() });
  return { ok: true, method: m, alreadyLoaded: before !== undefined };
}

/** The user's trust anchors: the keys they confirmed and the trust lists they loaded (renderer/issue/anchors.ts). */
export async function appTrustAnchors(): Promise<TrustAnchors> {
  return (await loadTrust()).anchors;
}

/** Whether the method's publisher is vouched for by the user's anchors (the one rule, assessSigner). */
export async function publisherTrusted(file: unknown): Promise<boolean> {
  const check = verifyMethodFile(file);
  if (!check.ok) return false;
  return assessMethodPublisher(check.method, await appTrustAnchors(), new Date()).finding.code === 'signer-trusted';
}
