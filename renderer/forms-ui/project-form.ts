import type { Locale, MessageKey } from '../i18n';
import { buildingTypes, phases, projectKindValues, type ProjectRecord } from '../db/records';
import { hasAtMostTwoDecimals, numberForInput, parseLocaleNumber } from './numbers';

/** The project form as typed: strings, exactly what is in the fields. */
export interface ProjectFormValues {
  name: string;
  address: string;
  municipality: string;
  client: string;
  buildingType: string;
  kind: string;
  phase: string;
  gfaM2: string;
  constructionBudgetEur: string;
  budgetMode: 'eur' | 'pct';
  budgetAmount: string;
}

export type ProjectFormErrors = Partial<Record<keyof ProjectFormValues, { key: MessageKey; params?: Record<string, string | number> }>>;

export type ProjectFields = Omit<ProjectRecord, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export function emptyProjectForm(): ProjectFormValues {
  return { name: '', address: '', municipality: '', client: '', buildingType: '', kind: 'new_build', phase: 'SO', gfaM2: '', constructionBudgetEur: '', budgetMode: 'pct', budgetAmount: '' };
}

export function projectToForm(project: ProjectRecord, locale: Locale): ProjectFormValues {
  return {
    name: project.name,
    address: project.address,
    municipality: project.municipality,
    client: project.client,
    buildingType: project.buildingType,
    kind: project.kind,
    phase: project.phase,
    gfaM2: numberForInput(project.gfaM2, locale),
    constructionBudgetEur: numberForInput(project.constructionBudgetEur, locale),
    budgetMode: project.circularBudget.mode,
    budgetAmount: numberForInput(project.circularBudget.mode === 'eur' ? project.circularBudget.amountEur : project.circularBudget.pct, locale),
  };
}

/** Validates the whole form; each error names its field and a message in the user's language. */
export function validateProjectForm(values: ProjectFormValues, locale: Locale): { ok: true; fields: ProjectFields } | { ok: false; errors: ProjectFormErrors } {
  const errors: ProjectFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = { key: 'validation.required' };
  else if (name.length > 200) errors.name = { key: 'validation.tooLong', params: { max: 200 } };
  for (const [field, max] of [['address', 300], ['municipality', 100], ['client', 200]] as const) {
    if (values[field].trim().length > max) errors[field] = { key: 'validation.tooLong', params: { max } };
  }
  if (values.buildingType && !(buildingTypes as readonly string[]).includes(values.buildingType)) errors.buildingType = { key: 'validation.choose' };
  if (!(projectKindValues as readonly string[]).includes(values.kind)) errors.kind = { key: 'validation.choose' };
  if (!(phases as readonly string[]).includes(values.phase)) errors.phase = { key: 'validation.choose' };

  const number = (field: 'gfaM2' | 'constructionBudgetEur' | 'budgetAmount', options: { min: number; max: number; positive?: boolean }) => {
    const text = values[field];
    if (!text.trim()) {
      errors[field] = { key: 'validation.required' };
      return null;
    }
    const value = parseLocaleNumber(text, locale);
    if (value === null) errors[field] = { key: 'validation.number' };
    else if (options.positive && value <= 0) errors[field] = { key: 'validation.positive' };
    else if (value < options.min) errors[field] = { key: 'validation.min', params: { min: options.min } };
    else if (value > options.max) errors[field] = { key: 'validation.max', params: { max: options.max } };
    else if (!hasAtMostTwoDecimals(value)) errors[field] = { key: 'validation.decimals' };
    else return value;
    return null;
  };
  const gfaM2 = number('gfaM2', { min: 0, max: 10_000_000, positive: true });
  const constructionBudgetEur = number('constructionBudgetEur', { min: 0, max: 1e11 });
  const budgetAmount = number('budgetAmount', values.budgetMode === 'pct' ? { min: 0, max: 100 } : { min: 0, max: 1e11 });

  if (Object.keys(errors).length > 0 || gfaM2 === null || constructionBudgetEur === null || budgetAmount === null) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      name,
      address: values.address.trim(),
      municipality: values.municipality.trim(),
      client: values.client.trim(),
      buildingType: values.buildingType as ProjectFields['buildingType'],
      kind: values.kind as ProjectFields['kind'],
      phase: values.phase as ProjectFields['phase'],
      gfaM2,
      constructionBudgetEur,
      circularBudget: values.budgetMode === 'eur' ? { mode: 'eur', amountEur: budgetAmount } : { mode: 'pct', pct: budgetAmount },
    },
  };
}
