import { useId, useState, type FormEvent } from 'react';
import { buildingTypes, phases, projectKindValues, zeelandMunicipalities } from '../db/records';
import { emptyProjectForm, validateProjectForm, type ProjectFields, type ProjectFormErrors, type ProjectFormValues } from '../forms-ui/project-form';
import { useLocale, useT } from '../state/store';
import { Field } from './Field';

interface Props {
  initial?: ProjectFormValues;
  submitLabel: string;
  onSubmit(fields: ProjectFields): Promise<void>;
  onCancel?(): void;
}

/** All of a project's details, validated as a whole with a message at each wrong field. */
export function ProjectForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const t = useT();
  const locale = useLocale();
  const [values, setValues] = useState<ProjectFormValues>(initial ?? emptyProjectForm());
  const [errors, setErrors] = useState<ProjectFormErrors>({});
  const [isSaving, setIsSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const municipalitiesId = useId();

  const set = <K extends keyof ProjectFormValues>(key: K, value: ProjectFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateProjectForm(values, locale);
    if (!result.ok) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      if (first) document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setIsSaving(true);
    setSaveError(null);
    try {
      await onSubmit(result.fields);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setIsSaving(false);
    }
  }

  const errorText = (key: keyof ProjectFormValues) => {
    const error = errors[key];
    return error ? t(error.key, error.params) : undefined;
  };

  return (
    <form className="panel form project-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <Field label={t('project.name')} error={errorText('name')} wide>
          {(id, describedBy) => <input id={id} name="name" value={values.name} maxLength={200} autoFocus aria-invalid={!!errors.name || undefined} aria-describedby={describedBy} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label={t('project.address')} error={errorText('address')} wide>
          {(id, describedBy) => <input id={id} name="address" value={values.address} maxLength={300} autoComplete="street-address" aria-describedby={describedBy} onChange={(e) => set('address', e.target.value)} />}
        </Field>
        <Field label={t('project.municipality')} error={errorText('municipality')} hint={t('project.municipality.hint')}>
          {(id, describedBy) => (
            <>
              <input id={id} name="municipality" value={values.municipality} list={municipalitiesId} maxLength={100} aria-describedby={describedBy} onChange={(e) => set('municipality', e.target.value)} />
              <datalist id={municipalitiesId}>
                {zeelandMunicipalities.map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('project.client')} error={errorText('client')}>
          {(id, describedBy) => <input id={id} name="client" value={values.client} maxLength={200} aria-describedby={describedBy} onChange={(e) => set('client', e.target.value)} />}
        </Field>
        <Field label={t('project.buildingType')} error={errorText('buildingType')}>
          {(id, describedBy) => (
            <select id={id} name="buildingType" value={values.buildingType} aria-describedby={describedBy} onChange={(e) => set('buildingType', e.target.value)}>
              <option value="">{t('project.buildingType.none')}</option>
              {buildingTypes.map((b) => (
                <option key={b} value={b}>
                  {t(`buildingType.${b}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('project.phase')} error={errorText('phase')}>
          {(id, describedBy) => (
            <select id={id} name="phase" value={values.phase} aria-describedby={describedBy} onChange={(e) => set('phase', e.target.value)}>
              {phases.map((p) => (
                <option key={p} value={p}>
                  {t(`phase.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field wide">
          <legend>{t('project.kind')}</legend>
          <div className="segmented">
            {projectKindValues.map((k) => (
              <label key={k} className="choice">
                <input type="radio" name="kind" value={k} checked={values.kind === k} onChange={() => set('kind', k)} />
                {t(`kind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('project.gfa')} error={errorText('gfaM2')} hint={t('project.gfa.hint')}>
          {(id, describedBy) => <input id={id} name="gfaM2" inputMode="decimal" value={values.gfaM2} aria-invalid={!!errors.gfaM2 || undefined} aria-describedby={describedBy} onChange={(e) => set('gfaM2', e.target.value)} />}
        </Field>
        <Field label={t('project.constructionBudget')} error={errorText('constructionBudgetEur')} hint={t('project.euro.hint')}>
          {(id, describedBy) => (
            <input id={id} name="constructionBudgetEur" inputMode="decimal" value={values.constructionBudgetEur} aria-invalid={!!errors.constructionBudgetEur || undefined} aria-describedby={describedBy} onChange={(e) => set('constructionBudgetEur', e.target.value)} />
          )}
        </Field>
        <fieldset className="field wide">
          <legend>{t('project.circularBudget')}</legend>
          <div className="segmented">
            <label className="choice">
              <input type="radio" name="budgetMode" value="pct" checked={values.budgetMode === 'pct'} onChange={() => set('budgetMode', 'pct')} />
              {t('project.budget.pct')}
            </label>
            <label className="choice">
              <input type="radio" name="budgetMode" value="eur" checked={values.budgetMode === 'eur'} onChange={() => set('budgetMode', 'eur')} />
              {t('project.budget.eur')}
            </label>
          </div>
          <Field label={values.budgetMode === 'pct' ? t('project.budget.pctLabel') : t('project.budget.eurLabel')} error={errorText('budgetAmount')}>
            {(id, describedBy) => <input id={id} name="budgetAmount" inputMode="decimal" value={values.budgetAmount} aria-invalid={!!errors.budgetAmount || undefined} aria-describedby={describedBy} onChange={(e) => set('budgetAmount', e.target.value)} />}
          </Field>
        </fieldset>
      </div>
      {saveError && (
        <p className="field-error" role="alert">
          {saveError}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={isSaving}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
