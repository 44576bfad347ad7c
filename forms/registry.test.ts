import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import mini from './fixtures/mini-definition.json';
import releasesManifest from './definitions/releases.json';
import { canonicalJson, sha256Hex } from './hash';
import {
  compareSemver,
  createRegistry,
  definitionHash,
  getDefinition,
  identifyDefinition,
  latestDefinition,
  listReleases,
  registry,
  type DefinitionRegistry,
} from './registry';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests build variants of untyped JSON */

const MINI_SHA = definitionHash(mini);

function variant(version: string, change: (d: any) => void = () => {}): any {
  const d = structuredClone(mini) as any;
  d.version = version;
  change(d);
  return d;
}

function registryOf(files: unknown[]): DefinitionRegistry {
  return createRegistry(files, {
    releases: files.map((f: any) => ({ id: f.id, version: f.version, sha256: definitionHash(f) })),
  });
}

describe('definitionHash', () => {
  it('is the SHA-256 of the canonical JSON, and does not depend on key order or formatting', () => {
    expect(MINI_SHA).toMatch(/^[0-9a-f]{64}$/);
    expect(MINI_SHA).toBe(sha256Hex(canonicalJson(mini)));
    const reordered = Object.fromEntries(Object.entries(structuredClone(mini)).reverse());
    expect(definitionHash(reordered)).toBe(MINI_SHA);
    expect(definitionHash(JSON.parse(JSON.stringify(mini, null, 4)))).toBe(MINI_SHA);
  });

  it('changes with any change in content', () => {
    expect(definitionHash(variant(mini.version, (d) => (d.questions[0].help.en += '.')))).not.toBe(MINI_SHA);
  });
});

describe('createRegistry (on the fixture)', () => {
  const r = registryOf([mini, variant('0.2.0'), variant('0.10.0'), variant('1.0.0-rc.1')]);

  it('lists releases sorted by version', () => {
    expect(r.listReleases().map((e) => e.version)).toEqual(['0.1.0', '0.2.0', '0.10.0', '1.0.0-rc.1']);
    expect(r.listReleases()[0]).toEqual({ id: 'mini-quickscan', version: '0.1.0', sha256: MINI_SHA });
  });

  it('loads a definition by id and version, validated and with its hash', () => {
    const loaded = r.getDefinition('mini-quickscan', '0.1.0');
    expect(loaded?.sha256).toBe(MINI_SHA);
    expect(loaded?.definition).toEqual(mini);
    expect(r.getDefinition('mini-quickscan', '9.9.9')).toBeUndefined();
    expect(r.getDefinition('other', '0.1.0')).toBeUndefined();
  });

  it('hands out deeply frozen definitions, the same object every time', () => {
    const a = r.getDefinition('mini-quickscan', '0.1.0')!;
    expect(r.getDefinition('mini-quickscan', '0.1.0')).toBe(a);
    expect(Object.isFrozen(a.definition)).toBe(true);
    expect(Object.isFrozen(a.definition.questions[0]!.levels[0]!.cost)).toBe(true);
    expect(() => {
      (a.definition.questions[0]!.levels[0]!.cost as any).low = 5;
    }).toThrow(TypeError);
    // The statically imported JSON itself is left alone.
    expect(Object.isFrozen(mini)).toBe(false);
  });

  it('gives the latest release, skipping pre-releases unless asked', () => {
    expect(r.latestDefinition('mini-quickscan')?.definition.version).toBe('0.10.0');
    expect(r.latestDefinition('mini-quickscan', { includePrerelease: true })?.definition.version).toBe('1.0.0-rc.1');
    expect(r.latestDefinition('nope')).toBeUndefined();
  });

  it('identifies a release, also when its keys are in another order', () => {
    const copy = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(mini).reverse()))) as unknown;
    const identity = r.identifyDefinition(copy);
    expect(identity).toMatchObject({ status: 'release', id: 'mini-quickscan', version: '0.1.0', sha256: MINI_SHA });
    if (identity.status === 'release') expect(identity.definition).toEqual(mini);
  });

  it('identifies an altered copy of a release', () => {
    const altered = variant('0.1.0', (d) => (d.questions[1].levels[2].points = 4));
    expect(r.identifyDefinition(altered)).toEqual({
      status: 'altered',
      id: 'mini-quickscan',
      version: '0.1.0',
      sha256: definitionHash(altered),
      expectedSha256: MINI_SHA,
    });
  });

  it('says unknown for an unreleased version, another id, or something else', () => {
    expect(r.identifyDefinition(variant('0.3.0'))).toMatchObject({
      status: 'unknown',
      id: 'mini-quickscan',
      version: '0.3.0',
      sha256: definitionHash(variant('0.3.0')),
    });
    expect(r.identifyDefinition({ ...mini, id: 'other-scan' })).toMatchObject({ status: 'unknown', id: 'other-scan' });
    expect(r.identifyDefinition(null)).toMatchObject({ status: 'unknown', reason: 'no-id-version' });
    expect(r.identifyDefinition({ id: 'x' })).toMatchObject({ status: 'unknown', id: 'x' });
    expect(r.identifyDefinition({ ...mini, bad: Number.NaN })).toMatchObject({
      status: 'unknown',
      reason: 'not-plain-json',
    });
  });

  it('verifies all releases', () => {
    expect(r.verifyReleases()).toEqual([]);
  });
});

