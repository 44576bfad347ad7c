import { useLiveQuery } from '../db/live';
import { useEffect, useId, useMemo, useState } from 'react';
import type { QuickScanDefinition } from '../../forms/schema';
import { optimize, type Plan } from '../../scoring/optimize';
import { cheapestCompliance } from '../../scoring/compliance';
import { readScanProfile } from '../scan/profile';
import { navigate, routeHref } from '../app/router';
import { FrontierChart } from '../components/FrontierChart';
import { formatScore } from '../components/ResultPanel';
import { getProject, updateProject } from '../db/projects';
import type { ProjectRecord, ScanRecord } from '../db/records';
import { duplicateScan } from '../db/scans';
import { numberForInput, parseLocaleNumber, hasAtMostTwoDecimals } from '../forms-ui/numbers';
import { formatEuro, type Locale } from '../i18n';
import { appliesToProject, circularBudgetEur, hasScoringInputs, methodOf, scanInput } from '../scan/engine';
import { answerChanges, useScanEditor } from '../state/scan-editor';
import { useLocale, useT, useUi } from '../state/store';
import { NotFoundScreen } from './NotFoundScreen';

export function BudgetScreen({ projectId, scanId }: { projectId: string; scanId: string }) {
  const t = useT();
  const project = useLiveQuery(() => getProject(projectId).then((p) => p ?? false), [projectId], null);
  const scan = useScanEditor((s) => s.scan);
  const loadError = useScanEditor((s) => s.loadError);

  useEffect(() => {
    void useScanEditor.getState().load(scanId);
    return () => useScanEditor.getState().unload();
  }, [scanId]);

  if (project === false || loadError === 'not-found') return <NotFoundScreen />;
  if (project === null || !scan || scan.id !== scanId) return <p aria-busy="true">{t('app.loading')}</p>;
  const method = methodOf(scan);
  if (!method) return <p className="notice error">{t('scan.unknownMethod', { id: scan.definitionId, version: scan.definitionVersion })}</p>;
  if (!hasScoringInputs(project)) return <p className="notice warn">{t('project.needsGfa')}</p>;
  return <BudgetView project={project} scan={scan} definition={method.definition} />;
}

const euros = (locale: Locale, cents: number) => formatEuro(locale, cents / 100);

