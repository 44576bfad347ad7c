import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { navigate } from '../app/router';
import type { MessageKey, MessageParams } from '../i18n';
import { platform, type OpenedFile } from '../platform';
import { exportBackup, exportErrorOf, exportProject, exportScanZip, saveExport, type ExportedFile } from '../files/export';
import { IMPORT_FILTERS, importFile, type ImportSummary, type RecordCounts } from '../files/import';
import { useT, useUi } from '../state/store';

type T = (key: MessageKey, params?: MessageParams) => string;

interface PendingRestore {
  file: OpenedFile;
  counts: RecordCounts;
  existing: RecordCounts;
}

/** The announcement for one imported file: what was added, and what the user should know. */
function importedText(t: T, name: string, s: ImportSummary): string {
  const parts = [t('files.import.done', { name, projects: s.added.projects, scans: s.added.scans, evidence: s.added.evidence, revisions: s.added.revisions })];
  if (s.issuedReference) parts.push(t('files.import.fromIssued', { code: s.issuedReference }));
  if (s.newIds > 0) parts.push(t('files.import.copy', { count: s.newIds }));
  if (s.evidenceNotIncluded > 0) parts.push(t('files.import.evidenceNotIncluded', { count: s.evidenceNotIncluded }));
  if (s.alreadyPresent > 0) parts.push(t('files.import.alreadyPresent', { count: s.alreadyPresent }));
  return parts.join(' ');
}

async function openedOf(files: readonly File[]): Promise<OpenedFile[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) })));
}

/**
 * Imports files one after another and tells the user the outcome in their language. A backup
 * into a database that holds data waits for the user's confirmation (`pending`).
 */
function useImporter() {
  const t = useT();
  const announce = useUi((s) => s.announce);
  const [isBusy, setIsBusy] = useState(false);
  const [pending, setPending] = useState<PendingRestore | null>(null);

  const finish = useCallback((summaries: ImportSummary[]) => {
    const projectIds = summaries.flatMap((s) => s.projectIds);
    if (projectIds.length === 1 && summaries.every((s) => s.kind !== 'backup')) navigate({ name: 'project', projectId: projectIds[0]! });
    else if (summaries.length > 0) navigate({ name: 'projects' });
  }, []);

  const run = useCallback(
    async (files: readonly OpenedFile[]) => {
      if (files.length === 0) return;
      setIsBusy(true);
      const texts: string[] = [];
      const summaries: ImportSummary[] = [];
      let failed = 0;
      try {
        for (const file of files) {
          const result = await importFile(file);
          if (result.ok) {
            summaries.push(result.summary);
            texts.push(importedText(t, file.name, result.summary));
          } else if ('needsConfirmation' in result) {
            setPending({ file, counts: result.counts, existing: result.existing });
          } else {
            failed += 1;
            texts.push(t('files.import.failed', { name: file.name, reason: t(result.error.key, result.error.params) }));
          }
        }
      } finally {
        setIsBusy(false);
      }
      if (files.length > 1 && texts.length > 0) texts.unshift(t('files.import.many', { ok: summaries.length, total: files.length }));
      if (texts.length > 0) announce(texts.join(' '), failed > 0 ? 'error' : 'info');
      finish(summaries);
    },
    [announce, finish, t],
  );

  const confirm = useCallback(async () => {
    if (!pending) return;
    const { file } = pending;
    setPending(null);
    setIsBusy(true);
    try {
      const result = await importFile(file, { confirmed: true });
      if (result.ok) {
        announce(importedText(t, file.name, result.summary));
        finish([result.summary]);
      } else if ('error' in result) {
        announce(t('files.import.failed', { name: file.name, reason: t(result.error.key, result.error.params) }), 'error');
      }
    } finally {
      setIsBusy(false);
    }
  }, [announce, finish, pending, t]);

  const cancel = useCallback(() => {
    setPending(null);
    announce(t('files.restore.cancelled'));
  }, [announce, t]);

  return { isBusy, pending, run, confirm, cancel };
}

