import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { readProjectOverview } from './overview';
import { createProject, setProjectDeleted, updateProject } from './projects';
import { createScan, renameScan, saveScan, setScanDeleted } from './scans';
import { summarise } from './summary';
import { restoreProject } from './restore';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

const method = { definitionId: 'zeeland-quickscan', definitionVersion: '1.0.0' };

/** What the list shows, computed from the scans themselves (the summary must always equal it). */
async function fromScans() {
  const projects = (await db.projects.toArray()).map((p) => restoreProject(p));
  const scans = await db.scans.toArray();
  return Object.fromEntries(projects.map((p) => [p.id, summarise(p, scans)]));
}

describe('the summary kept per project', () => {
  it('follows every write that changes what the projects list shows', async () => {
    const project = await createProject({ name: 'School', gfaM2: 2400, constructionBudgetEur: 6e6 });
    expect(await db.summaries.get(project.id)).toMatchObject({ projectId: project.id, project: { name: 'School' }, scanCount: 0, latest: null, unreadable: 0 });
    const a = await createScan({ projectId: project.id, name: 'A', ...method });
    const b = await createScan({ projectId: project.id, name: 'B', ...method });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await saveScan({ ...a, answers: { A1: { level: 'l3' }, A2: { level: 'l3' } }, updatedAt: new Date().toISOString() });
    expect(await db.summaries.get(project.id)).toEqual((await fromScans())[project.id]);
    expect((await db.summaries.get(project.id))?.latest?.scanId).toBe(a.id);
    const withA = (await db.summaries.get(project.id))!.latest!.total;
    await updateProject(project.id, { gfaM2: 9000 });
    expect(await db.summaries.get(project.id)).toEqual((await fromScans())[project.id]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await renameScan(b.id, 'B2');
    expect((await db.summaries.get(project.id))?.latest?.scanId).toBe(b.id);
    await setScanDeleted(b.id, true);
    expect(await db.summaries.get(project.id)).toMatchObject({ scanCount: 1, latest: { scanId: a.id, total: withA } });
    expect(await db.summaries.get(project.id)).toEqual((await fromScans())[project.id]);
  });

  it('the list reads the summaries, and summarises a project that has none (written by hand)', async () => {
    const project = await createProject({ name: 'School', gfaM2: 2400 });
    const scan = await createScan({ projectId: project.id, name: 'A', ...method }, { answers: { A1: { level: 'l2' } } });
    await db.summaries.clear();
    const { active } = await readProjectOverview();
    expect(active).toHaveLength(1);
    expect(active[0]!.scanCount).toBe(1);
    expect(active[0]!.latest).toEqual((await fromScans())[project.id]!.latest);
    expect(active[0]!.latest?.scanId).toBe(scan.id);
  });

  it('trashing a project moves it to the trash of the list; restoring brings it back', async () => {
    const project = await createProject({ name: 'School' });
    await setProjectDeleted(project.id, true);
    let overview = await readProjectOverview();
    expect([overview.active.length, overview.trashed.map((p) => p.name)]).toEqual([0, ['School']]);
    await setProjectDeleted(project.id, false);
    overview = await readProjectOverview();
    expect([overview.active.map((i) => i.project.name), overview.trashed.length]).toEqual([['School'], 0]);
  });

  it('a project that cannot be read is counted, never shown, and left as it was', async () => {
    await db.projects.add({ id: 'broken', name: '' } as never);
    const overview = await readProjectOverview();
    expect([overview.active.length, overview.unreadable]).toEqual([0, 1]);
    expect(await db.projects.get('broken')).toEqual({ id: 'broken', name: '' });
  });
});
