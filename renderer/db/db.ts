import Dexie, { type EntityTable } from 'dexie';
import { ed25519Jwk, keyFingerprint } from '../../scoring/keys';
import { isValidPublicKey } from '../../scoring/signature';
import type { ProjectSummaryRecord } from './summary';
import type { EvidenceRecord, IssuedPdfRecord, KeyStatementRecord, ProjectRecord, RetiredKeyRecord, RevisionRecord, ScanRecord, SettingRecord, SigningKeyRecord, TrustAnchorRecord, TrustedKeyRecord, TrustListRecord } from './records';
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
 * 5: trust anchors as JWK keys (`trustAnchors`, by fingerprint), signed trust lists
 *    (`trustLists`), retired signing keys (`retiredKeys`); the trusted Ed25519 keys of version 3
 *    move to `trustAnchors` (the old table is emptied, not dropped), and the signing key gets its
 *    public key as JWK.
 * 6: the signed PDF of each format-2 revision as issued (`issuedPdfs`, by revision id; new table).
 * 7: key rotation and revocation statements the user confirmed (`keyStatements`, by content hash;
 *    new table).
 */
export class QuickScanDb extends Dexie {
  projects!: EntityTable<ProjectRecord, 'id'>;
  scans!: EntityTable<ScanRecord, 'id'>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  revisions!: EntityTable<RevisionRecord, 'id'>;
  signingKeys!: EntityTable<SigningKeyRecord, 'id'>;
  /** Version 3-4 only: emptied by version 5 (see trustAnchors). */
  trustedKeys!: EntityTable<TrustedKeyRecord, 'publicKey'>;
  summaries!: EntityTable<ProjectSummaryRecord, 'projectId'>;
  trustAnchors!: EntityTable<TrustAnchorRecord, 'fingerprint'>;
  trustLists!: EntityTable<TrustListRecord, 'id'>;
  retiredKeys!: EntityTable<RetiredKeyRecord, 'fingerprint'>;
  issuedPdfs!: EntityTable<IssuedPdfRecord, 'revisionId'>;
  keyStatements!: EntityTable<KeyStatementRecord, 'id'>;

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
    this.version(5)
      .stores({
        trustAnchors: 'fingerprint',
        trustLists: 'id, operatorFingerprint',
        retiredKeys: 'fingerprint, retiredAt',
      })
      .upgrade(async (tx) => {
        // Every trusted Ed25519 key becomes a trust anchor with the same label and date (its
        // fingerprint does not change). A record that is not a usable key is left where it was.
        const old = tx.table('trustedKeys');
        const anchors = tx.table('trustAnchors');
        const moved: string[] = [];
        for (const raw of (await old.toArray()) as Partial<TrustedKeyRecord>[]) {
          if (typeof raw.publicKey !== 'string' || !isValidPublicKey(raw.publicKey)) continue;
          const key = ed25519Jwk(raw.publicKey);
          await anchors.put({ fingerprint: keyFingerprint(key), key, label: typeof raw.label === 'string' ? raw.label : '', uses: ['signer'], addedAt: typeof raw.addedAt === 'string' ? raw.addedAt : new Date().toISOString() });
          moved.push(raw.publicKey);
        }
        await old.bulkDelete(moved);
        // The Ed25519 signing key of version 3 gets its public key as JWK; it has no backup.
        await tx
          .table('signingKeys')
          .toCollection()
          .modify((record: Record<string, unknown>) => {
            if (record.key === undefined && typeof record.publicKey === 'string' && isValidPublicKey(record.publicKey)) record.key = ed25519Jwk(record.publicKey);
            if (record.backedUpAt === undefined) record.backedUpAt = null;
          });
      });
    this.version(6).stores({ issuedPdfs: 'revisionId' });
    this.version(7).stores({ keyStatements: 'id, kind, subjectFingerprint' });
  }
}

export const db = new QuickScanDb();
