import { compactDecrypt } from 'jose';
import { describe, expect, it } from 'vitest';
import { generatePrivateJwk, keyFingerprint, publicJwkOf, verifyPurposeSignature } from '../../scoring/keys';
import { KeyBackupFailure, makeKeyBackup, openKeyBackup, PBES2_COUNT, readKeyBackup } from './key-backup';
import { importNonExtractable, signForPurpose } from './signing';

const owner = { name: 'Anouk de Vries', organisation: 'Circulair Advies Zeeland', createdAt: '2026-12-01T09:00:00.000Z' };
const PASS = 'correct horse battery staple';
const FAST = 1000; // rounds for the tests that are not about the default

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof KeyBackupFailure) return error.code;
    throw error;
  }
  throw new Error('expected a KeyBackupFailure');
}

describe('encrypted key backup', () => {
  it('restores the same key on another machine: it signs, and what it signs verifies with the public key', async () => {
    const key = generatePrivateJwk('ES256');
    const file = await makeKeyBackup(key, PASS, owner);
    const read = readKeyBackup(file);
    expect(read).toMatchObject({ format: 'quickscan-key-backup', formatVersion: 1, key: publicJwkOf(key), fingerprint: keyFingerprint(publicJwkOf(key)), name: owner.name });
    // a standard compact JWE with PBES2 and the default rounds; any JOSE library opens it
    const header = JSON.parse(Buffer.from(read.jwe.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    expect(header).toMatchObject({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', p2c: PBES2_COUNT, cty: 'jwk+json' });
    const { plaintext } = await compactDecrypt(read.jwe, new TextEncoder().encode(PASS), { maxPBES2Count: PBES2_COUNT, keyManagementAlgorithms: ['PBES2-HS512+A256KW'] });
    expect(JSON.parse(text(plaintext))).toEqual(key);
    // the private key never shows outside the JWE
    expect(text(file)).not.toContain(key.d);

    const restored = await openKeyBackup(read, PASS);
    expect(restored).toEqual(key);
    const { privateKey, key: pub } = await importNonExtractable(restored);
    expect(privateKey.extractable).toBe(false);
    const signature = await signForPurpose({ key: pub, privateKey }, 'revision', '{"a":1}');
    expect(verifyPurposeSignature('revision', '{"a":1}', signature, publicJwkOf(key))).toBe(true);
    expect(verifyPurposeSignature('profile', '{"a":1}', signature, publicJwkOf(key))).toBe(false);
  });

  it('a wrong passphrase is refused as such', async () => {
    const read = readKeyBackup(await makeKeyBackup(generatePrivateJwk('ES256'), PASS, owner, FAST));
    expect(await failure(openKeyBackup(read, 'correct horse battery stapler'))).toBe('wrong-passphrase');
  });

  it('a damaged file is refused as damaged, whichever part was damaged', async () => {
    const file = JSON.parse(text(await makeKeyBackup(generatePrivateJwk('ES256'), PASS, owner, FAST))) as Record<string, unknown> & { jwe: string };
    expect(await failure(() => readKeyBackup(bytes('{"format":"quickscan-key-backup",')))).toBe('damaged');
    expect(await failure(() => readKeyBackup(bytes({ ...file, fingerprint: 'AAAA-AAAA-AAAA-AAAA' })))).toBe('damaged');
    expect(await failure(() => readKeyBackup(bytes({ ...file, jwe: 'abc' })))).toBe('damaged');
    expect(await failure(() => readKeyBackup(bytes({ ...file, extra: 1 })))).toBe('damaged');
    // another key named on the outside than the one inside
    const other = publicJwkOf(generatePrivateJwk('ES256'));
    const swapped = readKeyBackup(bytes({ ...file, key: other, fingerprint: keyFingerprint(other) }));
    expect(await failure(openKeyBackup(swapped, PASS))).toBe('damaged');
    // changed ciphertext: GCM cannot tell it from a wrong passphrase
    const parts = file.jwe.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('A') ? 'BA' : 'AA');
    expect(['wrong-passphrase', 'damaged']).toContain(await failure(openKeyBackup(readKeyBackup(bytes({ ...file, jwe: parts.join('.') })), PASS)));
  });

  it('an unknown key type or another file is refused with its own reason', async () => {
    const file = JSON.parse(text(await makeKeyBackup(generatePrivateJwk('ES256'), PASS, owner, FAST))) as Record<string, unknown>;
    expect(await failure(() => readKeyBackup(bytes({ ...file, key: { kty: 'RSA', n: 'x', e: 'AQAB' } })))).toBe('unknown-key-type');
    expect(await failure(() => readKeyBackup(bytes({ format: 'quickscan-scan', formatVersion: 1 })))).toBe('not-backup');
    expect(await failure(() => readKeyBackup(bytes({ ...file, formatVersion: 2 })))).toBe('newer-version');
    // an Ed25519 key cannot become the app's signing key (the app signs with P-256)
    const ed = generatePrivateJwk('EdDSA');
    const edFile = readKeyBackup(await makeKeyBackup(ed, PASS, owner, FAST));
    expect(await failure(importNonExtractable(await openKeyBackup(edFile, PASS)))).toBe('unknown-key-type');
  });

  it('refuses to make a backup with a short passphrase', async () => {
    await expect(makeKeyBackup(generatePrivateJwk('ES256'), 'short', owner, FAST)).rejects.toThrow(/passphrase/);
  });
});
