/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at untyped JSON on purpose */
import { describe, expect, it } from 'vitest';
import openMethod from '../forms/definitions/open-quickscan/1.0.0.json';
import { createRegistry, definitionHash, getDefinition } from '../forms/registry';
import { generatePrivateJwk, publicJwkOf } from './keys';
import {
  methodFileJsonText,
  packMethod,
  resolveMethod,
  signMethodFile,
  unpackMethod,
  verifyMethodFile,
  type MethodFile,
} from './method-file';
import { NO_ANCHORS, type TrustAnchors } from './trust';
import { decideVerdict } from './verdict';

const NOW = '2026-12-01T10:00:00.000Z';

/** A method of a publisher of its own: the built-in questions under another id. */
function publisherMethod(): any {
  const d = structuredClone(openMethod) as any;
  d.id = 'kennisnetwerk-noord';
  d.version = '2.0.0';
  d.publisher = 'Kennisnetwerk Circulair Noord';
  d.title = { nl: 'QuickScan Noord', en: 'QuickScan North' };
  delete d.notice;
  return d;
}

function signed(definition = publisherMethod()): { file: MethodFile; privateKey: ReturnType<typeof generatePrivateJwk> } {
  const privateKey = generatePrivateJwk('ES256');
  const file = signMethodFile(definition, { organisation: 'Stichting Noord', privateKey, publicKey: publicJwkOf(privateKey) }, '2026-12-01T09:00:00.000Z');
  return { file, privateKey };
}