function BudgetView({ project, scan, definition }: { project: ProjectRecord & { gfaM2: number }; scan: ScanRecord; definition: QuickScanDefinition }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const [isPrudent, setIsPrudent] = useState(false);
  const result = useMemo(() => optimize(definition, scanInput(project, scan), { prudent: isPrudent, locked: scan.locked }), [definition, project, scan, isPrudent]);
  const budgetEur = circularBudgetEur(project);
  const budgetCents = result.best?.budgetCents ?? null;
  const profile = useLiveQuery(() => readScanProfile(scan.id).then((p) => p ?? false), [scan.id], null);
  const compliancePlan = useMemo(
    () => (profile ? cheapestCompliance(definition, scanInput(project, scan), profile.content, { prudent: isPrudent, locked: scan.locked }) : undefined),
    [profile, definition, project, scan, isPrudent],
  );
  const labelName = (id: string | null) => definition.labels.find((l) => l.id === id)?.name[locale] ?? t('label.none');
  const levelText = (questionId: string, levelId: string | null) => {
    const q = definition.questions.find((x) => x.id === questionId);
    const level = q?.levels.find((l) => l.id === levelId);
    return level && q ? `${q.levels.indexOf(level)} · ${level.label[locale]}` : t('scan.unanswered');
  };
  const questionTitle = (id: string) => `${id} ${definition.questions.find((q) => q.id === id)?.title[locale] ?? ''}`;

  async function applyAsVariant(plan: Plan, name: string) {
    await applyAnswersAsVariant(plan.answers, name);
  }

  async function applyAnswersAsVariant(levels: Readonly<Record<string, string | null>>, name: string) {
    const answers = structuredClone(scan.answers);
    for (const [questionId, level] of Object.entries(levels)) {
      if (!level) continue;
      const note = answers[questionId]?.note;
      answers[questionId] = note ? { level, note } : { level };
    }
    const variant = await duplicateScan(scan.id, name, { asVariant: true, answers });
    announce(t('budget.variantCreated', { name: variant.name }));
    navigate({ name: 'scan', projectId: project.id, scanId: variant.id });
  }

  const costModeNote = isPrudent ? t('budget.modeHigh') : t('budget.modeMid');

  return (
    <section className="screen" aria-labelledby="budget-title">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <a href={routeHref({ name: 'projects' })}>{t('nav.projects')}</a> / <a href={routeHref({ name: 'project', projectId: project.id })}>{project.name}</a> /{' '}
        <a href={routeHref({ name: 'scan', projectId: project.id, scanId: scan.id })}>{scan.name}</a>
      </nav>
      <h1 id="budget-title">
        {t('budget.title')}: {scan.name}
      </h1>

      <div className="budget-top">
        <BudgetSettings project={project} />
        <section className="panel" aria-labelledby="current-title">
          <h2 id="current-title">{t('budget.current')}</h2>
          <p className="big-figure">{result.frontier.current.total ? formatScore(locale, result.frontier.current.total.display) : '–'}</p>
          <p>
            {t('result.extraCost')}: {euros(locale, result.frontier.current.cost.lowCents)} – {euros(locale, result.frontier.current.cost.highCents)}
          </p>
          {budgetEur !== null && <p>{t('budget.available', { budget: formatEuro(locale, budgetEur) })}</p>}
          <label className="choice">
            <input type="checkbox" checked={isPrudent} onChange={(e) => setIsPrudent(e.target.checked)} />
            {t('budget.prudent')}
          </label>
          <p className="muted small">{costModeNote}</p>
        </section>
      </div>

      <section className="panel" aria-labelledby="frontier-title">
        <h2 id="frontier-title">{t('budget.frontier')}</h2>
        <FrontierChart frontier={result.frontier} budgetCents={budgetCents} />
      </section>

      <section className="panel" aria-labelledby="best-title">
        <h2 id="best-title">{t('budget.best')}</h2>
        {!result.best?.plan ? (
          <p className="notice warn">{t('budget.noPlan')}</p>
        ) : (
          <PlanView
            plan={result.best.plan}
            labelName={labelName}
            levelText={levelText}
            questionTitle={questionTitle}
            onApply={() => void applyAsVariant(result.best!.plan!, t('budget.variantNameBest', { name: scan.name }))}
          />
        )}
      </section>

      {profile && (
        <section className="panel" aria-labelledby="comply-title">
          <h2 id="comply-title">{t('profile.cheapest', { tender: profile.content.tender.name })}</h2>
          {!compliancePlan ? (
            <p className="notice warn">{t('profile.impossible')}</p>
          ) : compliancePlan.changes.length === 0 ? (
            <p>{t('profile.alreadyCompliant')}</p>
          ) : (
            <div className="plan">
              <p className="plan-summary">
                {t('result.total')} <strong>{compliancePlan.score.total ? formatScore(locale, compliancePlan.score.total.display) : '–'}</strong> · {t('result.extraCost')} {euros(locale, compliancePlan.cost.lowCents)} – {euros(locale, compliancePlan.cost.highCents)}
                {budgetCents !== null && (isPrudent ? compliancePlan.cost.highCents : compliancePlan.cost.midCents) > budgetCents && <span className="tag warn">{t('budget.overBudget')}</span>}
              </p>
              <ul className="change-list">
                {compliancePlan.changes.map((c) => (
                  <li key={c.question}>
                    <strong>{questionTitle(c.question)}</strong>: {c.fromNotApplicable ? t('scan.notApplicableShort') : levelText(c.question, c.from)} → {levelText(c.question, c.to)}
                  </li>
                ))}
              </ul>
              <button type="button" className="button primary" onClick={() => void applyAnswersAsVariant(compliancePlan.levels, t('profile.variantName', { name: scan.name, tender: profile.content.tender.name }))}>
                {t('budget.applyVariant')}
              </button>
            </div>
          )}
        </section>
      )}

      <section className="panel" aria-labelledby="labels-title">
        <h2 id="labels-title">{t('budget.perLabel')}</h2>
        {result.perLabel.map(({ label, plan }) => (
          <details key={label} className="label-plan">
            <summary>
              <span className={`label-chip label-${label}`}>{labelName(label)}</span>{' '}
              {plan ? t('budget.labelCost', { low: euros(locale, plan.cost.lowCents), high: euros(locale, plan.cost.highCents), changes: plan.changes.length }) : t('budget.labelImpossible')}
              {plan && budgetCents !== null && (isPrudent ? plan.cost.highCents : plan.cost.midCents) > budgetCents && <span className="tag warn">{t('budget.overBudget')}</span>}
            </summary>
            {plan && (
              <PlanView
                plan={plan}
                labelName={labelName}
                levelText={levelText}
                questionTitle={questionTitle}
                onApply={() => void applyAsVariant(plan, t('budget.variantNameLabel', { name: scan.name, label: labelName(label) }))}
              />
            )}
          </details>
        ))}
      </section>

      <section className="panel" aria-labelledby="upgrades-title">
        <h2 id="upgrades-title">{t('budget.upgrades')}</h2>
        <p className="muted small">{t('budget.upgradesHint')}</p>
        {result.upgrades.length === 0 ? (
          <p>{t('budget.noUpgrades')}</p>
        ) : (
          <div className="table-wrap">
            <table className="compare-table">
              <thead>
                <tr>
                  <th scope="col">{t('compare.question')}</th>
                  <th scope="col">{t('budget.fromTo')}</th>
                  <th scope="col">{t('budget.gain')}</th>
                  <th scope="col">{t('budget.extra')}</th>
                  <th scope="col">{t('budget.fits')}</th>
                </tr>
              </thead>
              <tbody>
                {result.upgrades.slice(0, 12).map((u) => (
                  <tr key={`${u.question}-${u.to}`}>
                    <th scope="row">{questionTitle(u.question)}</th>
                    <td>
                      {levelText(u.question, u.from)} → {levelText(u.question, u.to)}
                    </td>
                    <td className="num">+{formatScore(locale, u.deltaTotal.display)}</td>
                    <td className="num">
                      {euros(locale, u.deltaCost.lowCents)} – {euros(locale, u.deltaCost.highCents)}
                    </td>
                    <td>{u.withinBudget === null ? '–' : u.withinBudget ? t('common.yes') : t('common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <LocksAndOverrides project={project} scan={scan} definition={definition} />
    </section>
  );
}

function PlanView({ plan, labelName, levelText, questionTitle, onApply }: { plan: Plan; labelName(id: string | null): string; levelText(q: string, l: string | null): string; questionTitle(q: string): string; onApply(): void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="plan">
      <p className="plan-summary">
        <span className={`label-chip label-${plan.score.label.reached ?? 'none'}`}>{labelName(plan.score.label.reached)}</span> {t('result.total')}{' '}
        <strong>{plan.score.total ? formatScore(locale, plan.score.total.display) : '–'}</strong> · {t('result.extraCost')} {euros(locale, plan.cost.lowCents)} – {euros(locale, plan.cost.highCents)}
      </p>
      {plan.changes.length === 0 ? (
        <p>{t('budget.noChanges')}</p>
      ) : (
        <>
          <p>{t('budget.changes', { count: plan.changes.length })}</p>
          <ul className="change-list">
            {plan.changes.map((c) => (
              <li key={c.question}>
                <strong>{questionTitle(c.question)}</strong>: {levelText(c.question, c.from)} → {levelText(c.question, c.to)}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.changes.length > 0 && (
        <button type="button" className="button primary" onClick={onApply}>
          {t('budget.applyVariant')}
        </button>
      )}
    </div>
  );
}

function BudgetSettings({ project }: { project: ProjectRecord }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const amountId = useId();
  const [mode, setMode] = useState(project.circularBudget.mode);
  const [amount, setAmount] = useState(numberForInput(project.circularBudget.mode === 'eur' ? project.circularBudget.amountEur : project.circularBudget.pct, locale));
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const value = parseLocaleNumber(amount, locale);
    if (value === null || value < 0 || !hasAtMostTwoDecimals(value)) return setError(t('validation.number'));
    if (mode === 'pct' && value > 100) return setError(t('validation.max', { max: 100 }));
    setError(null);
    await updateProject(project.id, { circularBudget: mode === 'eur' ? { mode, amountEur: value } : { mode, pct: value } });
    announce(t('budget.saved'));
  }

  return (
    <form
      className="panel"
      aria-labelledby="budget-settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="budget-settings-title">{t('project.circularBudget')}</h2>
      <div className="segmented">
        <label className="choice">
          <input type="radio" name="budget-mode" checked={mode === 'pct'} onChange={() => setMode('pct')} />
          {t('project.budget.pct')}
        </label>
        <label className="choice">
          <input type="radio" name="budget-mode" checked={mode === 'eur'} onChange={() => setMode('eur')} />
          {t('project.budget.eur')}
        </label>
      </div>
      <div className="field">
        <label htmlFor={amountId}>{mode === 'pct' ? t('project.budget.pctLabel') : t('project.budget.eurLabel')}</label>
        <input id={amountId} inputMode="decimal" value={amount} aria-invalid={!!error || undefined} aria-describedby={error ? `${amountId}-error` : undefined} onChange={(e) => setAmount(e.target.value)} />
        {error && (
          <p id={`${amountId}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button primary">
        {t('budget.setBudget')}
      </button>
    </form>
  );
}

function LocksAndOverrides({ project, scan, definition }: { project: ProjectRecord; scan: ScanRecord; definition: QuickScanDefinition }) {
  const t = useT();
  const locale = useLocale();
  const change = useScanEditor((s) => s.change);
  const ids = { question: useId(), level: useId(), low: useId(), high: useId() };
  const applicable = definition.questions.filter((q) => appliesToProject(q, project) && !scan.answers[q.id]?.notApplicable);
  const [questionId, setQuestionId] = useState(applicable[0]?.id ?? '');
  const question = definition.questions.find((q) => q.id === questionId);
  const [levelId, setLevelId] = useState(question?.levels[1]?.id ?? '');
  const level = question?.levels.find((l) => l.id === levelId);
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [error, setError] = useState<string | null>(null);

  function addOverride() {
    if (!question || !level) return;
    const lo = parseLocaleNumber(low, locale);
    const hi = parseLocaleNumber(high, locale);
    if (lo === null || hi === null || !hasAtMostTwoDecimals(lo) || !hasAtMostTwoDecimals(hi)) return setError(t('validation.number'));
    if (lo > hi) return setError(t('budget.override.lowHigh'));
    setError(null);
    void change(answerChanges.setCostOverride(question.id, level.id, { basis: level.cost.basis, low: lo, high: hi }));
    setLow('');
    setHigh('');
  }

  return (
    <>
      <section className="panel" aria-labelledby="locks-title">
        <h2 id="locks-title">{t('budget.locks')}</h2>
        <p className="muted small">{t('budget.locksHint')}</p>
        <ul className="lock-list">
          {applicable.map((q) => (
            <li key={q.id}>
              <label className="choice">
                <input type="checkbox" checked={scan.locked.includes(q.id)} onChange={() => void change(answerChanges.toggleLock(q.id))} />
                <span>
                  <strong>{q.id}</strong> {q.title[locale]}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="overrides-title">
        <h2 id="overrides-title">{t('budget.overrides')}</h2>
        <p className="muted small">{t('budget.overridesHint')}</p>
        {scan.costOverrides.length > 0 && (
          <ul className="plain-list">
            {scan.costOverrides.map((o) => {
              const q = definition.questions.find((x) => x.id === o.question);
              const l = q?.levels.find((x) => x.id === o.level);
              return (
                <li key={`${o.question}-${o.level}`} className="trash-item">
                  <span>
                    {o.question} · {l ? `${q!.levels.indexOf(l)} ${l.label[locale]}` : o.level}: {formatEuro(locale, o.cost.low, true)} – {formatEuro(locale, o.cost.high, true)}{' '}
                    {o.cost.basis === 'per_m2_gfa' ? t('unit.perM2') : t('unit.lumpSum')}
                    {l && (
                      <span className="muted">
                        {' '}
                        ({t('budget.override.method')}: {formatEuro(locale, l.cost.low, true)} – {formatEuro(locale, l.cost.high, true)})
                      </span>
                    )}
                  </span>
                  <button type="button" className="button small danger" onClick={() => void change(answerChanges.setCostOverride(o.question, o.level, null))}>
                    {t('budget.override.remove')}
                    <span className="visually-hidden">
                      : {o.question} {o.level}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <form
          className="override-form"
          onSubmit={(e) => {
            e.preventDefault();
            addOverride();
          }}
        >
          <div className="field">
            <label htmlFor={ids.question}>{t('compare.question')}</label>
            <select
              id={ids.question}
              value={questionId}
              onChange={(e) => {
                setQuestionId(e.target.value);
                setLevelId(definition.questions.find((q) => q.id === e.target.value)?.levels[1]?.id ?? '');
              }}
            >
              {applicable.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.id} {q.title[locale]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.level}>{t('budget.override.level')}</label>
            <select id={ids.level} value={levelId} onChange={(e) => setLevelId(e.target.value)}>
              {question?.levels.map((l, i) => (
                <option key={l.id} value={l.id}>
                  {i} · {l.label[locale]}
                </option>
              ))}
            </select>
          </div>
          {level && (
            <p className="muted small">
              {t('budget.override.method')}: {formatEuro(locale, level.cost.low, true)} – {formatEuro(locale, level.cost.high, true)} {level.cost.basis === 'per_m2_gfa' ? t('unit.perM2') : t('unit.lumpSum')}
            </p>
          )}
          <div className="field">
            <label htmlFor={ids.low}>{t('budget.override.low')}</label>
            <input id={ids.low} inputMode="decimal" value={low} onChange={(e) => setLow(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.high}>{t('budget.override.high')}</label>
            <input id={ids.high} inputMode="decimal" value={high} onChange={(e) => setHigh(e.target.value)} />
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button">
            {t('budget.override.add')}
          </button>
        </form>
      </section>
    </>
  );
}
