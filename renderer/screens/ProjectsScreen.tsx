import { useLiveQuery } from '../db/live';
import { useId, useMemo, useState } from 'react';
import { latestDefinition } from '../../forms/registry';
import { navigate, routeHref } from '../app/router';
import { ImportButton } from '../components/ImportExport';
import { ProjectForm } from '../components/ProjectForm';
import { VirtualCardList } from '../components/VirtualCardList';
import { filterProjects, readProjectOverview, takePrefetchedOverview, type ProjectFilter, type ProjectSort } from '../db/overview';
import { createProject, setProjectDeleted } from '../db/projects';
import { phases } from '../db/records';
import { formatDate, formatNumber, toIntlLocale } from '../i18n';
import { useLocale, useT, useUi } from '../state/store';
import { DEFAULT_METHOD_ID } from '../scan/method';
import { RevisionVerdictBadge, useVerificationAnchors, verdictOfRevision } from '../components/RevisionVerdict';
import { listRevisions } from '../db/revisions';
import type { TrustAnchors } from '../../scoring/trust';

export function ProjectsScreen() {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const [prefetched] = useState(takePrefetchedOverview);
  const data = useLiveQuery(readProjectOverview, [], prefetched);
  const [isCreating, setIsCreating] = useState(false);
  const [showTrash, setShowTrash] = useState(false);
  const [dropped, setDropped] = useState<File[] | undefined>(undefined);
  const [isDragging, setIsDragging] = useState(false);
  const [filter, setFilter] = useState<ProjectFilter>({ text: '', phase: '', label: '', municipality: '', sort: 'updated' });
  const labels = latestDefinition(DEFAULT_METHOD_ID)?.definition.labels ?? [];
  // what stored revisions are verified against, read once for every card
  const anchors = useVerificationAnchors();
  const ids = { search: useId(), sort: useId(), phase: useId(), label: useId(), municipality: useId() };

  const collator = useMemo(() => new Intl.Collator(toIntlLocale(locale), { sensitivity: 'base', numeric: true }), [locale]);
  const visible = useMemo(() => (data ? filterProjects(data.active, filter, collator) : []), [data, filter, collator]);
  const municipalities = useMemo(() => [...new Set((data?.active ?? []).map((i) => i.project.municipality).filter(Boolean))].sort(collator.compare), [data, collator]);
  const labelName = (id: string | null) => labels.find((l) => l.id === id)?.name[locale] ?? t('label.none');

  async function trash(id: string, name: string) {
    await setProjectDeleted(id, true);
    announce(t('projects.trashed', { name }), 'info', { label: t('common.undo'), run: () => setProjectDeleted(id, false) });
  }

  return (
    <section
      className={`screen${isDragging ? ' dragging' : ''}`}
      aria-labelledby="projects-title"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setIsDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setIsDragging(false);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setIsDragging(false);
        setDropped(Array.from(e.dataTransfer.files));
      }}
    >
      <div className="screen-header">
        <h1 id="projects-title">{t('projects.title')}</h1>
        <div className="button-row tight">
          <ImportButton files={dropped} showHint={false} />
          {!isCreating && (
            <button type="button" className="button primary" onClick={() => setIsCreating(true)}>
              {t('projects.new')}
            </button>
          )}
        </div>
      </div>
      <p className="muted small">{t('files.import.hint')}</p>
      {isCreating && (
        <section aria-labelledby="new-project-title">
          <h2 id="new-project-title">{t('projects.new')}</h2>
          <ProjectForm
            submitLabel={t('projects.create')}
            onCancel={() => setIsCreating(false)}
            onSubmit={async (fields) => {
              const project = await createProject(fields);
              announce(t('projects.created', { name: project.name }));
              setIsCreating(false);
              navigate({ name: 'project', projectId: project.id });
            }}
          />
        </section>
      )}
      {data === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <>
          {data.active.length > 0 && (
            <div className="toolbar" role="search">
              <div className="field grow">
                <label htmlFor={ids.search}>{t('projects.search')}</label>
                <input id={ids.search} type="search" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={ids.sort}>{t('projects.sort')}</label>
                <select id={ids.sort} value={filter.sort} onChange={(e) => setFilter({ ...filter, sort: e.target.value as ProjectSort })}>
                  <option value="updated">{t('projects.sort.updated')}</option>
                  <option value="name">{t('projects.sort.name')}</option>
                  <option value="municipality">{t('projects.sort.municipality')}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.phase}>{t('project.phase')}</label>
                <select id={ids.phase} value={filter.phase} onChange={(e) => setFilter({ ...filter, phase: e.target.value })}>
                  <option value="">{t('filter.all')}</option>
                  {phases.map((p) => (
                    <option key={p} value={p}>
                      {t(`phase.${p}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.label}>{t('projects.label')}</label>
                <select id={ids.label} value={filter.label} onChange={(e) => setFilter({ ...filter, label: e.target.value })}>
                  <option value="">{t('filter.all')}</option>
                  <option value="none">{t('label.none')}</option>
                  {labels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name[locale]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.municipality}>{t('project.municipality')}</label>
                <select id={ids.municipality} value={filter.municipality} onChange={(e) => setFilter({ ...filter, municipality: e.target.value })}>
                  <option value="">{t('filter.all')}</option>
                  {municipalities.map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
          {data.active.length === 0 ? (
            !isCreating && <p className="empty-state">{t('projects.empty')}</p>
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {visible.length === 1 ? t('projects.countOne') : t('projects.count', { count: visible.length })}
              </p>
              <VirtualCardList
                items={visible}
                itemKey={(item) => item.project.id}
                itemClassName="card project-card"
                label={t('projects.title')}
                renderItem={({ project, scanCount, latest }) => (
                  <>
                    <h2 className="card-title">
                      <a href={routeHref({ name: 'project', projectId: project.id })}>{project.name}</a>
                    </h2>
                    <p className="muted">
                      {[project.municipality, t(`phase.${project.phase}`), project.gfaM2 ? `${formatNumber(locale, project.gfaM2)} m² ${t('unit.gfa')}` : null].filter(Boolean).join(' · ')}
                    </p>
                    <p>
                      {scanCount === 1 ? t('project.scanCountOne') : t('project.scanCount', { count: scanCount })}
                      {latest && (
                        <>
                          {' · '}
                          <span className={`label-chip label-${latest.label ?? 'none'}`}>{labelName(latest.label)}</span>
                          {latest.total !== null && <> {formatNumber(locale, latest.total, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</>}
                        </>
                      )}
                    </p>
                    <ProjectRevisionStatus projectId={project.id} anchors={anchors} />
                    <p className="muted small">{t('projects.updated', { date: formatDate(locale, project.updatedAt, true) })}</p>
                    <div className="card-actions">
                      <button type="button" className="button small danger" onClick={() => void trash(project.id, project.name)}>
                        {t('common.toTrash')}
                        <span className="visually-hidden">: {project.name}</span>
                      </button>
                    </div>
                  </>
                )}
              />
            </>
          )}
          {data.trashed.length > 0 && (
            <section className="trash" aria-labelledby="trash-title">
              <h2 id="trash-title">
                <button type="button" className="button" aria-expanded={showTrash} onClick={() => setShowTrash(!showTrash)}>
                  {t('projects.trash', { count: data.trashed.length })}
                </button>
              </h2>
              {showTrash && (
                <ul className="plain-list">
                  {data.trashed.map((project) => (
                    <li key={project.id} className="trash-item">
                      <span>{project.name}</span>
                      <button type="button" className="button small" onClick={() => void setProjectDeleted(project.id, false)}>
                        {t('common.restore')}
                        <span className="visually-hidden">: {project.name}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {data.unreadable > 0 && <p className="notice warn">{t('projects.unreadable', { count: data.unreadable })}</p>}
        </>
      )}
    </section>
  );
}

/**
 * A project card's issued revisions: how many, and the verdict of the latest one. Read and
 * checked only for the cards on screen (the list is virtualised), after the list is shown.
 */
function ProjectRevisionStatus({ projectId, anchors }: { projectId: string; anchors: TrustAnchors | null }) {
  const t = useT();
  const revisions = useLiveQuery(() => listRevisions(projectId), [projectId], null);
  const latest = revisions?.at(-1);
  const verdict = useMemo(() => (latest && anchors ? verdictOfRevision(latest, anchors) : undefined), [latest, anchors]);
  if (revisions === null) return <div className="project-revisions small muted">{t('views.verdict.checking')}</div>;
  if (!latest) return <div className="project-revisions small muted">{t('views.projects.noRevisions')}</div>;
  return (
    <div className="project-revisions small" data-verdict={verdict?.verdict}>
      <span>
        {t('views.projects.revisionCount', { count: revisions.length })} · <span className="small-code">{latest.referenceCode}</span>
      </span>
      <RevisionVerdictBadge verdict={verdict} compact />
    </div>
  );
}
