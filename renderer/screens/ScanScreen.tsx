import { useLiveQuery } from '../db/live';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Question, QuickScanDefinition } from '../../forms/schema';
import { navigate, routeHref } from '../app/router';
import { CompliancePanel } from '../components/CompliancePanel';
import { EvidenceList } from '../components/EvidenceList';
import { ExportScanZipButton } from '../components/ImportExport';
import { IssuePanel } from '../components/IssuePanel';
import { MethodPublisherNotice } from '../components/MethodPublisherNotice';
import { NoteField } from '../components/NoteField';
import { ResultPanel, ResultSummaryBar } from '../components/ResultPanel';
import { TryVersionPanel } from '../components/TryVersionPanel';
import type { ThemeTargets } from '../components/ThemeChart';
import { complianceDefinition } from '../../scoring/compliance';
import { listEvidence } from '../scan/evidence';
import { readScanProfile } from '../scan/profile';
import { readSetting, writeSetting } from '../db/settings';
import { isPhase, type ProjectRecord, type ScanRecord } from '../db/records';
import { listRevisions } from '../db/revisions';
import { isDeliveryPhase, promisedLevels, type PromisedLevels } from '../scan/promised';
import { formatEuro, formatNumber, type Locale } from '../i18n';
import { effectiveCost, projectCostCents } from '../scan/costs';
import { appliesToProject, circularBudgetEur, methodOf, scoreStoredScan } from '../scan/engine';
import { exportScanFile } from '../scan/export';
import { answerChanges, useScanEditor } from '../state/scan-editor';
import { useLocale, useT, useUi } from '../state/store';
import { EditedScanGate } from './EditedScanGate';

export function ScanScreen({ projectId, scanId, theme }: { projectId: string; scanId: string; theme?: string | undefined }) {
  return (
    <EditedScanGate projectId={projectId} scanId={scanId}>
      {({ project, scan, definition }) => <ScanEditor project={project} scan={scan} definition={definition} themeId={theme} />}
    </EditedScanGate>
  );
}

function themeProgress(definition: QuickScanDefinition, project: ProjectRecord, scan: ScanRecord, themeId: string) {
  const questions = definition.questions.filter((q) => q.theme === themeId);
  const done = questions.filter((q) => !appliesToProject(q, project) || scan.answers[q.id]?.level || scan.answers[q.id]?.notApplicable).length;
  return { done, total: questions.length };
}

/** The first question of the scan (or of one theme) that applies and has no answer yet. */
function firstUnanswered(definition: QuickScanDefinition, project: ProjectRecord, scan: ScanRecord, themeId?: string): Question | undefined {
  return definition.questions.find(
    (q) => (themeId === undefined || q.theme === themeId) && appliesToProject(q, project) && !scan.answers[q.id]?.level && !scan.answers[q.id]?.notApplicable,
  );
}

const DIGIT_ADVANCES = 'scan:digitAdvances';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** Whether a digit answers and moves on (the default) or only answers; saved as a setting. */
function useDigitAdvances(): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(true);
  useEffect(() => {
    let isCurrent = true;
    void readSetting(DIGIT_ADVANCES, isBoolean).then((stored) => isCurrent && stored !== undefined && setValue(stored));
    return () => {
      isCurrent = false;
    };
  }, []);
  return [
    value,
    (next: boolean) => {
      setValue(next);
      void writeSetting(DIGIT_ADVANCES, next);
    },
  ];
}

