import Dexie, { type EntityTable } from 'dexie';
import type { ProjectSummaryRecord } from './summary';
import type { EvidenceRecord, ProjectRecord, RevisionRecord, ScanRecord, SettingRecord, SigningKeyRecord, TrustedKeyRecord } from './records';
import { restoreProject } from './restore';
import { summarise } from './summary';

export const DB_NAME = 'quickscan';

/**
 * The app's one database. Version history (never edit a released version; add one):
 * 1: projects, scans, settings.
 * 2: scans indexed by deletion and variant, evidence files; projects pass through the restore step
 *    so every stored project has all fields of the full project form.
 * 3: issued revisions, the assessor's signing key, trusted public keys (new tables only).
 * 4: a summary per project (renderer/db/summaries.ts), computed for every project on upgrade.
 */
export class QuickScanDb extends Dexie {
  projects!: EntityTable<ProjectRecord, 'id'>;
  scans!: EntityTable<ScanRecord, 'id'>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  revisions!: EntityTable<RevisionRecord, 'id'>;
  signingKeys!: EntityTable<SigningKeyRecord, 'id'>;
  trustedKeys!: EntityTable<TrustedKeyRecord, 'publicKey'>;
  summaries!: EntityTable<ProjectSummaryRecord, 'projectId'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      projects: 'id, name, updatedAt, municipality, phase, deletedAt',
      scans: 'id, projectId, updatedAt',
      settings: 'key',
    });
    this.version(2)
      .stores({
        projects: 'id, name, updatedAt, municipality, phase, deletedAt',
        scans: 'id, projectId, updatedAt, deletedAt, variantOf',
        evidence: 'id, scanId, [scanId+questionId]',
        settings: 'key',
      })
      .upgrade(async (tx) => {
        // Version 1 stored projects with a name only; give them the full set of fields. A record
        // that cannot be restored is left exactly as it was (never deleted), and is skipped on read.
        await tx
          .table('projects')
          .toCollection()
          .modify((project: Record<string, unknown>) => {
            try {
              Object.assign(project, restoreProject(project));
            } catch {
              /* kept unchanged */
            }
          });
      });
    this.version(3).stores({
      revisions: 'id, projectId, scanId, issuedAt, referenceCode',
      signingKeys: 'id',
      trustedKeys: 'publicKey',
    });
    this.version(4)
      .stores({ summaries: 'projectId' })
      .upgrade(async (tx) => {
        // Every project gets its summary; a project that cannot be restored gets none (the list
        // counts it as unreadable, as before) and stays exactly as it was.
        const scans = (await tx.table('scans').toArray()) as { projectId?: unknown }[];
        const byProject = new Map<unknown, unknown[]>();
        for (const scan of scans) byProject.set(scan.projectId, [...(byProject.get(scan.projectId) ?? []), scan]);
        const summaries = tx.table('summaries');
        for (const raw of await tx.table('projects').toArray()) {
          let project;
          try {
            project = restoreProject(raw);
          } catch {
            continue;
          }
          await summaries.put(summarise(project, byProject.get(project.id) ?? []));
        }
      });
  }
}

export const db = new QuickScanDb();
