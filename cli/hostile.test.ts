/**
 * The command line fed hostile files, as a user runs it (the built bundle in a subprocess):
 * huge names, control characters and bidirectional overrides, damaged PDFs, truncated zips and
 * random bytes. Every command answers with exit 2 (verify: its verdict, 1 = failed) and exactly
 * one clean line on standard error; nothing raw reaches the terminal, no parser warnings, no
 * JavaScript messages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSAFE_TEXT_PATTERN } from '../scoring/visible-text';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'docs/examples/new-build-school-goes.quickscan.json');
const issued = join(root, 'docs/examples/issued/new-build-school-goes.quickscan-issued.json');
const issuedPdf = join(root, 'docs/examples/issued/new-build-school-goes.nl.pdf');
const profile = join(root, 'docs/examples/tender/requirement-profile.json');

let dir = '';
const at = (name: string) => join(dir, name);

function quickscan(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/quickscan.mjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', QUICKSCAN_DEBUG: '' }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** No character a terminal acts on, except line breaks between lines. */
function clean(text: string): boolean {
  return [...text.matchAll(UNSAFE_TEXT_PATTERN)].every((m) => m[0] === '\n');
}

/** Exit 2, nothing on stdout, exactly one clean line on stderr without a JavaScript message. */
function expectRefused(r: ReturnType<typeof quickscan>, code = 2) {
  expect(r.code, r.err).toBe(code);
  expect(r.out).toBe('');
  expect(r.err).toMatch(/^quickscan: [^\n]+\n$/);
  expect(clean(r.err)).toBe(true);
  expect(r.err.length).toBeLessThan(2_200);
  expect(r.err).not.toMatch(/Cannot read|undefined|TypeError|RangeError|at Object\.|\bnull\b|Removing parsed|Parsed number/);
}

function scanWithName(name: string): string {
  const scan = JSON.parse(readFileSync(example, 'utf8'));
  scan.project.name = name;
  return JSON.stringify(scan);
}

const EVIL = 'Evil\u001b]0;pwned\u0007\u001b[31mRED\u202eexe.txt\u0000\u0085\u2066end';

describe('hostile input', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quickscan-hostile-'));
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'pipe' });
    writeFileSync(at('random.bin'), Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251));
    writeFileSync(at('damaged.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n0 0 obj\n<< >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF');
    writeFileSync(at('bignums.pdf'), `%PDF-1.7\n1 0 obj << /Type /Catalog /N [${' 99999999999999999999'.repeat(3000)}] >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF`);
    writeFileSync(at('truncated.pdf'), readFileSync(issuedPdf).subarray(0, 3000));
    writeFileSync(at('truncated.zip'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40, 1)]));
    writeFileSync(at('huge-name.quickscan.json'), scanWithName('A'.repeat(20 * 1024 * 1024)));
    writeFileSync(at('long-name.quickscan.json'), scanWithName('B'.repeat(600_000)));
    writeFileSync(at('evil.quickscan.json'), scanWithName(EVIL));
    writeFileSync(at('nul.json'), '{"format":"quickscan-scan\u0000\u001b[2J"}');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // every command gets random bytes, a damaged and a truncated PDF, a truncated zip and JSON with
  // NUL/ESC; the commands that read scan files also the huge and the long name
  const common = ['random.bin', 'bignums.pdf', 'truncated.pdf', 'truncated.zip', 'nul.json'];
  const scans = ['huge-name.quickscan.json', 'long-name.quickscan.json'];
  const commands: [string, (f: string) => string[], string[]][] = [
    ['score', (f) => ['score', f], [...common, ...scans, 'damaged.pdf']],
    ['optimize', (f) => ['optimize', f], [...common, ...scans]],
    ['diff', (f) => ['diff', f, issued], [...common, ...scans, 'damaged.pdf']],
    ['diff (second file)', (f) => ['diff', issued, f], common],
    ['profile', (f) => ['profile', f], common],
    ['profile --scan', (f) => ['profile', profile, '--scan', f], [...common, ...scans]],
    ['revalidation', (f) => ['revalidation', f, issued, '--out', at('out.pdf')], [...common, 'damaged.pdf']],
    ['vc', (f) => ['vc', f, '--key', at('random.bin')], common],
    ['vc --key', (f) => ['vc', issued, '--key', f], common],
    ['dossier', (f) => ['dossier', f, at('random.bin'), '--out', at('out.zip')], common],
    ['form validate', (f) => ['form', 'validate', f], ['random.bin', 'truncated.pdf', 'huge-name.quickscan.json']],
    ['form diff', (f) => ['form', 'diff', f, f], common],
  ];

  for (const [name, args, files] of commands) {
    it(`${name}: exit 2 and one clean line for every hostile file`, () => {
      for (const f of files) expectRefused(quickscan(args(at(f))));
    }, 120_000);
  }

  it('form validate: JSON that is no definition gets its report, clean, and exit 2', () => {
    for (const f of ['nul.json', 'evil.quickscan.json']) {
      const r = quickscan(['form', 'validate', at(f)]);
      expect(r.code).toBe(2);
      expect(clean(r.out)).toBe(true);
      expect(clean(r.err)).toBe(true);
    }
  });

  it('diff --dossier: a file that is no dossier is one clean warning, and the comparison goes on', () => {
    for (const f of ['random.bin', 'truncated.zip']) {
      const r = quickscan(['diff', issued, issued, '--dossier', at(f)]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/^quickscan: warning: [^\n]+\n$/);
      expect(clean(r.out)).toBe(true);
    }
  });

  it('verify: a damaged file is failed (exit 1), one clean result, no parser warnings', () => {
    for (const f of ['random.bin', 'damaged.pdf', 'bignums.pdf', 'truncated.pdf', 'nul.json']) {
      const r = quickscan(['verify', at(f)]);
      expect(r.code, f).toBe(1);
      expect(r.err, f).toBe('');
      expect(clean(r.out)).toBe(true);
      expect(r.out).toContain('FAILED');
      expect(r.out).not.toMatch(/Cannot read|TypeError|undefined/);
    }
  });

  it('a file over the size limit is refused before it is read', () => {
    const r = quickscan(['score', at('huge-name.quickscan.json')]);
    expectRefused(r);
    expect(r.err).toContain('more than 16 MB');
    const long = quickscan(['score', at('long-name.quickscan.json')]);
    expectRefused(long);
    expect(long.err).toContain('project.name has more than 500 characters');
  });

  it('control characters and bidirectional overrides from a file are shown escaped, in text and JSON', () => {
    const r = quickscan(['score', at('evil.quickscan.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(clean(r.out)).toBe(true);
    expect(r.out).toContain('Evil\\x1B]0;pwned\\x07\\x1B[31mRED\\u202Eexe.txt\\x00\\x85\\u2066end');
    const json = quickscan(['score', at('evil.quickscan.json'), '--json']);
    expect(json.code).toBe(0);
    expect(clean(json.out)).toBe(true);
    expect(JSON.parse(json.out).project.name).toBe(EVIL);
    const opt = quickscan(['optimize', at('evil.quickscan.json')]);
    expect(opt.code).toBe(0);
    expect(clean(opt.out)).toBe(true);
  });

  it('a file name with control characters is shown escaped in the one error line', () => {
    const r = quickscan(['score', 'no-such-\u001b[31m\u202e.json']);
    expectRefused(r);
    expect(r.err).toBe('quickscan: no-such-\\x1B[31m\\u202E.json: no such file\n');
    const long = quickscan(['score', `${'x'.repeat(300)}/${'y'.repeat(300)}.json`]);
    expectRefused(long);
  });
});
