/**
 * Beside "New scan" on the project screen: a new scan on a method version the user chooses (the
 * built-in releases and the methods loaded under Settings → Methoden), for a tender that asks
 * for a particular version or a publisher's own method. A loaded method whose publisher the user
 * does not trust says so before it is chosen.
 */
import { useEffect, useState } from 'react';
import type { ProjectRecord } from '../db/records';
import { formatDate } from '../i18n';
import { availableMethods, publisherTrusted } from '../scan/loaded-methods';
import { startScanOn } from '../scan/start-scan';
import { useLocale, useT } from '../state/store';

export function NewScanOnMethod({ project }: { project: Pick<ProjectRecord, 'id' | 'phase'> }) {
  const t = useT();
  const locale = useLocale();
  const [methods] = useState(availableMethods);
  const [untrusted, setUntrusted] = useState<Record<string, boolean>>({});

  useEffect(() => {
    let current = true;
    void Promise.all(methods.filter((m) => m.loaded).map(async (m) => [m.key, !(await publisherTrusted(m.loaded!.file))] as const)).then(
      (pairs) => current && setUntrusted(Object.fromEntries(pairs)),
    );
    return () => {
      current = false;
    };
  }, [methods]);

  return (
    <details className="more-menu new-scan-on-method">
      <summary className="button">{t('newScanOn.open')}</summary>
      <div className="more-items" role="group" aria-label={t('newScanOn.label')}>
        {methods.map((m) => (
          <button key={m.key} type="button" className="button" data-method={m.key} onClick={() => void startScanOn(project, m.definition, locale)}>
            <span>
              {m.definition.title[locale]} {m.definition.version}
              <span className="small muted">
                {' '}
                · {formatDate(locale, m.definition.released)}
                {m.loaded ? ` · ${t('tryVersion.publisher', { publisher: m.loaded.publisherName })}` : ''}
              </span>
              {untrusted[m.key] && <strong className="small"> · {t('newScanOn.untrusted')}</strong>}
            </span>
          </button>
        ))}
      </div>
    </details>
  );
}
