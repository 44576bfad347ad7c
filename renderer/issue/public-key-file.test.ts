import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ed25519Jwk, generatePrivateJwk, keyFingerprint, publicJwkOf } from '../../scoring/keys';
import { makePublicKeyFile, readPublicKeyFile, readTrustedKeyList } from './public-key-file';

const testKey = JSON.parse(readFileSync('docs/examples/issued/test-key.public.json', 'utf8')) as { publicKey: string };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('public key files', () => {
  it('round-trips an assessor key file, P-256 and Ed25519', () => {
    const p256 = publicJwkOf(generatePrivateJwk('ES256'));
    expect(readPublicKeyFile(bytes(makePublicKeyFile(p256, 'Anouk de Vries', 'Bureau')))).toEqual({ key: p256, label: 'Anouk de Vries, Bureau' });
    expect(readPublicKeyFile(bytes(makePublicKeyFile(testKey.publicKey, 'A', '')))?.key).toEqual(ed25519Jwk(testKey.publicKey));
  });

  it('still reads version 1 files (raw Ed25519 key)', () => {
    const v1 = { format: 'quickscan-public-key', formatVersion: 1, name: 'A', organisation: 'B', publicKey: testKey.publicKey, fingerprint: keyFingerprint(testKey.publicKey) };
    expect(readPublicKeyFile(bytes(v1))?.key).toEqual(ed25519Jwk(testKey.publicKey));
  });

  it('refuses a key file whose fingerprint does not match its key, or that carries a private key', () => {
    const file = { ...makePublicKeyFile(testKey.publicKey, 'A', 'B'), fingerprint: 'XXXX-XXXX-XXXX-XXXX' };
    expect(readPublicKeyFile(bytes(file))).toBeNull();
    const priv = generatePrivateJwk('ES256');
    const withSecret = { ...makePublicKeyFile(publicJwkOf(priv), 'A', 'B'), key: priv };
    expect(readPublicKeyFile(bytes(withSecret))).toBeNull();
    expect(readTrustedKeyList(bytes([{ key: priv, label: 'secret' }]))).toBeNull();
  });

  it('reads the lists the command line takes, leaving out invalid keys', () => {
    expect(readTrustedKeyList(bytes([{ publicKey: testKey.publicKey, label: 'Bureau X' }, { publicKey: 'nope', label: 'bad' }]))).toEqual([{ key: ed25519Jwk(testKey.publicKey), label: 'Bureau X' }]);
    expect(readTrustedKeyList(bytes({ keys: [{ publicKey: testKey.publicKey }] }))?.[0]?.label).toBe(keyFingerprint(testKey.publicKey));
    expect(readTrustedKeyList(new TextEncoder().encode('not json'))).toBeNull();
    expect(readTrustedKeyList(bytes({ keys: [] }))).toBeNull();
  });
});
