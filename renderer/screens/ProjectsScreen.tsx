import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { createProject, listProjects } from '../db/projects';
import { formatDate } from '../i18n';
import { useLocale, useT, useUi } from '../state/store';

export function ProjectsScreen() {
  const t = useT();
  const locale = useLocale();
  const data = useLiveQuery(listProjects, [], null);
  const [isCreating, setIsCreating] = useState(false);

  return (
    <section className="screen" aria-labelledby="projects-title">
      <div className="screen-header">
        <h1 id="projects-title">{t('projects.title')}</h1>
        {!isCreating && (
          <button type="button" className="button primary" onClick={() => setIsCreating(true)}>
            {t('projects.new')}
          </button>
        )}
      </div>
      {isCreating && <NewProjectForm onDone={() => setIsCreating(false)} />}
      {data === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : data.projects.length === 0 ? (
        <p className="empty-state">{t('projects.empty')}</p>
      ) : (
        <>
          <p className="muted">{data.projects.length === 1 ? t('projects.countOne') : t('projects.count', { count: data.projects.length })}</p>
          <ul className="card-list" aria-label={t('projects.title')}>
            {data.projects.map((project) => (
              <li key={project.id} className="card project-card">
                <h2 className="card-title">{project.name}</h2>
                <p className="muted">{t('projects.updated', { date: formatDate(locale, project.updatedAt, true) })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NewProjectForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const announce = useUi((s) => s.announce);
  const nameId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('validation.required'));
    if (trimmed.length > 200) return setError(t('validation.tooLong', { max: 200 }));
    setIsSaving(true);
    try {
      const project = await createProject({ name: trimmed });
      announce(t('projects.created', { name: project.name }));
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-label={t('projects.new')}>
      <div className="field">
        <label htmlFor={nameId}>{t('projects.name')}</label>
        <input
          id={nameId}
          name="name"
          value={name}
          autoFocus
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={isSaving}>
          {t('projects.create')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('projects.cancel')}
        </button>
      </div>
    </form>
  );
}
