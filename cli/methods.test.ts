/**
 * The method commands end to end in-process: a publisher signs a method with a fresh key, a user
 * adds it to the store and scores a scan on it; spreadsheet round trip and refusals; form diff.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import openMethod from '../forms/definitions/open-quickscan/1.0.0.json';
import { definitionHash } from '../forms/registry';
import { definitionToWorkbook } from '../forms/workbook';
import { generatePrivateJwk } from '../scoring/keys';
import { memoryIo } from './io';
import { run } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'quickscan-methods-'));
const home = join(tmp, 'home');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[], lang = 'en_GB.UTF-8') {
  const io = memoryIo({ env: { LANG: lang, QUICKSCAN_HOME: home }, cwd: tmp });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

const method = structuredClone(openMethod) as Record<string, unknown>;
method.id = 'netwerk-noord';
method.version = '2.0.0';
method.publisher = 'Kennisnetwerk Circulair Noord';
delete method.notice;
writeFileSync(join(tmp, 'noord.json'), JSON.stringify(method, null, 2));
writeFileSync(join(tmp, 'publisher.key.json'), JSON.stringify(generatePrivateJwk('ES256')));

describe('quickscan form sign / add / list, and scoring on a loaded method', () => {
  it('signs, adds to the store, lists it with publisher and fingerprint, and scores a scan on it', async () => {
    const signed = await cli(['form', 'sign', 'noord.json', '--key', 'publisher.key.json', '--organisation', 'Stichting Noord', '--out', 'noord.quickscan-method.json']);
    expect(signed.err).toBe('');
    expect(signed.code).toBe(0);
    expect(signed.out).toMatch(/signed: noord\.quickscan-method\.json \(netwerk-noord 2\.0\.0, publisher Kennisnetwerk Circulair Noord, key [0-9A-Z]{4}-/);

    const added = await cli(['form', 'add', 'noord.quickscan-method.json', '--lang', 'nl']);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/toegevoegd aan de methodeopslag/);
    expect(added.out).toMatch(/netwerk-noord 2\.0\.0, uitgebracht 2026-12-01, uitgegeven door Kennisnetwerk Circulair Noord \(Stichting Noord\), sleutel /);

    const list = await cli(['form', 'list', '--json']);
    const methods = JSON.parse(list.out).methods as { id: string; source: string; publisher?: { name: string } }[];
    expect(methods.map((m) => `${m.id}:${m.source}`)).toEqual(['open-quickscan:built-in', 'zeeland-quickscan:built-in', 'netwerk-noord:loaded']);

    const scan = JSON.parse(readFileSync(join(import.meta.dirname, '../docs/examples/new-build-school-goes.quickscan.json'), 'utf8'));
    scan.method = { id: 'netwerk-noord', version: '2.0.0', sha256: definitionHash(method) };
    writeFileSync(join(tmp, 'scan.quickscan.json'), JSON.stringify(scan));
    const scored = await cli(['score', 'scan.quickscan.json', '--json']);
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.out).method).toMatchObject({ id: 'netwerk-noord', source: 'loaded', publisher: { name: 'Kennisnetwerk Circulair Noord' } });
    expect(scored.err).toMatch(/warning: netwerk-noord 2\.0\.0 is not a built-in release: it is published by Kennisnetwerk Circulair Noord/);

    // and with the file given directly
    const direct = await cli(['score', 'scan.quickscan.json', '--form', 'noord.quickscan-method.json']);
    expect(direct.code).toBe(0);
    expect(direct.out).toMatch(/Method: netwerk-noord 2\.0\.0 \(not built in: published by Kennisnetwerk Circulair Noord/);
  });

  it('refuses a changed method file and a built-in id', async () => {
    const file = JSON.parse(readFileSync(join(tmp, 'noord.quickscan-method.json'), 'utf8'));
    file.content.definition.questions[0].levels[2].points = 4;
    writeFileSync(join(tmp, 'changed.quickscan-method.json'), JSON.stringify(file));
    const r = await cli(['form', 'add', 'changed.quickscan-method.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a usable method file: it was changed after signing/);
    const own = await cli(['form', 'sign', 'forms-copy.json', '--key', 'publisher.key.json', '--out', 'x.json']);
    expect(own.code).toBe(2);
    writeFileSync(join(tmp, 'builtin.json'), JSON.stringify(openMethod));
    const b = await cli(['form', 'sign', 'builtin.json', '--key', 'publisher.key.json', '--out', 'x.json']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/open-quickscan 1\.0\.0 is a built-in release/);
  });
});

describe('quickscan form to-xlsx / from-xlsx / diff', () => {
  it('round-trips the built-in method through a workbook to the same hash', async () => {
    expect((await cli(['form', 'to-xlsx', 'open-quickscan@1.0.0', '--out', 'open.xlsx'])).code).toBe(0);
    expect((await cli(['form', 'to-xlsx', 'open-quickscan@1.0.0', '--out', 'open.xlsx'])).err).toMatch(/exists already/);
    const back = await cli(['form', 'from-xlsx', 'open.xlsx', '--out', 'open.json', '--json']);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.out).sha256).toBe(definitionHash(openMethod));
    expect(definitionHash(JSON.parse(readFileSync(join(tmp, 'open.json'), 'utf8')))).toBe(definitionHash(openMethod));
  });

  it('refuses a workbook with a broken row, naming sheet, row and column', async () => {
    const { definitionToXlsx } = await import('../forms/xlsx');
    const { validateDefinition } = await import('../forms/schema');
    const v = validateDefinition(openMethod);
    if (!v.ok) throw new Error('invalid');
    expect(definitionToWorkbook(v.definition).length).toBe(9);
    const bytes = await definitionToXlsx({ ...v.definition, labels: v.definition.labels.map((l, i) => (i === 1 ? { ...l, minPerTheme: 5 } : l)) });
    writeFileSync(join(tmp, 'broken.xlsx'), bytes);
    const r = await cli(['form', 'from-xlsx', 'broken.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^quickscan: broken\.xlsx is not a valid method workbook \(\d+ problems?\); first: labels, row 3, column E \(min_per_theme\): labels\[1\] "silver"\.minPerTheme: labels must nest/);
    for (const line of r.out.split('\n').filter((l) => l.startsWith('  - '))) expect(line).toMatch(/^ {2}- \w+, row \d+, column [A-Z]+ \(/);
  });

  it('diffs two methods by id@version', async () => {
    const r = await cli(['form', 'diff', 'zeeland-quickscan@1.0.0', 'open-quickscan@1.0.0']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('A2: now marked as changing the brief or programme');
    expect(r.out).toContain('scores cannot change');
  });
});
