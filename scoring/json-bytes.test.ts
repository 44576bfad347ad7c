import { describe, expect, it } from 'vitest';
import { jsonOfBytes, utf8Text } from './json-bytes';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a JSON file', () => {
  it('reads a file a Windows editor saved with a byte-order mark like one without', () => {
    expect(jsonOfBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"a":1}')]))).toEqual({ ok: true, value: { a: 1 } });
    expect(jsonOfBytes(bytes('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });

  it('refuses bytes that are not UTF-8 instead of reading replacement characters', () => {
    expect(jsonOfBytes(new Uint8Array([0x22, 0xff, 0x22]))).toEqual({ ok: false, problem: 'not-utf8' });
    expect(utf8Text(new Uint8Array([0xc3]))).toBeUndefined();
  });

  it('says when the text is not JSON', () => {
    expect(jsonOfBytes(bytes('{"a":'))).toMatchObject({ ok: false, problem: 'not-json' });
  });

  it('drops only a leading byte-order mark', () => {
    expect(utf8Text(bytes('a\ufeffb'))).toBe('a\ufeffb');
  });
});
