/**
 * Issue 12, check 1 on the command line: a method signed with a fresh publisher key is loaded on
 * machine A (its method store), scores a scan and a PDF is issued on it; machine B (another
 * QUICKSCAN_HOME, which never loaded the method) verifies the PDF from what it carries:
 * `indeterminate` without trust, still `indeterminate` with only the assessor trusted (the
 * publisher is not), `passed` with the assessor and the publisher trusted. Machine B runs the built
 * command line (`node scripts/build-cli.mjs`, as `npm test` does on install).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import openMethod from '../forms/definitions/open-quickscan/1.0.0.json';
import { definitionHash } from '../forms/registry';
import { memoryIo } from './io';
import { run } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'quickscan-two-machines-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Machine B is another process (the built command line) with its own QUICKSCAN_HOME: nothing of A's run is in it. */
function otherMachine(args: string[]) {
  const bin = join(import.meta.dirname, '../bin/quickscan.mjs');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'en_GB.UTF-8', QUICKSCAN_HOME: join(tmp, 'b') } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function cli(home: string, args: string[]) {
  const io = memoryIo({ env: { LANG: 'en_GB.UTF-8', QUICKSCAN_HOME: join(tmp, home) }, cwd: tmp });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('a PDF on a publisher-signed method verifies on a machine that never loaded the method', () => {
  it('indeterminate without trust or with the assessor only; passed with assessor and publisher trusted', { timeout: 60_000 }, async () => {
    const method = structuredClone(openMethod) as Record<string, unknown>;
    method.id = 'netwerk-noord';
    method.version = '2.0.0';
    method.publisher = 'Kennisnetwerk Circulair Noord';
    delete method.notice;
    writeFileSync(join(tmp, 'noord.json'), JSON.stringify(method, null, 2));

    // machine A: the publisher's key and method file, the assessor's key; the method in A's store
    expect((await cli('a', ['key', 'new', '--out', 'publisher.quickscan-key.json', '--label', 'Kennisnetwerk Circulair Noord'])).code).toBe(0);
    expect((await cli('a', ['key', 'new', '--out', 'assessor.quickscan-key.json', '--label', 'Anouk de Vries'])).code).toBe(0);
    const signed = await cli('a', ['form', 'sign', 'noord.json', '--key', 'publisher.quickscan-key.json', '--organisation', 'Stichting Noord', '--out', 'noord.quickscan-method.json']);
    expect(signed.code, signed.err).toBe(0);
    expect((await cli('a', ['form', 'add', 'noord.quickscan-method.json'])).code).toBe(0);
    const scan = JSON.parse(readFileSync(join(import.meta.dirname, '../docs/examples/new-build-school-goes.quickscan.json'), 'utf8'));
    scan.method = { id: 'netwerk-noord', version: '2.0.0', sha256: definitionHash(method) };
    writeFileSync(join(tmp, 'scan.quickscan.json'), JSON.stringify(scan));
    const issued = await cli('a', ['issue', 'scan.quickscan.json', '--key', 'assessor.quickscan-key.json', '--phase', 'VO', '--name', 'Anouk de Vries', '--out', 'bid.pdf']);
    expect(issued.code, issued.err).toBe(0);

    // machine B: nothing loaded, nothing trusted
    const list = JSON.parse(otherMachine(['form', 'list', '--json']).out) as { methods: { id: string }[] };
    expect(list.methods.map((m) => m.id)).not.toContain('netwerk-noord');
    const verdictOf = async (args: string[]) => {
      const r = otherMachine(['verify', 'bid.pdf', '--json', ...args]);
      expect(r.out, r.err).not.toBe('');
      const json = JSON.parse(r.out) as { files: { verdict: string; findings: { code: string }[]; score?: unknown }[] };
      return { code: r.code, result: json.files[0]! };
    };
    const bare = await verdictOf([]);
    expect(bare.code).toBe(3);
    expect(bare.result.verdict).toBe('indeterminate');
    // the score is recomputed from the method the PDF carries, its pages match
    expect(bare.result.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['data-intact', 'signature-valid', 'method-publisher-untrusted', 'score-recomputed', 'pages-match', 'signer-unknown']));

    const publicKey = (name: string) => JSON.parse(readFileSync(join(tmp, `${name}.public.json`), 'utf8')) as unknown;
    writeFileSync(join(tmp, 'assessor-only.json'), JSON.stringify([publicKey('assessor')]));
    writeFileSync(join(tmp, 'both.json'), JSON.stringify([publicKey('assessor'), publicKey('publisher')]));

    const assessorOnly = await verdictOf(['--trusted-keys', 'assessor-only.json']);
    expect(assessorOnly.code).toBe(3);
    expect(assessorOnly.result.verdict).toBe('indeterminate');
    expect(assessorOnly.result.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['signer-trusted', 'method-publisher-untrusted']));

    const both = await verdictOf(['--trusted-keys', 'both.json']);
    expect(both.code).toBe(0);
    expect(both.result.verdict).toBe('passed');
    expect(both.result.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['signer-trusted', 'method-known', 'pages-match']));
  });
});
