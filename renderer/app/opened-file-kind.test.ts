import { describe, expect, it } from 'vitest';
import { openedFileKind } from './opened-file-kind';

const enc = (text: string) => new TextEncoder().encode(text);
const file = (name: string, data: Uint8Array) => ({ name, data });

describe('where an opened document lands', () => {
  it('an issued PDF goes to Verify, by content or by name', () => {
    expect(openedFileKind(file('bid.pdf', enc('%PDF-1.7\n…')))).toBe('verify');
    expect(openedFileKind(file('bid', enc('%PDF-1.7\n…')))).toBe('verify');
  });

  it('a trust list goes to the trust settings, by content or by name', () => {
    expect(openedFileKind(file('x.json', enc('{"format":"quickscan-trustlist-envelope","formatVersion":1}')))).toBe('trust-list');
    expect(openedFileKind(file('bureau.quickscan-trustlist.json', enc('{"broken"')))).toBe('trust-list');
  });

  it('a key rotation or revocation statement goes to the trust settings, by content or by name', () => {
    expect(openedFileKind(file('x.json', enc('{"format":"quickscan-key-statement-envelope","formatVersion":1}')))).toBe('key-statement');
    expect(openedFileKind(file('old.revocation.quickscan-key-statement.json', enc('{"broken"')))).toBe('key-statement');
    // a public key file goes to the trust settings (its own confirmation), not to the import
    expect(openedFileKind(file('team.public.json', enc('{"format":"quickscan-public-key","formatVersion":2}')))).toBe('public-key');
  });

  it('a method file goes to the method settings', () => {
    expect(openedFileKind(file('open-quickscan-1.1.0.quickscan-method.json', enc('{"format":"quickscan-method-envelope"}')))).toBe('method');
    expect(openedFileKind(file('1.0.0.json', enc('\uFEFF  {"format":"quickscan-definition","id":"x"}')))).toBe('method');
    expect(openedFileKind(file('m.quickscan-method.json', enc('not json')))).toBe('method');
  });

  it('scans, projects and .quickscan documents are imported; the content wins over a misleading name', () => {
    expect(openedFileKind(file('school.quickscan', enc('PK\x03\x04…')))).toBe('import');
    expect(openedFileKind(file('school.quickscan.json', enc('{"format":"quickscan-scan"}')))).toBe('import');
    expect(openedFileKind(file('list.quickscan-trustlist.json', enc('{"format":"quickscan-project"}')))).toBe('import');
    expect(openedFileKind(file('report.pdf', enc('{"format":"quickscan-issued-envelope"}')))).toBe('import');
    // The one sniffer (report/sniff.ts): an envelope whose text contains %PDF- is still JSON.
    expect(openedFileKind(file('x.quickscan-issued.json', enc('{"format":"quickscan-issued-envelope","note":"%PDF-1.7"}')))).toBe('import');
  });
});
