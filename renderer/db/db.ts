import Dexie, { type EntityTable } from 'dexie';
import type { EvidenceRecord, ProjectRecord, RevisionRecord, ScanRecord, SettingRecord, SigningKeyRecord, TrustedKeyRecord } from './records';
import { restoreProject } from './restore';

export const DB_NAME = 'quickscan';

/**
 * The app's one database. Version history (never edit a released version; add one):
 * 1: projects, scans, settings.
 * 2: scans indexed by deletion and variant, evidence files; projects pass through the restore step
 *    so every stored project has all fields of the full project form.
 * 3: issued revisions, the assessor's signing key, trusted public keys (new tables only).
 */
export class QuickScanDb extends Dexie {
  projects!: EntityTable<ProjectRecord, 'id'>;
  scans!: EntityTable<ScanRecord, 'id'>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  revisions!: EntityTable<RevisionRecord, 'id'>;
  signingKeys!: EntityTable<SigningKeyRecord, 'id'>;
  trustedKeys!: EntityTable<TrustedKeyRecord, 'publicKey'>;

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
  }
}

export const db = new QuickScanDb();
