import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { isDossier, pairDossiers, verifyDossier, type VerifiedDossier } from '../../report/dossier';
import type { VerifyResult } from '../../report/verify';
import { visibleText } from '../../scoring/visible-text';
import { isPhase } from '../db/records';
import { formatDate } from '../i18n';
import { formatScore } from '../components/ResultPanel';
import { loadVerificationAnchors } from '../issue/anchors';
import { VerdictBadge } from '../components/VerdictBadge';
import { verifyStatusKey } from '../components/verify-status';
import { platform, type OpenedFile } from '../platform';
import { useLocale, useT, useUi } from '../state/store';

interface Row {
  id: number;
  fileName: string;
  result: VerifyResult | null;
}

let rowSeq = 0;

/** Drop or pick issued PDFs and scan files; each is checked offline and shown with its status. */
export function VerifyScreen() {
  const t = useT();
  const locale = useLocale();
  const [rows, setRows] = useState<Row[]>([]);
  // evidence dossiers dropped with their PDFs, paired by the content hash their manifest names
  const [dossiers, setDossiers] = useState<{ fileName: string; bytes: Uint8Array }[]>([]);
  const checkedDossiers = useMemo(() => {
    const checked = new Map<Row, VerifiedDossier>();
    for (const [row, d] of pairDossiers(rows, dossiers)) checked.set(row, verifyDossier(row.result!, d.fileName, d.bytes));
    return checked;
  }, [rows, dossiers]);
  const [isOver, setIsOver] = useState(false);
  const queued = useUi((s) => s.verifyQueue.length);

  // Files opened from the desktop ("open with") arrive through the queue.
  useEffect(() => {
    const files = useUi.getState().takeVerifyQueue();
    if (files.length) void verify(files);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when files are queued; verify only appends rows
  }, [queued]);

  async function verify(opened: OpenedFile[]) {
    const found = opened.filter((f) => isDossier(f.data));
    if (found.length) setDossiers((d) => [...d, ...found.map((f) => ({ fileName: f.name, bytes: f.data }))]);
    const files = opened.filter((f) => !found.includes(f));
    if (files.length === 0) return;
    const added = files.map((f) => ({ id: ++rowSeq, fileName: f.name, result: null }));
    setRows((r) => [...added, ...r]);
    const [{ verifyFile }, anchors] = await Promise.all([import('../../report/verify'), loadVerificationAnchors(t('verdict.ownKey'))]);
    for (const [i, file] of files.entries()) {
      const result = await verifyFile(file.data, file.name, { anchors });
      const id = added[i]!.id;
      setRows((r) => r.map((row) => (row.id === id ? { ...row, result } : row)));
    }
  }

  async function onDrop(event: DragEvent) {
    event.preventDefault();
    setIsOver(false);
    const files = await Promise.all(Array.from(event.dataTransfer.files).map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
    await verify(files);
  }

  const statusText = (result: VerifyResult) => t(verifyStatusKey(result));

  return (
    <section className="screen" aria-labelledby="verify-title">
      <h1 id="verify-title">{t('verify.title')}</h1>
      <p>{t('verify.explain')}</p>
      <div
        className={`drop-zone${isOver ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <p>{t('verify.drop')}</p>
        <button type="button" className="button primary" onClick={() => void platform.openFiles({ filters: [{ name: 'PDF / QuickScan', extensions: ['pdf', 'json', 'zip'] }], multiple: true }).then(verify)}>
          {t('verify.choose')}
        </button>
      </div>
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="compare-table verify-table">
            <caption className="visually-hidden">{t('verify.results')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('verify.col.file')}</th>
                <th scope="col">{t('verify.col.status')}</th>
                <th scope="col">{t('verify.col.reference')}</th>
                <th scope="col">{t('verify.col.project')}</th>
                <th scope="col">{t('project.phase')}</th>
                <th scope="col">{t('verify.col.assessor')}</th>
                <th scope="col">{t('verify.col.score')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const { id, fileName, result } = row;
                return (
                <tr key={id} data-status={result?.status ?? 'pending'} data-verdict={result?.verdict ?? 'pending'}>
                  <th scope="row" className="file-cell">
                    {visibleText(fileName)}
                  </th>
                  {!result ? (
                    <td colSpan={6} aria-busy="true">
                      {t('verify.checking')}
                    </td>
                  ) : (
                    <>
                      <td>
                        <VerdictBadge verdict={result.verdict} reasons={result.reasons} fingerprint={result.signer?.fingerprint ?? result.assessor?.fingerprint} detail={statusText(result)} />
                        {checkedDossiers.get(row) && <p className="muted small" data-dossier="">{checkedDossiers.get(row)!.messages[0]?.[locale]}</p>}
                        <details className="verify-details">
                          <summary>{t('verify.details')}</summary>
                          <ul>
                            {[...result.messages, ...(checkedDossiers.get(row)?.messages.slice(1) ?? [])].map((m, i) => (
                              <li key={i}>{m[locale]}</li>
                            ))}
                          </ul>
                          {result.contentHash && (
                            <p className="muted small hash">
                              SHA-256 {result.contentHash}
                              {result.method && ` · ${result.method.title?.[locale] ?? result.method.id} ${result.method.version}`}
                            </p>
                          )}
                        </details>
                      </td>
                      <td className="reference-cell">{result.referenceCode ?? '–'}</td>
                      <td>{result.projectName ? visibleText(result.projectName) : '–'}</td>
                      <td>
                        {result.phase ? (isPhase(result.phase) ? t(`phase.${result.phase}`) : visibleText(result.phase)) : '–'}
                        {result.issuedAt && <div className="muted small">{formatDate(locale, result.issuedAt)}</div>}
                      </td>
                      <td>
                        {result.assessor ? (
                          <>
                            {visibleText(result.assessor.name)}
                            {result.assessor.organisation && `, ${visibleText(result.assessor.organisation)}`}
                            <div className="muted small">
                              {t(`assessment.${result.assessor.assessmentType}`)}
                              {result.verdict === 'passed' && result.signer?.anchor && ` · ${t('verify.trustedAs', { label: visibleText(result.signer.anchor.kind === 'own' ? result.signer.anchor.label : result.signer.anchor.name) })}`}
                            </div>
                          </>
                        ) : (
                          '–'
                        )}
                      </td>
                      <td>
                        {result.score ? (
                          <>
                            <strong>{result.score.total === null ? '–' : formatScore(locale, result.score.total)}</strong> {result.score.label ? result.score.label.name[locale] : t('label.none')}
                          </>
                        ) : (
                          '–'
                        )}
                      </td>
                    </>
                  )}
                </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
