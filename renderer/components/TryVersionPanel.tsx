/**
 * "Try this scan on version X": choose another version of the scan's method (built-in or loaded,
 * or a method built on the same questions), see per theme the score before and after, what the
 * method changed and which questions need an answer, and make a NEW variant scored on it. The
 * scan itself is only read (scoring/migrate.ts tryScanOn; renderer/db/scans.ts duplicateScan).
 */
import { useEffect, useMemo, useState } from 'react';
import type { QuickScanDefinition } from '../../forms/schema';
import { tryScanOn, type NeedsAnswerReason, type ThemeTrial } from '../../scoring/migrate';
import { navigate } from '../app/router';
import { duplicateScan } from '../db/scans';
import type { ProjectRecord, ScanRecord } from '../db/records';
import { formatDate, formatNumber, type Locale, type MessageKey } from '../i18n';
import { availableMethods, publisherTrusted, type AvailableMethod } from '../scan/loaded-methods';
import { scanInput } from '../scan/engine';
import { useLocale, useT, useUi } from '../state/store';
import { changeText } from './MethodSettings';

/** The methods a scan can be tried on: other versions of its own method first, then methods that share questions with it. */
export function tryVersionCandidates(current: QuickScanDefinition, methods: readonly AvailableMethod[] = availableMethods()): { same: AvailableMethod[]; related: AvailableMethod[] } {
  const questions = new Set(current.questions.map((q) => q.id));
  const others = methods.filter((m) => !(m.definition.id === current.id && m.definition.version === current.version));
  return {
    same: others.filter((m) => m.definition.id === current.id),
    related: others.filter((m) => m.definition.id !== current.id && m.definition.questions.some((q) => questions.has(q.id))),
  };
}

