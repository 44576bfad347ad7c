import { useLiveQuery } from '../db/live';
import { useState } from 'react';
import { latestDefinition } from '../../forms/registry';
import { navigate, routeHref } from '../app/router';
import { ExportProjectButtons } from '../components/ImportExport';
import { NewScanOnMethod } from '../components/NewScanOnMethod';
import { ProjectForm } from '../components/ProjectForm';
import { RevisionsList } from '../components/RevisionsList';
import { AmbitionForm } from '../components/AmbitionForm';
import type { ScanRecord } from '../db/records';
import { getProject, updateProject } from '../db/projects';
import { createScan, duplicateScan, listScans, setScanDeleted } from '../db/scans';
import { projectToForm } from '../forms-ui/project-form';
import { formatDate, formatEuro, formatNumber } from '../i18n';
import { circularBudgetEur, methodOf, scoreStoredScan } from '../scan/engine';
import { DEFAULT_METHOD_ID } from '../scan/method';
import { useLocale, useT, useUi } from '../state/store';
import { NotFoundScreen } from './NotFoundScreen';

export function ProjectScreen({ projectId }: { projectId: string }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const project = useLiveQuery(() => getProject(projectId).then((p) => p ?? false), [projectId], null);
  const scans = useLiveQuery(() => listScans(projectId), [projectId], []);
  const [isEditing, setIsEditing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);

  if (project === null) return <p aria-busy="true">{t('app.loading')}</p>;
  if (project === false || project.deletedAt) return <NotFoundScreen />;

  const budget = circularBudgetEur(project);
  const latest = latestDefinition(DEFAULT_METHOD_ID);
  // the ambitions are set on the themes of the latest edited scan's method (else the newest method)
  const latestScan = scans.reduce<ScanRecord | undefined>((a, s) => (!a || s.updatedAt > a.updatedAt ? s : a), undefined);
  const ambitionDefinition = (latestScan && methodOf(latestScan)?.definition) || latest?.definition;

  async function newScan() {
    if (!latest || project === null || project === false) return;
    const scan = await createScan({
      projectId,
      name: t('scan.defaultName', { phase: t(`phase.${project.phase}`) }),
      definitionId: latest.definition.id,
      definitionVersion: latest.definition.version,
    });
    navigate({ name: 'scan', projectId, scanId: scan.id });
  }

  async function duplicate(id: string, name: string) {
    const copy = await duplicateScan(id, t('scan.copyName', { name }));
    announce(t('scan.duplicated', { name: copy.name }));
  }

  async function trash(id: string, name: string) {
    await setScanDeleted(id, true);
    setSelected((s) => s.filter((x) => x !== id));
    announce(t('scan.trashed', { name }), 'info', { label: t('common.undo'), run: () => setScanDeleted(id, false) });
  }

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 3 ? s : [...s, id]));

  return (
    <section className="screen" aria-labelledby="project-title">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <a href={routeHref({ name: 'projects' })}>{t('nav.projects')}</a>
      </nav>
      <div className="screen-header">
        <h1 id="project-title">{project.name}</h1>
        {!isEditing && (
          <div className="button-row tight">
            <ExportProjectButtons projectId={projectId} />
            <button type="button" className="button" onClick={() => setIsEditing(true)}>
              {t('project.edit')}
            </button>
          </div>
        )}
      </div>
      {isEditing ? (
        <ProjectForm
          initial={projectToForm(project, locale)}
          submitLabel={t('common.save')}
          onCancel={() => setIsEditing(false)}
          onSubmit={async (fields) => {
            await updateProject(projectId, fields);
            announce(t('project.saved'));
            setIsEditing(false);
          }}
        />
      ) : (
        <dl className="panel details-grid">
          <Detail term={t('project.address')} value={project.address} />
          <Detail term={t('project.municipality')} value={project.municipality} />
          <Detail term={t('project.client')} value={project.client} />
          <Detail term={t('project.buildingType')} value={project.buildingType ? t(`buildingType.${project.buildingType}`) : ''} />
          <Detail term={t('project.kind')} value={t(`kind.${project.kind}`)} />
          <Detail term={t('project.phase')} value={t(`phase.${project.phase}`)} />
          <Detail term={t('project.gfa')} value={project.gfaM2 ? `${formatNumber(locale, project.gfaM2)} m²` : ''} />
          <Detail term={t('project.constructionBudget')} value={project.constructionBudgetEur !== null ? formatEuro(locale, project.constructionBudgetEur) : ''} />
          <Detail
            term={t('project.circularBudget')}
            value={
              budget === null
                ? ''
                : project.circularBudget.mode === 'pct'
                  ? `${formatEuro(locale, budget)} (${formatNumber(locale, project.circularBudget.pct)}%)`
                  : formatEuro(locale, budget)
            }
          />
        </dl>
      )}
      {!project.gfaM2 && !isEditing && <p className="notice warn">{t('project.needsGfa')}</p>}

      {ambitionDefinition && <AmbitionForm project={project} definition={ambitionDefinition} latestScan={latestScan} />}

      <section aria-labelledby="revisions-title">
        <div className="screen-header">
          <h2 id="revisions-title">{t('revision.title')}</h2>
          <a className="button" href={routeHref({ name: 'revisions', projectId })}>
            {t('revalidate.open')}
          </a>
        </div>
        <RevisionsList projectId={projectId} />
      </section>

      <div className="screen-header">
        <h2>{t('project.scans')}</h2>
        <div className="button-row tight">
          {selected.length >= 2 && (
            <a className="button" href={routeHref({ name: 'compare', projectId, scanIds: selected })}>
              {t('compare.open', { count: selected.length })}
            </a>
          )}
          <button type="button" className="button primary" onClick={() => void newScan()} disabled={!latest}>
            {t('scan.new')}
          </button>
          <NewScanOnMethod project={project} />
        </div>
      </div>
      {scans.length === 0 ? (
        <p className="empty-state">{t('project.noScans')}</p>
      ) : (
        <>
          {scans.length >= 2 && <p className="muted">{t('compare.hint')}</p>}
          <ul className="card-list" aria-label={t('project.scans')}>
            {scans.map((scan) => {
              const score = scoreStoredScan(project, scan);
              const method = methodOf(scan);
              const label = method?.definition.labels.find((l) => l.id === score?.label.reached);
              const parent = scan.variantOf ? scans.find((s) => s.id === scan.variantOf) : undefined;
              return (
                <li key={scan.id} className="card scan-card">
                  <h3 className="card-title">
                    <a href={routeHref({ name: 'scan', projectId, scanId: scan.id })}>{scan.name}</a>
                  </h3>
                  {parent && <p className="muted small">{t('scan.variantOf', { name: parent.name })}</p>}
                  {!method && <p className="notice warn">{t('scan.unknownMethod', { id: scan.definitionId, version: scan.definitionVersion })}</p>}
                  {score && (
                    <p>
                      <span className={`label-chip label-${score.label.reached ?? 'none'}`}>{label?.name[locale] ?? t('label.none')}</span>{' '}
                      {score.total && formatNumber(locale, score.total.display, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
                      {' · '}
                      {t('scan.extraCost')} {formatEuro(locale, score.cost.lowCents / 100)} – {formatEuro(locale, score.cost.highCents / 100)}
                    </p>
                  )}
                  <p className="muted small">{t('projects.updated', { date: formatDate(locale, scan.updatedAt, true) })}</p>
                  <div className="card-actions">
                    <label className="choice small">
                      <input type="checkbox" checked={selected.includes(scan.id)} disabled={!selected.includes(scan.id) && selected.length >= 3} onChange={() => toggle(scan.id)} />
                      {t('compare.select')}
                      <span className="visually-hidden">: {scan.name}</span>
                    </label>
                    <a className="button small" href={routeHref({ name: 'budget', projectId, scanId: scan.id })}>
                      {t('budget.title')}
                      <span className="visually-hidden">: {scan.name}</span>
                    </a>
                    <button type="button" className="button small" onClick={() => void duplicate(scan.id, scan.name)}>
                      {t('scan.duplicate')}
                      <span className="visually-hidden">: {scan.name}</span>
                    </button>
                    <button type="button" className="button small danger" onClick={() => void trash(scan.id, scan.name)}>
                      {t('common.toTrash')}
                      <span className="visually-hidden">: {scan.name}</span>
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function Detail({ term, value }: { term: string; value: string }) {
  const t = useT();
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value || <span className="muted">{t('common.notFilled')}</span>}</dd>
    </div>
  );
}
