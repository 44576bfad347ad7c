import { useEffect, useState, type ReactNode } from 'react';
import { routeHref, type Route } from '../app/router';
import { locales } from '../i18n';
import { useLocale, useT, useUi } from '../state/store';

const navItems = [
  { route: { name: 'projects' }, label: 'nav.projects', matches: ['projects', 'project', 'scan', 'budget', 'compare', 'revisions'] },
  { route: { name: 'verify' }, label: 'nav.verify', matches: ['verify'] },
  { route: { name: 'tender' }, label: 'nav.tender', matches: ['tender'] },
  { route: { name: 'settings' }, label: 'nav.settings', matches: ['settings'] },
] as const;

export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const setLocale = useUi((s) => s.setLocale);
  const announcement = useUi((s) => s.announcement);
  const dismiss = useUi((s) => s.dismiss);
  // Below 900 px the main navigation folds into a menu button.
  // It stays open for the route it was opened on: going anywhere closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const isMenuOpen = menuOpenAt === routeHref(route);
  const setIsMenuOpen = (open: boolean | ((was: boolean) => boolean)) => {
    const next = typeof open === 'function' ? open(isMenuOpen) : open;
    setMenuOpenAt(next ? routeHref(route) : null);
  };

  // Messages leave by themselves; one that offers an action (Undo) stays longer.
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(dismiss, announcement.action ? 12_000 : 6_000);
    return () => clearTimeout(timer);
  }, [announcement, dismiss]);
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <img src="./icon.svg" alt="" width={32} height={32} />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <button
          type="button"
          className="menu-button"
          aria-expanded={isMenuOpen}
          aria-controls="main-nav"
          onClick={() => setIsMenuOpen((open) => !open)}
          onKeyDown={(e) => e.key === 'Escape' && setIsMenuOpen(false)}
        >
          <span aria-hidden="true" className="menu-icon">
            ☰
          </span>
          {t('nav.menu')}
        </button>
        <nav id="main-nav" aria-label={t('nav.label')} className={`main-nav${isMenuOpen ? ' open' : ''}`}>
          {navItems.map((item) => {
            const isCurrent = (item.matches as readonly string[]).includes(route.name);
            return (
              <a key={item.label} href={routeHref(item.route)} aria-current={isCurrent ? 'page' : undefined} className="nav-link">
                {t(item.label)}
              </a>
            );
          })}
        </nav>
        <div className="lang-switch" role="group" aria-label={t('lang.label')}>
          {locales.map((l) => (
            <button key={l} type="button" className="lang-button" aria-pressed={locale === l} lang={l} onClick={() => void setLocale(l)}>
              {l === 'nl' ? 'NL' : 'EN'}
              <span className="visually-hidden"> {t(l === 'nl' ? 'lang.nl' : 'lang.en')}</span>
            </button>
          ))}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <div className="announcer" role={announcement?.tone === 'error' ? 'alert' : 'status'} aria-live="polite">
        {announcement ? (
          <div key={announcement.id} className={`toast ${announcement.tone}`}>
            <p>{announcement.text}</p>
            {announcement.action && (
              <button
                type="button"
                className="button toast-action"
                onClick={() => {
                  const { action } = announcement;
                  dismiss();
                  void action?.run();
                }}
              >
                {announcement.action.label}
              </button>
            )}
            <button type="button" className="toast-close" aria-label={t('common.close')} onClick={dismiss}>
              ×
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