function ScanEditor({ project, scan, definition, themeId }: { project: ProjectRecord & { gfaM2: number }; scan: ScanRecord; definition: QuickScanDefinition; themeId: string | undefined }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const { change, undo, redo } = useScanEditor.getState();
  const canUndo = useScanEditor((s) => s.undoStack.length > 0);
  const canRedo = useScanEditor((s) => s.redoStack.length > 0);
  const saveError = useScanEditor((s) => s.saveError);
  const currentTheme = definition.themes.find((th) => th.id === themeId) ?? definition.themes[0]!;
  const themeIndex = definition.themes.indexOf(currentTheme);
  const questions = definition.questions.filter((q) => q.theme === currentTheme.id);
  const score = useMemo(() => scoreStoredScan(project, scan), [project, scan]);
  const questionsRef = useRef<HTMLDivElement>(null);
  const [isIssuing, setIsIssuing] = useState(false);
  // Narrow screens: the result sits in a bar at the foot; this opens the full panel over the scan.
  const [isResultOpen, setIsResultOpen] = useState(false);
  const evidence = useLiveQuery(() => listEvidence(scan.id), [scan.id], []);
  const profile = useLiveQuery(() => readScanProfile(scan.id).then((p) => p ?? false), [scan.id], null);
  // a delivery-phase scan: the level promised in the latest earlier revision, on each question
  const promised = useLiveQuery(() => (isDeliveryPhase(project.phase) ? listRevisions(project.id).then((r) => promisedLevels(r, project.phase)) : Promise.resolve(null)), [project.id, project.phase], null);
  /** Opens the full result (focus on it) or closes it (focus back on the bar's button). */
  const toggleResult = (open: boolean) => {
    setIsResultOpen(open);
    requestAnimationFrame(() => {
      if (open) document.getElementById('result-title')?.closest<HTMLElement>('aside')?.focus();
      else document.querySelector<HTMLElement>('.result-bar-toggle')?.focus();
    });
  };
  const targets = useMemo((): ThemeTargets => themeTargets(definition, project, scan, evidence, profile ? profile.content : null), [definition, project, scan, evidence, profile]);
  const [digitAdvances, setDigitAdvances] = useDigitAdvances();
  // The theme (and question) that takes the focus once it is shown: after going on from a
  // theme's last question, or when the scan opens on the theme of its first open question.
  const pendingFocus = useRef<{ theme: string; question?: string } | null>(null);

  const goToTheme = (index: number, focus: 'first' | 'none' = 'none') => {
    const target = definition.themes[index];
    if (!target) return;
    pendingFocus.current = focus === 'first' ? { theme: target.id } : null;
    navigate({ name: 'scan', projectId: project.id, scanId: scan.id, theme: target.id });
  };

  /** Focuses a question of the shown theme: the given one, else its first open one, else its first. */
  const focusInTheme = (questionId?: string) => {
    const container = questionsRef.current;
    if (!container) return false;
    const id = questionId ?? firstUnanswered(definition, project, scan, currentTheme.id)?.id;
    const group = (id && container.querySelector<HTMLElement>(`[role="radiogroup"][data-question="${CSS.escape(id)}"]`)) || container.querySelector<HTMLElement>('[role="radiogroup"]');
    if (!group) return false;
    focusGroup(group);
    return true;
  };

  // Opening a scan puts the focus on its first open question (on the theme asked for, if any).
  useEffect(() => {
    const target = firstUnanswered(definition, project, scan, themeId === undefined ? undefined : currentTheme.id);
    if (target && target.theme !== currentTheme.id) {
      pendingFocus.current = { theme: target.theme, question: target.id };
      navigate({ name: 'scan', projectId: project.id, scanId: scan.id, theme: target.theme }, { replace: true });
    } else {
      focusInTheme(target?.id);
    }
    // Once per opened scan; later answers must not move the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scan.id]);

  // After a theme change by keyboard, put the focus on its first open question.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (pending?.theme !== currentTheme.id) return;
    pendingFocus.current = null;
    if (!focusInTheme(pending.question) && themeIndex + 1 < definition.themes.length) goToTheme(themeIndex + 1, 'first'); // nothing to answer here
    // goToTheme only changes the route; it needs no dependency tracking.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentTheme.id]);

  // Undo and redo work anywhere on this screen except inside a text field (which has its own).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z' && !event.shiftKey) {
        event.preventDefault();
        void useScanEditor.getState().undo();
      } else if (mod && (event.key.toLowerCase() === 'y' || (event.key.toLowerCase() === 'z' && event.shiftKey))) {
        event.preventDefault();
        void useScanEditor.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function exportFile() {
    try {
      const result = await exportScanFile(project, scan);
      if (result.saved) announce(t('scan.exported', { name: result.fileName ?? '' }));
    } catch (error) {
      announce(t('scan.exportFailed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    }
  }

  /** Moves the focus to the next or previous answerable question, across themes. */
  const moveFocus = (from: HTMLElement, step: 1 | -1) => {
    const groups = Array.from(questionsRef.current?.querySelectorAll<HTMLElement>('[role="radiogroup"]') ?? []);
    const target = groups[groups.indexOf(from) + step];
    if (target) return focusGroup(target);
    if (step === 1) {
      if (themeIndex + 1 < definition.themes.length) goToTheme(themeIndex + 1, 'first');
      else {
        setIsResultOpen(true);
        requestAnimationFrame(() => document.getElementById('result-title')?.closest<HTMLElement>('aside')?.focus());
      }
    }
  };

  const onQuestionKey = (event: KeyboardEvent<HTMLDivElement>, question: Question) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // By key position (Digit1, Numpad1), so that Shift+1 still means 1 on every keyboard layout.
    const code = /^(?:Digit|Numpad)([0-9])$/.exec(event.code);
    const digit = code ? Number(code[1]) : /^[0-9]$/.test(event.key) ? Number(event.key) : null;
    if (digit !== null) {
      const level = question.levels[digit];
      if (level) {
        event.preventDefault();
        void change(answerChanges.setLevel(question.id, level.id));
        // A digit answers and goes on; Shift+digit (or the setting) answers and stays.
        if (digitAdvances !== event.shiftKey) moveFocus(event.currentTarget, 1);
        else focusLevel(event.currentTarget, digit);
      }
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveFocus(event.currentTarget, 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveFocus(event.currentTarget, -1);
        break;
      case 'Enter':
        event.preventDefault();
        moveFocus(event.currentTarget, 1);
        break;
      case 'n':
      case 'N':
        if (question.allowNotApplicable) {
          event.preventDefault();
          const isNowNotApplicable = !scan.answers[question.id]?.notApplicable;
          void change(answerChanges.setNotApplicable(question.id, isNowNotApplicable));
          if (isNowNotApplicable && digitAdvances !== event.shiftKey) moveFocus(event.currentTarget, 1);
        }
        break;
    }
  };

  return (
    <section className="screen scan-screen" aria-labelledby="scan-title">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <a href={routeHref({ name: 'projects' })}>{t('nav.projects')}</a> / <a href={routeHref({ name: 'project', projectId: project.id })}>{project.name}</a>
      </nav>
      <div className="screen-header">
        <div>
          <h1 id="scan-title">{scan.name}</h1>
          <p className="muted small">
            {definition.title[locale]} {definition.version} · {t(`kind.${project.kind}`)} · {formatNumber(locale, project.gfaM2)} m² {t('unit.gfa')}
          </p>
          <MethodPublisherNotice loaded={methodOf(scan)?.loaded} />
        </div>
        <div className="button-row tight">
          <button type="button" className="button" onClick={() => void undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z">
            {t('scan.undo')}
          </button>
          <button type="button" className="button" onClick={() => void redo()} disabled={!canRedo} aria-keyshortcuts="Control+Y">
            {t('scan.redo')}
          </button>
          <details className="more-menu">
            <summary className="button">{t('scan.more')}</summary>
            <div className="more-items">
              <RenameButton scan={scan} />
              <button type="button" className="button" onClick={() => void exportFile()}>
                {t('scan.export')}
              </button>
              <ExportScanZipButton scanId={scan.id} />
            </div>
          </details>
          <a className="button" href={routeHref({ name: 'budget', projectId: project.id, scanId: scan.id })}>
            {t('budget.title')}
          </a>
          <button type="button" className="button primary" onClick={() => setIsIssuing(true)} aria-expanded={isIssuing}>
            {t('issue.open')}
          </button>
        </div>
      </div>
      {isIssuing && <IssuePanel project={project} scan={scan} unanswered={score?.unanswered.length ?? 0} onClose={() => setIsIssuing(false)} />}
      {saveError && (
        <p className="notice error" role="alert">
          {t('scan.saveError', { reason: saveError })}
        </p>
      )}
      <nav className="theme-tabs" aria-label={t('scan.themes')}>
        <ol>
          {definition.themes.map((th, i) => {
            const progress = themeProgress(definition, project, scan, th.id);
            const isCurrent = th.id === currentTheme.id;
            return (
              <li key={th.id}>
                <a
                  href={routeHref({ name: 'scan', projectId: project.id, scanId: scan.id, theme: th.id })}
                  aria-current={isCurrent ? 'step' : undefined}
                  className={`theme-tab${progress.done === progress.total ? ' complete' : ''}`}
                  onClick={(e) => {
                    e.preventDefault();
                    goToTheme(i);
                  }}
                >
                  <span className="theme-tab-id">{th.id}</span>
                  <span className="theme-tab-title">{th.title[locale]}</span>
                  <span className="theme-tab-progress">{t('scan.progress', { done: progress.done, total: progress.total })}</span>
                </a>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="scan-layout">
        <div className="scan-main">
          <header className="theme-header">
            <h2>
              {currentTheme.id}. {currentTheme.title[locale]}
            </h2>
            <p>{currentTheme.description[locale]}</p>
            <details className="keyboard-help small">
              <summary>{t('scan.keyboardTitle')}</summary>
              <p className="muted">{t(digitAdvances ? 'scan.keyboardHelpAdvance' : 'scan.keyboardHelp')}</p>
              <label className="choice">
                <input type="checkbox" checked={digitAdvances} onChange={(e) => setDigitAdvances(e.target.checked)} />
                {t('scan.digitAdvances')}
              </label>
            </details>
          </header>
          <div ref={questionsRef}>
            {promised && <p className="notice info small">{t('views.promised.notice', { code: promised.referenceCode, phase: phaseName(t, promised.phase) })}</p>}
            {questions.map((question) => (
              <QuestionCard key={question.id} question={question} definition={definition} project={project} scan={scan} locale={locale} onKeyDown={(e) => onQuestionKey(e, question)} promised={promised ? promisedText(t, locale, promised, question.id) : undefined} />
            ))}
          </div>
          <div className="button-row theme-nav">
            <button type="button" className="button" disabled={themeIndex === 0} onClick={() => goToTheme(themeIndex - 1)}>
              {t('scan.previousTheme')}
            </button>
            {themeIndex + 1 < definition.themes.length ? (
              <button type="button" className="button primary" onClick={() => goToTheme(themeIndex + 1, 'first')}>
                {t('scan.nextTheme', { theme: definition.themes[themeIndex + 1]!.title[locale] })}
              </button>
            ) : (
              <a className="button primary" href={routeHref({ name: 'budget', projectId: project.id, scanId: scan.id })}>
                {t('scan.toBudget')}
              </a>
            )}
          </div>
          <TryVersionPanel project={project} scan={scan} definition={definition} />
        </div>
        <div id="scan-side-panels" className={`side-panels${isResultOpen ? ' open' : ''}`} onKeyDown={(e) => isResultOpen && e.key === 'Escape' && toggleResult(false)}>
          {score && <ResultPanel definition={definition} score={score} budgetEur={circularBudgetEur(project)} targets={targets} onClose={() => toggleResult(false)} />}
          <CompliancePanel project={project} scan={scan} definition={definition} />
        </div>
      </div>
      {score && <ResultSummaryBar definition={definition} score={score} budgetEur={circularBudgetEur(project)} isOpen={isResultOpen} onToggle={() => toggleResult(!isResultOpen)} />}
    </section>
  );
}

/** Ambition, tender requirement and evidence per theme, for the result chart. */
export function themeTargets(
  definition: QuickScanDefinition,
  project: ProjectRecord,
  scan: ScanRecord,
  evidence: readonly { questionId: string }[],
  profile: Parameters<typeof complianceDefinition>[1] | null,
): ThemeTargets {
  const withEvidence = new Set(evidence.map((e) => e.questionId));
  const perTheme: Record<string, { evidenced: number; answered: number }> = {};
  for (const q of definition.questions) {
    if (!appliesToProject(q, project) || !scan.answers[q.id]?.level) continue;
    const row = (perTheme[q.theme] ??= { evidenced: 0, answered: 0 });
    row.answered += 1;
    if (withEvidence.has(q.id)) row.evidenced += 1;
  }
  let required: Record<string, number> | undefined;
  if (profile) {
    try {
      required = { ...complianceDefinition(definition, profile).labels[0]!.themeMinimums };
    } catch {
      required = undefined; // the profile is for another method; the compliance panel says so
    }
  }
  return { ambitions: project.ambitions, required, evidence: perTheme };
}

function RenameButton({ scan }: { scan: ScanRecord }) {
  const t = useT();
  const [name, setName] = useState<string | null>(null);
  if (name === null) {
    return (
      <button type="button" className="button" onClick={() => setName(scan.name)}>
        {t('scan.rename')}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void useScanEditor.getState().change((s) => ({ ...s, name: name.trim().slice(0, 200) }));
        setName(null);
      }}
    >
      <label className="visually-hidden" htmlFor="scan-rename">
        {t('scan.renamePrompt')}
      </label>
      <input id="scan-rename" value={name} autoFocus maxLength={200} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setName(null)} />
      <button type="submit" className="button primary">
        {t('common.save')}
      </button>
    </form>
  );
}

function focusGroup(group: HTMLElement) {
  const target = group.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]') ?? group.querySelector<HTMLElement>('[role="radio"]');
  target?.focus({ preventScroll: true });
  // The question's title and levels in view (not the whole card with its notes and evidence).
  const card = group.closest('article');
  const top = card?.getBoundingClientRect().top ?? 0;
  const bottom = (target?.querySelector('.level-label') ?? group).getBoundingClientRect().bottom;
  const barHeight = document.querySelector('.result-bar')?.getBoundingClientRect().height ?? 0;
  const header = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
  if (top < header) window.scrollBy({ top: top - header - 8 });
  else if (bottom > window.innerHeight - barHeight) window.scrollBy({ top: Math.min(bottom - (window.innerHeight - barHeight) + 8, top - header - 8) });
}

function focusLevel(group: HTMLElement, index: number) {
  group.querySelectorAll<HTMLElement>('[role="radio"]')[index]?.focus();
}

const phaseName = (t: ReturnType<typeof useT>, phase: string) => (isPhase(phase) ? t(`phase.${phase}`) : phase);

/** "Beloofd in QS-… (Voorlopig ontwerp): 2 · name" for one question of a delivery-phase scan. */
function promisedText(t: ReturnType<typeof useT>, locale: Locale, promised: PromisedLevels, questionId: string): string {
  const at = { code: promised.referenceCode, phase: phaseName(t, promised.phase) };
  const a = promised.answers.get(questionId);
  if (a?.kind === 'level') return t('views.promised.title', { ...at, level: t('views.level', { index: a.index, name: a.label[locale] }) });
  if (a?.kind === 'not-applicable') return t('views.promised.notApplicable', at);
  return t('views.promised.none', at);
}

function formatCost(locale: Locale, cents: { low: number; high: number }): string {
  if (cents.low === 0 && cents.high === 0) return formatEuro(locale, 0);
  if (cents.low === cents.high) return formatEuro(locale, cents.low / 100);
  return `${formatEuro(locale, cents.low / 100)} – ${formatEuro(locale, cents.high / 100)}`;
}

function QuestionCard({
  question,
  definition,
  project,
  scan,
  locale,
  onKeyDown,
  promised,
}: {
  question: Question;
  definition: QuickScanDefinition;
  project: ProjectRecord & { gfaM2: number };
  scan: ScanRecord;
  locale: Locale;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  /** A delivery-phase scan: the level promised earlier, in words. */
  promised?: string | undefined;
}) {
  const t = useT();
  const { change } = useScanEditor.getState();
  const answer = scan.answers[question.id];
  const headingId = `q-${question.id}-title`;
  const isApplicable = appliesToProject(question, project);
  const isNotApplicable = !!answer?.notApplicable;
  const selectedIndex = question.levels.findIndex((l) => l.id === answer?.level);
  const sources = question.sources.map((ref) => {
    const source = definition.sources.find((s) => s.id === ref.source);
    return `${source?.title ?? ref.source}, ${ref.locator}`;
  });

  if (!isApplicable) {
    return (
      <article className="question-card not-applicable" aria-labelledby={headingId}>
        <h3 id={headingId}>
          <span className="question-id">{question.id}</span> {question.title[locale]}
        </h3>
        <p className="muted">{t('scan.naByKind', { kind: t(`kind.${project.kind}`) })}</p>
      </article>
    );
  }

  const onLevelKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const from = Math.max(0, selectedIndex);
      const next = event.key === 'ArrowRight' ? Math.min(question.levels.length - 1, from + (selectedIndex < 0 ? 0 : 1)) : Math.max(0, from - 1);
      const level = question.levels[next];
      if (level) {
        void change(answerChanges.setLevel(question.id, level.id));
        focusLevel(event.currentTarget, next);
      }
      return;
    }
    if (event.key === ' ') {
      const index = Number((event.target as HTMLElement).dataset.index);
      const level = question.levels[index];
      if (level) {
        event.preventDefault();
        void change(answerChanges.setLevel(question.id, level.id));
      }
      return;
    }
    onKeyDown(event);
  };

  return (
    <article className={`question-card${answer?.level || isNotApplicable ? ' answered' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="question-id">{question.id}</span> {question.title[locale]}
      </h3>
      {promised && <p className="promised-level small">{promised}</p>}
      <details className="question-help">
        <summary>{t('scan.helpAndSources')}</summary>
        <p>{question.help[locale]}</p>
        <p className="muted small">
          {t('scan.sources')}: {sources.join('; ')}
        </p>
      </details>
      <div role="radiogroup" data-question={question.id} aria-labelledby={headingId} aria-disabled={isNotApplicable || undefined} className={`level-grid${isNotApplicable ? ' disabled' : ''}`} onKeyDown={onLevelKey}>
        {question.levels.map((level, index) => {
          const isChecked = level.id === answer?.level;
          const { cost, isOverridden } = effectiveCost(question.id, level.id, level.cost, scan.costOverrides);
          const cents = projectCostCents(cost, project.gfaM2);
          const isTabStop = isChecked || (selectedIndex < 0 && index === 0);
          return (
            <div
              key={level.id}
              role="radio"
              aria-checked={isChecked}
              tabIndex={isTabStop ? 0 : -1}
              data-index={index}
              className={`level-card${isChecked ? ' checked' : ''}`}
              onClick={() => void change(answerChanges.setLevel(question.id, level.id))}
            >
              <span className="level-top">
                <span className="level-key" aria-hidden="true">
                  {index}
                </span>
                <span className="level-points">{t('scan.points', { points: level.points })}</span>
              </span>
              <span className="level-label">{level.label[locale]}</span>
              <span className="level-help">{level.help[locale]}</span>
              <span className="level-cost">
                {cost.basis === 'per_m2_gfa'
                  ? t('scan.costPerM2', { low: formatEuro(locale, cost.low, true), high: formatEuro(locale, cost.high, true), total: formatCost(locale, cents) })
                  : t('scan.costLump', { total: formatCost(locale, cents) })}
                {isOverridden && <span className="tag">{t('scan.costOverridden')}</span>}
              </span>
            </div>
          );
        })}
      </div>
      <div className="question-tools">
        {question.allowNotApplicable && (
          <label className="choice">
            <input type="checkbox" checked={isNotApplicable} onChange={(e) => void change(answerChanges.setNotApplicable(question.id, e.target.checked))} />
            {t('scan.notApplicable')}
          </label>
        )}
        {answer?.level && (
          <button type="button" className="button small" onClick={() => void change(answerChanges.clear(question.id))}>
            {t('scan.clearAnswer')}
            <span className="visually-hidden"> {question.id}</span>
          </button>
        )}
      </div>
      {answer?.level && (question.levels.find((l) => l.id === answer.level)?.evidence.length ?? 0) > 0 && (
        <p className="muted small">
          {t('scan.expectedEvidence')}: {question.levels.find((l) => l.id === answer.level)!.evidence.map((e) => e[locale]).join('; ')}
        </p>
      )}
      <NoteField questionId={question.id} value={answer?.note ?? ''} />
      <EvidenceList scanId={scan.id} questionId={question.id} />
    </article>
  );
}
