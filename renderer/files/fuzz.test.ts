/**
 * Hostile input: generated and mutated scan files, project files (JSON and zip), scan zips,
 * backups, issued envelopes, PDFs and definition files, fed to every import path.
 *
 * For every input: importFile returns a typed result (never throws); a refusal has a message key
 * that exists in nl and en with every placeholder filled; and the database is compared, as a
 * canonical dump of every table, with the seed: equal after every refusal (and every request
 * for confirmation); after an import every seeded record is still there unchanged and every
 * added project and scan passes the restore step (the additions are then removed again).
 * Definition files go through validateDefinition and files through verifyFile: neither may throw.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import zeeland from '../../forms/definitions/zeeland-quickscan/1.0.0.json';
import { validateDefinition } from '../../forms/schema';
import { exampleScan, issue, zeelandDefinition } from '../../report/fixtures/example';
import { replaceAttachedEnvelope } from '../../report/fixtures/tamper';
import { buildReportPdf } from '../../report/pdf';
import { verifyFile } from '../../report/verify';
import { envelopeJsonText } from '../../scoring/issued';
import { db } from '../db/db';
import { restoreProject, restoreScan } from '../db/restore';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { buildScanFile } from '../scan/export';
import { encodeJson } from './common';
import type { FileError } from './errors';
import { exportBackup, exportProject, exportScanZip } from './export';
import { importFile, type ImportOptions, type ImportResult } from './import';
import { deleteAllBut, dumpDb, isContainedIn, keysOf, resetDb, SEED, seedDb, type Dump } from './test-support';
import { openZip, writeZip } from './zip';
import { isFieldErrorCode } from '../../forms/input-problems';

const enc = (text: string) => new TextEncoder().encode(text);
const dec = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

// ---------------------------------------------------------------------------------------------
// Mutations

type ByteOp = { kind: 'flip' | 'set' | 'insert' | 'delete' | 'truncate' | 'duplicate'; region: 'any' | 'head' | 'tail'; at: number; value: number; len: number };

const byteOp: fc.Arbitrary<ByteOp> = fc.record({
  kind: fc.constantFrom('flip', 'set', 'insert', 'delete', 'truncate', 'duplicate'),
  region: fc.constantFrom('any', 'any', 'head', 'tail'),
  at: fc.nat(),
  value: fc.integer({ min: 0, max: 255 }),
  len: fc.integer({ min: 1, max: 48 }),
});
const byteOps = fc.array(byteOp, { minLength: 1, maxLength: 6 });

function applyBytes(base: Uint8Array, ops: readonly ByteOp[]): Uint8Array {
  let b = base;
  for (const op of ops) {
    if (b.length === 0) break;
    // zips keep their directory at the end, PDFs their cross-reference table: hit those often
    const window = op.region === 'head' ? Math.min(b.length, 200) : op.region === 'tail' ? Math.min(b.length, 400) : b.length;
    const at = (op.region === 'tail' ? b.length - window : 0) + (op.at % window);
    switch (op.kind) {
      case 'flip':
        b = b.slice();
        b[at] = b[at]! ^ (1 << (op.value % 8));
        break;
      case 'set':
        b = b.slice();
        b[at] = op.value;
        break;
      case 'insert': {
        const extra = new Uint8Array(op.len).fill(op.value);
        b = concat(b.subarray(0, at), extra, b.subarray(at));
        break;
      }
      case 'delete':
        b = concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + op.len)));
        break;
      case 'truncate':
        b = b.slice(0, at);
        break;
      case 'duplicate':
        b = concat(b.subarray(0, at + op.len), b.subarray(at));
        break;
    }
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

type Path = (string | number)[];
type JsonOp = { kind: string; at: number; value: unknown; text: string; number: number };

const SEED_IDS = Object.values(SEED);
const jsonOp: fc.Arbitrary<JsonOp> = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'string', 'number', 'null', 'long', 'empty', 'addKey', 'duplicate', 'seedId', 'swapType', 'date'),
  at: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }),
  text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', '', ' ', '../x', 'l9', 'A1', 'VO', 'quickscan-scan', '1.0.0')),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e21, 0.1, 2 ** 53, 4294967295)),
});
const jsonOps = fc.array(jsonOp, { minLength: 1, maxLength: 4 });

/** Every path in a JSON value (the root too), breadth first, at most `max`. */
function pathsOf(value: unknown, max = 5000): Path[] {
  const out: Path[] = [[]];
  const queue: [unknown, Path][] = [[value, []]];
  while (queue.length && out.length < max) {
    const [v, path] = queue.shift()!;
    if (typeof v !== 'object' || v === null) continue;
    for (const [k, child] of Array.isArray(v) ? v.map((c, i) => [i, c] as const) : Object.entries(v)) {
      const p = [...path, k];
      out.push(p);
      queue.push([child, p]);
    }
  }
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let v = root;
  for (const seg of path.slice(0, -1)) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>) : undefined;
}

