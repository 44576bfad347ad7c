import { describe, expect, it } from 'vitest';
import { emptyProjectForm, validateProjectForm } from './project-form';

const filled = { ...emptyProjectForm(), name: 'Brede school', gfaM2: '2.400', constructionBudgetEur: '6.000.000', budgetAmount: '3', municipality: 'Goes' };

describe('project form', () => {
  it('accepts a complete Dutch form', () => {
    const result = validateProjectForm(filled, 'nl');
    expect(result).toEqual({
      ok: true,
      fields: expect.objectContaining({ name: 'Brede school', gfaM2: 2400, constructionBudgetEur: 6_000_000, circularBudget: { mode: 'pct', pct: 3 }, municipality: 'Goes' }),
    });
  });

  it('names each wrong field with its own message', () => {
    const result = validateProjectForm({ ...filled, name: ' ', gfaM2: '-5', constructionBudgetEur: 'veel', budgetAmount: '140' }, 'nl');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name?.key).toBe('validation.required');
    expect(result.errors.gfaM2?.key).toBe('validation.positive');
    expect(result.errors.constructionBudgetEur?.key).toBe('validation.number');
    expect(result.errors.budgetAmount?.key).toBe('validation.max');
  });

  it('takes a budget in euros', () => {
    const result = validateProjectForm({ ...filled, budgetMode: 'eur', budgetAmount: '150.000' }, 'nl');
    expect(result.ok && result.fields.circularBudget).toEqual({ mode: 'eur', amountEur: 150000 });
  });
});
