import { describe, expect, it } from 'vitest';
import { findingText } from './verdict-strings';

describe('findingText', () => {
  it('words the reason a key was revoked, never its code', () => {
    const text = findingText({ code: 'signer-revoked', fingerprint: 'ABCD-EFGH-JKMN-PQRS', at: '2026-06-01T00:00:00Z', detail: 'key-compromise' });
    expect(text?.nl).toContain('(sleutel gecompromitteerd)');
    expect(text?.en).toContain('(key compromised)');
    expect(`${text?.nl} ${text?.en}`).not.toContain('key-compromise');
    const later = findingText({ code: 'signer-revoked-later', fingerprint: 'ABCD-EFGH-JKMN-PQRS', at: '2026-06-01T00:00:00Z', detail: 'superseded' });
    expect(later?.nl).toContain('(vervangen door een nieuwe sleutel)');
  });
});
