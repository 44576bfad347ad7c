import type { Page } from '@playwright/test';

/** Selectors of the app shell and the projects screen, in one place. */
export class AppPage {
  constructor(readonly page: Page) {}

  nav(name: RegExp | string) {
    return this.page.getByRole('navigation', { name: /Hoofdmenu|Main menu/ }).getByRole('link', { name });
  }

  languageButton(code: 'NL' | 'EN') {
    return this.page.getByRole('group', { name: /Taal|Language/ }).getByRole('button', { name: new RegExp(`^${code}`) });
  }

  heading(name: RegExp | string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async reload() {
    await this.page.reload();
    await this.page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached' });
  }
}
