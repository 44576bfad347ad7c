import { useLiveQuery } from '../db/live';
import { useId, useState } from 'react';
import { readAssessorProfile, writeAssessorProfile, type AssessorProfile } from '../issue/assessor';
import { KeySettings } from './KeySettings';
import { useT, useUi } from '../state/store';

/** The assessor's profile and signing key (KeySettings). */
export function AssessorSettings() {
  const t = useT();
  const announce = useUi((s) => s.announce);
  const stored = useLiveQuery(() => readAssessorProfile().then((p) => p ?? false), [], null);
  if (stored === null) return <p aria-busy="true">{t('app.loading')}</p>;
  return (
    <section className="panel" aria-labelledby="assessor-title">
      <AssessorForm initial={stored || { name: '', organisation: '', role: '', assessmentType: 'self' }} onSaved={() => announce(t('assessor.saved'))} />
      <KeySettings profile={stored || null} />
    </section>
  );
}

function AssessorForm({ initial, onSaved }: { initial: AssessorProfile; onSaved(): void }) {
  const t = useT();
  const ids = { name: useId(), organisation: useId(), role: useId() };
  const [profile, setProfile] = useState<AssessorProfile>(initial);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (!profile.name.trim()) return setError(t('validation.required'));
    setError(null);
    await writeAssessorProfile(profile);
    onSaved();
  }

  return (
    <>
      <h2 id="assessor-title">{t('assessor.title')}</h2>
      <p className="muted">{t('assessor.explain')}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={ids.name}>{t('assessor.name')}</label>
          <input id={ids.name} value={profile.name} maxLength={200} autoComplete="name" aria-invalid={!!error || undefined} aria-describedby={error ? `${ids.name}-error` : undefined} onChange={(e) => setProfile({ ...profile, name: e.target.value })} />
          {error && (
            <p id={`${ids.name}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.organisation}>{t('assessor.organisation')}</label>
          <input id={ids.organisation} value={profile.organisation} maxLength={200} autoComplete="organization" onChange={(e) => setProfile({ ...profile, organisation: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('assessor.role')}</label>
          <input id={ids.role} value={profile.role} maxLength={200} autoComplete="organization-title" onChange={(e) => setProfile({ ...profile, role: e.target.value })} />
        </div>
        <fieldset className="field wide">
          <legend>{t('issue.assessmentType')}</legend>
          <div className="segmented">
            {(['self', 'independent'] as const).map((type) => (
              <label key={type} className="choice">
                <input type="radio" name="profile-assessment" checked={profile.assessmentType === type} onChange={() => setProfile({ ...profile, assessmentType: type })} />
                {t(`assessment.${type}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="wide">
          <button type="submit" className="button primary">
            {t('assessor.save')}
          </button>
        </div>
      </form>
    </>
  );
}
