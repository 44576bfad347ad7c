import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { createProject } from './projects';
import { RestoreError } from './restore';
import { createScan, duplicateScan, getScan, renameScan, saveScan, setScanDeleted } from './scans';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

const method = { definitionId: 'zeeland-quickscan', definitionVersion: '1.0.0' };

describe('scan writes go through the data layer and its restore step', () => {
  it('a new revision started from an issued one is stored with its answers in one write', async () => {
    const project = await createProject({ name: 'School' });
    const scan = await createScan(
      { projectId: project.id, name: 'Revisie 2', ...method },
      { answers: { A1: { level: 'b', note: 'gevel' }, A2: { notApplicable: true } }, locked: ['A1'], costOverrides: [] },
    );
    const stored = await getScan(scan.id);
    expect(stored?.answers).toEqual({ A1: { level: 'b', note: 'gevel' }, A2: { notApplicable: true } });
    expect(stored?.locked).toEqual(['A1']);
    expect(await db.scans.count()).toBe(1);
  });

  it('contents the restore step refuses are never stored', async () => {
    const project = await createProject({ name: 'School' });
    const bad = { answers: { A1: { level: 'b', notApplicable: true as const } } };
    await expect(createScan({ projectId: project.id, name: 'Revisie 2', ...method }, bad)).rejects.toBeInstanceOf(RestoreError);
    expect(await db.scans.count()).toBe(0);
  });

  it('an edit the restore step refuses leaves the stored scan as it was', async () => {
    const project = await createProject({ name: 'School' });
    const scan = await createScan({ projectId: project.id, name: 'Scan', ...method });
    await expect(saveScan({ ...scan, name: '   ' })).rejects.toBeInstanceOf(RestoreError);
    expect((await getScan(scan.id))?.name).toBe('Scan');
  });

  it('writes reach the database in the order they were made (an edit, then a rename, then the trash)', async () => {
    const project = await createProject({ name: 'School' });
    const scan = await createScan({ projectId: project.id, name: 'Scan', ...method });
    const edit = saveScan({ ...scan, answers: { A1: { level: 'a' } }, updatedAt: new Date().toISOString() });
    const rename = renameScan(scan.id, '  Variant B  ');
    const trash = setScanDeleted(scan.id, true);
    await Promise.all([edit, rename, trash]);
    const stored = await getScan(scan.id);
    expect(stored?.answers).toEqual({ A1: { level: 'a' } });
    expect(stored?.name).toBe('Variant B');
    expect(stored?.deletedAt).not.toBeNull();
  });
});

describe('a variant on another method version ("try this scan on version X")', () => {
  it('is a new scan on that version with the carried answers and the evidence of the answers it keeps; the source is untouched', async () => {
    const project = await createProject({ name: 'School' });
    const source = await createScan(
      { projectId: project.id, name: 'Ontwerp', ...method },
      { answers: { A1: { level: 'l4', note: 'gevel' }, A3: { level: 'l2' } }, locked: ['A1'], costOverrides: [] },
    );
    const evidence = (questionId: string) => ({
      id: `ev-${questionId}`, scanId: source.id, questionId, name: `${questionId}.pdf`, type: 'application/pdf', size: 3, sha256: '0'.repeat(64), addedAt: source.createdAt, blob: new Blob(['pdf']), thumbnail: null,
    });
    await db.evidence.bulkAdd([evidence('A1'), evidence('A3')]);
    await db.settings.put({ key: `profile:${source.id}`, value: { some: 'profile' } });
    const before = JSON.stringify(await db.scans.get(source.id));

    const variant = await duplicateScan(source.id, 'Ontwerp op 1.1.0', {
      asVariant: true,
      answers: { A3: { level: 'l2' } },
      method: { definitionId: 'open-quickscan', definitionVersion: '1.1.0', costOverrides: [], locked: [] },
    });
    const stored = await getScan(variant.id);
    expect(stored).toMatchObject({ definitionId: 'open-quickscan', definitionVersion: '1.1.0', answers: { A3: { level: 'l2' } }, locked: [], variantOf: source.id, name: 'Ontwerp op 1.1.0' });
    expect((await db.evidence.where('scanId').equals(variant.id).toArray()).map((e) => e.questionId)).toEqual(['A3']);
    // a profile names one method version: it does not follow the variant to another one
    expect(await db.settings.get(`profile:${variant.id}`)).toBeUndefined();
    expect(JSON.stringify(await db.scans.get(source.id))).toBe(before);
    expect(await db.evidence.where('scanId').equals(source.id).count()).toBe(2);
  });
});
