import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import zeeland from '../../forms/definitions/zeeland-quickscan/1.0.0.json';
import { exampleScan, issue, zeelandDefinition } from '../../report/fixtures/example';
import { buildReportPdf } from '../../report/pdf';
import { envelopeJsonText } from '../../scoring/issued';
import { privateJwkSigner, signKeyRevocation, type KeyRevocationContent } from '../../scoring/key-statements';
import { generatePrivateJwk, keyFingerprint, publicJwkOf } from '../../scoring/keys';
import { statementsOffered } from '../components/ImportExport';
import { putKeyStatement } from '../db/trust';
import { db } from '../db/db';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { buildScanFile } from '../scan/export';
import { encodeJson, sha256Hex } from './common';
import { fileErrorText, isQuotaError } from './errors';
import { translate } from '../i18n';
import { exportBackup, exportProject, exportScanZip, saveFilterOf } from './export';
import { importFile, type ImportResult } from './import';
import { FILE_LIMITS } from './limits';
import { dumpDb, fakeJpeg, isContainedIn, resetDb, SEED, seedDb, type Dump } from './test-support';
import { openZip, writeZip } from './zip';

const enc = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => encodeJson(value);

function errorKey(result: ImportResult): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.summary)}`);
  if (!('error' in result)) throw new Error('expected an error, got a confirmation request');
  expect(nl[result.error.key], result.error.key).toBeTruthy();
  expect(en[result.error.key], result.error.key).toBeTruthy();
  return result.error.key;
}

function summaryOf(result: ImportResult) {
  if (!result.ok) throw new Error(`expected an import, got ${JSON.stringify(result)}`);
  return result.summary;
}

/** Tables without the records the file formats do not carry. */
const without = (dump: Dump, ...tables: string[]) => Object.fromEntries(Object.entries(dump).filter(([name]) => !tables.includes(name)));

async function unzipText(data: Uint8Array, name: string): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(openZip(data).read(name, 1e9)!));
}

/** Refuses, and leaves the database exactly as it was. */
async function expectRefused(input: { name: string; data: Uint8Array }, key: string, options = {}): Promise<ImportResult> {
  const before = await dumpDb();
  const result = await importFile(input, options);
  expect(errorKey(result)).toBe(key);
  expect(await dumpDb()).toEqual(before);
  return result;
}

beforeEach(async () => {
  await resetDb();
});

describe('project files: round trips', () => {
  it('a project zip brings back the project, all scans (trashed too), variants, evidence files and revisions exactly', async () => {
    await seedDb();
    const before = await dumpDb();
    const file = await exportProject(SEED.projectId, 'zip');
    expect(file.fileName).toBe('Brede school De Schelp, Goes.quickscan');
    expect(file.mimeType).toBe('application/x-quickscan+zip');
    expect(saveFilterOf(file.fileName)).toEqual({ name: 'QuickScan', extensions: ['quickscan'] });
    expect(file.skipped).toBe(0);
    const zip = openZip(file.data);
    // one evidence file per hash: the variant shares the photo
    expect([...zip.entries.keys()].filter((n) => n.startsWith('evidence/'))).toHaveLength(2);
    await resetDb();
    const summary = summaryOf(await importFile({ name: file.fileName, data: file.data }));
    expect(summary).toMatchObject({ kind: 'project-zip', added: { projects: 1, scans: 2, evidence: 3, revisions: 1 }, newIds: 0, evidenceNotIncluded: 0 });
    const after = await dumpDb();
    for (const table of ['projects', 'scans', 'evidence', 'revisions']) {
      const kept = before[table]!.filter((row) => !row.includes(SEED.trashedProjectId) && !row.includes(SEED.trashedScanId));
      expect(after[table], table).toEqual(kept);
    }
  });

  it('a project JSON file carries everything but the evidence files, and says so', async () => {
    await seedDb();
    const before = await dumpDb();
    const file = await exportProject(SEED.projectId, 'json');
    expect(file.fileName).toMatch(/\.quickscan-project\.json$/);
    const parsed = JSON.parse(new TextDecoder().decode(file.data));
    expect(parsed).toMatchObject({ format: 'quickscan-project', formatVersion: 1, evidenceFiles: 'not-included' });
    expect(parsed.evidence[0]).toEqual({ id: SEED.evidencePhotoId, scanId: SEED.scanId, questionId: 'A1', name: 'gevel.jpg', type: 'image/jpeg', size: 2000, sha256: await sha256Hex(fakeJpeg(1, 2000)), addedAt: '2026-10-02T09:14:00.000Z' });
    await resetDb();
    const summary = summaryOf(await importFile({ name: file.fileName, data: file.data }));
    expect(summary).toMatchObject({ kind: 'project-json', added: { projects: 1, scans: 2, evidence: 0, revisions: 1 }, evidenceNotIncluded: 3 });
    const after = await dumpDb();
    expect(after.scans).toEqual(before.scans!.filter((r) => !r.includes(SEED.trashedScanId)));
    expect(after.revisions).toEqual(before.revisions);
    expect(after.evidence).toEqual([]);
  });

  it('importing into the same database adds a copy with new ids, references kept consistent, nothing existing changed', async () => {
    await seedDb();
    const file = await exportProject(SEED.projectId, 'zip');
    const before = await dumpDb();
    const summary = summaryOf(await importFile({ name: file.fileName, data: file.data }));
    expect(summary.added).toMatchObject({ projects: 1, scans: 2, evidence: 3, revisions: 0 });
    expect(summary.newIds).toBe(6);
    expect(summary.alreadyPresent).toBe(1); // the same issued revision is kept once
    const after = await dumpDb();
    expect(isContainedIn(before, after)).toBe(true);
    const [projectId] = summary.projectIds;
    expect(projectId).not.toBe(SEED.projectId);
    const scans = await db.scans.where('projectId').equals(projectId!).toArray();
    expect(scans).toHaveLength(2);
    const original = scans.find((s) => s.variantOf === null)!;
    const variant = scans.find((s) => s.variantOf !== null)!;
    expect(variant.variantOf).toBe(original.id);
    expect(original.id).not.toBe(SEED.scanId);
    expect(original.answers).toEqual((await db.scans.get(SEED.scanId))!.answers);
    const evidence = await db.evidence.where('scanId').anyOf([original.id, variant.id]).toArray();
    expect(evidence).toHaveLength(3);
    for (const e of evidence) {
      expect(e.id).not.toMatch(/^(11111111|66666666|bbbbbbbb)/);
      expect(await sha256Hex(new Uint8Array(await e.blob.arrayBuffer()))).toBe(e.sha256);
    }
    // and a second time: still adds, still changes nothing
    const again = summaryOf(await importFile({ name: file.fileName, data: file.data }));
    expect(again.projectIds[0]).not.toBe(projectId);
    expect(isContainedIn(after, await dumpDb())).toBe(true);
  });

  it('a scan zip (scan file + evidence files) round-trips answers, notes, overrides, locks and evidence bytes', async () => {
    await seedDb();
    const file = await exportScanZip(SEED.scanId);
    expect(file.fileName).toBe('Brede school De Schelp, Goes - Ontwerp VO, variant B.quickscan');
    const scanFile = (await unzipText(file.data, 'scan.quickscan.json')) as { format: string };
    expect(scanFile.format).toBe('quickscan-scan');
    const storedScan = (await db.scans.get(SEED.scanId))!;
    const storedEvidence = await db.evidence.where('scanId').equals(SEED.scanId).toArray();
    await resetDb();
    const summary = summaryOf(await importFile({ name: file.fileName, data: file.data }));
    expect(summary).toMatchObject({ kind: 'scan-zip', added: { projects: 1, scans: 1, evidence: 2 } });
    const scan = (await db.scans.get(SEED.scanId))!;
    const { X9: _noteOnly, ...answered } = storedScan.answers; // the scan file carries answered questions only
    expect(scan.answers).toEqual(answered);
    expect(scan.costOverrides).toEqual(storedScan.costOverrides);
    expect(scan.locked).toEqual(storedScan.locked);
    const evidence = await db.evidence.toArray();
    expect(evidence.map((e) => [e.id, e.sha256, e.size, e.questionId]).sort()).toEqual(storedEvidence.map((e) => [e.id, e.sha256, e.size, e.questionId]).sort());
    for (const e of evidence) expect(await sha256Hex(new Uint8Array(await e.blob.arrayBuffer()))).toBe(e.sha256);
    expect((await db.evidence.get(SEED.evidencePhotoId))!.thumbnail).not.toBeNull();
  });

  it('a scan file (.quickscan.json) becomes a new project with one scan; evidence is listed as not included', async () => {
    await seedDb();
    const project = (await db.projects.get(SEED.projectId))!;
    const scanFile = await buildScanFile({ ...project, gfaM2: project.gfaM2! }, (await db.scans.get(SEED.scanId))!);
    const before = await dumpDb();
    const summary = summaryOf(await importFile({ name: 'x.quickscan.json', data: json(scanFile) }));
    expect(summary).toMatchObject({ kind: 'scan-file', added: { projects: 1, scans: 1, evidence: 0 }, evidenceNotIncluded: 2, newIds: 2 });
    expect(isContainedIn(before, await dumpDb())).toBe(true);
  });

  it('a scan file saved by a Windows editor (with a byte-order mark) imports like any other, as on the command line', async () => {
    await seedDb();
    const project = (await db.projects.get(SEED.projectId))!;
    const scanFile = await buildScanFile({ ...project, gfaM2: project.gfaM2! }, (await db.scans.get(SEED.scanId))!);
    const summary = summaryOf(await importFile({ name: 'x.quickscan.json', data: new Uint8Array([0xef, 0xbb, 0xbf, ...json(scanFile)]) }));
    expect(summary).toMatchObject({ kind: 'scan-file', added: { projects: 1, scans: 1 } });
  });
});

describe('issued revisions as input', () => {
  it('an envelope file becomes a new project and scan, with the signed revision kept as its baseline', async () => {
    const envelope = issue(exampleScan());
    const summary = summaryOf(await importFile({ name: 'r.quickscan-issued.json', data: enc(envelopeJsonText(envelope)) }));
    expect(summary).toMatchObject({ kind: 'envelope', added: { projects: 1, scans: 1, revisions: 1 }, issuedReference: envelope.referenceCode });
    const [revision] = await db.revisions.toArray();
    const scan = (await db.scans.toArray())[0]!;
    expect(revision).toMatchObject({ id: envelope.content.revisionId, referenceCode: envelope.referenceCode, projectId: scan.projectId, scanId: scan.id });
    expect(scan.answers.A1).toMatchObject({ level: 'l2' });
  });

  it('an altered envelope imports its data but never as a baseline revision', async () => {
    const envelope = issue(exampleScan());
    const altered = { ...envelope, content: { ...envelope.content, assumptions: 'changed after signing' } };
    const summary = summaryOf(await importFile({ name: 'r.quickscan-issued.json', data: enc(envelopeJsonText(altered)) }));
    expect(summary).toMatchObject({ added: { projects: 1, scans: 1, revisions: 0 } });
    expect(await db.revisions.count()).toBe(0);
  });

  it('an issued PDF: its attached scan data is imported as a new scan', async () => {
    const envelope = issue(exampleScan());
    const pdf = await buildReportPdf(envelope, zeelandDefinition);
    const summary = summaryOf(await importFile({ name: 'rapport.pdf', data: pdf }));
    expect(summary).toMatchObject({ kind: 'pdf', added: { projects: 1, scans: 1 }, issuedReference: envelope.referenceCode });
    expect((await db.projects.toArray())[0]!.name).toBe('Brede school De Schelp, Goes');
  });

  it('a PDF without QuickScan data points to Verify', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage();
    await expectRefused({ name: 'other.pdf', data: await doc.save() }, 'files.error.pdfNoData');
    expect(nl['files.error.pdfNoData']).toContain('Verifiëren');
    expect(en['files.error.pdfNoData']).toContain('Verify');
    await expectRefused({ name: 'broken.pdf', data: enc('%PDF-1.7\n garbage') }, 'files.error.pdfUnreadable');
  });
});

async function revokedStatement() {
  const privateKey = generatePrivateJwk('ES256');
  const key = publicJwkOf(privateKey);
  const content: KeyRevocationContent = {
    format: 'quickscan-key-statement',
    formatVersion: 1,
    statement: 'key-revocation',
    key,
    revokedAt: '2026-06-01T00:00:00Z',
    reason: 'key-compromise',
    issuedAt: '2026-06-02T09:00:00Z',
    name: 'Ir. A. de Vries',
    organisation: 'Bureau De Vries',
  };
  const envelope = await signKeyRevocation(content, privateJwkSigner(privateKey));
  return { envelope: JSON.parse(JSON.stringify(envelope)) as typeof envelope, id: envelope.contentHash, fingerprint: keyFingerprint(key) };
}

describe('backups', () => {
  it('a backup holds everything but the signing key, and restores into an empty database exactly, except what the user trusts', async () => {
    await seedDb();
    const before = await dumpDb();
    const file = await exportBackup(new Date('2026-11-22T12:00:00Z'));
    expect(file.fileName).toBe('quickscan-2026-11-22.quickscan-backup.zip');
    const index = (await unzipText(file.data, 'backup.json')) as Record<string, unknown>;
    expect(index).toMatchObject({ format: 'quickscan-backup', formatVersion: 3, signingKey: 'not-included', trustLists: [], keyStatements: [] });
    expect(index.trustAnchors).toEqual([{ key: { kty: 'OKP', crv: 'Ed25519', x: expect.any(String), alg: 'EdDSA' }, label: 'Test', addedAt: '2026-11-01T00:00:00.000Z' }]);
    expect(JSON.stringify(index)).not.toContain('privateKey');
    await resetDb();
    const summary = summaryOf(await importFile({ name: file.fileName, data: file.data }));
    expect(summary.added).toEqual({ projects: 2, scans: 3, evidence: 3, revisions: 1, settings: 2 });
    // The trusted key is offered for the separate question, never added by the import.
    expect(summary.trustOffered.anchors.map((a) => a.label)).toEqual(['Test']);
    expect(await db.trustAnchors.count()).toBe(0);
    const after = await dumpDb();
    expect(without(without(after, 'signingKeys'), 'trustAnchors')).toEqual(without(without(before, 'signingKeys'), 'trustAnchors'));
    expect(after.signingKeys).toEqual([]);
  });

  it('a version 1 backup that carries trusted keys adds none of them; they are offered, each by its key', async () => {
    await seedDb();
    const file = await exportBackup();
    const index = (await unzipText(file.data, 'backup.json')) as Record<string, unknown> & { trustAnchors: { key: { x: string }; label: string; addedAt: string }[] };
    const { trustAnchors, trustLists: _lists, keyStatements: _statements, ...rest } = index;
    const v1 = { ...rest, evidence: [], formatVersion: 1, trustedKeys: trustAnchors.map((a) => ({ publicKey: a.key.x, label: 'Bureau Forger', addedAt: a.addedAt })) };
    await resetDb();
    const summary = summaryOf(await importFile({ name: 'old.quickscan-backup.zip', data: writeZip([{ name: 'backup.json', data: encodeJson(v1) }]) }));
    expect(summary.added.projects).toBe(2);
    expect(summary.trustOffered.anchors).toEqual([{ key: { kty: 'OKP', crv: 'Ed25519', x: trustAnchors[0]!.key.x, alg: 'EdDSA' }, label: 'Bureau Forger' }]);
    expect(await db.trustAnchors.count()).toBe(0);
    expect(await db.trustedKeys.count()).toBe(0);
  });

  it('carries the confirmed key statements as stored; a restore applies none of them, offers those that verify and refuses a bad one with one line', async () => {
    await seedDb();
    const revocation = await revokedStatement();
    await putKeyStatement({ id: revocation.id, kind: 'key-revocation', subjectFingerprint: revocation.fingerprint, document: revocation.envelope });
    const file = await exportBackup();
    const index = (await unzipText(file.data, 'backup.json')) as Record<string, unknown>;
    expect(index.keyStatements).toEqual([revocation.envelope]);
    await resetDb();
    const summary = summaryOf(await importFile({ name: file.fileName, data: file.data }));
    expect(summary.trustOffered.statements).toEqual([revocation.envelope]);
    expect(await db.keyStatements.count()).toBe(0);
    // What the question would show: the one that verifies; a tampered copy refused, in the user's language.
    const tampered = { ...revocation.envelope, content: { ...revocation.envelope.content, revokedAt: '2027-01-01T00:00:00Z' } };
    const tNl = (key: keyof typeof nl, params: Record<string, string | number> = {}) => nl[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));
    const offer = await statementsOffered(tNl as never, 'b.quickscan-backup.zip', [revocation.envelope, tampered]);
    expect(offer.offered.map((o) => o.statement.contentHash)).toEqual([revocation.id]);
    expect(offer.refused).toEqual(['„b.quickscan-backup.zip, sleutelverklaring 2” is na ondertekening gewijzigd; de sleutelverklaring is geweigerd en er is niets veranderd.']);
    expect(await db.keyStatements.count()).toBe(0);
    // Once confirmed here, it is not offered again.
    await putKeyStatement({ id: revocation.id, kind: 'key-revocation', subjectFingerprint: revocation.fingerprint, document: revocation.envelope });
    expect((await statementsOffered(tNl as never, 'b', [revocation.envelope])).offered).toEqual([]);
  });

  it('a version 2 backup (before key statements) still restores, with no statements to offer', async () => {
    await seedDb();
    const file = await exportBackup();
    const { keyStatements: _statements, ...index } = (await unzipText(file.data, 'backup.json')) as Record<string, unknown>;
    await resetDb();
    const summary = summaryOf(await importFile({ name: 'v2.quickscan-backup.zip', data: writeZip([{ name: 'backup.json', data: encodeJson({ ...index, evidence: [], formatVersion: 2 }) }]) }));
    expect(summary.added.projects).toBe(2);
    expect(summary.trustOffered.statements).toEqual([]);
    expect(summary.trustOffered.anchors.map((a) => a.label)).toEqual(['Test']);
    // A version 2 file may not carry a member of version 3 (its schema is strict).
    await resetDb();
    await expectRefused({ name: 'v2.quickscan-backup.zip', data: writeZip([{ name: 'backup.json', data: encodeJson({ ...index, evidence: [], formatVersion: 2, keyStatements: [] }) }]) }, 'files.error.invalid');
  });

  it('asks before restoring into a database with data; confirmed, it adds and overwrites nothing', async () => {
    await seedDb();
    const file = await exportBackup();
    await db.projects.update(SEED.projectId, { name: 'Changed after the backup' });
    await db.settings.put({ key: 'locale', value: 'en' });
    const before = await dumpDb();
    const asked = await importFile({ name: file.fileName, data: file.data });
    expect(asked).toMatchObject({ ok: false, needsConfirmation: 'backup-restore', counts: { projects: 2, scans: 3 }, existing: { projects: 2, scans: 3 } });
    expect(await dumpDb()).toEqual(before);
    const summary = summaryOf(await importFile({ name: file.fileName, data: file.data }, { confirmed: true }));
    expect(summary.added).toMatchObject({ projects: 2, scans: 3, evidence: 3, revisions: 0, settings: 0 });
    expect(summary.alreadyPresent).toBe(3);
    // the key is trusted already: nothing to ask
    expect(summary.trustOffered.anchors).toEqual([]);
    const after = await dumpDb();
    expect(isContainedIn(before, after)).toBe(true);
    expect((await db.projects.get(SEED.projectId))!.name).toBe('Changed after the backup');
    expect((await db.settings.get('locale'))!.value).toBe('en');
    expect(await db.projects.count()).toBe(4);
  });

  it('a broken backup is refused before anything is asked', async () => {
    await seedDb();
    await expectRefused({ name: 'b.quickscan-backup.zip', data: writeZip([{ name: 'backup.json', data: enc('{"format":"quickscan-backup","formatVersion":1}') }]) }, 'files.error.invalid');
  });
});

describe('refusals: each with its message, the database untouched', () => {
  beforeEach(async () => {
    await seedDb();
  });

  it('empty, garbage, random JSON, a definition, wrong format and newer versions', async () => {
    await expectRefused({ name: 'e.json', data: new Uint8Array(0) }, 'files.error.empty');
    await expectRefused({ name: 'g.bin', data: new Uint8Array([1, 2, 3, 4, 5]) }, 'files.error.notRecognised');
    await expectRefused({ name: 'g.json', data: enc('{"a": [1, 2') }, 'files.error.badJson');
    await expectRefused({ name: 'g.json', data: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 'files.error.notText');
    await expectRefused({ name: 'g.json', data: enc('{"a": 1}') }, 'files.error.notRecognised');
    await expectRefused({ name: 'g.json', data: enc('[1,2,3]') }, 'files.error.notRecognised');
    await expectRefused({ name: 'd.json', data: json(zeeland) }, 'files.error.isDefinition');
    await expectRefused({ name: 'x.json', data: json({ format: 'quickscan-report', formatVersion: 1 }) }, 'files.error.unknownFormat');
    await expectRefused({ name: 'x.json', data: json({ format: 'quickscan-project', formatVersion: 2 }) }, 'files.error.newerVersion');
    await expectRefused({ name: 'x.json', data: json({ ...exampleScan(), formatVersion: 7 }) }, 'files.error.newerVersion');
    await expectRefused({ name: 'x.json', data: json({ ...exampleScan(), scan: { id: 'nope' } }) }, 'files.error.invalid');
    await expectRefused({ name: 'deep.json', data: enc(`{"format":"quickscan-scan","x":${'['.repeat(5000)}${']'.repeat(5000)}}`) }, 'files.error.invalid');
  });

  it('a bad scan file is worded in the UI language: Dutch in nl, English in en, naming the field', async () => {
    const scan = exampleScan();
    const result = await expectRefused({ name: 'x.json', data: json({ ...scan, project: { ...scan.project, gfaM2: 'groot' } }) }, 'files.error.invalid');
    if (result.ok || !('error' in result)) throw new Error('expected a refusal');
    expect(fileErrorText((k, p) => translate('nl', k, p), 'nl', result.error)).toBe('de inhoud klopt niet (project.gfaM2: moet een getal zijn, niet de tekst "groot").');
    expect(fileErrorText((k, p) => translate('en', k, p), 'en', result.error)).toMatch(/\(project\.gfaM2: must be a number, not the text "groot"\)/);
  });

  it('a scan on an unknown method, or on a changed copy of a known one', async () => {
    const scan = exampleScan();
    await expectRefused({ name: 's.json', data: json({ ...scan, method: { ...scan.method, version: '9.9.9' } }) }, 'files.error.unknownMethod');
    await expectRefused({ name: 's.json', data: json({ ...scan, method: { ...scan.method, sha256: '0'.repeat(64) } }) }, 'files.error.methodChanged');
  });

  it('project files whose parts do not fit together, or whose records cannot be restored', async () => {
    const file = JSON.parse(new TextDecoder().decode((await exportProject(SEED.projectId, 'json')).data));
    await expectRefused({ name: 'p.json', data: json({ ...file, scans: [...file.scans, file.scans[0]] }) }, 'files.error.inconsistent');
    await expectRefused({ name: 'p.json', data: json({ ...file, evidence: [{ ...file.evidence[0], scanId: 'elsewhere' }] }) }, 'files.error.inconsistent');
    await expectRefused({ name: 'p.json', data: json({ ...file, project: { ...file.project, phase: 'someday' } }) }, 'files.error.record');
    await expectRefused({ name: 'p.json', data: json({ ...file, scans: [{ ...file.scans[0], answers: { A1: { level: 'l1', notApplicable: true } } }] }) }, 'files.error.record');
    await expectRefused({ name: 'p.json', data: json({ ...file, extra: 1 }) }, 'files.error.invalid');
  });

  it('an issued revision changed after issuing', async () => {
    const file = JSON.parse(new TextDecoder().decode((await exportProject(SEED.projectId, 'json')).data));
    const revision = file.revisions[0];
    const altered = { ...revision, envelope: { ...revision.envelope, content: { ...revision.envelope.content, assumptions: 'Other' } } };
    const result = await expectRefused({ name: 'p.json', data: json({ ...file, revisions: [altered] }) }, 'files.error.revisionAltered');
    expect(!result.ok && 'error' in result && result.error.params.code).toBe(revision.referenceCode);
    await expectRefused({ name: 'p.json', data: json({ ...file, revisions: [{ ...revision, phase: 'DO' }] }) }, 'files.error.revisionAltered');
    await expectRefused({ name: 'p.json', data: json({ ...file, revisions: [{ ...revision, envelope: { nope: 1 } }] }) }, 'files.error.revisionInvalid');
  });

  it('zips: truncated, not ours, unsafe or duplicate names, bombs, wrong hashes, missing files', async () => {
    const file = await exportProject(SEED.projectId, 'zip');
    for (const cut of [10, 100, file.data.length - 30, file.data.length - 1]) await expectRefused({ name: 'p.zip', data: file.data.slice(0, cut) }, 'files.error.zipDamaged');
    await expectRefused({ name: 'p.zip', data: zipSync({ 'readme.txt': strToU8('hello') }) }, 'files.error.zipNotQuickScan');
    for (const bad of ['../project.json', '/etc/passwd', 'evidence/../../x', 'C:/windows/x', 'evidence\\..\\x', 'a//b', './project.json']) {
      const r = await expectRefused({ name: 'p.zip', data: zipSync({ [bad]: strToU8('{}'), 'project.json': strToU8('{}') }) }, 'files.error.zipUnsafeName');
      expect(!r.ok && 'error' in r && r.error.params.entry).toBe(bad);
    }
    // the same name twice (fflate will not write that: rename an entry in the bytes)
    const twice = zipSync({ 'project.json': strToU8('{}'), 'project.jsoX': strToU8('{}') });
    await expectRefused({ name: 'p.zip', data: replaceAll(twice, 'project.jsoX', 'project.json') }, 'files.error.zipDuplicate');

    // evidence bytes changed in the zip: named in the message
    const index = (await unzipText(file.data, 'project.json')) as { evidence: { sha256: string; name: string }[] };
    const pdfEntry = `evidence/${index.evidence.find((e) => e.name === 'Haalbaarheidsstudie.pdf')!.sha256}`;
    const zip = openZip(file.data);
    const entries = [...zip.entries.keys()].map((name) => ({ name, data: zip.read(name, 1e9)! }));
    const swapped = entries.map((e) => (e.name === pdfEntry ? { ...e, data: enc('something else entirely') } : e));
    const r = await expectRefused({ name: 'p.zip', data: writeZip(swapped) }, 'files.error.evidenceHash');
    expect(!r.ok && 'error' in r && r.error.params.file).toBe('Haalbaarheidsstudie.pdf');
    await expectRefused({ name: 'p.zip', data: writeZip(entries.filter((e) => e.name !== pdfEntry)) }, 'files.error.evidenceMissing');

    // declared sizes: one entry larger than allowed, and a sum larger than allowed; refused before inflating
    const big = setDeclaredSize(writeZip(entries), pdfEntry, FILE_LIMITS.maxEvidenceBytes + 1);
    await expectRefused({ name: 'p.zip', data: big }, 'files.error.zipEntryTooLarge');
    const many = Array.from({ length: 14 }, (_, i) => ({ name: `evidence/${String(i).padStart(64, '0')}`, data: enc('x') }));
    let manyZip = writeZip([{ name: 'project.json', data: json({ ...index, evidence: many.map((m, i) => ({ ...index.evidence[0], id: `e${i}`, sha256: m.name.slice(9) })) }) }, ...many]);
    for (const m of many) manyZip = setDeclaredSize(manyZip, m.name, FILE_LIMITS.maxEvidenceBytes - 1);
    await expectRefused({ name: 'p.zip', data: manyZip }, 'files.error.zipTooLarge');

    // a bomb: a small declared size, much more data when inflated
    const bomb = setDeclaredSize(writeZip([{ name: 'project.json', data: new Uint8Array(20_000_000).fill(0x20) }]), 'project.json', 1000);
    const started = performance.now();
    await expectRefused({ name: 'bomb.zip', data: bomb }, 'files.error.zipDamaged');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a JSON file over the size limit', async () => {
    const big = new Uint8Array(FILE_LIMITS.maxJsonBytes + 1).fill(0x20);
    big[0] = 0x7b;
    await expectRefused({ name: 'big.json', data: big }, 'files.error.tooLarge');
  });

  it('a full disk: nothing is imported, and the message says so', async () => {
    const file = await exportProject(SEED.projectId, 'zip');
    const store = globalThis.IDBObjectStore.prototype as unknown as { add: (...args: unknown[]) => unknown };
    const original = store.add;
    let calls = 0;
    store.add = function (this: unknown, ...args: unknown[]) {
      calls += 1;
      if (calls > 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
    try {
      await expectRefused({ name: 'p.zip', data: file.data }, 'files.error.storageFull');
      expect(calls).toBeGreaterThan(3);
    } finally {
      store.add = original;
    }
    expect(en['files.error.storageFull']).toBe('the disk or browser storage is full; nothing was imported.');
  });

  it('recognises a full disk however Dexie reports it', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [{ name: 'ConstraintError' }, { name: 'QuotaExceededError' }] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: { name: 'QuotaExceededError' } } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});

/** Replaces every occurrence of an ASCII text of the same length in bytes. */
function replaceAll(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = bytes.slice();
  const a = enc(from);
  const b = enc(to);
  for (let i = 0; i + a.length <= out.length; i++) if (a.every((x, j) => out[i + j] === x)) out.set(b, i);
  return out;
}

/** Sets the uncompressed size an entry declares in the central directory. */
function setDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const target = enc(name);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const n = view.getUint16(p + 28, true);
    if (n === target.length && target.every((x, j) => out[p + 46 + j] === x)) view.setUint32(p + 24, size, true);
  }
  return out;
}
