import { db } from './db';
import type { ProjectRecord } from './records';
import { restoreProject } from './restore';

export const newId = (): string => crypto.randomUUID();

/** Creates and saves a project at once; returns the stored record. */
export async function createProject(fields: Partial<ProjectRecord> & { name: string }): Promise<ProjectRecord> {
  const now = new Date().toISOString();
  const record = restoreProject({ ...fields, id: newId(), createdAt: now, updatedAt: now, deletedAt: null });
  await db.projects.add(record);
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
