import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../forms/hash';
import { exampleScan, issue } from '../report/fixtures/example';
import { buildDossier, checkDossier, DOSSIER_MANIFEST, evidenceReferences, readDossierManifest } from './dossier';
import type { ScanFile } from './scan-file';
import { openZip, writeZip } from './zip';

const enc = (s: string) => new TextEncoder().encode(s);

/** The example scan with evidence files whose bytes exist (the example's hashes are made up). */
function withFiles(): { scan: ScanFile; files: Map<string, Uint8Array> } {
  const scan = exampleScan();
  const files = new Map<string, Uint8Array>();
  let n = 0;
  for (const answer of Object.values(scan.scan.answers)) {
    answer.evidence = answer.evidence?.map((e) => {
      const data = enc(`evidence file ${++n}: ${e.name}`);
      const sha256 = sha256Hex(data);
      files.set(sha256, data);
      return { ...e, size: data.length, sha256 };
    });
  }
  return { scan, files };
}

describe('evidence dossier', () => {
  const { scan, files } = withFiles();
  const envelope = issue(scan);
  const refs = evidenceReferences(envelope.content);

  it('holds every file the signed answers name, and a manifest bound to the revision', () => {
    expect(refs.length).toBeGreaterThan(2);
    const built = buildDossier(envelope, files);
    expect(built.missing).toEqual([]);
    expect(built.manifest.revision).toEqual({ referenceCode: envelope.referenceCode, contentHash: envelope.contentHash, revisionId: envelope.content.revisionId });
    expect(readDossierManifest(built.bytes)).toEqual(built.manifest);
    const check = checkDossier(envelope, built.bytes);
    expect(check.ok && check.revisionMatches).toBe(true);
    if (!check.ok) return;
    expect(check.files.map((f) => f.state)).toEqual(refs.map(() => 'supplied'));
    expect(new Set(check.supplied)).toEqual(new Set(refs.map((r) => r.sha256)));
  });

  it('tells supplied, not supplied and changed files apart, and takes nothing from another revision’s dossier', () => {
    const partial = new Map(files);
    partial.delete(refs[0]!.sha256);
    const built = buildDossier(envelope, partial);
    expect(built.missing.map((m) => m.sha256)).toEqual([refs[0]!.sha256]);
    const check = checkDossier(envelope, built.bytes);
    if (!check.ok) throw new Error(check.problem);
    expect(check.files.find((f) => f.sha256 === refs[0]!.sha256)!.state).toBe('not-supplied');

    // a file replaced after the dossier was made (manifest and path unchanged)
    const zip = openZip(built.bytes, { maxEntries: 100, maxUnzippedBytes: 1e8 });
    const manifest = JSON.parse(new TextDecoder().decode(zip.read(DOSSIER_MANIFEST, 1e7)!)) as { files: { path: string }[] };
    const victim = manifest.files[0]!.path;
    const entries = [...zip.entries.keys()].map((name) => ({ name, data: name === victim ? enc('another file') : zip.read(name, 1e7)! }));
    const changed = checkDossier(envelope, writeZip(entries));
    if (!changed.ok) throw new Error(changed.problem);
    expect(changed.files.filter((f) => f.state === 'mismatch')).toHaveLength(1);
    expect(changed.supplied).toHaveLength(refs.length - 2);

    // a dossier made for another revision: nothing counts
    const other = issue(scan, { input: { revisionId: '5e0c8a52-7d1e-4b9a-9c2f-5e6d7a8b9c77' } });
    const foreign = checkDossier(other, buildDossier(envelope, files).bytes);
    expect(foreign.ok && foreign.revisionMatches).toBe(false);
    if (foreign.ok) expect(foreign.supplied).toEqual([]);
  });

  it('refuses what is not a dossier, and hostile zips, with a code', () => {
    expect(checkDossier(envelope, enc('not a zip'))).toEqual({ ok: false, problem: 'not-a-zip' });
    expect(checkDossier(envelope, writeZip([{ name: 'x.txt', data: enc('x') }]))).toEqual({ ok: false, problem: 'no-manifest' });
    expect(checkDossier(envelope, writeZip([{ name: DOSSIER_MANIFEST, data: enc('{"format":"x"}') }])).ok).toBe(false);
    const truncated = buildDossier(envelope, files).bytes.slice(0, 200);
    expect(checkDossier(envelope, truncated)).toMatchObject({ ok: false });
  });
});
