/**
 * The Verifiable Credential export, checked with Digital Bazaar's VC libraries (not this
 * project's code): @digitalbazaar/vc, data-integrity with the ecdsa-jcs-2019 and eddsa-jcs-2022
 * cryptosuites, did:key resolution by did-method-key with the Multikey libraries, and the W3C
 * contexts from the security document loader. A changed credential must fail there.
 */
import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base64urlnopad } from '@scure/base';
import { exampleIssueInput, exampleScan, issue, TEST_KEY, zeelandDefinition } from '../report/fixtures/example';
import { generatePrivateJwk } from './keys';
import { independentlyVerify } from './test-support/vc-verify';
import { didKeyOf, revisionCredential, vcSignerFromPrivateJwk, VcKeyError, type VcPublicJwk, type VcSigner } from './vc';

async function p256Signer(): Promise<{ signer: VcSigner; jwk: VcPublicJwk }> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const exported = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const jwk: VcPublicJwk = { kty: 'EC', crv: 'P-256', x: exported.x!, y: exported.y! };
  return {
    jwk,
    signer: { publicKey: jwk, sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data)) },
  };
}

function ed25519Signer(): { signer: VcSigner; jwk: VcPublicJwk } {
  const secret = base64urlnopad.decode(TEST_KEY.secretKey);
  const jwk: VcPublicJwk = { kty: 'OKP', crv: 'Ed25519', x: TEST_KEY.publicKey };
  return { jwk, signer: { publicKey: jwk, sign: async (data) => ed25519.sign(data, secret) } };
}

function inputOf() {
  const envelope = issue(exampleScan(), { locale: 'nl', input: exampleIssueInput() });
  return { content: envelope.content, referenceCode: envelope.referenceCode, contentHash: envelope.contentHash, definition: zeelandDefinition, created: '2026-11-23T08:00:00Z' };
}

describe('revision as a Verifiable Credential', () => {
  it('verifies with ecdsa-jcs-2019 (a P-256 WebCrypto key) in @digitalbazaar/vc, and a changed copy does not', async () => {
    const { signer, jwk } = await p256Signer();
    const credential = await revisionCredential(inputOf(), jwk, signer);
    expect(credential.issuer).toMatch(/^did:key:zDnae/);
    expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'ecdsa-jcs-2019', proofPurpose: 'assertionMethod' });
    expect(credential.credentialSubject).toMatchObject({ type: 'QuickScanRevision', referenceCode: inputOf().referenceCode, phase: 'VO' });
    const ok = await independentlyVerify(structuredClone(credential));
    expect(ok.error).toBeUndefined();
    expect(ok.verified).toBe(true);

    // a better score, stated after signing
    const forged = structuredClone(credential);
    (forged.credentialSubject.result as { total: number }).total = 99.9;
    expect((await independentlyVerify(forged)).verified).toBe(false);
    // another issuer (a different key) claiming the same proof
    const other = await p256Signer();
    const stolen = structuredClone(credential);
    stolen.issuer = didKeyOf(other.jwk);
    expect((await independentlyVerify(stolen)).verified).toBe(false);
  });

  it('verifies with eddsa-jcs-2022 for an Ed25519 key, and a changed copy does not', async () => {
    const { signer, jwk } = ed25519Signer();
    const credential = await revisionCredential(inputOf(), jwk, signer);
    expect(credential.issuer).toMatch(/^did:key:z6Mk/);
    expect(credential.proof?.cryptosuite).toBe('eddsa-jcs-2022');
    const ok = await independentlyVerify(structuredClone(credential));
    expect(ok.error).toBeUndefined();
    expect(ok.verified).toBe(true);

    const forged = structuredClone(credential);
    forged.credentialSubject.phase = 'delivery';
    expect((await independentlyVerify(forged)).verified).toBe(false);
    const reproofed = structuredClone(credential);
    reproofed.proof!.created = '2030-01-01T00:00:00Z';
    expect((await independentlyVerify(reproofed)).verified).toBe(false);
  });

  it('states the score recomputed from the signed data and the evidence files by hash', async () => {
    const { signer, jwk } = ed25519Signer();
    const credential = await revisionCredential(inputOf(), jwk, signer);
    const subject = credential.credentialSubject as { result: { total: number; themes: unknown[] }; contentHash: string; method: { id: string } };
    expect(subject.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(subject.method.id).toBe('zeeland-quickscan');
    expect(subject.result.themes.length).toBeGreaterThan(0);
    expect(typeof subject.result.total).toBe('number');
  });

  it('signs with a private key file (the command line) and verifies there too', async () => {
    const jwk = generatePrivateJwk('ES256');
    const signer = vcSignerFromPrivateJwk(jwk);
    const credential = await revisionCredential(inputOf(), signer.publicKey, signer);
    expect((await independentlyVerify(structuredClone(credential))).verified).toBe(true);
    const ed = vcSignerFromPrivateJwk(generatePrivateJwk('EdDSA'));
    expect((await independentlyVerify(await revisionCredential(inputOf(), ed.publicKey, ed))).verified).toBe(true);
  });

  it('refuses to issue with a key other than the revision’s own', async () => {
    const { signer } = await p256Signer();
    await expect(revisionCredential(inputOf(), { kty: 'OKP', crv: 'Ed25519', x: TEST_KEY.publicKey }, signer)).rejects.toBeInstanceOf(VcKeyError);
  });
});
