/**
 * Key rotation and revocation on the command line, end to end and in-process: `key rotate`,
 * `key revoke`, `verify --key-statement` (revisions before / after the date, the new key
 * inheriting the old key's trust), and every bad input (exit 2, one line, nothing written).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from './io';
import { run } from './run';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCAN = join(root, 'docs/examples/new-build-school-goes.quickscan.json');

let tmp: string;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'quickscan-key-statements-'));
  expect((await cli(['key', 'new', '--out', 'old.quickscan-key.json', '--label', 'Bureau De Vries'])).code).toBe(0);
  for (const [out, at] of [
    ['before.quickscan-issued.json', '2026-05-15T10:00:00Z'],
    ['after.quickscan-issued.json', '2026-07-01T10:00:00Z'],
  ] as const) {
    expect((await cli(['issue', SCAN, '--key', 'old.quickscan-key.json', '--phase', 'SO', '--out', out, '--issued-at', at])).code).toBe(0);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[], lang = 'en') {
  const io = memoryIo({ env: { LANG: lang === 'nl' ? 'nl_NL.UTF-8' : 'en_GB.UTF-8' }, cwd: tmp });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

type FileJson = { verdict: string; reasons: string[]; findings: { code: string; fingerprint?: string; detail?: string }[] };
const files = (out: string) => (JSON.parse(out) as { files: FileJson[] }).files;
const verdicts = (out: string) => files(out).map((f) => f.verdict);
const fingerprintOf = (file: string) => (JSON.parse(readFileSync(join(tmp, file), 'utf8')) as { fingerprint: string }).fingerprint;

describe('key rotate + verify --key-statement', () => {
  it('the new key has the old key’s trust from the rotation date once the statement is given; the old key stops counting after it', async () => {
    const r = await cli(['key', 'rotate', '--key', 'old.quickscan-key.json', '--out', 'new.quickscan-key.json', '--date', '2026-06-01', '--json']);
    expect(r.code).toBe(0);
    const made = JSON.parse(r.out) as { statement: string; fingerprint: string; oldFingerprint: string };
    expect(made).toMatchObject({ statement: 'new.rotation.quickscan-key-statement.json', oldFingerprint: fingerprintOf('old.quickscan-key.json') });
    expect(readFileSync(join(tmp, 'new.quickscan-key.json'), 'utf8')).toMatch(/"warning": "SECRET SIGNING KEY/);
    expect(fingerprintOf('new.public.json')).toBe(made.fingerprint);
    expect((await cli(['issue', SCAN, '--key', 'new.quickscan-key.json', '--phase', 'VO', '--out', 'new-key.quickscan-issued.json', '--issued-at', '2026-07-02T10:00:00Z'])).code).toBe(0);

    const trusted = ['--trusted-keys', 'old.public.json'];
    const revisions = ['before.quickscan-issued.json', 'after.quickscan-issued.json', 'new-key.quickscan-issued.json'];
    // without the statement: the new key is unknown, both old-key revisions pass
    const plain = await cli(['verify', ...revisions, ...trusted, '--json']);
    expect(verdicts(plain.out)).toEqual(['passed', 'passed', 'indeterminate']);
    expect(plain.code).toBe(3);
    // with it: confirmed by naming it
    const withStatement = await cli(['verify', ...revisions, ...trusted, '--key-statement', made.statement, '--json']);
    expect(verdicts(withStatement.out)).toEqual(['passed', 'failed', 'passed']);
    expect(withStatement.code).toBe(1);
    const [, after, newKey] = files(withStatement.out);
    expect(after!.reasons).toEqual(['signer-revoked']);
    expect(after!.findings.find((f) => f.code === 'signer-revoked')?.detail).toBe('superseded');
    expect(newKey!.findings.find((f) => f.code === 'signer-key-rotated')).toMatchObject({ fingerprint: made.oldFingerprint, detail: made.fingerprint });
    // the text output says what the statement did and why the revision passes
    const text = await cli(['verify', 'new-key.quickscan-issued.json', ...trusted, '--key-statement', made.statement]);
    expect(text.code).toBe(0);
    expect(text.err).toContain(`key rotation by Bureau De Vries, key ${made.oldFingerprint} → ${made.fingerprint} from 2026-06-01; counted as confirmed by you`);
    // a rotation never adds trust by itself: without the old key trusted, nothing passes
    expect(verdicts((await cli(['verify', 'new-key.quickscan-issued.json', '--key-statement', made.statement, '--json'])).out)).toEqual(['indeterminate']);
  });

  it('key revoke: revisions before the date keep passing (with a note), later ones fail', async () => {
    const r = await cli(['key', 'revoke', '--key', 'old.quickscan-key.json', '--reason', 'key-compromise', '--date', '2026-06-01', '--out', 'old-revoked.quickscan-key-statement.json'], 'nl');
    expect(r.code).toBe(0);
    expect(r.out).toContain('old-revoked.quickscan-key-statement.json geschreven: de intrekking van sleutel');
    const v = await cli(['verify', 'before.quickscan-issued.json', 'after.quickscan-issued.json', '--trusted-keys', 'old.public.json', '--key-statement', 'old-revoked.quickscan-key-statement.json', '--json']);
    expect(v.code).toBe(1);
    const [before, after] = files(v.out);
    expect(before!.verdict).toBe('passed');
    expect(before!.findings.map((f) => f.code)).toContain('signer-revoked-later');
    expect(after).toMatchObject({ verdict: 'failed', reasons: ['signer-revoked'] });
  });
});

describe('bad input: exit 2, one line in the user’s language, nothing written', () => {
  const listing = () => readdirSync(tmp).sort();

  it('a damaged, altered, wrongly signed or foreign statement is refused by verify', async () => {
    await cli(['key', 'revoke', '--key', 'old.quickscan-key.json', '--reason', 'superseded', '--out', 'good.quickscan-key-statement.json']);
    const good = JSON.parse(readFileSync(join(tmp, 'good.quickscan-key-statement.json'), 'utf8')) as { content: Record<string, unknown>; signature: string };
    await cli(['key', 'new', '--out', 'other.quickscan-key.json']);
    expect((await cli(['key', 'revoke', '--key', 'other.quickscan-key.json', '--reason', 'superseded', '--out', 'other.quickscan-key-statement.json'])).err).toMatch(/give the name of the key holder with --name/);
    expect((await cli(['key', 'revoke', '--key', 'other.quickscan-key.json', '--reason', 'superseded', '--out', 'other.quickscan-key-statement.json', '--name', 'Iemand anders'])).code).toBe(0);
    const other = JSON.parse(readFileSync(join(tmp, 'other.quickscan-key-statement.json'), 'utf8')) as { signature: string };
    const cases: [string, string, RegExp, RegExp][] = [
      ['garbage.json', '{"format": "quickscan-key', /not a key statement \(not JSON text\)/, /geen sleutelverklaring \(geen JSON-tekst\)/],
      ['list.json', '{"format":"quickscan-trustlist-envelope"}', /not a key statement \(\*\.quickscan-key-statement\.json/, /geen sleutelverklaring/],
      ['altered.json', JSON.stringify({ ...good, content: { ...good.content, revokedAt: '2020-01-01T00:00:00.000Z' } }), /altered after it was signed/, /na ondertekening gewijzigd/],
      ['foreign.json', JSON.stringify({ ...good, signature: other.signature }), /not signed by the key it is about \(a statement for another key/, /niet ondertekend met de sleutel waar ze over gaat/],
      ['rsa.json', JSON.stringify({ ...good, content: { ...good.content, key: { kty: 'RSA', n: 'x', e: 'AQAB' } } }), /a key of a type this version cannot use \(RSA/, /een sleutel van een soort die deze versie niet kan gebruiken \(RSA/],
      ['extra.json', JSON.stringify({ ...good, extra: true }), /not a valid key statement \(extra: unknown field "extra"\)/, /geen geldige sleutelverklaring/],
      ['twice.json', readFileSync(join(tmp, 'good.quickscan-key-statement.json'), 'utf8').replace('"formatVersion": 1,', '"formatVersion": 1, "formatVersion": 1,'), /names a field twice/, /noemt een veld twee keer/],
    ];
    for (const [file, text, en, nl] of cases) {
      writeFileSync(join(tmp, file), text);
      for (const [lang, pattern] of [['en', en], ['nl', nl]] as const) {
        const r = await cli(['verify', 'before.quickscan-issued.json', '--key-statement', file], lang);
        expect(r.code, file).toBe(2);
        expect(r.out, file).toBe('');
        expect(r.err.trim().split('\n'), file).toHaveLength(1);
        expect(r.err, file).toMatch(pattern);
      }
    }
    expect((await cli(['verify', 'before.quickscan-issued.json', '--key-statement', 'missing.json'])).code).toBe(2);
  });

  it('key rotate and key revoke write nothing when something is wrong', async () => {
    writeFileSync(join(tmp, 'public-only.json'), readFileSync(join(tmp, 'old.public.json')));
    writeFileSync(join(tmp, 'rsa-key.json'), JSON.stringify({ format: 'quickscan-private-key', formatVersion: 1, privateKey: { kty: 'RSA', n: 'x', e: 'AQAB', d: 'y' } }));
    const before = listing();
    const attempts: [string[], RegExp][] = [
      [['key', 'rotate', '--key', 'public-only.json', '--out', 'x.quickscan-key.json'], /a public key file; signing needs the private key file/],
      [['key', 'rotate', '--key', 'rsa-key.json', '--out', 'x.quickscan-key.json'], /a key of a type this version cannot use/],
      [['key', 'rotate', '--key', 'old.quickscan-key.json', '--out', 'new.quickscan-key.json'], /already exists/],
      [['key', 'rotate', '--key', 'old.quickscan-key.json', '--out', 'old.quickscan-key.json'], /another file than the old one/],
      [['key', 'rotate', '--key', 'old.quickscan-key.json', '--out', 'x.quickscan-key.json', '--date', '1 juni'], /--date "1 juni" is not a date/],
      [['key', 'rotate', '--key', 'old.quickscan-key.json', '--out', 'x.quickscan-key.json', '--statement', 'good.quickscan-key-statement.json'], /already exists; choose another name with --statement/],
      [['key', 'revoke', '--key', 'old.quickscan-key.json', '--reason', 'lost'], /unknown reason "lost"/],
      [['key', 'revoke', '--key', 'old.quickscan-key.json', '--reason', 'superseded', '--out', 'good.quickscan-key-statement.json'], /already exists/],
      [['key', 'revoke', '--key', 'rsa-key.json', '--reason', 'superseded'], /a key of a type this version cannot use/],
    ];
    for (const [args, pattern] of attempts) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err, args.join(' ')).toMatch(pattern);
    }
    expect(listing()).toEqual(before);
    const nl = await cli(['key', 'revoke', '--key', 'old.quickscan-key.json', '--reason', 'lost'], 'nl');
    expect(nl.err).toMatch(/onbekende reden "lost"/);
  });

  it('--help says that naming a rotation counts as your confirmation', async () => {
    expect((await cli(['verify', '--help'])).out).toMatch(/--key-statement <file>.*counts as YOUR confirmation/s);
    expect((await cli(['verify', '--help'], 'nl')).out).toMatch(/--key-statement <bestand>.*geldt als UW bevestiging/s);
    expect((await cli(['key', 'rotate', '--help'])).out).toMatch(/A rotation adds no trust by itself/);
  });
});
