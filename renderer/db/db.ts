import Dexie, { type EntityTable } from 'dexie';
import type { ProjectRecord, SettingRecord } from './records';

export const DB_NAME = 'quickscan';

/**
 * The app's one database. Version history (never edit a released version; add one):
 * 1: projects, scans, settings.
 */
export class QuickScanDb extends Dexie {
  projects!: EntityTable<ProjectRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      projects: 'id, name, updatedAt, municipality, phase, deletedAt',
      scans: 'id, projectId, updatedAt',
      settings: 'key',
    });
  }
}

export const db = new QuickScanDb();
