import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base64urlnopad } from '@scure/base';
import {
  decodeB64u,
  generateTestKeyPair,
  isValidPublicKey,
  keyFingerprint,
  publicKeyFromSecretKey,
  signWithSecretKey,
  verifySignature,
} from './signature';

const message = '{"format":"quickscan-issued","project":{"name":"Brede school Goes – €"}}';

describe('Ed25519 signatures', () => {
  it('round trip: a signature verifies with the matching public key', () => {
    const key = generateTestKeyPair();
    expect(publicKeyFromSecretKey(key.secretKey)).toBe(key.publicKey);
    const sig = signWithSecretKey(message, key.secretKey);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifySignature(message, sig, key.publicKey)).toBe(true);
    expect(verifySignature(new TextEncoder().encode(message), sig, key.publicKey)).toBe(true);
  });

  it('matches the RFC 8032 test vector 1 (the format WebCrypto uses)', () => {
    const secret = base64urlnopad.encode(Uint8Array.from(Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex')));
    const pub = publicKeyFromSecretKey(secret);
    expect(Buffer.from(decodeB64u(pub, 32)!).toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const sig = signWithSecretKey(new Uint8Array(0), secret);
    expect(Buffer.from(decodeB64u(sig, 64)!).toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('verifies signatures made by a non-extractable WebCrypto Ed25519 key (as the app signs)', async () => {
    const { subtle } = globalThis.crypto;
    const pair = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const publicKey = base64urlnopad.encode(new Uint8Array(await subtle.exportKey('raw', pair.publicKey)));
    const data = new TextEncoder().encode(message);
    const sig = base64urlnopad.encode(new Uint8Array(await subtle.sign({ name: 'Ed25519' }, pair.privateKey, data)));
    expect(verifySignature(message, sig, publicKey)).toBe(true);
    expect(verifySignature(`${message}!`, sig, publicKey)).toBe(false);
    // and the other way round: WebCrypto accepts what signWithSecretKey makes
    const key = generateTestKeyPair();
    const imported = await subtle.importKey('raw', new Uint8Array(decodeB64u(key.publicKey, 32)!), { name: 'Ed25519' }, false, ['verify']);
    expect(await subtle.verify({ name: 'Ed25519' }, imported, new Uint8Array(decodeB64u(signWithSecretKey(message, key.secretKey), 64)!), data)).toBe(true);
  });

  it('rejects a wrong key, a changed message and a changed signature', () => {
    const key = generateTestKeyPair();
    const other = generateTestKeyPair();
    const sig = signWithSecretKey(message, key.secretKey);
    expect(verifySignature(message, sig, other.publicKey)).toBe(false);
    expect(verifySignature(`${message} `, sig, key.publicKey)).toBe(false);
    const bytes = decodeB64u(sig, 64)!;
    for (const i of [0, 31, 32, 63]) {
      const changed = Uint8Array.from(bytes);
      changed[i]! ^= 1;
      expect(verifySignature(message, base64urlnopad.encode(changed), key.publicKey)).toBe(false);
    }
  });

  it('returns false (never throws) for malformed keys and signatures', () => {
    const key = generateTestKeyPair();
    const sig = signWithSecretKey(message, key.secretKey);
    for (const [s, k] of [
      ['', key.publicKey],
      [sig, ''],
      [`${sig}=`, key.publicKey],
      [sig, `${key.publicKey}=`],
      [sig.slice(1), key.publicKey],
      ['!'.repeat(86), key.publicKey],
      [sig, 'A'.repeat(43)],
      [sig, base64urlnopad.encode(new Uint8Array(32))],
    ] as const) {
      expect(verifySignature(message, s, k)).toBe(false);
    }
  });

  it('refuses small-order public keys (a signature valid for any message)', () => {
    const identity = new Uint8Array(32);
    identity[0] = 1; // the neutral point
    const pk = base64urlnopad.encode(identity);
    expect(isValidPublicKey(pk)).toBe(false);
    // R = identity, S = 0 would satisfy the equation for any message with A = identity
    const sig = base64urlnopad.encode(Uint8Array.from([...identity, ...new Uint8Array(32)]));
    expect(verifySignature(message, sig, pk)).toBe(false);
    expect(ed25519.utils.isValidPublicKey(identity)).toBeTypeOf('boolean');
  });

  it('keyFingerprint: 4 groups of 4 Crockford symbols, stable per key, different per key', () => {
    const a = generateTestKeyPair();
    const b = generateTestKeyPair();
    expect(keyFingerprint(a.publicKey)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(keyFingerprint(a.publicKey)).toBe(keyFingerprint(a.publicKey));
    expect(keyFingerprint(a.publicKey)).not.toBe(keyFingerprint(b.publicKey));
    expect(() => keyFingerprint('nope')).toThrow();
  });
});
