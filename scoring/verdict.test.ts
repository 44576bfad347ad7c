import { describe, expect, it } from 'vitest';
import { decideVerdict, FINDING_CODES, findingSeverity, verdictExitCode, worstVerdict, type Finding } from './verdict';

const sound: Finding[] = [{ code: 'data-intact' }, { code: 'signature-valid' }, { code: 'method-known' }, { code: 'pages-match' }];

describe('decideVerdict: the one rule', () => {
  it('passed needs intact data, a valid signature and a trusted signer', () => {
    expect(decideVerdict([...sound, { code: 'signer-trusted', anchor: { kind: 'own', label: 'x', fingerprint: 'AAAA-AAAA-AAAA-AAAA' } }])).toEqual({ verdict: 'passed', reasons: ['signer-trusted'] });
  });

  it('intact but unknown signer is indeterminate, never passed', () => {
    expect(decideVerdict([...sound, { code: 'signer-unknown' }])).toEqual({ verdict: 'indeterminate', reasons: ['signer-unknown'] });
    // a verifier that forgot to assess the signer cannot pass a file
    expect(decideVerdict(sound)).toEqual({ verdict: 'indeterminate', reasons: ['missing-signer-trusted'] });
    expect(decideVerdict([])).toEqual({ verdict: 'indeterminate', reasons: ['missing-data-intact', 'missing-signature-valid', 'missing-signer-trusted'] });
    expect(decideVerdict([{ code: 'signer-trusted' }, { code: 'data-intact' }])).toEqual({ verdict: 'indeterminate', reasons: ['missing-signature-valid'] });
  });

  it('anything altered fails, whatever else is found', () => {
    const d = decideVerdict([{ code: 'data-intact' }, { code: 'signature-valid' }, { code: 'signer-trusted' }, { code: 'pages-altered' }, { code: 'method-unknown' }]);
    expect(d).toEqual({ verdict: 'failed', reasons: ['pages-altered'] });
    expect(decideVerdict([{ code: 'signer-revoked' }]).verdict).toBe('failed');
    expect(decideVerdict([{ code: 'file-unreadable' }]).verdict).toBe('failed');
  });

  it('a method unknown to this version keeps an otherwise trusted file indeterminate', () => {
    expect(decideVerdict([{ code: 'data-intact' }, { code: 'signature-valid' }, { code: 'signer-trusted' }, { code: 'method-unknown' }])).toEqual({ verdict: 'indeterminate', reasons: ['method-unknown'] });
  });

  it('info findings change nothing', () => {
    expect(decideVerdict([...sound, { code: 'signer-trusted' }, { code: 'reference-code-short-form' }, { code: 'signer-revoked-later' }, { code: 'pages-none' }]).verdict).toBe('passed');
  });

  it('a re-validation needs the evidence on both sides', () => {
    const side = (s: 'earlier' | 'later', signer: Finding['code']): Finding[] => [
      { code: 'data-intact', side: s },
      { code: 'signature-valid', side: s },
      { code: signer, side: s },
    ];
    expect(decideVerdict([...side('earlier', 'signer-trusted'), ...side('later', 'signer-trusted'), { code: 'pages-match' }]).verdict).toBe('passed');
    expect(decideVerdict([...side('earlier', 'signer-trusted'), ...side('later', 'signer-unknown'), { code: 'pages-match' }])).toEqual({ verdict: 'indeterminate', reasons: ['signer-unknown'] });
    expect(decideVerdict([...side('earlier', 'signer-trusted'), { code: 'data-intact', side: 'later' }, { code: 'pages-match' }]).verdict).toBe('indeterminate');
  });

  it('every code has a severity; an unknown one can never pass', () => {
    for (const code of FINDING_CODES) expect(['ok', 'info', 'indeterminate', 'failed']).toContain(findingSeverity(code));
    expect(findingSeverity('from-a-newer-version' as never)).toBe('indeterminate');
  });

  it('exit codes: 0 all passed, 1 any failed, 3 none failed but some indeterminate', () => {
    expect(verdictExitCode(['passed', 'passed'])).toBe(0);
    expect(verdictExitCode(['passed', 'indeterminate'])).toBe(3);
    expect(verdictExitCode(['indeterminate', 'failed'])).toBe(1);
    expect(worstVerdict([])).toBe('indeterminate');
  });
});