/** Applies JSON mutations to a copy; the paths come from the original (stale ones are skipped). */
function applyJson(base: unknown, paths: readonly Path[], ops: readonly JsonOp[]): unknown {
  let root: unknown = structuredClone(base);
  for (const op of ops) {
    const path = paths[op.at % paths.length]!;
    const set = (value: unknown) => {
      if (path.length === 0) {
        root = value;
        return;
      }
      const parent = parentOf(root, path);
      if (parent) Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
    };
    const parent = parentOf(root, path);
    const current = path.length === 0 ? root : parent?.[path[path.length - 1]!];
    switch (op.kind) {
      case 'delete':
        if (parent && Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
        else if (parent) delete parent[path[path.length - 1]!];
        break;
      case 'replace':
        set(op.value);
        break;
      case 'string':
        set(op.text);
        break;
      case 'number':
        set(op.number);
        break;
      case 'null':
        set(null);
        break;
      case 'long':
        set(typeof current === 'string' ? current.repeat(200).slice(0, 6000) : 'x'.repeat(6000));
        break;
      case 'empty':
        set(Array.isArray(current) ? [] : typeof current === 'object' ? {} : '');
        break;
      case 'addKey':
        if (current && typeof current === 'object' && !Array.isArray(current)) Object.defineProperty(current, op.text, { value: op.value, enumerable: true, writable: true, configurable: true });
        break;
      case 'duplicate':
        if (Array.isArray(current) && current.length) current.push(structuredClone(current[op.at % current.length]));
        break;
      case 'seedId':
        set(SEED_IDS[op.at % SEED_IDS.length]);
        break;
      case 'swapType':
        set(Array.isArray(current) ? { ...current } : typeof current === 'object' && current !== null ? Object.values(current) : [current]);
        break;
      case 'date':
        set(['2026-13-45T00:00:00Z', 'yesterday', '2026-11-22', '+275760-09-13T00:00:00.000Z', '1970-01-01T00:00:00.000Z'][op.at % 5]);
        break;
    }
  }
  return root;
}

const jsonBytes = (value: unknown) => enc(JSON.stringify(value) ?? 'null');

// ---------------------------------------------------------------------------------------------
// The harness

const stats = { inputs: 0, refused: 0, imported: 0, confirm: 0, definitions: 0, verified: 0 };
let seedDump: Dump;
let seedText: string;
let seedKeys: Map<string, Set<string>>;

function checkMessage(error: FileError): void {
  expect(typeof nl[error.key], error.key).toBe('string');
  expect(typeof en[error.key], error.key).toBe('string');
  for (const template of [nl[error.key], en[error.key]]) {
    for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
      const value = error.params[name!];
      expect(typeof value === 'string' || typeof value === 'number', `${error.key}: {${name}}`).toBe(true);
    }
  }
}

/** One input through importFile, with every check of the module comment. */
async function check(name: string, data: Uint8Array, options: ImportOptions = {}): Promise<void> {
  stats.inputs += 1;
  let result: ImportResult;
  try {
    result = await importFile({ name, data }, options);
  } catch (error) {
    throw new Error(`importFile threw for ${name}: ${String(error)}`);
  }
  const after = await dumpDb();
  if (result.ok) {
    stats.imported += 1;
    expect(isContainedIn(seedDump, after)).toBe(true);
    for (const id of result.summary.projectIds) restoreProject(await db.projects.get(id));
    for (const id of result.summary.scanIds) restoreScan(await db.scans.get(id));
    await deleteAllBut(seedKeys);
    return;
  }
  if ('needsConfirmation' in result) stats.confirm += 1;
  else {
    stats.refused += 1;
    checkMessage(result.error);
  }
  if (JSON.stringify(after) !== seedText) expect(after).toEqual(seedDump);
}

// ---------------------------------------------------------------------------------------------
// Valid bases

let scanFile: unknown;
let projectJson: unknown;
let envelope: unknown;
let projectZip: Uint8Array;
let scanZip: Uint8Array;
let backupZip: Uint8Array;
let pdf: Uint8Array;
const entriesOf = (zip: Uint8Array) => {
  const reader = openZip(zip);
  return [...reader.entries.keys()].map((name) => ({ name, data: reader.read(name, 1e9)! }));
};

