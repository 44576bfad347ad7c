import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { navigate } from '../app/router';
import type { Locale, MessageKey, MessageParams } from '../i18n';
import { platform, type OpenedFile } from '../platform';
import { exportBackup, exportErrorOf, exportProject, exportScanZip, saveExport, type ExportedFile } from '../files/export';
import { fileErrorText } from '../files/errors';
import { IMPORT_FILTERS, importFile, type ImportSummary, type RecordCounts, type TrustOffer } from '../files/import';
import { statementSubjectKey, verifyKeyStatement, type VerifiedKeyStatement } from '../../scoring/key-statements';
import { keyFingerprint } from '../../scoring/keys';
import { verifyTrustList, type TrustListContent } from '../../scoring/trust';
import { addTrustAnchors, getKeyStatement, getTrustList, putKeyStatement, putTrustList, type AnchorCandidate } from '../db/trust';
import { formatDate } from '../i18n';
import { useLocale, useT, useUi } from '../state/store';
import { TrustConfirm } from './TrustConfirm';
import { keyStatementProblemText } from '../issue/key-statement-text';

type T = (key: MessageKey, params?: MessageParams) => string;

interface PendingRestore {
  file: OpenedFile;
  counts: RecordCounts;
  existing: RecordCounts;
}

/** What a restored backup would add to the user's trust, asked for separately. */
interface PendingOffer {
  fileName: string;
  anchors: AnchorCandidate[];
  lists: { content: TrustListContent; document: unknown; operatorFingerprint: string }[];
  /** Key statements that verify and are not confirmed here yet. */
  statements: { statement: VerifiedKeyStatement; document: unknown }[];
}

/**
 * The backup's key statements, each verified again: those that check out and are not confirmed
 * here yet are offered; each one that does not is refused with one line (`refused`).
 */
export async function statementsOffered(t: T, fileName: string, documents: readonly unknown[], locale: Locale = useUi.getState().locale): Promise<{ offered: PendingOffer['statements']; refused: string[] }> {
  const offered: PendingOffer['statements'] = [];
  const refused: string[] = [];
  for (const [i, document] of documents.entries()) {
    const check = verifyKeyStatement(document);
    if (!check.ok) {
      refused.push(keyStatementProblemText(t, t('keyStatements.backup.inBackup', { name: fileName, number: i + 1 }), check, locale));
      continue;
    }
    if (await getKeyStatement(check.statement.contentHash)) continue;
    if (offered.some((o) => o.statement.contentHash === check.statement.contentHash)) continue;
    offered.push({ statement: check.statement, document });
  }
  return { offered, refused };
}

/** The offer's trust lists that check out and are newer than what is stored; the anchors as given (already filtered by the import); the key statements that verify. */
async function offerOf(t: T, fileName: string, offer: TrustOffer): Promise<{ offer: PendingOffer | null; refused: string[] }> {
  const lists: PendingOffer['lists'] = [];
  for (const document of offer.lists) {
    const check = verifyTrustList(document, { now: new Date() });
    if (!check.ok) continue;
    const stored = await getTrustList(check.list.content.listId);
    const storedCheck = stored ? verifyTrustList(stored.document, { now: new Date() }) : null;
    if (storedCheck?.ok && storedCheck.list.content.sequence >= check.list.content.sequence) continue;
    lists.push({ content: check.list.content, document, operatorFingerprint: check.list.operatorFingerprint });
  }
  const { offered: statements, refused } = await statementsOffered(t, fileName, offer.statements);
  if (offer.anchors.length === 0 && lists.length === 0 && statements.length === 0) return { offer: null, refused };
  return { offer: { fileName, anchors: offer.anchors, lists, statements }, refused };
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
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const [isBusy, setIsBusy] = useState(false);
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [offer, setOffer] = useState<PendingOffer | null>(null);

  /**
   * After a backup: its trust anchors, lists and key statements are offered on their own screen,
   * never added by the import. Returns whether it asks, and a line for each refused key statement.
   */
  const offerTrust = useCallback(
    async (fileName: string, summary: ImportSummary) => {
      const next = await offerOf(t, fileName, summary.trustOffered);
      if (next.offer) setOffer(next.offer);
      return { offered: next.offer !== null, refused: next.refused };
    },
    [t],
  );

  // With a trust question open the user stays on this screen (leaving it would drop the question).
  const finish = useCallback((summaries: ImportSummary[], offered = false) => {
    if (offered) return;
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
      let offered = false;
      try {
        for (const file of files) {
          const result = await importFile(file);
          if (result.ok) {
            summaries.push(result.summary);
            texts.push(importedText(t, file.name, result.summary));
            const asked = await offerTrust(file.name, result.summary);
            if (asked.offered) offered = true;
            if (asked.refused.length > 0) {
              failed += 1;
              texts.push(...asked.refused);
            }
          } else if ('needsConfirmation' in result) {
            setPending({ file, counts: result.counts, existing: result.existing });
          } else {
            failed += 1;
            texts.push(t('files.import.failed', { name: file.name, reason: fileErrorText(t, locale, result.error) }));
          }
        }
      } finally {
        setIsBusy(false);
      }
      if (files.length > 1 && texts.length > 0) texts.unshift(t('files.import.many', { ok: summaries.length, total: files.length }));
      if (texts.length > 0) announce(texts.join(' '), failed > 0 ? 'error' : 'info');
      finish(summaries, offered);
    },
    [announce, finish, locale, offerTrust, t],
  );

  const confirm = useCallback(async () => {
    if (!pending) return;
    const { file } = pending;
    setPending(null);
    setIsBusy(true);
    try {
      const result = await importFile(file, { confirmed: true });
      if (result.ok) {
        const asked = await offerTrust(file.name, result.summary);
        announce([importedText(t, file.name, result.summary), ...asked.refused].join(' '), asked.refused.length > 0 ? 'error' : 'info');
        finish([result.summary], asked.offered);
      } else if ('error' in result) {
        announce(t('files.import.failed', { name: file.name, reason: fileErrorText(t, locale, result.error) }), 'error');
      }
    } finally {
      setIsBusy(false);
    }
  }, [announce, finish, locale, offerTrust, pending, t]);

  const cancel = useCallback(() => {
    setPending(null);
    announce(t('files.restore.cancelled'));
  }, [announce, t]);

  const acceptOffer = useCallback(
    async (ids: string[]) => {
      if (!offer) return;
      setOffer(null);
      const chosen = new Set(ids);
      let count = await addTrustAnchors(offer.anchors.filter((a) => chosen.has(`key:${keyFingerprint(a.key)}`)));
      for (const list of offer.lists.filter((l) => chosen.has(`list:${l.content.listId}`))) {
        const operator = [list.content.operator.name, list.content.operator.organisation].filter((x) => x.trim()).join(', ');
        await putTrustList({ id: list.content.listId, document: list.document }, { key: list.content.operator.key, label: operator });
        count += 1;
      }
      for (const { statement: st, document } of offer.statements.filter((o) => chosen.has(`statement:${o.statement.contentHash}`))) {
        await putKeyStatement({ id: st.contentHash, kind: st.kind, subjectFingerprint: keyFingerprint(statementSubjectKey(st)), document });
        count += 1;
      }
      announce(t('trust.offer.added', { count }));
    },
    [announce, offer, t],
  );

  const declineOffer = useCallback(() => {
    setOffer(null);
    announce(t('trust.confirm.cancelled'));
  }, [announce, t]);

  return { isBusy, pending, run, confirm, cancel, offer, acceptOffer, declineOffer };
}