export function TryVersionPanel({ project, scan, definition }: { project: ProjectRecord & { gfaM2: number }; scan: ScanRecord; definition: QuickScanDefinition }) {
  const t = useT();
  const locale: Locale = useLocale();
  const announce = useUi((s) => s.announce);
  const { same, related } = useMemo(() => tryVersionCandidates(definition), [definition]);
  const [chosen, setChosen] = useState('');
  const [isCreating, setIsCreating] = useState(false);
  const target = [...same, ...related].find((m) => m.key === chosen);
  // whether the chosen method's publisher is trusted (asked of the user's anchors, for that choice)
  const [trust, setTrust] = useState<{ key: string; trusted: boolean } | null>(null);
  const untrusted = !!target?.loaded && trust?.key === target.key && !trust.trusted;

  useEffect(() => {
    let current = true;
    if (target?.loaded) void publisherTrusted(target.loaded.file).then((trusted) => current && setTrust({ key: target.key, trusted }));
    return () => {
      current = false;
    };
  }, [target]);

  const trial = useMemo(() => {
    if (!target) return undefined;
    const input = scanInput(project, scan);
    return tryScanOn(input.project, { answers: scan.answers, costOverrides: scan.costOverrides, locked: scan.locked }, definition, target.definition);
  }, [target, project, scan, definition]);

  if (same.length + related.length === 0) return null;

  const one = (n: number | null) => (n === null ? '–' : formatNumber(locale, n, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const labelName = (d: QuickScanDefinition, id: string | null) => (id === null ? t('label.none') : (d.labels.find((l) => l.id === id)?.name[locale] ?? id));
  const themeName = (id: string) => {
    const th = target?.definition.themes.find((x) => x.id === id) ?? definition.themes.find((x) => x.id === id);
    return `${id}. ${th?.title[locale] ?? ''}`;
  };
  const questionName = (id: string) => {
    const q = target?.definition.questions.find((x) => x.id === id) ?? definition.questions.find((x) => x.id === id);
    return q ? `${id} ${q.title[locale]}` : id;
  };
  const optionText = (m: AvailableMethod) =>
    `${m.definition.title[locale]} ${m.definition.version} (${formatDate(locale, m.definition.released)})${m.loaded ? ` · ${t('tryVersion.publisher', { publisher: m.loaded.publisherName })}` : ''}`;
  // what the version asks for (new questions, answers that no longer fit); questions the scan had
  // left open are counted apart, so the differences stand out
  const byVersion = (th: ThemeTrial) => th.needsAnswer.filter((n) => n.reason !== 'unanswered');
  const toAnswer = trial ? trial.themes.reduce((n, th) => n + byVersion(th).length, 0) : 0;
  const stillOpen = trial ? trial.themes.reduce((n, th) => n + th.needsAnswer.length, 0) - toAnswer : 0;

  async function create() {
    if (!target || !trial || isCreating) return;
    setIsCreating(true);
    try {
      const name = t('tryVersion.variantName', { name: scan.name, version: `${target.definition.id} ${target.definition.version}` }).slice(0, 200);
      const variant = await duplicateScan(scan.id, name, {
        asVariant: true,
        answers: trial.carried.answers,
        method: { definitionId: target.definition.id, definitionVersion: target.definition.version, costOverrides: trial.carried.costOverrides, locked: trial.carried.locked },
      });
      announce(t('tryVersion.created', { name: variant.name, method: `${target.definition.title[locale]} ${target.definition.version}` }));
      navigate({ name: 'scan', projectId: project.id, scanId: variant.id });
    } finally {
      setIsCreating(false);
    }
  }

  return (
    <details className="panel try-version" data-testid="try-version">
      <summary className="try-version-title">{t('tryVersion.title')}</summary>
      <p className="muted small">{t('tryVersion.explain')}</p>
      <label className="field">
        <span>{t('tryVersion.choose')}</span>
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('tryVersion.chooseNone')}</option>
          {same.length > 0 && (
            <optgroup label={t('tryVersion.sameMethod')}>
              {same.map((m) => (
                <option key={m.key} value={m.key}>
                  {optionText(m)}
                </option>
              ))}
            </optgroup>
          )}
          {related.length > 0 && (
            <optgroup label={t('tryVersion.relatedMethods')}>
              {related.map((m) => (
                <option key={m.key} value={m.key}>
                  {optionText(m)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {target && trial && (
        <div data-testid="try-version-result" aria-live="polite">
          {untrusted && <p className="notice warn">{t('tryVersion.publisherUntrusted')}</p>}
          <p>
            {t('tryVersion.summary', {
              before: one(trial.before.total?.display ?? null),
              after: one(trial.after.total?.display ?? null),
              labelBefore: labelName(definition, trial.before.label.reached),
              labelAfter: labelName(target.definition, trial.after.label.reached),
              count: toAnswer,
            })}{' '}
            {stillOpen > 0 && t('tryVersion.stillOpen', { count: stillOpen })}
          </p>
          <div className="table-wrap">
            <table className="compare-table">
              <caption>{t('tryVersion.caption', { from: `${definition.id} ${definition.version}`, to: `${target.definition.id} ${target.definition.version}` })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tryVersion.theme')}</th>
                  <th scope="col" className="num">
                    {t('tryVersion.before')}
                  </th>
                  <th scope="col" className="num">
                    {t('tryVersion.after')}
                  </th>
                  <th scope="col" className="num">
                    {t('tryVersion.toAnswer')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {trial.themes.map((th) => (
                  <tr key={th.theme} data-theme={th.theme}>
                    <th scope="row">
                      {themeName(th.theme)}
                      {!th.inFrom && <span className="muted small"> ({t('tryVersion.themeNew')})</span>}
                      {!th.inTo && <span className="muted small"> ({t('tryVersion.themeGone')})</span>}
                    </th>
                    <td className="num">{th.inFrom ? one(th.before) : '–'}</td>
                    <td className="num">{th.inTo ? one(th.after) : '–'}</td>
                    <td className="num">{byVersion(th).length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {trial.themes
            .filter((th) => th.changes.length + byVersion(th).length + th.removedAnswers.length > 0)
            .map((th) => (
              <div key={th.theme} className="try-version-theme" data-testid={`try-theme-${th.theme}`}>
                <h3>{themeName(th.theme)}</h3>
                {byVersion(th).length > 0 && (
                  <>
                    <p className="small">{t('tryVersion.needsAnswer')}</p>
                    <ul>
                      {byVersion(th).map((n) => (
                        <li key={n.question}>{t(`tryVersion.needs.${n.reason satisfies NeedsAnswerReason}` as MessageKey, { question: questionName(n.question) })}</li>
                      ))}
                    </ul>
                  </>
                )}
                {th.removedAnswers.length > 0 && <p className="small">{t('tryVersion.removedAnswers', { questions: th.removedAnswers.map(questionName).join(', ') })}</p>}
                {th.changes.length > 0 && (
                  <>
                    <p className="small">{t('tryVersion.changes')}</p>
                    <ul>
                      {th.changes.map((c, i) => (
                        <li key={i}>{changeText(t, c)}</li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            ))}
          {trial.methodChanges.length > 0 && (
            <div className="try-version-theme">
              <h3>{t('tryVersion.methodWide')}</h3>
              <ul>
                {trial.methodChanges.map((c, i) => (
                  <li key={i}>{changeText(t, c)}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="muted small">{t('tryVersion.original')}</p>
          <button type="button" className="button primary" onClick={() => void create()} disabled={isCreating}>
            {t('tryVersion.create', { method: `${target.definition.title[locale]} ${target.definition.version}` })}
          </button>
        </div>
      )}
    </details>
  );
}