beforeAll(async () => {
  await resetDb();
  await seedDb();
  const project = (await db.projects.get(SEED.projectId))!;
  scanFile = await buildScanFile({ ...project, gfaM2: project.gfaM2! }, (await db.scans.get(SEED.scanId))!);
  projectJson = JSON.parse(dec((await exportProject(SEED.projectId, 'json')).data));
  projectZip = (await exportProject(SEED.projectId, 'zip')).data;
  scanZip = (await exportScanZip(SEED.scanId)).data;
  backupZip = (await exportBackup()).data;
  const issued = issue(exampleScan());
  envelope = JSON.parse(envelopeJsonText(issued));
  pdf = await buildReportPdf(issued, zeelandDefinition);
  seedDump = await dumpDb();
  seedText = JSON.stringify(seedDump);
  seedKeys = await keysOf();
});

const started = performance.now();
afterAll(() => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${stats.inputs} inputs, ${stats.refused} refused, ${stats.imported} imported, ${stats.confirm} asked to confirm (backup); ` +
      `plus ${stats.definitions} definition files through validateDefinition and ${stats.verified} files through verifyFile; none threw; ${seconds} s`,
  );
});

const FUZZ = { timeout: 120_000 };

// pdf-lib warns on the console about every damaged object it skips: thousands of lines here.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('hostile input: import paths', () => {
  it('scan files: JSON field mutations and byte mutations', FUZZ, async () => {
    const paths = pathsOf(scanFile);
    await fc.assert(fc.asyncProperty(jsonOps, (ops) => check('s.quickscan.json', jsonBytes(applyJson(scanFile, paths, ops)))), { numRuns: 1400 });
    const text = encodeJson(scanFile);
    await fc.assert(fc.asyncProperty(byteOps, (ops) => check('s.quickscan.json', applyBytes(text, ops))), { numRuns: 400 });
  });

  it('project files (JSON): field mutations and byte mutations', FUZZ, async () => {
    const paths = pathsOf(projectJson);
    await fc.assert(fc.asyncProperty(jsonOps, (ops) => check('p.quickscan-project.json', jsonBytes(applyJson(projectJson, paths, ops)))), { numRuns: 1200 });
    const text = encodeJson(projectJson);
    await fc.assert(fc.asyncProperty(byteOps, (ops) => check('p.quickscan-project.json', applyBytes(text, ops))), { numRuns: 400 });
  });

  it('issued envelopes: field mutations and byte mutations', FUZZ, async () => {
    const paths = pathsOf(envelope);
    await fc.assert(fc.asyncProperty(jsonOps, (ops) => check('r.quickscan-issued.json', jsonBytes(applyJson(envelope, paths, ops)))), { numRuns: 700 });
    const text = encodeJson(envelope);
    await fc.assert(fc.asyncProperty(byteOps, (ops) => check('r.quickscan-issued.json', applyBytes(text, ops))), { numRuns: 300 });
  });

  it('zips (project, scan, backup): byte mutations', FUZZ, async () => {
    await fc.assert(fc.asyncProperty(byteOps, (ops) => check('p.quickscan-project.zip', applyBytes(projectZip, ops))), { numRuns: 1400 });
    await fc.assert(fc.asyncProperty(byteOps, (ops) => check('s.quickscan.zip', applyBytes(scanZip, ops))), { numRuns: 500 });
    await fc.assert(fc.asyncProperty(byteOps, fc.boolean(), (ops, confirmed) => check('b.quickscan-backup.zip', applyBytes(backupZip, ops), { confirmed })), { numRuns: 500 });
  });

  it('zips rebuilt around a mutated index or mutated evidence files', FUZZ, async () => {
    for (const [zip, indexName, runs] of [
      [projectZip, 'project.json', 500],
      [scanZip, 'scan.quickscan.json', 250],
      [backupZip, 'backup.json', 250],
    ] as const) {
      const entries = entriesOf(zip);
      const index = JSON.parse(dec(entries.find((e) => e.name === indexName)!.data));
      const paths = pathsOf(index);
      await fc.assert(
        fc.asyncProperty(jsonOps, fc.boolean(), byteOps, fc.nat(), async (ops, mutateFile, fileOps, which) => {
          const next = entries.map((e) => (e.name === indexName ? { ...e, data: jsonBytes(applyJson(index, paths, ops)) } : e));
          const files = next.filter((e) => e.name !== indexName);
          if (mutateFile && files.length) {
            const target = files[which % files.length]!;
            target.data = applyBytes(target.data, fileOps);
          }
          await check(`x-${indexName}.zip`, writeZip(next), { confirmed: true });
        }),
        { numRuns: runs },
      );
    }
  });

  it('generated zips: hostile names, odd entries, random contents', FUZZ, async () => {
    const entries = entriesOf(projectZip);
    const evidenceNames = entries.filter((e) => e.name !== 'project.json').map((e) => e.name);
    const name = fc.oneof(
      fc.constantFrom('project.json', 'scan.quickscan.json', 'backup.json', ...evidenceNames, 'evidence/' + '0'.repeat(64), '../project.json', '/project.json', 'evidence\\x', 'dir/', 'a//b', './backup.json', 'évidence/ü'),
      fc.string({ maxLength: 20 }),
    );
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom(...entries.map((e) => e.data), encodeJson(scanFile), encodeJson(projectJson)),
      fc.jsonValue({ maxDepth: 3 }).map(jsonBytes),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(name, content, { maxKeys: 6 }), fc.boolean(), async (files, store) => {
        let zip: Uint8Array;
        try {
          zip = writeZip(Object.entries(files).map(([n, data]) => ({ name: n, data, store })));
        } catch {
          return; // fflate refuses some names; nothing to import
        }
        await check('g.zip', zip, { confirmed: true });
      }),
      { numRuns: 600 },
    );
  });

  it('random JSON and random bytes, with and without a known format', FUZZ, async () => {
    const formats = ['quickscan-scan', 'quickscan-project', 'quickscan-backup', 'quickscan-issued-envelope', 'quickscan-definition', 'quickscan-issued', 'quickscan-other'];
    const doc = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({
        format: fc.constantFrom(...formats),
        formatVersion: fc.oneof(fc.constant(1), fc.integer(), fc.double()),
        project: fc.jsonValue({ maxDepth: 2 }),
        scan: fc.jsonValue({ maxDepth: 2 }),
        scans: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
        evidence: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      }),
    );
    await fc.assert(fc.asyncProperty(doc, (value) => check('r.json', jsonBytes(value))), { numRuns: 900 });
    const prefix = fc.constantFrom(new Uint8Array(0), enc('PK\u0003\u0004'), enc('PK\u0005\u0006'), enc('%PDF-1.7\n'), enc('{'), enc('\uFEFF{'), enc('['));
    await fc.assert(fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 400 }), (p, rest) => check('r.bin', concat(p, rest))), { numRuns: 1000 });
  });

  it('issued PDFs: byte mutations, and a mutated attached envelope', FUZZ, async () => {
    await fc.assert(fc.asyncProperty(byteOps, (ops) => check('r.pdf', applyBytes(pdf, ops))), { numRuns: 250 });
    const paths = pathsOf(envelope);
    await fc.assert(
      fc.asyncProperty(jsonOps, async (ops) => {
        const mutated = await replaceAttachedEnvelope(pdf, () => JSON.stringify(applyJson(envelope, paths, ops)) ?? 'null');
        await check('r.pdf', mutated);
      }),
      { numRuns: 40 },
    );
  });
});

describe('hostile input: definition files and verification', () => {
  it('validateDefinition never throws on mutated copies of the released definition', FUZZ, async () => {
    const paths = pathsOf(zeeland);
    const text = enc(JSON.stringify(zeeland));
    const outcome = (value: unknown) => {
      stats.definitions += 1;
      const result = validateDefinition(value);
      if (!result.ok) for (const e of result.errors) expect(isFieldErrorCode(e.code)).toBe(true);
    };
    fc.assert(
      fc.property(jsonOps, (ops) => outcome(applyJson(zeeland, paths, ops))),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(byteOps, (ops) => {
        const bytes = applyBytes(text, ops);
        let value: unknown;
        try {
          value = JSON.parse(dec(bytes));
        } catch {
          value = dec(bytes);
        }
        outcome(value);
      }),
      { numRuns: 100 },
    );
  });

  it('verifyFile never throws on mutated PDFs, envelopes and scan files', FUZZ, async () => {
    const verify = async (bytes: Uint8Array, name: string) => {
      stats.verified += 1;
      const result = await verifyFile(bytes, name);
      expect(['valid', 'altered', 'unknown-method', 'bad-signature', 'untrusted-signature', 'unsigned', 'unreadable']).toContain(result.status);
      for (const m of result.messages) expect(m.nl.length > 0 && m.en.length > 0).toBe(true);
    };
    await fc.assert(fc.asyncProperty(byteOps, (ops) => verify(applyBytes(pdf, ops), 'r.pdf')), { numRuns: 40 });
    const envelopePaths = pathsOf(envelope);
    await fc.assert(fc.asyncProperty(jsonOps, (ops) => verify(jsonBytes(applyJson(envelope, envelopePaths, ops)), 'r.quickscan-issued.json')), { numRuns: 200 });
    const scanPaths = pathsOf(scanFile);
    await fc.assert(fc.asyncProperty(jsonOps, (ops) => verify(jsonBytes(applyJson(scanFile, scanPaths, ops)), 's.quickscan.json')), { numRuns: 200 });
  });

  it('counts at least 10,000 inputs to the import paths', () => {
    expect(stats.inputs).toBeGreaterThanOrEqual(10_000);
  });
});
