import { useEffect, useState } from 'react';
import { locales } from '../i18n';
import { AssessorSettings } from '../components/AssessorSettings';
import { TrustSettings } from '../components/TrustSettings';
import { BackupPanel } from '../components/ImportExport';
import { UpdateSettings } from '../components/UpdateSettings';
import { MethodSettings } from '../components/MethodSettings';
import { platform, type AppInfo } from '../platform';
import { useLocale, useT, useUi } from '../state/store';

export function SettingsScreen() {
  const t = useT();
  const locale = useLocale();
  const setLocale = useUi((s) => s.setLocale);
  const storageState = useUi((s) => s.storageState);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void platform.appInfo().then((i) => isCurrent && setInfo(i));
    return () => {
      isCurrent = false;
    };
  }, []);

  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <fieldset className="panel">
        <legend>{t('settings.language')}</legend>
        {locales.map((l) => (
          <label key={l} className="choice">
            <input type="radio" name="locale" value={l} checked={locale === l} onChange={() => void setLocale(l)} />
            <span lang={l}>{t(l === 'nl' ? 'lang.nl' : 'lang.en')}</span>
          </label>
        ))}
      </fieldset>
      <AssessorSettings />
      <TrustSettings />
      <MethodSettings />
      <BackupPanel />
      <UpdateSettings />
      <section className="panel" aria-labelledby="about-title">
        <h2 id="about-title">{t('settings.about')}</h2>
        {info && (
          <>
            <p>{t('settings.version', { version: info.version })}</p>
            <p>{info.kind === 'electron' ? t('settings.platform.electron', { platform: info.platform }) : t('settings.platform.browser')}</p>
          </>
        )}
        <h3>{t('settings.storage')}</h3>
        <p>{t('settings.storage.local')}</p>
        <p data-testid="data-origin">{t(info?.kind === 'electron' ? 'trust.origin.electron' : 'trust.origin.browser', { origin: window.location.origin })}</p>
        <p className={storageState === 'persistent' ? '' : 'notice warn'} data-testid="storage-state">
          {t(`settings.storage.${storageState}`)}
        </p>
      </section>
    </section>
  );
}
