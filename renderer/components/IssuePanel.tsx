import { useLiveQuery } from '../db/live';
import { useEffect, useId, useRef, useState } from 'react';
import { ISSUE_PHASES, type FollowUp, type IssuePhase } from '../../scoring/issued';
import { routeHref } from '../app/router';
import type { ProjectRecord, ScanRecord } from '../db/records';
import { readAssessorProfile } from '../issue/assessor';
import { envelopeOf, issueRevision, IssueRefused, listRevisions } from '../issue/issue';
import { getSigningKey, isLegacyKey } from '../issue/signing';
import { getDefinition } from '../../forms/registry';
import { compareRevisions, type Downgrade } from '../../scoring/compare';
import { downgradesWithoutReason, type DowngradeCheck } from '../../scoring/envelope-check';
import { engineAnswers, methodOf } from '../scan/engine';
import { NoteField } from './NoteField';
import { readScanProfile } from '../scan/profile';
import { useLocale, useT, useUi } from '../state/store';
import { RevisionActions } from './RevisionsList';
import type { RevisionRecord } from '../db/records';

/** Issue the scan as a frozen, signed revision for a phase, citable in a tender. */
export function IssuePanel({ project, scan, unanswered, onClose }: { project: ProjectRecord & { gfaM2: number }; scan: ScanRecord; unanswered: number; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const profile = useLiveQuery(() => readAssessorProfile().then((p) => p ?? false), [], null);
  const baseline = useLiveQuery(async () => (await listRevisions(project.id)).at(-1) ?? false, [project.id], null);
  const signingKey = useLiveQuery(() => getSigningKey().then((k) => k ?? false), [], null);
  const tenderProfile = useLiveQuery(() => readScanProfile(scan.id).then((p) => p ?? false), [scan.id], null);
  const ids = { phase: useId(), assumptions: useId(), exclusions: useId(), locale: useId() };
  const [phase, setPhase] = useState<IssuePhase>((ISSUE_PHASES as readonly string[]).includes(project.phase) ? (project.phase as IssuePhase) : 'SO');
  const [assessmentType, setAssessmentType] = useState<'self' | 'independent' | null>(null);
  const [assumptions, setAssumptions] = useState('');
  const [exclusions, setExclusions] = useState('');
  const [followUp, setFollowUp] = useState<Record<string, string>>({});
  const [reportLocale, setReportLocale] = useState<'nl' | 'en'>(locale);
  const [isIssuing, setIsIssuing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<RevisionRecord | null>(null);
  const issuedRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const reasonsRef = useRef<HTMLDivElement>(null);

  // once issued: the reference code and the PDF buttons in view, focus on the code
  useEffect(() => {
    if (!issued) return;
    issuedRef.current?.scrollIntoView({ block: 'nearest' });
    codeRef.current?.focus({ preventScroll: true });
  }, [issued]);

  if (profile === null || baseline === null || signingKey === null) return <p aria-busy="true">{t('app.loading')}</p>;
  // a legacy Ed25519 key issues format 1, which cannot carry a format-2 requirement profile (issue.ts refuses it too)
  const profileNeedsNewKey = !!tenderProfile && tenderProfile.formatVersion === 2 && !!signingKey && isLegacyKey(signingKey);
  const later = ISSUE_PHASES.slice(ISSUE_PHASES.indexOf(phase) + 1);
  const comparison = baseline ? compareWithBaseline(baseline, project, scan) : null;
  const downgrades = comparison?.downgrades ?? [];

  async function issue() {
    if (!profile) return;
    // the one downgrade rule (scoring/envelope-check.ts), failing closed when the two cannot be compared
    if (comparison && !comparison.check.ok) {
      setError(t('issue.failed', { reason: t(comparison.check.notCheckable ? 'issue.downgradesNotCheckable' : 'issue.reasonsMissing') }));
      // to the first lowered answer without a reason (or to the message when they cannot be compared)
      const first = comparison.check.missing[0];
      requestAnimationFrame(() => {
        const field = first !== undefined ? reasonsRef.current?.querySelector<HTMLTextAreaElement>(`[data-question="${CSS.escape(first)}"] textarea`) : null;
        const target = field ?? errorRef.current;
        target?.scrollIntoView({ block: 'center' });
        target?.focus({ preventScroll: true });
      });
      return;
    }
    const planned: FollowUp[] = later.filter((p) => followUp[p]).map((p) => ({ phase: p, plannedDate: followUp[p]! }));
    setIsIssuing(true);
    setError(null);
    try {
      const record = await issueRevision(project, scan, profile, {
        phase,
        assessmentType: assessmentType ?? profile.assessmentType,
        assumptions,
        exclusions,
        followUp: planned,
        locale: reportLocale,
        profile: tenderProfile || undefined,
      });
      setIssued(record);
      announce(t('issue.done', { code: record.referenceCode }));
    } catch (e) {
      setError(e instanceof IssueRefused ? t(`keys.refused.${e.code}`) : t('issue.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setIsIssuing(false);
    }
  }

  return (
    <section className="panel issue-panel" aria-labelledby="issue-title">
      <h2 id="issue-title">{t('issue.title')}</h2>
      {issued ? (
        <div ref={issuedRef}>
          <p>{t('issue.frozen')}</p>
          <p ref={codeRef} className="reference-code" aria-label={t('issue.referenceCode')} tabIndex={-1}>
            {issued.referenceCode}
          </p>
          <RevisionActions record={issued} />
          <div className="button-row">
            <a className="button" href={routeHref({ name: 'project', projectId: project.id })}>
              {t('issue.toProject')}
            </a>
            <button type="button" className="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : !profile ? (
        <div>
          <p className="notice warn">{t('issue.needsProfile')}</p>
          <a className="button primary" href={routeHref({ name: 'settings' })}>
            {t('issue.toSettings')}
          </a>
        </div>
      ) : !signingKey ? (
        <div>
          <p className="notice warn">{t('keys.issue.needsKey')}</p>
          <a className="button primary" href={routeHref({ name: 'settings' })}>
            {t('issue.toSettings')}
          </a>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void issue();
          }}
        >
          <p>{t('issue.explain')}</p>
          <p className="muted">
            {t('issue.assessor')}: <strong>{profile.name}</strong>
            {profile.organisation && `, ${profile.organisation}`}
            {profile.role && ` (${profile.role})`} · <a href={routeHref({ name: 'settings' })}>{t('issue.changeProfile')}</a>
          </p>
          {isLegacyKey(signingKey) && <p className="notice warn">{t('keys.issue.legacy')}</p>}
          {unanswered > 0 && <p className="notice warn">{t('issue.unanswered', { count: unanswered })}</p>}
          {tenderProfile && <p className="notice">{t('issue.withProfile', { tender: tenderProfile.content.tender.name })}</p>}
          {profileNeedsNewKey && <p className="notice warn">{t('profiles.issueNeedsNewKey')}</p>}
          {baseline && downgrades.length > 0 && (
            <div className="notice warn downgrade-reasons" ref={reasonsRef}>
              <p>{t('issue.downgrades', { code: baseline.referenceCode })}</p>
              {downgrades.map((d) => (
                <div key={d.question} className="downgrade-reason" data-question={d.question}>
                  <p>
                    <strong>{d.question}</strong> {methodOf(scan)?.definition.questions.find((q) => q.id === d.question)?.title[locale]}
                  </p>
                  <NoteField questionId={d.question} value={scan.answers[d.question]?.note ?? ''} label={t('issue.reasonFor', { question: d.question })} />
                </div>
              ))}
            </div>
          )}
          <div className="form-grid">
            <div className="field">
              <label htmlFor={ids.phase}>{t('project.phase')}</label>
              <select id={ids.phase} value={phase} onChange={(e) => setPhase(e.target.value as IssuePhase)}>
                {ISSUE_PHASES.map((p) => (
                  <option key={p} value={p}>
                    {t(`phase.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.locale}>{t('issue.reportLanguage')}</label>
              <select id={ids.locale} aria-describedby={isLegacyKey(signingKey) ? undefined : `${ids.locale}-hint`} value={reportLocale} onChange={(e) => setReportLocale(e.target.value as 'nl' | 'en')}>
                <option value="nl">{t('lang.nl')}</option>
                <option value="en">{t('lang.en')}</option>
              </select>
              {!isLegacyKey(signingKey) && (
                <p id={`${ids.locale}-hint`} className="muted small">
                  {t('keys.issue.signedLanguage')}
                </p>
              )}
            </div>
            <fieldset className="field wide">
              <legend>{t('issue.assessmentType')}</legend>
              <div className="segmented">
                {(['self', 'independent'] as const).map((type) => (
                  <label key={type} className="choice">
                    <input type="radio" name="assessmentType" checked={(assessmentType ?? profile.assessmentType) === type} onChange={() => setAssessmentType(type)} />
                    {t(`assessment.${type}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="field wide">
              <label htmlFor={ids.assumptions}>{t('issue.assumptions')}</label>
              <textarea id={ids.assumptions} value={assumptions} maxLength={10000} onChange={(e) => setAssumptions(e.target.value)} />
            </div>
            <div className="field wide">
              <label htmlFor={ids.exclusions}>{t('issue.exclusions')}</label>
              <textarea id={ids.exclusions} value={exclusions} maxLength={10000} onChange={(e) => setExclusions(e.target.value)} />
            </div>
            {later.length > 0 && (
              <fieldset className="field wide">
                <legend>{t('issue.followUp')}</legend>
                <div className="follow-up-grid">
                  {later.map((p) => (
                    <label key={p} className="follow-up-item">
                      <span>{t(`phase.${p}`)}</span>
                      <input type="date" value={followUp[p] ?? ''} onChange={(e) => setFollowUp({ ...followUp, [p]: e.target.value })} />
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </div>
          {error && (
            <p ref={errorRef} className="field-error" role="alert" tabIndex={-1}>
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button primary" disabled={isIssuing || profileNeedsNewKey}>
              {t('issue.confirm')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * The scan compared with the project's latest issued revision: the answers lowered since (shown,
 * each needs a reason) and the verdict of the one downgrade rule, which fails closed.
 */
function compareWithBaseline(baseline: RevisionRecord, project: ProjectRecord & { gfaM2: number }, scan: ScanRecord): { downgrades: readonly Downgrade[]; check: DowngradeCheck } {
  try {
    const earlier = envelopeOf(baseline).content;
    const earlierMethod = getDefinition(earlier.method.id, earlier.method.version);
    const method = methodOf(scan);
    const answers = engineAnswers(scan);
    for (const [id, a] of Object.entries(answers)) {
      const note = scan.answers[id]?.note;
      if (note) answers[id] = { ...a, note };
    }
    const later = { project: { kind: project.kind, gfaM2: project.gfaM2 }, scan: { answers, costOverrides: scan.costOverrides } };
    const check = downgradesWithoutReason(earlier, later, earlierMethod?.sha256 === earlier.method.sha256 ? earlierMethod.definition : undefined, method?.definition);
    const downgrades = check.ok || !check.notCheckable ? compareRevisions(earlier, later, earlierMethod!.definition, method!.definition).downgrades : [];
    return { downgrades, check };
  } catch {
    return { downgrades: [], check: { ok: false, missing: [], notCheckable: true } };
  }
}
