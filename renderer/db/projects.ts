import { db } from './db';
import type { ProjectRecord } from './records';
import { restoreProject } from './restore';
import { refreshSummaries } from './summaries';
import { summarise } from './summary';
import { dropPrefetchedOverview } from './overview';

export const newId = (): string => crypto.randomUUID();

/** Creates and saves a project at once; returns the stored record. */
export async function createProject(fields: Partial<ProjectRecord> & { name: string }): Promise<ProjectRecord> {
  const now = new Date().toISOString();
  const record = restoreProject({ ...fields, id: newId(), createdAt: now, updatedAt: now, deletedAt: null });
  await db.transaction('rw', db.projects, db.summaries, async () => {
    await db.projects.add(record);
    dropPrefetchedOverview();
    await db.summaries.put(summarise(record, []));
  });
  return record;
}

/** Projects not in the trash, most recently edited first. Records that cannot be read are skipped and counted. */
export async function listProjects(): Promise<{ projects: ProjectRecord[]; unreadable: number }> {
  const raw = await db.projects.orderBy('updatedAt').reverse().toArray();
  const projects: ProjectRecord[] = [];
  let unreadable = 0;
  for (const record of raw) {
    try {
      const project = restoreProject(record);
      if (!project.deletedAt) projects.push(project);
    } catch {
      unreadable += 1;
    }
  }
  return { projects, unreadable };
}

export async function getProject(id: string): Promise<ProjectRecord | undefined> {
  const raw = await db.projects.get(id);
  return raw ? restoreProject(raw) : undefined;
}

/** Saves edited project details at once. */
export async function updateProject(id: string, fields: Partial<Omit<ProjectRecord, 'id' | 'createdAt'>>): Promise<ProjectRecord> {
  return db.transaction('rw', [db.projects, db.scans, db.summaries], async () => {
    const current = restoreProject(await db.projects.get(id));
    const next = restoreProject({ ...current, ...fields, id, createdAt: current.createdAt, updatedAt: new Date().toISOString() });
    await db.projects.put(next);
    // floor area, budgets and kind change the latest scan's label and total
    await refreshSummaries([id]);
    return next;
  });
}

/** Moves a project to the trash (or back); nothing is erased, so an undo is always possible. */
export async function setProjectDeleted(id: string, isDeleted: boolean): Promise<void> {
  await db.transaction('rw', [db.projects, db.scans, db.summaries], async () => {
    const raw = await db.projects.get(id);
    if (!raw) return;
    await db.projects.put(restoreProject({ ...restoreProject(raw), deletedAt: isDeleted ? new Date().toISOString() : null }));
    await refreshSummaries([id]);
  });
}

export async function listTrashedProjects(): Promise<ProjectRecord[]> {
  const raw = await db.projects.toArray();
  return raw
    .flatMap((r) => {
      try {
        return [restoreProject(r)];
      } catch {
        return [];
      }
    })
    .filter((p) => p.deletedAt)
    .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
}