/** The separate question after a backup restore: each key and trust list named, none ticked. */
function TrustOfferConfirm({ offer, onAccept, onDecline }: { offer: PendingOffer; onAccept(ids: string[]): void; onDecline(): void }) {
  const t = useT();
  const locale = useLocale();
  const date = (iso: string) => formatDate(locale, iso);
  const operatorOf = (c: TrustListContent) => [c.operator.name, c.operator.organisation].filter((x) => x.trim()).join(', ');
  return (
    <TrustConfirm
      title={t('trust.offer.title')}
      intro={t('trust.offer.body', { name: offer.fileName })}
      selectable
      items={[
        ...offer.anchors.map((a) => ({ id: `key:${keyFingerprint(a.key)}`, label: a.label, fingerprint: keyFingerprint(a.key) })),
        ...offer.lists.map((l) => ({
          id: `list:${l.content.listId}`,
          label: t('trust.offer.list', { name: l.content.name, sequence: l.content.sequence, operator: operatorOf(l.content) }),
          fingerprint: l.operatorFingerprint,
        })),
        ...offer.statements.map(({ statement: st }) => {
          const name = [st.content.name, st.content.organisation].filter((x) => x.trim()).join(', ');
          const note = st.content.note ? [t('keyStatements.confirm.note', { note: st.content.note })] : [];
          return st.kind === 'key-rotation'
            ? {
                id: `statement:${st.contentHash}`,
                label: t('keyStatements.row.rotation', { name, old: st.oldFingerprint, new: st.newFingerprint, date: date(st.content.effectiveAt) }),
                fingerprint: st.newFingerprint,
                details: [t('keyStatements.backup.rotationDoes'), ...note],
              }
            : {
                id: `statement:${st.contentHash}`,
                label: t('keyStatements.row.revocation', { name, fingerprint: st.fingerprint, date: date(st.content.revokedAt), reason: t(`keyStatements.reason.${st.content.reason}`) }),
                fingerprint: st.fingerprint,
                details: [t('keyStatements.backup.revocationDoes'), ...note],
              };
        }),
      ]}
      confirmLabel={t('trust.offer.add')}
      cancelLabel={t('trust.offer.none')}
      onConfirm={onAccept}
      onCancel={onDecline}
    />
  );
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
  const { isBusy, pending, run, confirm, cancel, offer, acceptOffer, declineOffer } = useImporter();

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
      {offer && <TrustOfferConfirm offer={offer} onAccept={(ids) => void acceptOffer(ids)} onDecline={declineOffer} />}
    </div>
  );
}

/** Runs an export and offers the file for saving; announces the outcome. */
function useExporter() {
  const t = useT();
  const locale = useLocale();
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
        announce(t('files.export.failed', { reason: fileErrorText(t, locale, reason) }), 'error');
      } finally {
        setBusy(null);
      }
    },
    [announce, locale, t],
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
  const { isBusy, pending, run, confirm, cancel, offer, acceptOffer, declineOffer } = useImporter();

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
      {offer && <TrustOfferConfirm offer={offer} onAccept={(ids) => void acceptOffer(ids)} onDecline={declineOffer} />}
    </section>
  );
}
