import { describe, expect, it } from 'vitest';
import { ALLOWLIST, evaluateFindings, findingsFromCsv, parseCsv } from '../scripts/security-gate.mjs';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const row = (id: string, severity: string, file: string, sample: string) =>
  `${id},"${severity}","FIRM","${file}","1:0",${sample === '' ? 'N/A' : `"${sample.replace(/"/g, '""')}"`},"desc",https://example.invalid/${id}`;

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a, b ,"c, d"\n"say ""hi""","line\nbreak",N/A\r\n')).toEqual([
      ['a', 'b', 'c, d'],
      ['say "hi"', 'line\nbreak', 'N/A'],
    ]);
  });
});

describe('findingsFromCsv', () => {
  it('reads Electronegativity’s report', () => {
    const csv = [HEADER, row('CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html', "default-src 'self'"), row('SANDBOX_JS_CHECK', 'MEDIUM', 'electron/main.ts', '')].join('\n');
    expect(findingsFromCsv(csv)).toEqual([
      { id: 'CSP_GLOBAL_CHECK', severity: 'LOW', confidence: 'FIRM', file: 'renderer/index.html', location: '1:0', sample: "default-src 'self'", description: 'desc' },
      { id: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', confidence: 'FIRM', file: 'electron/main.ts', location: '1:0', sample: '', description: 'desc' },
    ]);
  });

  it('treats an unknown severity as HIGH and refuses something that is not a report', () => {
    expect(findingsFromCsv([HEADER, row('NEW_CHECK', 'CRITICAL', 'x.ts', 'x')].join('\n'))[0]?.severity).toBe('HIGH');
    expect(() => findingsFromCsv('<html>')).toThrow(/not an Electronegativity CSV report/);
  });
});

describe('evaluateFindings', () => {
  const allowed = ALLOWLIST[0]!;
  const finding = (id: string, severity: 'LOW' | 'MEDIUM' | 'HIGH', file = 'electron/main.ts', sample = 'x') => ({ id, severity, confidence: 'FIRM', file, location: '1:1', sample, description: '' });

  it('blocks MEDIUM and HIGH findings, not LOW ones', () => {
    const result = evaluateFindings([finding('A', 'LOW'), finding('B', 'MEDIUM'), finding('C', 'HIGH')], []);
    expect(result.blocking.map((f) => f.id)).toEqual(['B', 'C']);
    expect(result.counts).toEqual({ HIGH: 1, MEDIUM: 1, LOW: 1, INFORMATIONAL: 0 });
  });

  it('lets through only the exact allowlisted occurrence', () => {
    const exact = finding(allowed.id, 'MEDIUM', allowed.file, allowed.sample);
    const elsewhere = finding(allowed.id, 'MEDIUM', 'electron/other.ts', allowed.sample);
    const otherLine = finding(allowed.id, 'MEDIUM', allowed.file, 'shell.openExternal(untrusted)');
    const result = evaluateFindings([exact, elsewhere, otherLine], [allowed]);
    expect(result.allowed).toEqual([exact]);
    expect(result.blocking).toEqual([elsewhere, otherLine]);
    expect(result.unusedAllowlist).toEqual([]);
  });

  it('names allowlist entries that match nothing, so the list stays minimal', () => {
    expect(evaluateFindings([], [allowed]).unusedAllowlist).toEqual([allowed]);
  });

  it('keeps the allowlist short and explained', () => {
    expect(ALLOWLIST.length).toBeLessThanOrEqual(2);
    for (const entry of ALLOWLIST) expect(entry.reason.length).toBeGreaterThan(40);
  });
});
