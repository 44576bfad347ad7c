/**
 * The project's ambition per theme (a score 0-100; 0 or empty = none), set on the project page and
 * saved at once through renderer/db. Beside it the chart of the latest scan: achieved score,
 * ambition and, when that scan has a tender requirement profile loaded, the required score.
 */
import { useId, useState } from 'react';
import type { QuickScanDefinition } from '../../forms/schema';
import { useLiveQuery } from '../db/live';
import { updateProject } from '../db/projects';
import type { ProjectRecord, ScanRecord } from '../db/records';
import { formatNumber } from '../i18n';
import { listEvidence } from '../scan/evidence';
import { readScanProfile } from '../scan/profile';
import { hasScoringInputs, scoreStoredScan } from '../scan/engine';
import { themeTargets } from '../screens/ScanScreen';
import { useLocale, useT } from '../state/store';
import { ThemeChart } from './ThemeChart';

/** A whole number 0..100 from what was typed; '' is 0 (no ambition); undefined when not valid. */
export function parseAmbition(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return 0;
  if (!/^\d{1,3}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 100 ? n : undefined;
}

/** The ambitions with one theme set (0 removes it). */
export function withAmbition(current: Readonly<Record<string, number>> | undefined, themeId: string, value: number): Record<string, number> {
  const next = { ...(current ?? {}) };
  if (value > 0) next[themeId] = value;
  else delete next[themeId];
  return next;
}

export function AmbitionForm({ project, definition, latestScan }: { project: ProjectRecord; definition: QuickScanDefinition; latestScan: ScanRecord | undefined }) {
  const t = useT();
  const locale = useLocale();
  const baseId = useId();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const evidence = useLiveQuery(() => (latestScan ? listEvidence(latestScan.id) : Promise.resolve([])), [latestScan?.id], []);
  const profile = useLiveQuery(() => (latestScan ? readScanProfile(latestScan.id).then((p) => p ?? null) : Promise.resolve(null)), [latestScan?.id], null);
  const score = latestScan && hasScoringInputs(project) ? scoreStoredScan(project, latestScan) : null;
  const sameMethod = latestScan && latestScan.definitionId === definition.id && latestScan.definitionVersion === definition.version;
  const targets = latestScan && sameMethod ? themeTargets(definition, project, latestScan, evidence, profile ? profile.content : null) : { ambitions: project.ambitions };
  const themeTitle = (id: string) => `${id}. ${definition.themes.find((th) => th.id === id)?.title[locale] ?? id}`;

  async function change(themeId: string, text: string) {
    setDrafts((d) => ({ ...d, [themeId]: text }));
    const value = parseAmbition(text);
    if (value === undefined) return;
    if ((project.ambitions?.[themeId] ?? 0) === value) return;
    await updateProject(project.id, { ambitions: withAmbition(project.ambitions, themeId, value) });
    setStatus(value > 0 ? t('views.ambition.savedTheme', { theme: themeTitle(themeId), value }) : t('views.ambition.cleared', { theme: themeTitle(themeId) }));
  }

  return (
    <section className="panel ambition-panel" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>{t('ambition.title')}</h2>
      <p className="muted small" id={`${baseId}-hint`}>
        {t('ambition.hint')}
      </p>
      <fieldset className="ambition-grid" aria-describedby={`${baseId}-hint`}>
        <legend className="visually-hidden">{t('views.ambition.legend')}</legend>
        {definition.themes.map((theme) => {
          const id = `${baseId}-${theme.id}`;
          const stored = project.ambitions?.[theme.id] ?? 0;
          const text = drafts[theme.id] ?? (stored > 0 ? String(stored) : '');
          const isInvalid = parseAmbition(text) === undefined;
          const achieved = score?.themes.find((x) => x.id === theme.id)?.display;
          return (
            <div className="field" key={theme.id}>
              <label htmlFor={id}>{themeTitle(theme.id)}</label>
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={1}
                value={text}
                aria-invalid={isInvalid || undefined}
                aria-describedby={isInvalid ? `${id}-error` : achieved !== undefined && achieved !== null ? `${id}-achieved` : undefined}
                onChange={(e) => void change(theme.id, e.target.value)}
                onBlur={() => !isInvalid && setDrafts(({ [theme.id]: _dropped, ...rest }) => rest)}
              />
              {isInvalid ? (
                <span id={`${id}-error`} className="field-error small">
                  {t('ambition.invalid')}
                </span>
              ) : (
                achieved !== undefined &&
                achieved !== null && (
                  <span id={`${id}-achieved`} className="muted small">
                    {t('views.ambition.achieved', { value: formatNumber(locale, achieved, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
                  </span>
                )
              )}
            </div>
          );
        })}
      </fieldset>
      <p className="muted small" role="status">
        {status}
      </p>
      <h3>{t('ambition.chartTitle')}</h3>
      {score && latestScan && sameMethod ? (
        <>
          <p className="muted small">
            {t('views.ambition.basedOn', { name: latestScan.name })}
            {profile ? ` ${t('views.ambition.profile', { tender: profile.content.tender.name })}` : ''}
          </p>
          <ThemeChart definition={definition} score={score} targets={targets} />
        </>
      ) : (
        <p className="muted">{t('views.ambition.noScan')}</p>
      )}
    </section>
  );
}
