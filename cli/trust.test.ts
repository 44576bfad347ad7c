/**
 * Trust on the command line, end to end and in-process: `key new` + `issue` + `verify` with and
 * without anchors, trust lists made with `trustlist new|add|revoke|sign`, bad trust lists, the
 * committed examples with and without the committed test key, and an independent tamper suite
 * (every altered copy fails; every untouched file passes or is indeterminate as its anchors say).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyFile } from '../report/verify';
import { checkIssuedEnvelope, parseStrictJson } from '../scoring/envelope-check';
import { memoryIo } from './io';
import { run } from './run';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCAN = join(root, 'docs/examples/new-build-school-goes.quickscan.json');
const ISSUED = join(root, 'docs/examples/issued');
const TEST_KEY = join(ISSUED, 'test-key.public.json');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'quickscan-trust-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[], lang = 'en') {
  const io = memoryIo({ env: { LANG: lang === 'nl' ? 'nl_NL.UTF-8' : 'en_GB.UTF-8' }, cwd: tmp });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

const verdicts = (out: string) => (JSON.parse(out) as { files: { file: string; verdict: string }[] }).files.map((f) => f.verdict);

describe('public key files', () => {
  it('key new writes the one public key file format (2); files of earlier releases are still read by --trusted-keys', async () => {
    expect((await cli(['key', 'new', '--out', 'pk.quickscan-key.json', '--label', 'Tender team'])).code).toBe(0);
    const file = JSON.parse(readFileSync(join(tmp, 'pk.public.json'), 'utf8')) as { format: string; formatVersion: number; name: string; organisation: string; key: { kty: string }; fingerprint: string };
    expect(file).toMatchObject({ format: 'quickscan-public-key', formatVersion: 2, name: 'Tender team', organisation: '', key: { kty: 'EC' } });
    expect((await cli(['issue', SCAN, '--key', 'pk.quickscan-key.json', '--phase', 'SO', '--out', 'pk.quickscan-issued.json'])).code).toBe(0);
    // the same key in the command line's format 1 (label + JWK) and as a list entry
    writeFileSync(join(tmp, 'pk-v1.public.json'), JSON.stringify({ format: 'quickscan-public-key', formatVersion: 1, label: 'Tender team', key: file.key, fingerprint: file.fingerprint }));
    writeFileSync(join(tmp, 'pk-list.json'), JSON.stringify([file]));
    for (const keys of ['pk.public.json', 'pk-v1.public.json', 'pk-list.json']) {
      const r = await cli(['verify', 'pk.quickscan-issued.json', '--trusted-keys', keys, '--json']);
      expect({ keys, verdicts: verdicts(r.out) }).toEqual({ keys, verdicts: ['passed'] });
    }
    // a damaged file (fingerprint of another key) is refused with one line, exit 2
    writeFileSync(join(tmp, 'pk-bad.public.json'), JSON.stringify({ ...file, fingerprint: 'XXXX-XXXX-XXXX-XXXX' }));
    const bad = await cli(['verify', 'pk.quickscan-issued.json', '--trusted-keys', 'pk-bad.public.json']);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });

  it('key new --organisation puts the organisation in the public key file; a label or organisation the files cannot hold is refused before any file is written', async () => {
    expect((await cli(['key', 'new', '--out', 'org.quickscan-key.json', '--label', 'Tender team', '--organisation', 'Bouwbedrijf Zeeland'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp, 'org.public.json'), 'utf8'))).toMatchObject({ name: 'Tender team', organisation: 'Bouwbedrijf Zeeland' });
    for (const option of ['--label', '--organisation']) {
      const r = await cli(['key', 'new', '--out', 'long.quickscan-key.json', option, 'x'.repeat(201)]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`quickscan: ${option} is too long: at most 200 characters (it is written into the key files)\n`);
      expect(existsSync(join(tmp, 'long.quickscan-key.json'))).toBe(false);
    }
  });
});

describe('verify --csv', () => {
  it('has the verdict and its reasons, and no older status column beside them', async () => {
    const r = await cli(['verify', join(ISSUED, 'new-build-school-goes.quickscan-issued.json'), 'missing.pdf', '--csv']);
    expect(r.code).toBe(2);
    const [header, row, missing] = r.out.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
    expect(header).toEqual(['file', 'verdict', 'reasons', 'kind', 'reference_code', 'reference_code_form', 'project', 'phase', 'issued_at', 'total', 'label', 'signer_fingerprint', 'signer', 'anchor']);
    expect(row!.slice(1, 4)).toEqual(['indeterminate', 'signer-unknown', 'envelope']);
    expect(missing!.slice(1, 4)).toEqual(['', 'file-unreadable', 'unknown']);
    expect(missing).toHaveLength(header!.length);
  });
});

describe('key new + issue + verify', () => {
  it('a revision issued with a fresh key is indeterminate without anchors, passed with the key trusted or on a loaded trust list', async () => {
    expect((await cli(['key', 'new', '--out', 'ed.quickscan-key.json', '--alg', 'EdDSA', '--label', 'Bureau De Vries'])).code).toBe(0);
    expect(readFileSync(join(tmp, 'ed.quickscan-key.json'), 'utf8')).toMatch(/"warning": "SECRET SIGNING KEY/);
    const again = await cli(['key', 'new', '--out', 'ed.quickscan-key.json']);
    expect(again.code).toBe(2); // a key file is never overwritten
    const issued = await cli(['issue', SCAN, '--key', 'ed.quickscan-key.json', '--phase', 'SO', '--out', 'fresh.pdf', '--name', 'Bureau De Vries']);
    expect(issued.code).toBe(0);

    const open = await cli(['verify', 'fresh.pdf', '--json']);
    expect(open.code).toBe(3);
    expect(verdicts(open.out)).toEqual(['indeterminate']);
    const trusted = await cli(['verify', 'fresh.pdf', '--trusted-keys', 'ed.public.json', '--json']);
    expect(trusted.code).toBe(0);
    expect(verdicts(trusted.out)).toEqual(['passed']);

    // a trust list made on the command line
    await cli(['key', 'new', '--out', 'op.quickscan-key.json', '--label', 'CBZ']);
    expect((await cli(['trustlist', 'new', 'draft.json', '--name', 'Erkende assessoren', '--operator-key', 'op.public.json', '--operator', 'CBZ'])).code).toBe(0);
    expect((await cli(['trustlist', 'add', 'draft.json', '--key', 'ed.public.json', '--name', 'Bureau De Vries', '--role', 'independent-assessor', '--valid-from', '2020-01-01'])).code).toBe(0);
    expect((await cli(['trustlist', 'sign', 'draft.json', '--key', 'op.quickscan-key.json', '--out', 'cbz.quickscan-trustlist.json'])).code).toBe(0);
    const listed = await cli(['verify', 'fresh.pdf', '--trust-list', 'cbz.quickscan-trustlist.json', '--json']);
    expect(listed.code).toBe(0);
    const file = (JSON.parse(listed.out) as { files: { signer: { anchor: { kind: string; sequence: number } } }[] }).files[0]!;
    expect(file.signer.anchor).toMatchObject({ kind: 'trust-list', sequence: 1 });

    // revoked before the issue date: failed; signing the draft again gives version 2
    expect((await cli(['trustlist', 'revoke', 'draft.json', '--fingerprint', JSON.parse(readFileSync(join(tmp, 'ed.public.json'), 'utf8')).fingerprint, '--reason', 'key-compromise', '--at', '2020-06-01'])).code).toBe(0);
    await cli(['trustlist', 'sign', 'draft.json', '--key', 'op.quickscan-key.json', '--out', 'cbz2.quickscan-trustlist.json']);
    const revoked = await cli(['verify', 'fresh.pdf', '--trust-list', 'cbz2.quickscan-trustlist.json', '--json']);
    expect(revoked.code).toBe(1);
    expect(JSON.parse(revoked.out).files[0]).toMatchObject({ verdict: 'failed', reasons: ['signer-revoked'], signer: { anchor: { sequence: 2 } } });
  });

  it('an ES256 key issues format 2 with a long reference code; a forged re-signing in the assessor name is never passed', async () => {
    await cli(['key', 'new', '--out', 'p256.quickscan-key.json']);
    const r = await cli(['issue', SCAN, '--key', 'p256.quickscan-key.json', '--phase', 'VO', '--out', 'v2.quickscan-issued.json', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ formatVersion: 2 });
    expect(JSON.parse(r.out).referenceCode).toMatch(/^QS(-[0-9A-Z*~$=]{4}){6}$/);
    expect(verdicts((await cli(['verify', 'v2.quickscan-issued.json', '--json'])).out)).toEqual(['indeterminate']);
    expect(verdicts((await cli(['verify', 'v2.quickscan-issued.json', '--trusted-keys', 'p256.public.json', '--json'])).out)).toEqual(['passed']);
    // the PDF: layout 2 with a PAdES signature by the same key
    const pdf = await cli(['issue', SCAN, '--key', 'p256.quickscan-key.json', '--phase', 'VO', '--out', 'v2.pdf']);
    expect(pdf.code).toBe(0);
    expect(readFileSync(join(tmp, 'v2.pdf')).toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(verdicts((await cli(['verify', 'v2.pdf', '--json'])).out)).toEqual(['indeterminate']);
    expect(verdicts((await cli(['verify', 'v2.pdf', '--trusted-keys', 'p256.public.json', '--json'])).out)).toEqual(['passed']);
    // a bidder re-signs the committed example with his own fresh key, keeping the assessor's name
    await cli(['key', 'new', '--out', 'forger.quickscan-key.json', '--alg', 'EdDSA']);
    const forged = await cli(['issue', SCAN, '--key', 'forger.quickscan-key.json', '--phase', 'SO', '--out', 'forged.pdf', '--name', 'Ir. A. de Vries']);
    expect(forged.code).toBe(0);
    const v = await cli(['verify', 'forged.pdf', '--trusted-keys', TEST_KEY, '--json']);
    expect(verdicts(v.out)).toEqual(['indeterminate']);
    expect(v.code).toBe(3);
  });

  it('bad trust lists and key files get one clear message in the user language (exit 2)', async () => {
    writeFileSync(join(tmp, 'broken.quickscan-trustlist.json'), '{"format":"quickscan-trustlist-envelope"}');
    const text = readFileSync(join(tmp, 'cbz.quickscan-trustlist.json'), 'utf8');
    writeFileSync(join(tmp, 'altered.quickscan-trustlist.json'), text.replace('Bureau De Vries', 'Bureau Vals'));
    const env = JSON.parse(text) as { signature: string };
    const other = JSON.parse(readFileSync(join(tmp, 'cbz2.quickscan-trustlist.json'), 'utf8')) as { signature: string };
    writeFileSync(join(tmp, 'wrongsig.quickscan-trustlist.json'), JSON.stringify({ ...env, signature: other.signature }));
    const cases: [string, RegExp, RegExp][] = [
      ['broken.quickscan-trustlist.json', /not a valid trust list/, /geen geldige vertrouwenslijst/],
      ['altered.quickscan-trustlist.json', /altered after it was signed/, /na ondertekening gewijzigd/],
      ['wrongsig.quickscan-trustlist.json', /signature is not valid/, /handtekening van de vertrouwenslijst is ongeldig/],
    ];
    for (const [file, en, nl] of cases) {
      const a = await cli(['verify', join(ISSUED, 'new-build-school-goes.nl.pdf'), '--trust-list', file]);
      expect(a.code, file).toBe(2);
      expect(a.err.trimEnd().split('\n'), file).toHaveLength(1);
      expect(a.err).toMatch(en);
      expect((await cli(['verify', join(ISSUED, 'new-build-school-goes.nl.pdf'), '--trust-list', file], 'nl')).err).toMatch(nl);
    }
    const pub = await cli(['issue', SCAN, '--key', 'ed.public.json', '--phase', 'SO', '--out', 'x.pdf']);
    expect(pub.code).toBe(2);
    expect(pub.err).toMatch(/a public key file; signing needs the private key file/);
    writeFileSync(join(tmp, 'rsa.json'), JSON.stringify({ format: 'quickscan-private-key', formatVersion: 1, privateKey: { kty: 'RSA', n: 'x', e: 'AQAB', d: 'y' } }));
    expect((await cli(['issue', SCAN, '--key', 'rsa.json', '--phase', 'SO', '--out', 'x.pdf'], 'nl')).err).toMatch(/een sleutel van een soort die deze versie niet kan gebruiken/);
  });
});

describe('the committed examples', () => {
  it('verify passed with the committed test key and indeterminate without', async () => {
    const files = readdirSync(ISSUED)
      .filter((f) => f.endsWith('.pdf') || f.endsWith('.quickscan-issued.json'))
      .map((f) => join(ISSUED, f));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const without = await cli(['verify', ...files, '--json']);
    expect(without.code).toBe(3);
    expect(new Set(verdicts(without.out))).toEqual(new Set(['indeterminate']));
    const withKey = await cli(['verify', ...files, '--trusted-keys', TEST_KEY, '--json']);
    expect(withKey.code).toBe(0);
    expect(new Set(verdicts(withKey.out))).toEqual(new Set(['passed']));
  });
});

describe('tamper suite: every altered copy fails', () => {
  const anchors = () => ({ trustedKeys: [{ publicKey: JSON.parse(readFileSync(TEST_KEY, 'utf8')).publicKey as string, label: 'test' }] });
  const pdf = () => new Uint8Array(readFileSync(join(ISSUED, 'new-build-school-goes.nl.pdf')));
  const envelopeText = () => readFileSync(join(ISSUED, 'new-build-school-goes.quickscan-issued.json'), 'utf8');
  const enc = (t: string) => new TextEncoder().encode(t);

  it('untouched files pass with the key, and are indeterminate without', async () => {
    expect((await verifyFile(pdf(), 'a.pdf', anchors())).verdict).toBe('passed');
    expect((await verifyFile(pdf(), 'a.pdf')).verdict).toBe('indeterminate');
    expect((await verifyFile(enc(envelopeText()), 'a.json', anchors())).verdict).toBe('passed');
  });

  it('altered data, signatures, metadata, codes, duplicate keys, __proto__, transplants', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of a parsed file
    type Json = Record<string, any>;
    const base = JSON.parse(envelopeText()) as Json;
    const other = JSON.parse(readFileSync(join(ISSUED, 'renovation-office-middelburg.quickscan-issued.json'), 'utf8')) as Json;
    const variants: [string, string][] = [];
    const mutate = (name: string, f: (e: Json) => void) => {
      const e = structuredClone(base);
      f(e);
      variants.push([name, JSON.stringify(e)]);
    };
    mutate('answer raised', (e) => (e.content.scan.answers[Object.keys(e.content.scan.answers)[0]!] = { level: 'l4' }));
    mutate('project name', (e) => (e.content.project.name = 'Andere school'));
    mutate('assessor name', (e) => (e.content.assessor.name = 'Iemand anders'));
    mutate('issue date', (e) => (e.content.issuedAt = '2020-01-01T00:00:00.000Z'));
    mutate('signature of another revision', (e) => (e.signature = other.signature));
    mutate('signature bit flipped', (e) => (e.signature = (e.signature[0] === 'A' ? 'B' : 'A') + e.signature.slice(1)));
    mutate('reference code', (e) => (e.referenceCode = other.referenceCode));
    mutate('content of another revision (transplant)', (e) => (e.content = other.content));
    mutate('content hash recomputed for changed content', (e) => {
      e.content.project.name = 'X';
      e.contentHash = other.contentHash;
    });
    mutate('extra member', (e) => (e.content.extra = true));
    // duplicate member names: the last one wins in JSON.parse, so the signed value could hide behind a shown one
    const text = envelopeText();
    variants.push(['duplicate key', text.replace('"phase": "VO"', '"phase": "DO", "phase": "VO"')]);
    variants.push(['__proto__ member', text.replace('"format": "quickscan-issued",', '"format": "quickscan-issued", "__proto__": {"x": 1},')]);
    for (const [name, t] of variants) {
      if (t === text) throw new Error(`the variant "${name}" did not change anything`);
      const r = await verifyFile(enc(t), 'e.quickscan-issued.json', anchors());
      expect(r.verdict, name).toBe('failed');
      expect(r.score, name).toBeUndefined(); // figures from altered data are never the document's score
    }
  });

  it('pages, incremental updates and random bytes', async () => {
    const original = pdf();
    const appended = new Uint8Array([...original, ...enc('\n1 0 obj\n<< /Title (Goud) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')]);
    const r = await verifyFile(appended, 'a.pdf', anchors());
    expect(r.verdict).toBe('failed');
    expect(r.reasons).toEqual(['pages-incremental-update']);
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 12; i++) {
      const copy = original.slice();
      const at = 200 + (rand() % (copy.length - 400));
      copy[at] = (copy[at]! + 1 + (rand() % 255)) % 256;
      expect((await verifyFile(copy, 'a.pdf', anchors())).verdict, `byte ${at}`).toBe('failed');
    }
    const random = new Uint8Array(4096).map(() => rand() % 256);
    expect((await verifyFile(random, 'x.pdf', anchors())).verdict).toBe('failed');
    expect((await verifyFile(new Uint8Array([...enc('%PDF-1.7\n'), ...random]), 'x.pdf', anchors())).verdict).toBe('failed');
  });
});

describe('the one envelope check', () => {
  it('finds duplicate keys and __proto__ at their path, and refuses non-canonical copies', () => {
    expect(parseStrictJson('{"a":{"b":1,"b":2}}')).toMatchObject({ ok: false, problem: 'duplicate-key', path: '$["a"]["b"]' });
    expect(parseStrictJson('[{"x":"a\\"b","__proto__":1}]')).toMatchObject({ ok: false, problem: 'forbidden-key', path: '$[0]["__proto__"]' });
    expect(parseStrictJson('{"a":[{"b":1},{"b":1}],"c":"{\\"d\\":1,\\"d\\":2}"}')).toMatchObject({ ok: true });
    expect(checkIssuedEnvelope('{"format":"x","format":"y"}').findings[0]!.code).toBe('envelope-duplicate-key');
    const text = readFileSync(join(ISSUED, 'new-build-school-goes.quickscan-issued.json'), 'utf8');
    expect(checkIssuedEnvelope(text)).toMatchObject({ ok: true });
    expect(checkIssuedEnvelope(JSON.parse(text)).ok).toBe(true);
  });
});