describe('signed method files', () => {
  it('signs a definition and verifies it: publisher, version, release date, fingerprint', () => {
    const { file } = signed();
    const text = methodFileJsonText(file);
    const check = verifyMethodFile(text);
    if (!check.ok) throw new Error(check.problem);
    expect(check.method.definition.id).toBe('kennisnetwerk-noord');
    expect(check.method.sha256).toBe(definitionHash(publisherMethod()));
    expect(check.method.publisher).toMatchObject({ name: 'Kennisnetwerk Circulair Noord', organisation: 'Stichting Noord' });
    expect(check.method.released).toBe(openMethod.released);
    expect(check.method.publisherFingerprint).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it('refuses a changed definition, a forged signature and a definition that breaks a rule', () => {
    const { file } = signed();
    const altered = structuredClone(file) as any;
    altered.content.definition.questions[0].levels[1].points = 9;
    expect(verifyMethodFile(altered)).toMatchObject({ ok: false, problem: 'data-altered' });

    const other = signed().file;
    const forged = { ...structuredClone(file), signature: other.signature };
    expect(verifyMethodFile(forged)).toMatchObject({ ok: false, problem: 'signature-invalid' });

    expect(verifyMethodFile({ format: 'quickscan-method' })).toMatchObject({ ok: false, problem: 'malformed' });

    const broken = publisherMethod();
    broken.labels[1].minPerTheme = 1; // silver easier than bronze: labels must nest
    expect(() => signed(broken)).toThrow(/not valid/);
  });

  it('travels packed inside a revision and comes back byte for byte', () => {
    const { file } = signed();
    const packed = packMethod(file);
    expect(packed.length).toBeLessThan(methodFileJsonText(file).length / 3);
    expect(unpackMethod(packed)).toEqual(JSON.parse(methodFileJsonText(file)));
    expect(unpackMethod('not deflate')).toBeUndefined();
  });
});

describe('resolveMethod (the method finding of a verification)', () => {
  const ref = () => ({ id: 'kennisnetwerk-noord', version: '2.0.0', sha256: definitionHash(publisherMethod()) });

  it('recomputes from the carried method when the verifier never saw it; trusted publisher → method-known', () => {
    const { file } = signed();
    const untrusted = resolveMethod(ref(), undefined, packMethod(file), NO_ANCHORS, NOW);
    expect(untrusted.definition?.id).toBe('kennisnetwerk-noord');
    expect(untrusted.source).toBe('carried');
    expect(untrusted.findings[0]).toMatchObject({ code: 'method-publisher-untrusted' });

    const anchors: TrustAnchors = { keys: [{ key: file.content.publisher.key, label: 'Noord', roles: ['method-publisher'] }], lists: [] };
    const trusted = resolveMethod(ref(), undefined, packMethod(file), anchors, NOW);
    expect(trusted.findings[0]).toMatchObject({ code: 'method-known', anchor: { kind: 'own', label: 'Noord' } });

    // a key trusted as an assessor only does not vouch for methods
    const assessorOnly: TrustAnchors = { keys: [{ key: file.content.publisher.key, label: 'Noord', roles: ['independent-assessor'] }], lists: [] };
    expect(resolveMethod(ref(), undefined, packMethod(file), assessorOnly, NOW).findings[0]!.code).toBe('method-publisher-untrusted');
  });

  it('with the assessor trusted, the verdict is passed only when the publisher is trusted too', () => {
    const { file } = signed();
    const assessorFindings = [{ code: 'data-intact' as const }, { code: 'signature-valid' as const }, { code: 'signer-trusted' as const }];
    const untrusted = resolveMethod(ref(), undefined, packMethod(file), NO_ANCHORS, NOW);
    expect(decideVerdict([...assessorFindings, ...untrusted.findings]).verdict).toBe('indeterminate');
    const anchors: TrustAnchors = { keys: [{ key: file.content.publisher.key, label: 'Noord' }], lists: [] };
    const trusted = resolveMethod(ref(), undefined, packMethod(file), anchors, NOW);
    expect(decideVerdict([...assessorFindings, ...trusted.findings]).verdict).toBe('passed');
  });

  it('a carried method that is not the one the revision names does not count', () => {
    const { file } = signed();
    const wrong = { ...ref(), sha256: '0'.repeat(64) };
    expect(resolveMethod(wrong, undefined, packMethod(file), NO_ANCHORS, NOW)).toEqual({ findings: [{ code: 'method-unknown', detail: 'kennisnetwerk-noord@2.0.0' }] });
  });

  it('a built-in release: known from the registry, or carried bare (indeterminate: nobody signed it)', () => {
    const loaded = getDefinition('open-quickscan', '1.0.0')!;
    const r = { id: 'open-quickscan', version: '1.0.0', sha256: loaded.sha256 };
    expect(resolveMethod(r, loaded, undefined, NO_ANCHORS, NOW).findings).toEqual([{ code: 'method-known', detail: 'open-quickscan@1.0.0' }]);
    const bare = resolveMethod(r, undefined, packMethod(loaded.definition), NO_ANCHORS, NOW);
    expect(bare.definition?.id).toBe('open-quickscan');
    expect(bare.findings[0]!.code).toBe('method-publisher-untrusted');
  });

  it('the registry serves a loaded method beside the built-ins, never over one', () => {
    const reg = createRegistry([openMethod], { releases: [{ id: 'open-quickscan', version: '1.0.0', sha256: definitionHash(openMethod) }] });
    const check = verifyMethodFile(signed().file);
    if (!check.ok) throw new Error(check.problem);
    const info = {
      publisherName: check.method.publisher.name,
      publisherOrganisation: check.method.publisher.organisation,
      publisherFingerprint: check.method.publisherFingerprint,
      released: check.method.released,
      signedAt: check.method.signedAt,
      file: check.method.file,
    };
    expect(reg.registerLoaded(check.method.definition, check.method.sha256, info)).toEqual({ ok: true });
    expect(reg.getDefinition('kennisnetwerk-noord', '2.0.0')?.loaded?.publisherName).toBe('Kennisnetwerk Circulair Noord');
    const clash = { ...structuredClone(check.method.definition), id: 'open-quickscan', version: '1.0.0' };
    expect(reg.registerLoaded(clash, definitionHash(clash), info)).toEqual({ ok: false, problem: 'conflicts-with-release' });
    const loadedAgain = reg.getDefinition('kennisnetwerk-noord', '2.0.0')!;
    const res = resolveMethod({ id: 'kennisnetwerk-noord', version: '2.0.0', sha256: check.method.sha256 }, loadedAgain, undefined, NO_ANCHORS, NOW);
    expect(res.source).toBe('loaded');
    expect(res.findings[0]!.code).toBe('method-publisher-untrusted');
    expect(reg.listLoaded().map((m) => m.definition.id)).toEqual(['kennisnetwerk-noord']);
  });
});
