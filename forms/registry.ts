/**
 * The registry of released QuickScan definitions. Every released version stays loadable by
 * id + version for ever, so that an old scan is always scored on the definition it was made with.
 *
 * Released files live at `forms/definitions/<id>/<version>.json` and are imported statically
 * below, so the registry works in the browser bundle and in the CLI bundle without file access.
 * `forms/definitions/releases.json` pins each release to the SHA-256 of its canonical JSON; a
 * released file that no longer matches fails `forms/registry.test.ts` (and throws at load).
 * How to add a release: docs/authoring-definitions.md.
 */
import * as z from 'zod';
import { canonicalHash, CanonicalJsonError } from './hash';
import {
  DEFINITION_ID_PATTERN,
  SEMVER_PATTERN,
  formatDefinitionErrors,
  validateDefinition,
  type QuickScanDefinition,
} from './schema';
import releasesManifest from './definitions/releases.json';
import zeeland100 from './definitions/zeeland-quickscan/1.0.0.json';
import open100 from './definitions/open-quickscan/1.0.0.json';

/**
 * The released definition files, one static import per release. Add a line here (and an entry
 * in releases.json) for each new release; never remove one.
 */
const RELEASED_FILES: readonly unknown[] = [zeeland100, open100];

/**
 * The method new scans and profiles use: the newest release of this id. `open-quickscan`
 * succeeds `zeeland-quickscan` 1.0.0 with the same questions and scores, named for what it is:
 * an independent open method after the Zeeland network's approach (docs/authoring-definitions.md).
 */
export const DEFAULT_METHOD_ID = 'open-quickscan';

/* ------------------------------------------------------------------------------------------ */

export interface ReleaseEntry {
  id: string;
  version: string;
  /** Lower-case hex SHA-256 of the definition's canonical JSON (RFC 8785). */
  sha256: string;
}

export interface LoadedDefinition {
  /** The validated definition, deeply frozen: copy it before changing anything. */
  definition: QuickScanDefinition;
  sha256: string;
  /**
   * Where it came from: absent for a built-in release; for a method the user loaded (a signed
   * method file, scoring/method-file.ts) what the caller registered with it (publisher, key).
   */
  loaded?: LoadedMethodInfo;
}

/** What the registry keeps about a loaded (not built-in) method, for showing and re-checking. */
export interface LoadedMethodInfo {
  publisherName: string;
  publisherOrganisation: string;
  publisherFingerprint: string;
  released: string;
  signedAt: string;
  /** The signed method file itself (parsed JSON), so it can be carried in a revision. */
  file: unknown;
}

/** Why a loaded method could not be registered. */
export type RegisterProblem =
  /** Same id and version as a built-in release: built-ins stay pinned by hash. */
  | 'conflicts-with-release'
  /** Same id and version as another loaded method with other content. */
  | 'conflicts-with-loaded';

export type DefinitionIdentity =
  /** id + version + hash match a release. */
  | { status: 'release'; id: string; version: string; sha256: string; definition: QuickScanDefinition }
  /** Same id + version as a release, but different content. */
  | { status: 'altered'; id: string; version: string; sha256: string; expectedSha256: string }
  /** Not a release this build knows (a newer or private definition, or not a definition at all). */
  | { status: 'unknown'; id?: string; version?: string; sha256?: string; reason: UnknownDefinitionReason };

/** Why a definition is not a known release: no id and version, not plain JSON (no canonical hash), or not a release of this build. */
export type UnknownDefinitionReason = 'no-id-version' | 'not-plain-json' | 'not-a-release';

/** A release whose file does not match the manifest (reported by `verifyReleases`). */
export interface ReleaseProblem {
  id: string;
  version: string;
  message: string;
  /** The hash the file has now, when it could be computed. */
  actualSha256?: string;
}

export interface DefinitionRegistry {
  listReleases(): ReleaseEntry[];
  getDefinition(id: string, version: string): LoadedDefinition | undefined;
  latestDefinition(id: string, options?: { includePrerelease?: boolean }): LoadedDefinition | undefined;
  identifyDefinition(json: unknown): DefinitionIdentity;
  /** Checks every release eagerly (hash and validity); an empty list means all is well. */
  verifyReleases(): ReleaseProblem[];
  /**
   * Adds a method the user loaded (already verified by the caller: scoring/method-file.ts), so
   * that getDefinition serves it beside the built-in releases. Idempotent for the same content.
   */
  registerLoaded(definition: QuickScanDefinition, sha256: string, info: LoadedMethodInfo): { ok: true } | { ok: false; problem: RegisterProblem };
  /** The loaded methods, sorted by id and version. */
  listLoaded(): LoadedDefinition[];
}