describe('createRegistry guards', () => {
  it('fails loudly when a released file no longer matches its manifest hash', () => {
    const edited = variant('0.1.0', (d) => (d.title.en = 'Edited after release'));
    const r = createRegistry([edited], { releases: [{ id: 'mini-quickscan', version: '0.1.0', sha256: MINI_SHA }] });
    const problems = r.verifyReleases();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ id: 'mini-quickscan', version: '0.1.0', actualSha256: definitionHash(edited) });
    expect(problems[0]!.message).toMatch(/mini-quickscan@0\.1\.0 does not match releases\.json/);
    expect(() => r.getDefinition('mini-quickscan', '0.1.0')).toThrow(/A released file must never change/);
    expect(() => r.identifyDefinition(mini)).not.toThrow(); // the original is still recognised by hash
    expect(r.identifyDefinition(mini).status).toBe('release');
  });

  it('refuses to hand out an invalid release', () => {
    const invalid = variant('0.1.0', (d) => (d.themes[0].weight = 0));
    const r = registryOf([invalid]);
    expect(r.verifyReleases()[0]!.message).toMatch(/is not a valid definition:\n- themes\[0\] "A"\.weight: too-small/);
    expect(() => r.getDefinition('mini-quickscan', '0.1.0')).toThrow(/not a valid definition/);
  });

  it('refuses a file that is not in the manifest, and tells the hash to add', () => {
    expect(() => createRegistry([mini], { releases: [] })).toThrow(
      `released definition mini-quickscan@0.1.0 is not listed in forms/definitions/releases.json; add { "id": "mini-quickscan", "version": "0.1.0", "sha256": "${MINI_SHA}" }`,
    );
  });

  it('refuses a manifest entry without a file, duplicates and a malformed manifest', () => {
    const entry = { id: 'mini-quickscan', version: '0.1.0', sha256: MINI_SHA };
    expect(() => createRegistry([], { releases: [entry] })).toThrow(/lists mini-quickscan@0\.1\.0, but no such file/);
    expect(() => createRegistry([mini], { releases: [entry, entry] })).toThrow(/lists mini-quickscan@0\.1\.0 twice/);
    expect(() => createRegistry([mini, mini], { releases: [entry] })).toThrow(/registered twice/);
    expect(() => createRegistry([mini], { releases: [{ ...entry, sha256: 'ABC' }] })).toThrow(/releases\.json is malformed/);
    expect(() => createRegistry([mini], [])).toThrow(/releases\.json is malformed/);
    expect(() => createRegistry([{ title: 'x' }], { releases: [] })).toThrow(/#0 has no string id and version/);
  });
});

