import { useLiveQuery } from '../db/live';
import { memo, useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type { QuickScanDefinition } from '../../forms/schema';
import type { Plan } from '../../scoring/optimize';
import { adviceLocks, applyChanges, briefQuestions, budgetVerdict, groupPlanChanges, type BudgetChance } from '../../scoring/advice';
import type { ScanInput } from '../../scoring/score';
import { useBudgetComputation } from '../workers/use-budget';
import { readScanProfile } from '../scan/profile';
import { navigate, routeHref } from '../app/router';
import { FrontierChart } from '../components/FrontierChart';
import { formatCostRange, formatScore, verdictText } from '../components/ResultPanel';
import { updateProject } from '../db/projects';
import type { ProjectRecord, ScanRecord } from '../db/records';
import { duplicateScan } from '../db/scans';
import { numberForInput, parseLocaleNumber, hasAtMostTwoDecimals } from '../forms-ui/numbers';
import { formatEuro, formatNumber, type Locale, type MessageKey } from '../i18n';
import { appliesToProject, circularBudgetEur, scanInput } from '../scan/engine';
import { answerChanges, useScanEditor } from '../state/scan-editor';
import { useLocale, useT, useUi } from '../state/store';
import { EditedScanGate } from './EditedScanGate';

export function BudgetScreen({ projectId, scanId }: { projectId: string; scanId: string }) {
  return (
    <EditedScanGate projectId={projectId} scanId={scanId}>
      {({ project, scan, definition }) => <BudgetView project={project} scan={scan} definition={definition} />}
    </EditedScanGate>
  );
}

const euros = (locale: Locale, cents: number) => formatEuro(locale, cents / 100);

function BudgetView({ project, scan, definition }: { project: ProjectRecord & { gfaM2: number }; scan: ScanRecord; definition: QuickScanDefinition }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const [isPrudent, setIsPrudent] = useState(false);
  // Questions that change the brief (less floor area, sharing, keeping) stay as answered unless the user opts in.
  const [allowBrief, setAllowBrief] = useState(false);
  const brief = useMemo(() => briefQuestions(definition), [definition]);
  const locked = useMemo(() => adviceLocks(definition, scan.locked, allowBrief), [definition, scan.locked, allowBrief]);
  const currentInput = useMemo(() => scanInput(project, scan), [project, scan]);
  const profile = useLiveQuery(() => readScanProfile(scan.id).then((p) => p ?? false), [scan.id], null);
  const profileContent = profile === null ? undefined : profile ? profile.content : null;
  // The optimiser, the chances and the compliance plan run in a Web Worker (renderer/workers/):
  // the screen shows the newest answer, says when it is computing a newer one, and keeps typing free.
  const { answer, computing, error } = useBudgetComputation(definition, currentInput, isPrudent, locked, profileContent);
  const budgetEur = circularBudgetEur(project);
  // Stable between renders, so that the plans (hundreds of rows on a large method) are not
  // drawn again when only the computing state changes (PlanView is memoised).
  const names = useMemo(() => planNames(definition, locale, t), [definition, locale, t]);
  const { labelName, levelText, questionTitle } = names;

  const applyAsVariant = useCallback(
    async (plan: Plan, name: string, chosen: ReadonlySet<string>) => {
      const answers = applyChanges(scan.answers, plan.changes, chosen);
      const variant = await duplicateScan(scan.id, name, { asVariant: true, answers });
      announce(t('budget.variantCreated', { name: variant.name }));
      navigate({ name: 'scan', projectId: project.id, scanId: variant.id });
    },
    [scan.answers, scan.id, announce, t, project.id],
  );

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
  const result = answer?.result.optimize;
  const input = answer?.input ?? currentInput;
  const chances = answer?.result.chances;
  const compliancePlan = answer?.result.compliance;
  const budgetCents = result?.best?.budgetCents ?? null;
  const status = (
    <p className={`computing-status${computing ? ' busy' : ''}`} role="status" data-testid="budget-status">
      {computing ? t('budgetWorker.computing') : error ? '' : answer ? t('budgetWorker.ready') : ''}
    </p>
  );

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
          {status}
          {error && (
            <p className="notice error" role="alert">
              {t('budgetWorker.failed')}
            </p>
          )}
          {result && (
            <>
              <p className="big-figure">{result.frontier.current.total ? formatScore(locale, result.frontier.current.total.display) : '–'}</p>
              <p>
                {t('result.extraCost')}: {formatCostRange(locale, result.frontier.current.cost.lowCents, result.frontier.current.cost.highCents)}
              </p>
            </>
          )}
          {budgetEur !== null && <p>{t('budget.available', { budget: formatEuro(locale, budgetEur) })}</p>}
          {result && budgetCents !== null && (
            <p className={`budget-state ${budgetVerdict(result.frontier.current.cost, budgetCents).code}`} data-testid="budget-verdict">
              {verdictText(t, locale, budgetVerdict(result.frontier.current.cost, budgetCents))}
            </p>
          )}
          <label className="choice">
            <input type="checkbox" checked={isPrudent} onChange={(e) => setIsPrudent(e.target.checked)} />
            {t('budget.prudent')}
          </label>
          <p className="muted small">{costModeNote}</p>
          {brief.length > 0 && (
            <>
              <label className="choice">
                <input type="checkbox" checked={allowBrief} onChange={(e) => setAllowBrief(e.target.checked)} />
                {t('budget.allowBrief')}
              </label>
              <p className="muted small">{t('budget.briefHint', { questions: brief.join(', ') })}</p>
            </>
          )}
          <p className="muted small">{t('budget.chanceNote')}</p>
        </section>
      </div>

      {result && (
        // while a newer input is computed, the plans shown are for the older one: not to be applied
        <fieldset className="budget-results" disabled={computing} aria-busy={computing || undefined}>
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
                definition={definition}
                input={input}
                budgetCents={budgetCents}
                chance={chances?.best ?? null}
                brief={brief}
                names={names}
                variantName={t('budget.variantNameBest', { name: scan.name })}
                onApply={applyAsVariant}
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
                    {t('result.total')} <strong>{compliancePlan.score.total ? formatScore(locale, compliancePlan.score.total.display) : '–'}</strong> · {t('result.extraCost')} {formatCostRange(locale, compliancePlan.cost.lowCents, compliancePlan.cost.highCents)}
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
            {result.perLabel.map(({ label, plan }, index) => (
              <LabelPlanDetails
                key={label}
                summary={
                  <>
                    <span className={`label-chip label-${label}`}>{labelName(label)}</span>{' '}
                    {plan ? t('budget.labelCost', { low: euros(locale, Math.min(plan.cost.lowCents, plan.cost.highCents)), high: euros(locale, Math.max(plan.cost.lowCents, plan.cost.highCents)), changes: plan.changes.length }) : t('budget.labelImpossible')}
                    {plan && budgetCents !== null && (isPrudent ? plan.cost.highCents : plan.cost.midCents) > budgetCents && <span className="tag warn">{t('budget.overBudget')}</span>}
                  </>
                }
              >
                {plan && (
                  <PlanView
                    plan={plan}
                    definition={definition}
                    input={input}
                    budgetCents={budgetCents}
                    chance={chances?.perLabel[index] ?? null}
                    brief={brief}
                    names={names}
                    variantName={t('budget.variantNameLabel', { name: scan.name, label: labelName(label) })}
                    onApply={applyAsVariant}
                  />
                )}
              </LabelPlanDetails>
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
                          {formatCostRange(locale, u.deltaCost.lowCents, u.deltaCost.highCents)}
                        </td>
                        <td>{u.withinBudget === null ? '–' : u.withinBudget ? t('common.yes') : t('common.no')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

        </fieldset>
      )}

      <LocksAndOverrides project={project} scan={scan} definition={definition} />
    </section>
  );
}

/**
 * A plan as a professional reads it: its changes grouped by theme, each with its cost and a
 * subtotal, downgrades marked, the chance of staying within budget; any part can be applied.
 */
const PlanView = memo(function PlanView({
  plan,
  definition,
  input,
  budgetCents,
  chance,
  brief,
  names,
  variantName,
  onApply,
}: {
  plan: Plan;
  definition: QuickScanDefinition;
  input: ScanInput;
  budgetCents: number | null;
  /** The chance within budget, computed with the plan in the worker (chanceWithinBudget). */
  chance: BudgetChance | null;
  brief: readonly string[];
  names: PlanNames;
  variantName: string;
  onApply(plan: Plan, name: string, chosen: ReadonlySet<string>): Promise<void>;
}) {
  const { labelName, levelText, questionTitle } = names;
  const t = useT();
  const locale = useLocale();
  const groups = useMemo(() => groupPlanChanges(definition, input, plan), [definition, input, plan]);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const chosen = useMemo(() => new Set(plan.changes.map((c) => c.question).filter((q) => !excluded.has(q))), [plan, excluded]);
  const themeTitle = (id: string) => definition.themes.find((th) => th.id === id)?.title[locale] ?? id;
  const toggle = (question: string) => {
    const next = new Set(excluded);
    if (next.has(question)) next.delete(question);
    else next.add(question);
    setExcluded(next);
  };
  const percent = chance ? formatNumber(locale, Math.floor((100 * chance.within) / chance.draws)) : null;
  return (
    <div className="plan">
      <p className="plan-summary">
        <span className={`label-chip label-${plan.score.label.reached ?? 'none'}`}>{labelName(plan.score.label.reached)}</span>
        <span>
          {t('result.total')} <strong>{plan.score.total ? formatScore(locale, plan.score.total.display) : '–'}</strong>
        </span>
        <span>
          {t('result.extraCost')} <strong>{formatCostRange(locale, plan.cost.lowCents, plan.cost.highCents)}</strong>
        </span>
        {chance && (
          <span className="chance" data-testid="plan-chance">
            {t(chance.exact ? 'budget.chanceExact' : 'budget.chance', { percent: percent! })}
          </span>
        )}
      </p>
      {budgetCents !== null && <p className="small">{verdictText(t, locale, budgetVerdict(plan.cost, budgetCents))}</p>}
      {plan.changes.length === 0 ? (
        <p>{t('budget.noChanges')}</p>
      ) : (
        <>
          <p>{t('budget.changes', { count: plan.changes.length })}</p>
          {groups.map((group) => (
            <div key={group.theme} className="advice-group">
              <table className="compare-table advice-table">
                <caption>
                  {group.theme}. {themeTitle(group.theme)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('budget.applyColumn')}</th>
                    <th scope="col">{t('compare.question')}</th>
                    <th scope="col">{t('budget.fromTo')}</th>
                    <th scope="col" className="num">
                      {t('budget.changeCost')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {group.changes.map((c) => (
                    <tr key={c.question}>
                      <td>
                        <label className="choice">
                          <input type="checkbox" checked={!excluded.has(c.question)} onChange={() => toggle(c.question)} />
                          <span className="visually-hidden">
                            {t('budget.applyChange')} {c.question}
                          </span>
                        </label>
                      </td>
                      <th scope="row">{questionTitle(c.question)}</th>
                      <td>
                        {levelText(c.question, c.from)} → {levelText(c.question, c.to)}
                        {c.direction === 'down' && <span className="tag down">{t('budget.downgrade')}</span>}
                        {brief.includes(c.question) && <span className="tag brief">{t('budget.briefTag')}</span>}
                      </td>
                      <td className="num">{formatCostRange(locale, c.cost.lowCents, c.cost.highCents)}</td>
                    </tr>
                  ))}
                  <tr className="subtotal">
                    <td />
                    <th scope="row" colSpan={2}>
                      {t('budget.subtotal')}
                    </th>
                    <td className="num">{formatCostRange(locale, group.subtotal.lowCents, group.subtotal.highCents)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
      {plan.changes.length > 0 && (
        <button type="button" className="button primary" disabled={chosen.size === 0} onClick={() => void onApply(plan, variantName, chosen)}>
          {chosen.size === plan.changes.length ? t('budget.applyVariant') : t('budget.applySome', { count: chosen.size })}
        </button>
      )}
    </div>
  );
});

interface PlanNames {
  labelName(id: string | null): string;
  levelText(q: string, l: string | null): string;
  questionTitle(q: string): string;
}

/** How the advice names labels, levels ("2 · name") and questions. */
function planNames(definition: QuickScanDefinition, locale: Locale, t: (key: MessageKey) => string): PlanNames {
  const questions = new Map(definition.questions.map((q) => [q.id, q]));
  return {
    labelName: (id) => definition.labels.find((l) => l.id === id)?.name[locale] ?? t('label.none'),
    levelText: (questionId, levelId) => {
      const q = questions.get(questionId);
      const index = q?.levels.findIndex((l) => l.id === levelId) ?? -1;
      return q && index >= 0 ? `${index} · ${q.levels[index]!.label[locale]}` : t('scan.unanswered');
    },
    questionTitle: (id) => `${id} ${questions.get(id)?.title[locale] ?? ''}`,
  };
}

/** A label's plan, drawn only once opened (a large method's plans have hundreds of rows each). */
function LabelPlanDetails({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="label-plan" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
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

const LocksAndOverrides = memo(function LocksAndOverrides({ project, scan, definition }: { project: ProjectRecord; scan: ScanRecord; definition: QuickScanDefinition }) {
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
});