/* ------------------------------------------------------------------------------------------ */

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const releasesManifestSchema = z
  .object({
    $comment: z.string().optional(),
    releases: z.array(
      z
        .object({
          id: z.string().regex(DEFINITION_ID_PATTERN),
          version: z.string().regex(SEMVER_PATTERN),
          sha256: z.string().regex(SHA256_HEX, { error: 'invalid-sha256' }),
        })
        .strict(),
    ),
  })
  .strict();

/** SHA-256 (hex) of a definition's canonical JSON: the hash that pins a release. */
export function definitionHash(definition: unknown): string {
  return canonicalHash(definition);
}

/** Compares two semantic versions by SemVer 2.0.0 precedence (build metadata is ignored). */
export function compareSemver(a: string, b: string): number {
  const pa = SEMVER_PATTERN.exec(a);
  const pb = SEMVER_PATTERN.exec(b);
  if (!pa || !pb) throw new Error(`compareSemver: not a semantic version: ${JSON.stringify(pa ? b : a)}`);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return Math.sign(d);
  }
  const preA = pa[4];
  const preB = pb[4];
  if (preA === undefined || preB === undefined) {
    if (preA === preB) return 0;
    return preA === undefined ? 1 : -1; // a pre-release ranks below its release
  }
  const xs = preA.split('.');
  const ys = preB.split('.');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xNum = /^\d+$/.test(x);
    const yNum = /^\d+$/.test(y);
    if (xNum && yNum) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d > 0n ? 1 : -1;
    } else if (xNum !== yNum) {
      return xNum ? -1 : 1; // numeric identifiers rank below alphanumeric ones
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

function isPrerelease(version: string): boolean {
  return SEMVER_PATTERN.exec(version)?.[4] !== undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function idAndVersion(json: unknown): { id?: string; version?: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const { id, version } = json as Record<string, unknown>;
  return {
    ...(typeof id === 'string' ? { id } : {}),
    ...(typeof version === 'string' ? { version } : {}),
  };
}

const key = (id: string, version: string) => `${id}@${version}`;

/**
 * Builds a registry from released definition files (already parsed JSON) and the manifest.
 * Throws at once when the manifest is malformed or manifest and files do not correspond one to
 * one; hash mismatches are reported by `verifyReleases()` and thrown on first load.
 */
export function createRegistry(files: readonly unknown[], manifest: unknown): DefinitionRegistry {
  const parsedManifest = releasesManifestSchema.safeParse(manifest);
  if (!parsedManifest.success) {
    throw new Error(`releases.json is malformed: ${z.prettifyError(parsedManifest.error)}`);
  }
  const entries = new Map<string, ReleaseEntry>();
  for (const entry of parsedManifest.data.releases) {
    const k = key(entry.id, entry.version);
    if (entries.has(k)) throw new Error(`releases.json lists ${k} twice`);
    entries.set(k, { ...entry });
  }

  const raw = new Map<string, unknown>();
  files.forEach((file, index) => {
    const { id, version } = idAndVersion(file);
    if (id === undefined || version === undefined) {
      throw new Error(`released definition file #${index} has no string id and version`);
    }
    const k = key(id, version);
    if (raw.has(k)) throw new Error(`released definition ${k} is registered twice`);
    if (!entries.has(k)) {
      throw new Error(
        `released definition ${k} is not listed in forms/definitions/releases.json; add { "id": "${id}", "version": "${version}", "sha256": "${safeHash(file) ?? '?'}" }`,
      );
    }
    raw.set(k, file);
  });
  for (const k of entries.keys()) {
    if (!raw.has(k)) {
      throw new Error(`releases.json lists ${k}, but no such file is imported in forms/registry.ts`);
    }
  }

  const loaded = new Map<string, LoadedDefinition>();

  function check(entry: ReleaseEntry): { loaded?: LoadedDefinition; problem?: ReleaseProblem } {
    const k = key(entry.id, entry.version);
    const cached = loaded.get(k);
    if (cached) return { loaded: cached };
    const file = raw.get(k);
    const actual = safeHash(file);
    if (actual === undefined) {
      return { problem: { ...pick(entry), message: `released definition ${k} cannot be hashed (it is not plain JSON)` } };
    }
    if (actual !== entry.sha256) {
      return {
        problem: {
          ...pick(entry),
          actualSha256: actual,
          message:
            `released definition ${k} does not match releases.json: its sha256 is now ${actual}, ` +
            `releases.json says ${entry.sha256}. A released file must never change: undo the edit and ` +
            `release a new version instead (see docs/authoring-definitions.md).`,
        },
      };
    }
    const result = validateDefinition(file);
    if (!result.ok) {
      return {
        problem: {
          ...pick(entry),
          actualSha256: actual,
          message: `released definition ${k} is not a valid definition:\n${formatDefinitionErrors(result.errors)}`,
        },
      };
    }
    const value: LoadedDefinition = deepFreeze({ definition: result.definition, sha256: actual });
    loaded.set(k, value);
    return { loaded: value };
  }

  function load(entry: ReleaseEntry): LoadedDefinition {
    const { loaded: value, problem } = check(entry);
    if (problem) throw new Error(problem.message);
    return value as LoadedDefinition;
  }

  const loadedMethods = new Map<string, LoadedDefinition>();

  const sortedEntries = () =>
    [...entries.values()].sort((a, b) => (a.id === b.id ? compareSemver(a.version, b.version) : a.id < b.id ? -1 : 1));

  return {
    listReleases: () => sortedEntries().map((e) => ({ ...e })),

    getDefinition(id, version) {
      const entry = entries.get(key(id, version));
      return entry ? load(entry) : loadedMethods.get(key(id, version));
    },

    registerLoaded(definition, sha256, info) {
      const k = key(definition.id, definition.version);
      if (entries.has(k)) {
        return entries.get(k)!.sha256 === sha256 ? { ok: true } : { ok: false, problem: 'conflicts-with-release' };
      }
      const existing = loadedMethods.get(k);
      if (existing) return existing.sha256 === sha256 ? { ok: true } : { ok: false, problem: 'conflicts-with-loaded' };
      loadedMethods.set(k, deepFreeze({ definition: structuredClone(definition), sha256, loaded: structuredClone(info) }));
      return { ok: true };
    },

    listLoaded() {
      return [...loadedMethods.values()].sort((a, b) =>
        a.definition.id === b.definition.id ? compareSemver(a.definition.version, b.definition.version) : a.definition.id < b.definition.id ? -1 : 1,
      );
    },

    latestDefinition(id, options = {}) {
      const candidates = sortedEntries().filter(
        (e) => e.id === id && (options.includePrerelease === true || !isPrerelease(e.version)),
      );
      const last = candidates.at(-1);
      return last ? load(last) : undefined;
    },

    identifyDefinition(json) {
      const { id, version } = idAndVersion(json);
      if (id === undefined || version === undefined) {
        return { status: 'unknown', ...idAndVersion(json), reason: 'no-id-version' };
      }
      const sha256 = safeHash(json);
      if (sha256 === undefined) {
        return { status: 'unknown', id, version, reason: 'not-plain-json' };
      }
      const entry = entries.get(key(id, version));
      if (!entry) {
        return { status: 'unknown', id, version, sha256, reason: 'not-a-release' };
      }
      if (entry.sha256 !== sha256) {
        return { status: 'altered', id, version, sha256, expectedSha256: entry.sha256 };
      }
      // Same bytes as the release. Normally the registry's own copy is handed out; should that
      // copy be damaged (a failing registry test), the given JSON is the release itself.
      const own = check(entry).loaded;
      if (own) return { status: 'release', id, version, sha256, definition: own.definition };
      const given = validateDefinition(json);
      if (!given.ok) throw new Error(`release ${key(id, version)} is not a valid definition:\n${formatDefinitionErrors(given.errors)}`);
      return { status: 'release', id, version, sha256, definition: deepFreeze(given.definition) };
    },

    verifyReleases() {
      const problems: ReleaseProblem[] = [];
      for (const entry of sortedEntries()) {
        const { problem } = check(entry);
        if (problem) problems.push(problem);
      }
      return problems;
    },
  };
}

function pick(entry: ReleaseEntry): { id: string; version: string } {
  return { id: entry.id, version: entry.version };
}

function safeHash(json: unknown): string | undefined {
  try {
    return definitionHash(json);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return undefined;
    throw error;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* The app's registry                                                                         */
/* ------------------------------------------------------------------------------------------ */

/** The registry of this build's released definitions. */
export const registry: DefinitionRegistry = createRegistry(RELEASED_FILES, releasesManifest);

/** Every release: id, version and pinned sha256, sorted by id and version. */
export function listReleases(): ReleaseEntry[] {
  return registry.listReleases();
}

/** A released definition by id and version, or undefined if this build does not know it. */
export function getDefinition(id: string, version: string): LoadedDefinition | undefined {
  return registry.getDefinition(id, version);
}

/** The newest release of `id` (pre-releases only when asked), or undefined. */
export function latestDefinition(id: string, options?: { includePrerelease?: boolean }): LoadedDefinition | undefined {
  return registry.latestDefinition(id, options);
}

/** Adds a verified loaded method to the app's registry (see DefinitionRegistry.registerLoaded). */
export function registerLoadedMethod(definition: QuickScanDefinition, sha256: string, info: LoadedMethodInfo) {
  return registry.registerLoaded(definition, sha256, info);
}

/** The methods loaded into the app's registry (not the built-in releases). */
export function listLoadedMethods(): LoadedDefinition[] {
  return registry.listLoaded();
}

/** Says whether `json` is a known release, an altered copy of one, or unknown. */
export function identifyDefinition(json: unknown): DefinitionIdentity {
  return registry.identifyDefinition(json);
}