/** Asks before a backup is added to data that already exists; in the page, not a browser dialog. */
function RestoreConfirm({ pending, onConfirm, onCancel }: { pending: PendingRestore; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  const titleId = useId();
  const bodyId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="notice warn restore-confirm" role="alertdialog" aria-labelledby={titleId} aria-describedby={bodyId} tabIndex={-1}>
      <h3 id={titleId}>{t('files.restore.confirmTitle')}</h3>
      <div id={bodyId}>
        <p>
          {t('files.restore.confirmBody', {
            name: pending.file.name,
            projects: pending.existing.projects,
            scans: pending.existing.scans,
            backupProjects: pending.counts.projects,
            backupScans: pending.counts.scans,
          })}
        </p>
        <p>{t('files.restore.confirmAdds')}</p>
      </div>
      <div className="button-row">
        <button type="button" className="button primary" onClick={onConfirm}>
          {t('files.restore.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('files.restore.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * Imports scan, project and backup files and issued PDFs (several at once). Pass `files` to
 * import dropped files (drag and drop); each new array is imported once.
 */
export function ImportButton({ files, label, showHint = true }: { files?: readonly File[] | undefined; label?: string | undefined; showHint?: boolean }) {
  const t = useT();
  const hintId = useId();
  const { isBusy, pending, run, confirm, cancel } = useImporter();

  useEffect(() => {
    if (!files || files.length === 0) return;
    let isCurrent = true;
    void openedOf(files).then((opened) => (isCurrent ? run(opened) : undefined));
    return () => {
      isCurrent = false;
    };
  }, [files, run]);

  async function pick() {
    const opened = await platform.openFiles({ filters: IMPORT_FILTERS, multiple: true });
    await run(opened);
  }

  return (
    <div className="import-export">
      <button type="button" className="button" onClick={() => void pick()} disabled={isBusy} aria-describedby={showHint ? hintId : undefined} aria-busy={isBusy || undefined}>
        {isBusy ? t('files.import.busy') : (label ?? t('files.import.button'))}
      </button>
      {showHint && (
        <p id={hintId} className="muted small">
          {t('files.import.hint')}
        </p>
      )}
      {pending && <RestoreConfirm pending={pending} onConfirm={() => void confirm()} onCancel={cancel} />}
    </div>
  );
}

/** Runs an export and offers the file for saving; announces the outcome. */
function useExporter() {
  const t = useT();
  const announce = useUi((s) => s.announce);
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async (which: string, make: () => Promise<ExportedFile>) => {
      setBusy(which);
      try {
        const file = await make();
        const saved = await saveExport(file);
        if (saved.saved) {
          const text = [t('files.export.saved', { file: saved.fileName ?? file.fileName })];
          if (file.skipped > 0) text.push(t('files.export.skipped', { count: file.skipped }));
          announce(text.join(' '), file.skipped > 0 ? 'error' : 'info');
        }
      } catch (error) {
        const reason = exportErrorOf(error);
        announce(t('files.export.failed', { reason: t(reason.key, reason.params) }), 'error');
      } finally {
        setBusy(null);
      }
    },
    [announce, t],
  );
  return { busy, run };
}

/** Exports one project: as JSON (no evidence files) or as a zip with its evidence files. */
export function ExportProjectButtons({ projectId }: { projectId: string }) {
  const t = useT();
  const hintId = useId();
  const groupId = useId();
  const { busy, run } = useExporter();
  return (
    <div className="import-export" role="group" aria-labelledby={groupId}>
      <span id={groupId} className="visually-hidden">
        {t('files.export.label')}
      </span>
      <div className="button-row tight">
        <button type="button" className="button" disabled={busy !== null} aria-describedby={hintId} onClick={() => void run('zip', () => exportProject(projectId, 'zip'))}>
          {busy === 'zip' ? t('files.export.busy') : t('files.export.zip')}
        </button>
        <button type="button" className="button" disabled={busy !== null} aria-describedby={hintId} onClick={() => void run('json', () => exportProject(projectId, 'json'))}>
          {busy === 'json' ? t('files.export.busy') : t('files.export.json')}
        </button>
      </div>
      <p id={hintId} className="muted small">
        {t('files.export.jsonHint')}
      </p>
    </div>
  );
}

/** Exports one scan as a zip: the scan file with its evidence files. */
export function ExportScanZipButton({ scanId }: { scanId: string }) {
  const t = useT();
  const { busy, run } = useExporter();
  return (
    <button type="button" className="button" disabled={busy !== null} onClick={() => void run('scan', () => exportScanZip(scanId))}>
      {busy ? t('files.export.busy') : t('files.export.scanZip')}
    </button>
  );
}

/** The settings screen's backup section: back up everything now, or restore (adding, never overwriting). */
export function BackupPanel() {
  const t = useT();
  const titleId = useId();
  const restoreHintId = useId();
  const { busy, run: runExport } = useExporter();
  const { isBusy, pending, run, confirm, cancel } = useImporter();

  async function restore() {
    const opened = await platform.openFiles({ filters: [{ name: 'QuickScan', extensions: ['zip'] }], multiple: false });
    await run(opened.slice(0, 1));
  }

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('files.backup.title')}</h2>
      <p>{t('files.backup.intro')}</p>
      <p className="muted">{t('files.backup.keyNote')}</p>
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy !== null || isBusy} onClick={() => void runExport('backup', () => exportBackup())}>
          {busy ? t('files.export.busy') : t('files.backup.now')}
        </button>
        <button type="button" className="button" disabled={busy !== null || isBusy || pending !== null} aria-describedby={restoreHintId} onClick={() => void restore()}>
          {isBusy ? t('files.import.busy') : t('files.backup.restore')}
        </button>
      </div>
      <p id={restoreHintId} className="muted small">
        {t('files.backup.restoreHint')}
      </p>
      {pending && <RestoreConfirm pending={pending} onConfirm={() => void confirm()} onCancel={cancel} />}
    </section>
  );
}
