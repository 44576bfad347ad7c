import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScanFile, scanFileJsonSchema, scanFileJsonSchemaText, type ScanFile } from './scan-file';

const committedPath = fileURLToPath(new URL('../docs/scan-file.schema.json', import.meta.url));
const example = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../docs/examples/${name}.quickscan.json`, import.meta.url)), 'utf8')) as ScanFile;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
type Json = any;
const EXAMPLES = ['new-build-school-goes', 'renovation-office-middelburg', 'holiday-park-veere-na'];

describe('docs/scan-file.schema.json', () => {
  it('is the schema generated from scoring/scan-file.ts', () => {
    const generated = scanFileJsonSchemaText();
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(committedPath, generated);
    const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : '(missing)';
    expect(
      committed === generated,
      'docs/scan-file.schema.json is out of date with scoring/scan-file.ts. Regenerate it with:\n' +
        '  UPDATE_SCHEMAS=1 npx vitest run scoring/scan-file.test.ts\nand commit the result.',
    ).toBe(true);
  });

  it('is strict and draft 2020-12', () => {
    const schema = scanFileJsonSchema() as { $schema: string; additionalProperties: boolean; required: string[] };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format', 'formatVersion', 'exportedAt', 'method', 'project', 'scan']);
  });
});

describe('parseScanFile', () => {
  it.each(EXAMPLES)('accepts the example %s', (name) => {
    const r = parseScanFile(example(name));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('accepts JSON text too', () => {
    const r = parseScanFile(JSON.stringify(example(EXAMPLES[0]!)));
    expect(r.ok).toBe(true);
  });

  it('reports invalid JSON text', () => {
    const r = parseScanFile('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('');
  });

  const broken = (mutate: (f: Record<string, Json>) => void) => {
    const f = structuredClone(example(EXAMPLES[0]!)) as Record<string, Json>;
    mutate(f);
    const r = parseScanFile(f);
    if (r.ok) throw new Error('expected the file to be rejected');
    return r.errors;
  };

  it('says where a file is wrong', () => {
    expect(broken((f) => (f.project.gfaM2 = 0)).map((e) => e.path)).toEqual(['project.gfaM2']);
    expect(broken((f) => (f.project.gfaM2 = 120.555)).map((e) => e.path)).toEqual(['project.gfaM2']);
    expect(broken((f) => (f.project.constructionBudgetEur = -1)).map((e) => e.path)).toEqual(['project.constructionBudgetEur']);
    expect(broken((f) => (f.project.circularBudget = { mode: 'pct', pct: -1 })).map((e) => e.path)).toEqual(['project.circularBudget.pct']);
    expect(broken((f) => (f.project.kind = 'demolition')).map((e) => e.path)).toEqual(['project.kind']);
    expect(broken((f) => (f.method.sha256 = 'ABC')).map((e) => e.path)).toEqual(['method.sha256']);
    expect(broken((f) => (f.format = 'quickscan-definition')).map((e) => e.path)).toEqual(['format']);
    expect(broken((f) => (f.scan.answers.A1 = { level: 'l1', notApplicable: true })).map((e) => e.path)).toEqual(['scan.answers.A1']);
    expect(broken((f) => (f.scan.answers.A1 = { notApplicable: false })).map((e) => e.path)).toEqual(['scan.answers.A1']);
    expect(broken((f) => (f.scan.extra = 1)).map((e) => e.path)).toEqual(['scan.extra']);
    expect(broken((f) => (f.scan.costOverrides[0].cost.low = 99)).map((e) => e.path)).toEqual(['scan.costOverrides[0].cost.high']);
    expect(broken((f) => f.scan.costOverrides.push(f.scan.costOverrides[0])).map((e) => e.path)).toEqual(['scan.costOverrides[2]']);
    expect(broken((f) => (f.scan.locked = ['C1', 'C1'])).map((e) => e.path)).toEqual(['scan.locked[1]']);
    expect(broken((f) => (f.scan.answers.C1.evidence[0].size = -1)).map((e) => e.path)).toEqual(['scan.answers.C1.evidence[0].size']);
  });

  it('allows empty free-text fields and leaves out optional lists', () => {
    const f = structuredClone(example(EXAMPLES[0]!)) as Record<string, Json>;
    for (const k of ['name', 'address', 'municipality', 'client', 'buildingType', 'phase']) f.project[k] = '';
    delete f.scan.costOverrides;
    delete f.scan.locked;
    expect(parseScanFile(f).ok).toBe(true);
  });
});
