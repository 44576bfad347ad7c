import { describe, expect, it } from 'vitest';
import { p256 } from '@noble/curves/nist.js';
import { base64urlnopad } from '@scure/base';
import { canonicalJson } from '../forms/hash';
import {
  ed25519Jwk,
  FINGERPRINT_PATTERN,
  generatePrivateJwk,
  keyFingerprint,
  publicJwkOf,
  publicJwkSchema,
  sameKey,
  signingMessage,
  signWithPrivateJwk,
  toPublicJwk,
  verifyPurposeSignature,
  type PrivateJwk,
} from './keys';
import { generateTestKeyPair, keyFingerprint as legacyFingerprint } from './signature';
import testKey from '../docs/examples/issued/test-key.public.json';

const text = canonicalJson({ format: 'quickscan-issued', formatVersion: 2, project: { name: 'Brede school Goes – €' } });

describe('public keys as JWK', () => {
  it('an Ed25519 key keeps the fingerprint it had (scoring/signature.ts)', () => {
    expect(keyFingerprint(ed25519Jwk(testKey.publicKey))).toBe(testKey.fingerprint);
    expect(keyFingerprint(testKey.publicKey)).toBe(testKey.fingerprint);
    const pair = generateTestKeyPair();
    expect(keyFingerprint(ed25519Jwk(pair.publicKey))).toBe(legacyFingerprint(pair.publicKey));
  });

  it('a P-256 fingerprint is SHA-256 over the uncompressed point 0x04 ‖ x ‖ y', async () => {
    const pub = publicJwkOf(generatePrivateJwk('ES256'));
    const fp = keyFingerprint(pub);
    expect(fp).toMatch(FINGERPRINT_PATTERN);
    const raw = new Uint8Array([4, ...base64urlnopad.decode(pub.x), ...(pub.kty === 'EC' ? base64urlnopad.decode(pub.y) : [])]);
    const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(raw)));
    // an Ed25519 "key" of the same bytes would not be the same: compare against the digest directly
    const { base32crockford } = await import('@scure/base');
    expect(fp.replaceAll('-', '')).toBe(base32crockford.encode(digest.subarray(0, 10)));
  });

  it('the schema is strict: a private part, extra members, a wrong algorithm or a point off the curve are refused', () => {
    const priv = generatePrivateJwk('ES256');
    const pub = publicJwkOf(priv);
    expect(publicJwkSchema.safeParse(pub).success).toBe(true);
    expect(publicJwkSchema.safeParse(priv).success).toBe(false);
    expect(publicJwkSchema.safeParse({ ...pub, ext: true }).success).toBe(false);
    expect(publicJwkSchema.safeParse({ ...pub, alg: 'EdDSA' }).success).toBe(false);
    expect(publicJwkSchema.safeParse({ ...pub, y: pub.x }).success).toBe(false);
    expect(publicJwkSchema.safeParse({ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), alg: 'EdDSA' }).success).toBe(false);
    expect(publicJwkSchema.safeParse({ kty: 'RSA', n: 'x', e: 'AQAB' }).success).toBe(false);
    // toPublicJwk tidies a WebCrypto export but never passes on a secret
    expect(toPublicJwk({ ...pub, alg: undefined, ext: true, key_ops: ['verify'] })).toEqual(pub);
    expect(toPublicJwk(priv)).toBeUndefined();
  });

  it('sameKey compares whole keys', () => {
    const a = publicJwkOf(generatePrivateJwk());
    const b = publicJwkOf(generatePrivateJwk());
    expect(sameKey(a, { ...a })).toBe(true);
    expect(sameKey(a, b)).toBe(false);
  });
});

describe('purpose-bound signatures', () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`${alg}: verifies for its purpose and text only`, () => {
      const priv = generatePrivateJwk(alg);
      const pub = publicJwkOf(priv);
      const sig = signWithPrivateJwk('revision', text, priv);
      expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
      expect(verifyPurposeSignature('revision', text, sig, pub)).toBe(true);
      expect(verifyPurposeSignature('trust-list', text, sig, pub)).toBe(false);
      expect(verifyPurposeSignature('revision', `${text} `, sig, pub)).toBe(false);
      expect(verifyPurposeSignature('revision', text, sig, publicJwkOf(generatePrivateJwk(alg)))).toBe(false);
      expect(verifyPurposeSignature('revision', text, sig.slice(0, -2) + (sig.endsWith('AA') ? 'AB' : 'AA'), pub)).toBe(false);
      expect(verifyPurposeSignature('revision', text, 'not a signature', pub)).toBe(false);
    });
  }

  it('the message is the purpose line and the canonical text', () => {
    expect(new TextDecoder().decode(signingMessage('trust-list', '{"a":1}'))).toBe('quickscan-signature:trust-list\n{"a":1}');
    expect(() => signingMessage('other' as never, '{}')).toThrow();
  });

  it('a key whose x/y do not belong to d is refused for signing', () => {
    const a = generatePrivateJwk('ES256');
    const b = generatePrivateJwk('ES256');
    expect(() => signWithPrivateJwk('revision', text, { ...a, d: b.d } as PrivateJwk)).toThrow();
  });

  it('accepts a high-S ES256 signature (WebCrypto does not normalise S)', () => {
    const priv = generatePrivateJwk('ES256');
    const pub = publicJwkOf(priv);
    const sig = base64urlnopad.decode(signWithPrivateJwk('profile', text, priv));
    const s = BigInt(`0x${Buffer.from(sig.subarray(32)).toString('hex')}`);
    const highS = p256.Point.CURVE().n - s;
    const bytes = new Uint8Array(64);
    bytes.set(sig.subarray(0, 32));
    bytes.set(Buffer.from(highS.toString(16).padStart(64, '0'), 'hex'), 32);
    expect(verifyPurposeSignature('profile', text, base64urlnopad.encode(bytes), pub)).toBe(true);
  });

  it('a WebCrypto ECDSA P-256 signature over signingMessage verifies (as the app signs)', async () => {
    const { subtle } = globalThis.crypto;
    const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const pub = toPublicJwk(await subtle.exportKey('jwk', pair.publicKey));
    expect(pub).toBeDefined();
    for (let i = 0; i < 8; i++) {
      const t = canonicalJson({ i, text });
      const sig = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, signingMessage('revision', t)));
      expect(verifyPurposeSignature('revision', t, base64urlnopad.encode(sig), pub!)).toBe(true);
    }
  });

  it('a signature made here verifies in WebCrypto', async () => {
    const { subtle } = globalThis.crypto;
    const priv = generatePrivateJwk('ES256');
    const pub = publicJwkOf(priv);
    const key = await subtle.importKey('jwk', { ...pub, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const sig = new Uint8Array(base64urlnopad.decode(signWithPrivateJwk('trust-list', text, priv)));
    expect(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, sig, signingMessage('trust-list', text))).toBe(true);
    expect(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, sig, signingMessage('revision', text))).toBe(false);
  });

  it('a WebCrypto Ed25519 signature verifies', async () => {
    const { subtle } = globalThis.crypto;
    const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const pub = toPublicJwk(await subtle.exportKey('jwk', pair.publicKey));
    const sig = new Uint8Array(await subtle.sign({ name: 'Ed25519' }, pair.privateKey, signingMessage('method', text)));
    expect(verifyPurposeSignature('method', text, base64urlnopad.encode(sig), pub!)).toBe(true);
  });
});
