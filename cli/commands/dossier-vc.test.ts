/**
 * `quickscan vc`, `quickscan dossier` and dossiers in `quickscan verify`. The credential the CLI
 * writes is checked with Digital Bazaar's VC libraries (scoring/test-support/vc-verify.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../forms/hash';
import { exampleScan, issue } from '../../report/fixtures/example';
import { envelopeJsonText } from '../../scoring/issued';
import { independentlyVerify } from '../../scoring/test-support/vc-verify';
import { memoryIo } from '../io';
import { run } from '../run';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'quickscan-dossier-vc-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(argv: string[], lang = 'en_GB.UTF-8') {
  const io = memoryIo({ env: { LANG: lang }, cwd: work });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('quickscan vc', () => {
  it('exports an example PDF as a credential that @digitalbazaar/vc verifies', async () => {
    const pdf = join(root, 'docs/examples/issued/new-build-school-goes.nl.pdf');
    const r = await cli(['vc', pdf, '--key', join(root, 'report/fixtures/test-key.json'), '--out', 'school.quickscan-vc.json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('eddsa-jcs-2022');
    const credential = JSON.parse(readFileSync(join(work, 'school.quickscan-vc.json'), 'utf8')) as { issuer: string; credentialSubject: { referenceCode: string } };
    expect(credential.issuer).toMatch(/^did:key:z6Mk/);
    expect((await independentlyVerify(structuredClone(credential))).verified).toBe(true);
    credential.credentialSubject.referenceCode = 'QS-0000-0000-0000';
    expect((await independentlyVerify(credential)).verified).toBe(false);
  });

  it('refuses a key that did not sign the revision, and a missing --key', async () => {
    const pdf = join(root, 'docs/examples/issued/new-build-school-goes.nl.pdf');
    expect((await cli(['vc', pdf, '--key', join(root, 'report/fixtures/other-test-key.json')])).code).toBe(2);
    const r = await cli(['vc', pdf], 'nl_NL.UTF-8');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--key');
  });
});

describe('quickscan dossier and verify with a dossier', () => {
  it('collects the named evidence files by SHA-256, and verify checks them against the revision', async () => {
    const scan = exampleScan();
    const dir = join(work, 'evidence');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    let n = 0;
    for (const answer of Object.values(scan.scan.answers)) {
      answer.evidence = answer.evidence?.map((e) => {
        const data = Buffer.from(`evidence ${++n}: ${e.name}`);
        // the first file is not handed over
        if (n > 1) writeFileSync(join(dir, n % 2 ? 'sub' : '', `file-${n}.bin`), data);
        return { ...e, size: data.length, sha256: sha256Hex(data) };
      });
    }
    writeFileSync(join(dir, 'unrelated.txt'), 'not evidence');
    writeFileSync(join(work, 'school.quickscan-issued.json'), envelopeJsonText(issue(scan)));

    const made = await cli(['dossier', 'school.quickscan-issued.json', 'evidence', '--out', 'school.quickscan-dossier.zip']);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toContain(`${n - 1} of the ${n} evidence files`);
    expect(made.out).toContain('not found:');

    const checked = await cli(['verify', 'school.quickscan-issued.json', 'school.quickscan-dossier.zip', '--json']);
    const json = JSON.parse(checked.out) as { files: { file: string; dossier?: { supplied: number; notSupplied: number; named: number; revisionMatches: boolean } }[] };
    expect(json.files).toHaveLength(1);
    expect(json.files[0]!.dossier).toMatchObject({ named: n, supplied: n - 1, notSupplied: 1, revisionMatches: true });
    const text = await cli(['verify', 'school.quickscan-issued.json', 'school.quickscan-dossier.zip'], 'nl_NL.UTF-8');
    expect(text.out).toContain(`${n - 1} van de ${n} bewijsbestanden`);
    expect(text.out).toContain('bestand niet aangeleverd');

    // the re-validation (diff) of the revision with itself: B's dossier supplies all but one
    const diff = await cli(['diff', 'school.quickscan-issued.json', 'school.quickscan-issued.json', '--dossier', 'school.quickscan-dossier.zip']);
    expect(diff.code).toBe(0);
    expect(diff.out).toContain(`Evidence files: ${n - 1} supplied and matching, 1 referenced but not supplied, 0 withdrawn`);
    const without = await cli(['diff', 'school.quickscan-issued.json', 'school.quickscan-issued.json', '--json']);
    expect(JSON.parse(without.out).comparison.evidenceCounts).toEqual({ supplied: 0, 'not-supplied': n, withdrawn: 0 });
  });
});
