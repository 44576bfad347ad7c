import { useState } from 'react';
import { getDefinition } from '../../forms/registry';
import { anyEnvelopeJsonText, assessorKeyOf, scanFileFromContent } from '../../scoring/issued';
import { keyFingerprint } from '../../scoring/keys';
import { scoreScan } from '../../scoring/score';
import { navigate } from '../app/router';
import { isPhase, type RevisionRecord } from '../db/records';
import { createScan } from '../db/scans';
import { useLiveQuery } from '../db/live';
import { formatDate } from '../i18n';
import { envelopeOf, IssueRefused, listRevisions, pdfLocalesOf, revisionPdf } from '../issue/issue';
import { carryEvidence, ExportRefused, revisionCredentialFile, revisionDossier } from '../issue/exports';
import { platform } from '../platform';
import { safeFileName } from '../scan/export';
import { formatScore } from './ResultPanel';
import { RevisionVerdictBadge, useRevisionVerdicts, useVerificationAnchors } from './RevisionVerdict';
import { useLocale, useT, useUi } from '../state/store';

/** Download the PDF (NL or EN) or the signed data of an issued revision. */
export function RevisionActions({ record }: { record: RevisionRecord }) {
  const t = useT();
  const announce = useUi((s) => s.announce);
  const [busy, setBusy] = useState(false);

  async function save(kind: 'nl' | 'en' | 'json') {
    setBusy(true);
    try {
      const envelope = envelopeOf(record);
      const base = safeFileName(`${envelope.content.project.name} ${record.referenceCode}`);
      const result =
        kind === 'json'
          ? await platform.saveFile({ suggestedName: `${base}.quickscan-issued.json`, mimeType: 'application/json', filters: [{ name: 'QuickScan', extensions: ['json'] }], data: new TextEncoder().encode(anyEnvelopeJsonText(envelope)) })
          : await platform.saveFile({ suggestedName: `${base}-${kind}.pdf`, mimeType: 'application/pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], data: await revisionPdf(record, kind) });
      if (result.saved) announce(t('scan.exported', { name: result.fileName ?? '' }));
    } catch (error) {
      announce(error instanceof IssueRefused ? t(`keys.refused.${error.code}`) : t('scan.exportFailed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  /** The evidence dossier (zip) or the Verifiable Credential (JSON) of the revision. */
  async function saveExport(kind: 'dossier' | 'vc') {
    setBusy(true);
    try {
      const dossier = kind === 'dossier' ? await revisionDossier(record) : null;
      const file = dossier ?? (await revisionCredentialFile(record));
      const result = await platform.saveFile({ suggestedName: file.suggestedName, mimeType: file.mimeType, filters: [{ name: 'QuickScan', extensions: [file.extension] }], data: file.data });
      if (result.saved) {
        announce(
          dossier && dossier.missing > 0
            ? t('exports.dossierPartial', { name: result.fileName ?? '', included: dossier.included, named: dossier.named })
            : t('scan.exported', { name: result.fileName ?? '' }),
        );
      }
    } catch (error) {
      announce(error instanceof ExportRefused ? t(error.key) : t('scan.exportFailed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="button-row tight">
      {/* format 2: the PDF in its signed language only (renderer/issue/issue.ts pdfLocalesOf) */}
      {pdfLocales(record).map((pdfLocale, i) => (
        <button key={pdfLocale} type="button" className={i === 0 ? 'button small primary' : 'button small'} disabled={busy} onClick={() => void save(pdfLocale)}>
          {t(pdfLocale === 'nl' ? 'revision.pdfNl' : 'revision.pdfEn')}
          <span className="visually-hidden"> {record.referenceCode}</span>
        </button>
      ))}
      <button type="button" className="button small" disabled={busy} onClick={() => void save('json')}>
        {t('revision.data')}
        <span className="visually-hidden"> {record.referenceCode}</span>
      </button>
      <button type="button" className="button small" disabled={busy} onClick={() => void saveExport('dossier')}>
        {t('exports.dossier')}
        <span className="visually-hidden"> {record.referenceCode}</span>
      </button>
      <button type="button" className="button small" disabled={busy} onClick={() => void saveExport('vc')}>
        {t('exports.vc')}
        <span className="visually-hidden"> {record.referenceCode}</span>
      </button>
    </div>
  );
}

function pdfLocales(record: RevisionRecord): ('nl' | 'en')[] {
  try {
    return pdfLocalesOf(envelopeOf(record));
  } catch {
    return [];
  }
}

/** The project's issued revisions, oldest first: frozen, exportable, and the start of a new revision. */
export function RevisionsList({ projectId }: { projectId: string }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const revisions = useLiveQuery(() => listRevisions(projectId), [projectId], []);
  const anchors = useVerificationAnchors();
  const verdicts = useRevisionVerdicts(revisions, anchors);
  if (revisions.length === 0) return <p className="muted">{t('revision.none')}</p>;

  async function newRevisionFrom(record: RevisionRecord) {
    const envelope = envelopeOf(record);
    const file = scanFileFromContent(envelope.content);
    const answers = Object.fromEntries(
      Object.entries(file.scan.answers).map(([id, a]) => [id, 'level' in a ? { level: a.level, ...(a.note ? { note: a.note } : {}) } : { notApplicable: true as const, ...(a.note ? { note: a.note } : {}) }]),
    );
    // One write, through the restore step: the new scan is stored with the revision's answers.
    const scan = await createScan(
      { projectId, name: t('revision.nextName', { code: record.referenceCode }), definitionId: file.method.id, definitionVersion: file.method.version },
      { answers, costOverrides: file.scan.costOverrides ?? [], locked: file.scan.locked ?? [] },
    );
    // the evidence files the revision names travel into the new scan (those this app holds)
    const { notHeld } = await carryEvidence(record, scan.id);
    announce(notHeld > 0 ? `${t('revision.started', { code: record.referenceCode })} ${t('exports.evidenceNotHeld', { count: notHeld })}` : t('revision.started', { code: record.referenceCode }));
    navigate({ name: 'scan', projectId, scanId: scan.id });
  }

  return (
    <ol className="revision-list" aria-label={t('revision.title')}>
      {revisions.map((record) => {
        const verdict = verdicts.get(record.id);
        let summary: { label: string; total: string; assessor: string; fingerprint: string } | null = null;
        try {
          const envelope = envelopeOf(record);
          const method = getDefinition(envelope.content.method.id, envelope.content.method.version);
          // figures recomputed from data that is not intact or not validly signed are never shown as its score
          const score = method && verdict?.sound ? scoreScan(method.definition, { project: envelope.content.project, answers: envelope.content.scan.answers, costOverrides: envelope.content.scan.costOverrides }) : null;
          summary = {
            label: method?.definition.labels.find((l) => l.id === score?.label.reached)?.name[locale] ?? t('label.none'),
            total: score?.total ? formatScore(locale, score.total.display) : '–',
            assessor: `${envelope.content.assessor.name} (${t(`assessment.${envelope.content.assessor.assessmentType}`)})`,
            fingerprint: keyFingerprint(assessorKeyOf(envelope.content)),
          };
        } catch {
          summary = null;
        }
        return (
          <li key={record.id} className="card revision-card" data-verdict={verdict?.verdict}>
            <p className="reference-code small-code">{record.referenceCode}</p>
            <p>
              <strong>{isPhase(record.phase) ? t(`phase.${record.phase}`) : record.phase}</strong> · {formatDate(locale, record.issuedAt, true)}
            </p>
            <RevisionVerdictBadge verdict={verdict} />
            {summary === null ? (
              <p className="notice error">{t('revision.unreadable')}</p>
            ) : !verdict ? null : !verdict.sound ? (
              <p>
                {summary.assessor} · <span className="muted">{t('views.verdict.scoreHidden')}</span>
              </p>
            ) : (
              <p>
                {summary.label} · {t('result.total')} {summary.total} · {summary.assessor}
              </p>
            )}
            {summary && <RevisionActions record={record} />}
            {summary && (
              <button type="button" className="button small" onClick={() => void newRevisionFrom(record)}>
                {t('revision.startNext')}
                <span className="visually-hidden"> {record.referenceCode}</span>
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
