import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makePublicKeyFile, readPublicKeyFile, readTrustedKeyList } from './public-key-file';

const testKey = JSON.parse(readFileSync('docs/examples/issued/test-key.public.json', 'utf8')) as { publicKey: string };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('public key files', () => {
  it('round-trips an assessor key file', () => {
    const file = makePublicKeyFile(testKey.publicKey, 'Anouk de Vries', 'Bureau');
    expect(readPublicKeyFile(bytes(file))?.publicKey).toBe(testKey.publicKey);
  });

  it('refuses a key file whose fingerprint does not match its key', () => {
    const file = { ...makePublicKeyFile(testKey.publicKey, 'A', 'B'), fingerprint: 'XXXX-XXXX-XXXX-XXXX' };
    expect(readPublicKeyFile(bytes(file))).toBeNull();
  });

  it('reads the lists the command line takes, leaving out invalid keys', () => {
    expect(readTrustedKeyList(bytes([{ publicKey: testKey.publicKey, label: 'Bureau X' }, { publicKey: 'nope', label: 'bad' }]))).toEqual([{ publicKey: testKey.publicKey, label: 'Bureau X' }]);
    expect(readTrustedKeyList(bytes({ keys: [{ publicKey: testKey.publicKey }] }))?.[0]?.publicKey).toBe(testKey.publicKey);
    expect(readTrustedKeyList(new TextEncoder().encode('not json'))).toBeNull();
    expect(readTrustedKeyList(bytes({ keys: [] }))).toBeNull();
  });
});