describe('compareSemver', () => {
  it('orders by SemVer precedence', () => {
    const ordered = ['0.9.0', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.2.0', '1.10.0', '2.0.0'];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareSemver)).toEqual(ordered);
    expect(compareSemver('1.0.0+build.1', '1.0.0')).toBe(0);
    expect(() => compareSemver('1.0', '1.0.0')).toThrow(/not a semantic version/);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* The released definitions of this build                                                     */
/* ------------------------------------------------------------------------------------------ */

const definitionsDir = fileURLToPath(new URL('./definitions/', import.meta.url));

/** Every `<id>/<version>.json` under forms/definitions/. */
function releasedFilesOnDisk(): { id: string; version: string; json: unknown }[] {
  const found: { id: string; version: string; json: unknown }[] = [];
  for (const dir of readdirSync(definitionsDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(`${definitionsDir}${dir.name}`)) {
      if (!file.endsWith('.json')) continue;
      const json = JSON.parse(readFileSync(`${definitionsDir}${dir.name}/${file}`, 'utf8')) as unknown;
      found.push({ id: dir.name, version: file.slice(0, -'.json'.length), json });
    }
  }
  return found;
}

describe('the released definitions (forms/definitions/)', () => {
  it('match their pinned hashes in releases.json and are valid', () => {
    const problems = registry.verifyReleases();
    const report = problems
      .map((p) => `${p.message}\n  hash now: ${p.actualSha256 ?? '(none)'}`)
      .join('\n\n');
    expect(problems, `Released definitions changed or broken:\n\n${report}`).toEqual([]);
  });

  it('every file on disk is registered and listed, under its own id and version', () => {
    const onDisk = releasedFilesOnDisk();
    const missing: string[] = [];
    for (const { id, version, json } of onDisk) {
      const sha256 = definitionHash(json);
      const fields = json as { id?: unknown; version?: unknown };
      expect(fields.id, `forms/definitions/${id}/${version}.json has id ${String(fields.id)}`).toBe(id);
      expect(fields.version, `forms/definitions/${id}/${version}.json has version ${String(fields.version)}`).toBe(version);
      if (!listReleases().some((e) => e.id === id && e.version === version)) {
        missing.push(
          `forms/definitions/${id}/${version}.json is not registered: add { "id": "${id}", "version": "${version}", "sha256": "${sha256}" } to forms/definitions/releases.json and import the file in RELEASED_FILES in forms/registry.ts`,
        );
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
    expect(listReleases()).toHaveLength(onDisk.length);
    expect(listReleases()).toHaveLength((releasesManifest as { releases: unknown[] }).releases.length);
  });

  it('every release can be loaded, and is identified as a release', () => {
    for (const entry of listReleases()) {
      const loaded = getDefinition(entry.id, entry.version);
      expect(loaded?.sha256).toBe(entry.sha256);
      expect(identifyDefinition(loaded?.definition).status).toBe('release');
    }
  });

  it('zeeland-quickscan 1.0.0 is released, pinned and loadable', () => {
    const zeeland = new URL('./definitions/zeeland-quickscan/1.0.0.json', import.meta.url);
    const loaded = getDefinition('zeeland-quickscan', '1.0.0');
    expect(loaded, 'zeeland-quickscan 1.0.0 is not in the registry').toBeDefined();
    expect(loaded!.definition.id).toBe('zeeland-quickscan');
    expect(loaded!.definition.version).toBe('1.0.0');
    expect(loaded!.sha256).toBe('491e9bb46a72d1de90c799357857bb62ec6f0d2120efd15831b1e6b1d7319687');
    expect(latestDefinition('zeeland-quickscan')?.definition.version).toBe('1.0.0');
    const onDisk = JSON.parse(readFileSync(zeeland, 'utf8')) as unknown;
    expect(identifyDefinition(onDisk)).toMatchObject({ status: 'release', sha256: loaded!.sha256 });
    const altered = structuredClone(onDisk) as { questions: { levels: { points: number }[] }[] };
    altered.questions[0]!.levels[1]!.points += 1;
    expect(identifyDefinition(altered)).toMatchObject({ status: 'altered', expectedSha256: loaded!.sha256 });
  });
});
