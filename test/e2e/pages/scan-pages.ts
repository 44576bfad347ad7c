import { expect, type Page } from '@playwright/test';

export interface ProjectDetails {
  name: string;
  municipality?: string;
  kind?: 'Nieuwbouw' | 'Renovatie / transformatie' | 'Uitbreiding';
  gfa: string;
  constructionBudget: string;
  budgetPct?: string;
}

/** The projects list, the project form and the project page (Dutch labels). */
export class ProjectPages {
  constructor(readonly page: Page) {}

  async createProject(details: ProjectDetails) {
    const { page } = this;
    await page.getByRole('button', { name: 'Nieuw project' }).click();
    await page.getByLabel('Projectnaam').fill(details.name);
    if (details.municipality) await page.getByLabel('Gemeente', { exact: true }).fill(details.municipality);
    if (details.kind) await page.getByRole('radio', { name: details.kind }).check();
    await page.getByLabel('Bruto vloeroppervlak (m² BVO)').fill(details.gfa);
    await page.getByLabel('Bouwbudget (€)').fill(details.constructionBudget);
    await page.getByLabel('Percentage (%)').fill(details.budgetPct ?? '3');
    await page.getByRole('button', { name: 'Project aanmaken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: details.name })).toBeVisible();
  }

  async newScan() {
    await this.page.getByRole('button', { name: 'Nieuwe scan' }).click();
    await expect(this.page.getByRole('navigation', { name: 'Thema’s' })).toBeVisible();
  }
}

/** The guided scan screen. */
export class ScanPage {
  constructor(readonly page: Page) {}

  question(id: string) {
    return this.page.locator('article').filter({ has: this.page.locator('.question-id', { hasText: new RegExp(`^${id}$`) }) });
  }

  levels(id: string) {
    return this.question(id).getByRole('radiogroup');
  }

  checkedLevel(id: string) {
    return this.levels(id).locator('[role="radio"][aria-checked="true"]');
  }

  themeTab(id: string) {
    return this.page.getByRole('navigation', { name: 'Thema’s' }).getByRole('link').filter({ has: this.page.locator('.theme-tab-id', { hasText: new RegExp(`^${id}$`) }) });
  }

  total() {
    return this.page.getByTestId('total-score');
  }

  label() {
    return this.page.getByTestId('label');
  }

  extraCost() {
    return this.page.getByTestId('extra-cost');
  }
}
