import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ed25519Jwk, generatePrivateJwk, keyFingerprint, publicJwkOf } from './keys';
import { makePublicKeyFile, publicKeyFileText, readPublicKeyFile, readTrustedKeysList } from './key-file';

const committed = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
// files committed by earlier releases: they must keep loading, unchanged
const testKey = committed('docs/examples/issued/test-key.public.json') as { publicKey: string; label: string };
const testKeyP256 = committed('docs/examples/signed/test-key-p256.public.json') as { key: unknown; label: string };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('public key files (one format, every earlier shape still read)', () => {
  it('writes format 2 (holder and JWK) and reads it back, P-256 and Ed25519', () => {
    const p256 = publicJwkOf(generatePrivateJwk('ES256'));
    const file = makePublicKeyFile(p256, 'Anouk de Vries', 'Bureau');
    expect(file).toEqual({ format: 'quickscan-public-key', formatVersion: 2, name: 'Anouk de Vries', organisation: 'Bureau', key: p256, fingerprint: keyFingerprint(p256) });
    expect(readPublicKeyFile(file)).toEqual({ key: p256, label: 'Anouk de Vries, Bureau' });
    expect(readTrustedKeysList(new TextEncoder().encode(publicKeyFileText(file)))).toEqual([{ key: p256, label: 'Anouk de Vries, Bureau' }]);
    expect(publicKeyFileText(file).endsWith('}\n')).toBe(true);
    const ed = makePublicKeyFile(testKey.publicKey, 'Tender team');
    expect(ed.key).toEqual(ed25519Jwk(testKey.publicKey));
    expect(readPublicKeyFile(ed)).toEqual({ key: ed25519Jwk(testKey.publicKey), label: 'Tender team' });
    // no holder: the fingerprint labels it
    expect(readPublicKeyFile(makePublicKeyFile(p256, ''))?.label).toBe(keyFingerprint(p256));
  });

  it('reads the command line’s format 1 (label and JWK)', () => {
    const key = publicJwkOf(generatePrivateJwk('EdDSA'));
    const cliV1 = { format: 'quickscan-public-key', formatVersion: 1, label: 'Tender team', key, fingerprint: keyFingerprint(key) };
    expect(readPublicKeyFile(bytes(cliV1))).toEqual({ key, label: 'Tender team' });
    expect(readTrustedKeysList(cliV1)).toEqual([{ key, label: 'Tender team' }]);
  });

  it('reads the app’s format 1 (holder and raw Ed25519 key)', () => {
    const appV1 = { format: 'quickscan-public-key', formatVersion: 1, name: 'A', organisation: 'B', publicKey: testKey.publicKey, fingerprint: keyFingerprint(testKey.publicKey) };
    expect(readPublicKeyFile(bytes(appV1))).toEqual({ key: ed25519Jwk(testKey.publicKey), label: 'A, B' });
    expect(readTrustedKeysList(bytes(appV1))).toEqual([{ key: ed25519Jwk(testKey.publicKey), label: 'A, B' }]);
  });

  it('reads the committed example key files (a single trusted-keys entry)', () => {
    expect(readTrustedKeysList(testKey)).toEqual([{ key: ed25519Jwk(testKey.publicKey), label: testKey.label }]);
    const p256 = readTrustedKeysList(testKeyP256);
    expect(p256?.[0]?.label).toBe(testKeyP256.label);
    expect(keyFingerprint(p256![0]!.key)).toBe('VDTY-8QDA-3Y4X-ZCEB');
    expect(readTrustedKeysList(committed('docs/examples/tender/trusted-bidder-keys.json'))?.length).toBeGreaterThan(0);
  });

  it('refuses a file whose fingerprint is not its key’s, one that carries a private key, or names a member twice', () => {
    const key = publicJwkOf(generatePrivateJwk('ES256'));
    expect(readPublicKeyFile({ ...makePublicKeyFile(key, 'A', 'B'), fingerprint: 'XXXX-XXXX-XXXX-XXXX' })).toBeUndefined();
    expect(readTrustedKeysList({ ...makePublicKeyFile(key, 'A', 'B'), fingerprint: 'XXXX-XXXX-XXXX-XXXX' })).toBeUndefined();
    const priv = generatePrivateJwk('ES256');
    expect(readPublicKeyFile({ ...makePublicKeyFile(publicJwkOf(priv), 'A', 'B'), key: priv })).toBeUndefined();
    expect(readTrustedKeysList([{ key: priv, label: 'secret' }])).toBeUndefined();
    const text = publicKeyFileText(makePublicKeyFile(key, 'A', 'B')).replace('"name": "A"', '"name": "A", "name": "Someone else"');
    expect(readPublicKeyFile(text)).toBeUndefined();
    expect(readTrustedKeysList(new TextEncoder().encode('not json'))).toBeUndefined();
  });

  it('reads the lists --trusted-keys takes; a list with one bad entry is refused whole', () => {
    const key = publicJwkOf(generatePrivateJwk('ES256'));
    expect(readTrustedKeysList([{ publicKey: testKey.publicKey, label: 'Bureau X' }, makePublicKeyFile(key, 'Anouk de Vries', '')])).toEqual([
      { key: ed25519Jwk(testKey.publicKey), label: 'Bureau X' },
      { key, label: 'Anouk de Vries' },
    ]);
    expect(readTrustedKeysList({ keys: [{ publicKey: testKey.publicKey }] })?.[0]?.label).toBe(keyFingerprint(testKey.publicKey));
    expect(readTrustedKeysList([{ publicKey: testKey.publicKey, label: 'Bureau X' }, { publicKey: 'nope', label: 'bad' }])).toBeUndefined();
    expect(readTrustedKeysList({ keys: [] })).toBeUndefined();
  });
});
