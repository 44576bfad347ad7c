/**
 * A summary kept per project (table `summaries`, Dexie version 4): what the projects list shows of
 * a project's scans (how many, and the label and total of the most recently edited one), so the
 * list reads one small record per project instead of every scan, and scores nothing.
 *
 * Every write that can change it (a scan created, saved, renamed, copied, trashed or restored; a
 * project's details edited; an import) refreshes it in the same transaction. A project without a
 * summary (never expected; a record written by hand) is summarised on the fly when the list reads.
 */
import { db } from './db';
import type { ProjectRecord } from './records';
import { restoreProject } from './restore';
import { summarise } from './summary';
import { dropPrefetchedOverview } from './overview';

export type { ProjectSummaryRecord } from './summary';

/**
 * Recomputes and stores the summaries of these projects. Call inside a 'rw' transaction that
 * includes projects, scans and summaries (it joins it), or on its own.
 */
export async function refreshSummaries(projectIds: Iterable<string>): Promise<void> {
  dropPrefetchedOverview();
  const ids = [...new Set(projectIds)];
  if (ids.length === 0) return;
  await db.transaction('rw', [db.projects, db.scans, db.summaries], async () => {
    const [projects, scans] = await Promise.all([db.projects.bulkGet(ids), db.scans.where('projectId').anyOf(ids).toArray()]);
    const byProject = new Map<string, unknown[]>();
    for (const scan of scans) byProject.set(scan.projectId, [...(byProject.get(scan.projectId) ?? []), scan]);
    for (const [i, id] of ids.entries()) {
      let project: ProjectRecord;
      try {
        project = restoreProject(projects[i]);
      } catch {
        await db.summaries.delete(id); // no project (or unreadable): no summary
        continue;
      }
      await db.summaries.put(summarise(project, byProject.get(id) ?? []));
    }
  });
}
