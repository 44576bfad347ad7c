import { useLiveQuery } from '../db/live';
import { routeHref } from '../app/router';
import { formatScore } from '../components/ResultPanel';
import { getProject } from '../db/projects';
import { getScan } from '../db/scans';
import { isPhase, type RevisionRecord, type ScanRecord } from '../db/records';
import { listRevisions } from '../db/revisions';
import { RevisionVerdictBadge, useRevisionVerdicts, useVerificationAnchors } from '../components/RevisionVerdict';
import { useMemo } from 'react';
import { formatDate, formatEuro } from '../i18n';
import { methodOf, scoreStoredScan } from '../scan/engine';
import { useLocale, useT } from '../state/store';
import { NotFoundScreen } from './NotFoundScreen';

/** Up to three scans (variants) of one project side by side: themes, total, label, cost, differing answers. */
export function CompareScreen({ projectId, scanIds }: { projectId: string; scanIds: string[] }) {
  const t = useT();
  const locale = useLocale();
  const data = useLiveQuery(
    async () => {
      const project = await getProject(projectId);
      const scans = (await Promise.all(scanIds.map((id) => getScan(id)))).filter((s): s is ScanRecord => !!s && s.projectId === projectId && !s.deletedAt);
      return { project, scans, revisions: await listRevisions(projectId) };
    },
    [projectId, scanIds.join(',')],
    null,
  );
  const anchors = useVerificationAnchors();
  // per scan the latest revision issued from it (oldest first, so the last one wins)
  const issued = useMemo(() => {
    const byScan = new Map<string, RevisionRecord>();
    for (const r of data?.revisions ?? []) byScan.set(r.scanId, r);
    return byScan;
  }, [data]);
  const verdicts = useRevisionVerdicts(useMemo(() => [...issued.values()], [issued]), anchors);
  if (data === null) return <p aria-busy="true">{t('app.loading')}</p>;
  const { project, scans } = data;
  if (!project || project.deletedAt) return <NotFoundScreen />;

  const scored = scans.map((scan) => ({ scan, method: methodOf(scan), score: scoreStoredScan(project, scan) }));
  const definition = scored.find((s) => s.method)?.method?.definition;
  const sameMethod = scored.every((s) => s.method?.definition.version === definition?.version && s.method?.definition.id === definition?.id);
  const levelOf = (scan: ScanRecord, questionId: string) => {
    const a = scan.answers[questionId];
    if (a?.notApplicable) return t('scan.notApplicableShort');
    const q = definition?.questions.find((x) => x.id === questionId);
    const level = q?.levels.find((l) => l.id === a?.level);
    return level ? `${q!.levels.indexOf(level)} · ${level.label[locale]}` : '–';
  };
  const differing = definition && sameMethod ? definition.questions.filter((q) => new Set(scans.map((s) => levelOf(s, q.id))).size > 1) : [];

  return (
    <section className="screen" aria-labelledby="compare-title">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <a href={routeHref({ name: 'projects' })}>{t('nav.projects')}</a> / <a href={routeHref({ name: 'project', projectId })}>{project.name}</a>
      </nav>
      <h1 id="compare-title">{t('compare.title')}</h1>
      {scans.length < 2 ? (
        <p className="notice warn">{t('compare.needTwo')}</p>
      ) : !definition || !sameMethod ? (
        <p className="notice warn">{t('compare.differentMethods')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="compare-table">
              <caption className="visually-hidden">{t('compare.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('compare.aspect')}</th>
                  {scored.map(({ scan }) => (
                    <th key={scan.id} scope="col">
                      <a href={routeHref({ name: 'scan', projectId, scanId: scan.id })}>{scan.name}</a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('views.compare.revision')}</th>
                  {scored.map(({ scan }) => {
                    const record = issued.get(scan.id);
                    return (
                      <td key={scan.id} data-verdict={record ? verdicts.get(record.id)?.verdict : undefined}>
                        {record ? (
                          <>
                            <span className="small-code">{t('views.compare.issuedAs', { code: record.referenceCode, phase: isPhase(record.phase) ? t(`phase.${record.phase}`) : record.phase, date: formatDate(locale, record.issuedAt) })}</span>
                            <RevisionVerdictBadge verdict={verdicts.get(record.id)} compact />
                          </>
                        ) : (
                          <span className="muted">{t('views.compare.notIssued')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
                <tr>
                  <th scope="row">{t('result.label')}</th>
                  {scored.map(({ scan, score }) => (
                    <td key={scan.id}>
                      <span className={`label-chip label-${score?.label.reached ?? 'none'}`}>{definition.labels.find((l) => l.id === score?.label.reached)?.name[locale] ?? t('label.none')}</span>
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t('result.total')}</th>
                  {scored.map(({ scan, score }) => (
                    <td key={scan.id} className="num">
                      {score?.total ? formatScore(locale, score.total.display) : '–'}
                    </td>
                  ))}
                </tr>
                {definition.themes.map((theme) => (
                  <tr key={theme.id}>
                    <th scope="row">
                      {theme.id}. {theme.title[locale]}
                    </th>
                    {scored.map(({ scan, score }) => {
                      const value = score?.themes.find((x) => x.id === theme.id)?.display;
                      return (
                        <td key={scan.id} className="num">
                          {value === null || value === undefined ? '–' : formatScore(locale, value)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('result.extraCost')}</th>
                  {scored.map(({ scan, score }) => (
                    <td key={scan.id} className="num">
                      {score ? `${formatEuro(locale, score.cost.lowCents / 100)} – ${formatEuro(locale, score.cost.highCents / 100)}` : '–'}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <h2>{t('compare.differences', { count: differing.length })}</h2>
          {differing.length === 0 ? (
            <p>{t('compare.noDifferences')}</p>
          ) : (
            <div className="table-wrap">
              <table className="compare-table">
                <caption className="visually-hidden">{t('compare.differences', { count: differing.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('compare.question')}</th>
                    {scans.map((scan) => (
                      <th key={scan.id} scope="col">
                        {scan.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {differing.map((q) => (
                    <tr key={q.id}>
                      <th scope="row">
                        {q.id} {q.title[locale]}
                      </th>
                      {scans.map((scan) => (
                        <td key={scan.id}>{levelOf(scan, q.id)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
