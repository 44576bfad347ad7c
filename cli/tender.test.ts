/**
 * `quickscan diff`, `quickscan profile` and `quickscan verify --profile`, in-process through
 * `run(argv, io)`: results on the tender examples and the issued examples, and bad input
 * (exit 2 and one line on standard error).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalProfileContent, buildProfileEnvelope, profileEnvelopeJsonText, type ProfileEnvelopeV1 as ProfileEnvelope } from '../scoring/profile';
import { signWithSecretKey } from '../scoring/signature';
import { memoryIo } from './io';
import { run } from './run';

const root = join(import.meta.dirname, '..');
const T = 'docs/examples/tender';
const PROFILE = `${T}/requirement-profile.json`;
const SCAN = 'docs/examples/new-build-school-goes.quickscan.json';
const ISSUED = 'docs/examples/issued/new-build-school-goes.quickscan-issued.json';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'quickscan-tender-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]) {
  const io = memoryIo({ env: { LANG: 'en_GB.UTF-8' }, cwd: root });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

function temp(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
}

function expectBadInput(r: { code: number; out: string; err: string }, fragment: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^quickscan: /);
  expect(r.err).toMatch(fragment);
}

describe('diff', () => {
  it('prints the theme changes, the label change, downgrades and promised versus delivered', async () => {
    const r = await cli(['diff', `${T}/bid-01-compliant-gold.pdf`, `${T}/delivery/bid-01-delivery.pdf`]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^A: docs\/examples\/tender\/bid-01-compliant-gold\.pdf – valid · QS-\S+ · tender · 2026-12-01 · zeeland-quickscan 1\.0\.0$/m);
    expect(r.out).toMatch(/^B: .* – valid · QS-\S+ · delivery · 2028-09-12 · /m);
    expect(r.out).toMatch(/^ {2}C {2}Connections +70\.0 +60\.0 +-10\.0$/m);
    expect(r.out).toMatch(/^ {2}E {2}Adaptability +62\.5 +68\.7 +\+6\.2$/m);
    expect(r.out).toMatch(/^ {5}Total +66\.6 +64\.7 +-1\.9$/m);
    expect(r.out).toMatch(/^Label +Gold → Silver \(down\)$/m);
    expect(r.out).toMatch(/^Downgrades \(3\): points went down$/m);
    expect(r.out).toMatch(/^ {2}G1 .* 3 · Take-back guarantees for several product groups +1 · Offcuts and packaging +-2$/m);
    expect(r.out).toMatch(/^Promised \(A\) versus delivered \(B\): 30 met, 1 exceeded, 3 not met, 2 not assessed$/m);
    expect(r.out).toMatch(/^ {2}C1 +3 · Mostly dry connections +2 · Mixed, mainly mechanical +NOT MET +evidenced → evidenced$/m);
    expect(r.out).toMatch(/^ {2}E1 +3 · Suitable for most uses +4 · Generous and versatile +exceeded +without evidence → evidenced$/m);

    const nl = await cli(['diff', `${T}/bid-01-compliant-gold.pdf`, `${T}/delivery/bid-01-delivery.pdf`, '--lang', 'nl']);
    expect(nl.code).toBe(0);
    expect(nl.out).toMatch(/^Label +Goud → Zilver \(lager\)$/m);
    expect(nl.out).toMatch(/^ {5}Totaal +66,6 +64,7 +-1,9$/m);
    expect(nl.out).toMatch(/NIET GEHAALD/);
    expect(nl.out).toMatch(/· 01-12-2026 ·/);
  });

  it('a scan file against its own issued revision: nothing changed', async () => {
    const r = await cli(['diff', SCAN, ISSUED, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.a).toMatchObject({ kind: 'scan', status: 'unsigned', referenceCode: null });
    expect(j.b).toMatchObject({ kind: 'envelope', status: 'valid' });
    expect(j.comparison.downgrades).toEqual([]);
    expect(j.comparison.label.change).toBe('same');
    expect(j.comparison.total.delta).toEqual({ exact: '0/1', display: 0 });
    expect(j.comparison.promiseCounts['not-met']).toBe(0);
    expect(j.comparison.questions).toHaveLength(36);
  });

  it('an altered file is compared with a warning; unreadable input and unknown methods give exit 2', async () => {
    const env = readJson<{ content: { scan: { answers: Record<string, unknown> } } }>(ISSUED);
    env.content.scan.answers.C1 = { level: 'l4' };
    const altered = temp('altered.quickscan-issued.json', env);
    const r = await cli(['diff', ISSUED, altered]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^quickscan: warning: .*altered\.quickscan-issued\.json: ALTERED \(data\): the comparison shows the data as it is in the file/);
    expect(r.out).toMatch(/^B: .* – ALTERED \(data\)/m);

    expectBadInput(await cli(['diff', ISSUED, 'missing.pdf']), /missing\.pdf: no such file/);
    expectBadInput(await cli(['diff', ISSUED, temp('other.json', { hello: 1 })]), /other\.json: cannot be compared: /);
    expectBadInput(await cli(['diff', ISSUED, `${T}/bid-11-unknown-method.pdf`]), /unknown method version: zeeland-quickscan 1\.1\.0/);
    expectBadInput(await cli(['diff', ISSUED]), /missing argument/);
  });
});

describe('profile', () => {
  it('shows a valid profile (exit 0) and flags a changed one (exit 1)', async () => {
    const r = await cli(['profile', PROFILE]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}Signed by .*key fingerprint V5DG-3S4Z-DTNX-0WFG; data intact, signature valid/m);
    expect(r.out).toMatch(/must-haves: C1 ≥ 2 · Mixed, mainly mechanical; D2 ≥ 2 · Accessible shafts and ceilings; F1 ≥ 3 · Element-level passport; G1 ≥ 2 · /);

    const env = readJson<ProfileEnvelope>(PROFILE);
    env.content.themeMinimums = { C: 10 };
    const changed = await cli(['profile', temp('changed-profile.json', env), '--json']);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.out).verification).toMatchObject({ ok: false, dataIntact: false, signatureValid: false });

    expectBadInput(await cli(['profile', ISSUED]), /not a requirement profile: format: /);
    expectBadInput(await cli(['profile', PROFILE, '--prudent']), /--prudent needs --scan/);
    expectBadInput(await cli(['profile', PROFILE, '--scan', `${T}/bid-11-unknown-method.pdf`]), /unknown method version/);
    expectBadInput(await cli(['profile', temp('broken.json', '{ "a": ')]), /not valid JSON/);
  });
});

describe('profile sign (format 2, with a key file of quickscan key new)', () => {
  it('signs a draft with a P-256 key file; the profile checks, and bids rank against it as against the format-1 original', async () => {
    const key = join(tmp, 'authority.quickscan-key.json');
    expect((await cli(['key', 'new', '--out', key, '--label', 'Gemeente Kapelle (test)'])).code).toBe(0);
    // the committed format-1 profile as the draft: its content is signed again, as format 2
    const out = join(tmp, 'requirement-profile.v2.json');
    const signed = await cli(['profile', 'sign', PROFILE, '--key', key, '--out', out, '--json']);
    expect(signed.err).toBe('');
    expect(signed.code).toBe(0);
    const made = JSON.parse(signed.out) as { formatVersion: number; referenceCode: string; fingerprint: string };
    expect(made.formatVersion).toBe(2);
    expect(made.referenceCode).toMatch(/^QS(-[0-9A-Z*~$=]{4}){6}$/);
    const env = JSON.parse(readFileSync(out, 'utf8')) as { formatVersion: number; content: { signer: { name: string; key: { kty: string } }; mustHaves: unknown } };
    expect(env.formatVersion).toBe(2);
    expect(env.content.signer).toMatchObject({ name: 'ir. L. Dekker (fictief)', key: { kty: 'EC' } });
    expect(env.content.mustHaves).toEqual(readJson<ProfileEnvelope>(PROFILE).content.mustHaves);

    const check = await cli(['profile', out]);
    expect(check.code).toBe(0);
    expect(check.out).toContain(`key fingerprint ${made.fingerprint}; data intact, signature valid; profile code ${made.referenceCode}`);

    const files = ['bid-02-compliant-silver.pdf', 'bid-04-not-compliant-musthave.pdf', 'bid-01-compliant-gold.pdf'].map((f) => `${T}/${f}`);
    const v1 = await cli(['verify', '--profile', PROFILE, '--trusted-keys', `${T}/trusted-bidder-keys.json`, ...files, '--json']);
    const v2 = await cli(['verify', '--profile', out, '--trusted-keys', `${T}/trusted-bidder-keys.json`, ...files, '--json']);
    expect(v2.code).toBe(0);
    const ranks = (r: { out: string }) => (JSON.parse(r.out) as { bids: { file: string; rank: number | null }[] }).bids.map((b) => [b.file, b.rank]);
    expect(ranks(v2)).toEqual(ranks(v1));
    expect(ranks(v2)).toContainEqual([`${T}/bid-01-compliant-gold.pdf`, 1]);

    // changed after signing: exit 1, as for format 1
    const changed = JSON.parse(readFileSync(out, 'utf8')) as { content: { minimumLabel?: string } };
    changed.content.minimumLabel = 'bronze';
    expect((await cli(['profile', temp('changed-v2.json', changed)])).code).toBe(1);
  });

  it('an Ed25519 key file signs format 2 too; name, role and date from the options; a bare draft gets id and format', async () => {
    const key = join(tmp, 'ed.quickscan-key.json');
    expect((await cli(['key', 'new', '--alg', 'EdDSA', '--out', key])).code).toBe(0);
    const { signer: _s, id: _i, format: _f, formatVersion: _v, created: _c, ...draft } = readJson<ProfileEnvelope>(PROFILE).content;
    const out = join(tmp, 'ed-profile.json');
    const r = await cli(['profile', 'sign', temp('draft.json', draft), '--key', key, '--out', out, '--name', 'M. Verhage', '--role', 'Inkoper', '--created', '2026-12-01']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Wrote .*ed-profile\.json: requirement profile .* format 2, signed with key [0-9A-Z]{4}-/);
    const env = JSON.parse(readFileSync(out, 'utf8')) as { content: { id: string; created: string; signer: unknown } };
    expect(env.content.created).toBe('2026-12-01');
    expect(env.content.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(env.content.signer).toMatchObject({ name: 'M. Verhage', role: 'Inkoper', key: { kty: 'OKP', crv: 'Ed25519' } });
    expect((await cli(['profile', out])).code).toBe(0);
  });

  it('profile new writes a draft for a method release; filled in, it signs and checks; it never overwrites a file', async () => {
    const draftPath = join(tmp, 'new-draft.json');
    const made = await cli(['profile', 'new', '--out', draftPath, '--method', 'zeeland-quickscan@1.0.0', '--tender', 'Brede school Goes', '--reference', 'GOES-2027-01', '--authority', 'Gemeente Goes']);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^Wrote .*new-draft\.json: the draft of a requirement profile for zeeland-quickscan 1\.0\.0\. Add the requirements/);
    const draft = JSON.parse(readFileSync(draftPath, 'utf8')) as Record<string, unknown> & { method: { sha256: string } };
    expect(draft).toMatchObject({ formatVersion: 2, tender: { name: 'Brede school Goes', reference: 'GOES-2027-01' }, contractingAuthority: 'Gemeente Goes', mustHaves: [] });
    expect(draft.method.sha256).toBe(readJson<ProfileEnvelope>(PROFILE).content.method.sha256);
    writeFileSync(draftPath, JSON.stringify({ ...draft, minimumLabel: 'silver', mustHaves: [{ question: 'C1', minLevel: 'l2' }] }));
    const key = join(tmp, 'new.quickscan-key.json');
    await cli(['key', 'new', '--out', key, '--label', 'Inkoop Goes']);
    const out = join(tmp, 'new-profile.json');
    expect((await cli(['profile', 'sign', draftPath, '--key', key, '--out', out])).code).toBe(0);
    const check = await cli(['profile', 'verify', out]);
    expect(check.code).toBe(0);
    expect(check.out).toBe((await cli(['profile', out])).out);
    expect(check.out).toMatch(/^ {2}Signed by Inkoop Goes, key fingerprint .*; data intact, signature valid; profile code QS(-[0-9A-Z*~$=]{4}){6}$/m);
    expect(check.out).toMatch(/minimum label Silver · must-haves: C1 ≥ 2 · /);

    expectBadInput(await cli(['profile', 'new', '--out', draftPath, '--method', 'zeeland-quickscan@1.0.0', '--tender', 'x', '--reference', 'y', '--authority', 'z']), /already exists; choose another name/);
    expectBadInput(await cli(['profile', 'new', '--out', join(tmp, 'd9.json'), '--method', 'zeeland-quickscan', '--tender', 'x', '--reference', 'y', '--authority', 'z']), /is not <id>@<version>/);
    expectBadInput(await cli(['profile', 'new', '--out', join(tmp, 'd9.json'), '--method', 'zeeland-quickscan@9.9.9', '--tender', 'x', '--reference', 'y', '--authority', 'z']), /9\.9\.9, which is not a release/);
    expectBadInput(await cli(['profile', 'new', '--out', join(tmp, 'd9.json'), '--method', 'zeeland-quickscan@1.0.0', '--tender', 'x', '--authority', 'z']), /--reference/);
  });

  it('refuses a draft the format or the method would refuse, and missing options', async () => {
    const key = join(tmp, 'k2.quickscan-key.json');
    await cli(['key', 'new', '--out', key]);
    const content = readJson<ProfileEnvelope>(PROFILE).content;
    expectBadInput(await cli(['profile', 'sign', temp('d1.json', { ...content, extra: 1 }), '--key', key, '--out', join(tmp, 'x.json')]), /not a requirement profile draft: .*extra/);
    expectBadInput(await cli(['profile', 'sign', temp('d2.json', { ...content, mustHaves: [{ question: 'Z9', minLevel: 'l1' }] }), '--key', key, '--out', join(tmp, 'x.json')]), /does not fit its method: mustHaves\[0\]\.question: unknown question "Z9"/);
    expectBadInput(await cli(['profile', 'sign', temp('d3.json', { ...content, method: { ...content.method, sha256: '0'.repeat(64) } }), '--key', key, '--out', join(tmp, 'x.json')]), /not a release this quickscan knows/);
    expectBadInput(await cli(['profile', 'sign', PROFILE, '--out', join(tmp, 'x.json')]), /--key/);
    expectBadInput(await cli(['profile', 'sign', PROFILE, '--key', key]), /--out/);
    expectBadInput(await cli(['profile', 'sign', PROFILE, '--key', `${T}/trusted-bidder-keys.json`, '--out', join(tmp, 'x.json')]), /key/);
  });
});

describe('profile --scan', () => {
  it('says what is missing and gives the cheapest plan that complies (a must-have marked not applicable gets a level)', async () => {
    const r = await cli(['profile', PROFILE, '--scan', `${T}/bid-10-not-compliant-na-musthave.pdf`, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.scan.status).toBe('valid');
    expect(j.scan.compliance.compliant).toBe(false);
    expect(j.scan.compliance.missing).toEqual([{ kind: 'must-have', question: 'D2', requiredLevel: 'l2', currentLevel: null, status: 'not-applicable' }]);
    expect(j.scan.plan.levels.D2).toBe('l2');
    expect(j.scan.plan.changes).toContainEqual({ question: 'D2', from: null, fromNotApplicable: true, to: 'l2' });
    expect(j.scan.plan.label).not.toBeNull();

    const compliant = await cli(['profile', PROFILE, '--scan', `${T}/bid-01-compliant-gold.pdf`]);
    expect(compliant.out).toMatch(/^Compliant: yes · total 66\.6 · label Gold · fictitious discount €166,500$/m);
    expect(compliant.out).not.toMatch(/Cheapest way/);

    const text = await cli(['profile', PROFILE, '--scan', SCAN, '--prudent', '--lang', 'nl']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Voldoet: nee · /m);
    expect(text.out).toMatch(/^Goedkoopste manier om te voldoen \(kosten: bovenkant van elke bandbreedte\):$/m);
    expect(text.out).toMatch(/^ {4}F1 {2}l1 → l3$/m);
  });
});

describe('verify --profile', () => {
  it('ranks passed compliant bids; CSV (the one writer: BOM, CRLF, formula cells neutralised) has one row per file', async () => {
    const files = ['bid-02-compliant-silver.pdf', 'bid-04-not-compliant-musthave.pdf', 'bid-01-compliant-gold.pdf'].map((f) => `${T}/${f}`);
    const r = await cli(['verify', '--profile', PROFILE, '--trusted-keys', `${T}/trusted-bidder-keys.json`, ...files, '--csv']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0); // all passed; compliance does not change the exit code
    expect(r.out.startsWith('\uFEFF')).toBe(true);
    const lines = r.out.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('rank,file,verdict,altered_parts,compliant,total,label,fictitious_discount_eur,reference_code,project,missing,not_ranked_reason');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 8).join(','))).toEqual([
      `1,${T}/bid-01-compliant-gold.pdf,passed,,true,66.6,Gold,166500.00`,
      `2,${T}/bid-02-compliant-silver.pdf,passed,,true,51.1,Silver,127750.00`,
      `,${T}/bid-04-not-compliant-musthave.pdf,passed,,false,63.7,Silver,`,
    ]);
    // levels by number and name, never l0-l4; quoted: it has a comma
    expect(lines[3]).toMatch(/,"must-have C1: required at least level 2 · Mixed, mainly mechanical — answer: 1 · Chemical, with some mechanical layers",$/);
    expect(r.out).not.toMatch(/\bl[0-4]\b/);
  });

  it('without a trust anchor no bid is ranked (indeterminate); a scan file is not signed and not ranked; a missing file is exit 2', async () => {
    const r = await cli(['verify', '--profile', PROFILE, `${T}/bid-09-unknown-signer.pdf`, SCAN, 'missing.pdf', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('quickscan: cannot read the file missing.pdf\n');
    const j = JSON.parse(r.out);
    expect(j.bids.map((b: { file: string; status: string; rank: number | null; notRanked: string | null }) => [b.file, b.status, b.rank, b.notRanked])).toEqual([
      [`${T}/bid-09-unknown-signer.pdf`, 'valid', null, 'indeterminate'],
      [SCAN, 'unsigned', null, 'indeterminate'],
      ['missing.pdf', 'unreadable', null, 'failed'],
    ]);
    // the example scan is on the profile's method: assessed, though not ranked
    expect(j.bids[1].compliance.compliant).toBe(false);
  });

  it('a profile for a method version this build does not know is refused', async () => {
    const env = readJson<ProfileEnvelope>(PROFILE);
    // the same requirements on a method hash that no release has: unusable profile
    const other = { ...env.content, method: { ...env.content.method, sha256: '0'.repeat(64) } };
    const key = readJson<{ secretKey: string }>(`${T}/authority-test-key.json`);
    const resigned = buildProfileEnvelope(other, signWithSecretKey(canonicalProfileContent(other), key.secretKey));
    expectBadInput(await cli(['verify', '--profile', temp('other-method.json', profileEnvelopeJsonText(resigned)), `${T}/bid-01-compliant-gold.pdf`]), /applies to method zeeland-quickscan 1\.0\.0, which is not a release/);
  });

  it('refuses an altered or badly signed profile, and bad option combinations', async () => {
    const env = readJson<ProfileEnvelope>(PROFILE);
    const bid = `${T}/bid-01-compliant-gold.pdf`;
    const changed = structuredClone(env);
    changed.content.mustHaves = [];
    expectBadInput(await cli(['verify', '--profile', temp('p1.json', changed), bid]), /requirement profile was changed after it was signed/);
    const rehashed = buildProfileEnvelope(changed.content, env.signature);
    expectBadInput(await cli(['verify', '--profile', temp('p2.json', rehashed), bid]), /signature of the requirement profile does not fit/);
    const unknownQuestion = structuredClone(env);
    unknownQuestion.content.mustHaves = [{ question: 'Z9', minLevel: 'l1' }];
    const key = readJson<{ secretKey: string }>(`${T}/authority-test-key.json`);
    const signedBadly = buildProfileEnvelope(unknownQuestion.content, signWithSecretKey(canonicalProfileContent(unknownQuestion.content), key.secretKey));
    expectBadInput(await cli(['verify', '--profile', temp('p3.json', signedBadly), bid]), /does not fit its method: mustHaves\[0\]\.question: unknown question "Z9"/);
    // without a profile, --csv is verify's own table: one row per file with its verdict
    const plain = await cli(['verify', '--csv', bid]);
    expect(plain.err).toBe('');
    expect(plain.out.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/verdict/i);
    expect(plain.out).toMatch(/indeterminate|passed|failed/);
    expectBadInput(await cli(['verify', '--profile', PROFILE, '--csv', '--json', bid]), /either --json or --csv/);
    expectBadInput(await cli(['verify', '--profile', 'nope.json', bid]), /nope\.json: no such file/);
    expectBadInput(await cli(['verify', '--profile', PROFILE]), /missing argument/);
  });

  it('help lists the new commands and options', async () => {
    const general = await cli(['--help']);
    expect(general.out).toMatch(/^ {2}diff <a> <b> +Compare two revisions/m);
    expect(general.out).toMatch(/^ {2}profile <profile\.json> +Check a signed tender requirement profile/m);
    const verify = await cli(['verify', '--help']);
    expect(verify.out).toMatch(/\[--profile <profile\.json> \[--csv\]\]/);
    expect(verify.out).toMatch(/^ {2}--csv {2,}with --profile/m);
    const nl = await cli(['diff', '--help', '--lang', 'nl']);
    expect(nl.out).toMatch(/^Vergelijk twee revisies/);
  });
});
