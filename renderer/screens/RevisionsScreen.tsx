import { useLiveQuery } from '../db/live';
import { getDefinition } from '../../forms/registry';
import type { QuickScanDefinition } from '../../forms/schema';
import { compareRevisions, type PromiseStatus, type RevisionComparison } from '../../scoring/compare';
import type { AnyIssuedEnvelope } from '../../scoring/issued';
import { scoreScan } from '../../scoring/score';
import { navigate, routeHref } from '../app/router';
import { formatScore } from '../components/ResultPanel';
import { getProject } from '../db/projects';
import { eachStoredEvidence } from '../db/bulk';
import { isPhase, type RevisionRecord } from '../db/records';
import { formatDate, formatEuro, type Locale } from '../i18n';
import { envelopeOf, IssueRefused, listRevisions, revalidationPdf } from '../issue/issue';
import { platform } from '../platform';
import { safeFileName } from '../scan/export';
import { useMemo, useState } from 'react';
import { RevisionVerdictBadge, useRevisionVerdicts, useVerificationAnchors } from '../components/RevisionVerdict';
import { useLocale, useT, useUi } from '../state/store';
import { NotFoundScreen } from './NotFoundScreen';

interface Loaded {
  record: RevisionRecord;
  envelope: AnyIssuedEnvelope;
  definition: QuickScanDefinition;
}

/** SHA-256s of the evidence files this app holds. */
async function heldEvidence(): Promise<Set<string>> {
  const held = new Set<string>();
  await eachStoredEvidence((e) => {
    if (e.blob instanceof Blob) held.add(e.sha256);
  });
  return held;
}

function load(records: RevisionRecord[]): Loaded[] {
  return records.flatMap((record) => {
    try {
      const envelope = envelopeOf(record);
      const method = getDefinition(envelope.content.method.id, envelope.content.method.version);
      return method ? [{ record, envelope, definition: method.definition }] : [];
    } catch {
      return [];
    }
  });
}

/** The project's issued revisions over the phases, and what changed between any two of them. */
export function RevisionsScreen({ projectId, a, b }: { projectId: string; a?: string | undefined; b?: string | undefined }) {
  const t = useT();
  const locale = useLocale();
  const data = useLiveQuery(async () => ({ project: await getProject(projectId), revisions: load(await listRevisions(projectId)), held: await heldEvidence() }), [projectId], null);
  const anchors = useVerificationAnchors();
  const verdicts = useRevisionVerdicts(useMemo(() => data?.revisions.map((r) => r.record) ?? null, [data]), anchors);
  if (data === null) return <p aria-busy="true">{t('app.loading')}</p>;
  const { project, revisions } = data;
  if (!project || project.deletedAt) return <NotFoundScreen />;
  const phaseName = (p: string) => (isPhase(p) ? t(`phase.${p}`) : p);
  const earlier = revisions.find((r) => r.record.id === a) ?? revisions.at(-2);
  const later = revisions.find((r) => r.record.id === b) ?? revisions.at(-1);
  // the later revision's evidence files that this app holds (checked by SHA-256 when stored)
  // a comparison is made only of revisions whose data is intact and validly signed
  const bothSound = !!earlier && !!later && verdicts.get(earlier.record.id)?.sound === true && verdicts.get(later.record.id)?.sound === true;
  const comparison = earlier && later && earlier !== later && bothSound ? compareRevisions(earlier.envelope.content, later.envelope.content, earlier.definition, later.definition, { supplied: data.held }) : null;
  // scores only from revisions whose data is intact and validly signed
  const charted = revisions.filter((r) => verdicts.get(r.record.id)?.sound);
  const option = (r: Loaded) => `${r.record.referenceCode} · ${phaseName(r.record.phase)} · ${formatDate(locale, r.record.issuedAt)}`;

  return (
    <section className="screen" aria-labelledby="revisions-screen-title">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <a href={routeHref({ name: 'projects' })}>{t('nav.projects')}</a> / <a href={routeHref({ name: 'project', projectId })}>{project.name}</a>
      </nav>
      <h1 id="revisions-screen-title">{t('revalidate.title')}</h1>
      {revisions.length === 0 ? (
        <p className="empty-state">{t('revision.none')}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="history-chart-title">
            <h2 id="history-chart-title">{t('revalidate.history')}</h2>
            {charted.length > 0 ? <HistoryChart revisions={charted} phaseName={phaseName} /> : anchors && <p className="notice warn">{t('views.verdict.scoreHidden')}</p>}
          </section>
          {revisions.length < 2 ? (
            <p className="notice warn">{t('revalidate.needTwo')}</p>
          ) : (
            <section className="panel" aria-labelledby="compare-revisions-title">
              <h2 id="compare-revisions-title">{t('revalidate.compare')}</h2>
              <div className="form-grid">
                <div className="field">
                  <label htmlFor="rev-a">{t('revalidate.earlier')}</label>
                  <select id="rev-a" value={earlier?.record.id} onChange={(e) => navigate({ name: 'revisions', projectId, a: e.target.value, ...(later ? { b: later.record.id } : {}) })}>
                    {revisions.map((r) => (
                      <option key={r.record.id} value={r.record.id}>
                        {option(r)}
                      </option>
                    ))}
                  </select>
                  {earlier && <RevisionVerdictBadge verdict={verdicts.get(earlier.record.id)} compact />}
                </div>
                <div className="field">
                  <label htmlFor="rev-b">{t('revalidate.later')}</label>
                  <select id="rev-b" value={later?.record.id} onChange={(e) => navigate({ name: 'revisions', projectId, ...(earlier ? { a: earlier.record.id } : {}), b: e.target.value })}>
                    {revisions.map((r) => (
                      <option key={r.record.id} value={r.record.id}>
                        {option(r)}
                      </option>
                    ))}
                  </select>
                  {later && <RevisionVerdictBadge verdict={verdicts.get(later.record.id)} compact />}
                </div>
              </div>
              {comparison && earlier && later ? (
                <ComparisonView comparison={comparison} earlier={earlier} later={later} locale={locale} held={data.held} />
              ) : earlier && later && earlier !== later ? (
                anchors && <p className="notice warn">{t('views.verdict.scoreHidden')}</p>
              ) : (
                <p>{t('revalidate.same')}</p>
              )}
            </section>
          )}
        </>
      )}
    </section>
  );
}

const W = 640;
const H = 260;
const PAD = { left: 40, right: 120, top: 12, bottom: 40 };

function HistoryChart({ revisions, phaseName }: { revisions: Loaded[]; phaseName(p: string): string }) {
  const t = useT();
  const locale = useLocale();
  const scored = revisions.map((r) => ({ r, score: scoreScan(r.definition, { project: r.envelope.content.project, answers: r.envelope.content.scan.answers, costOverrides: r.envelope.content.scan.costOverrides }) }));
  const themes = revisions.at(-1)!.definition.themes;
  const x = (i: number) => PAD.left + (revisions.length === 1 ? 0.5 : i / (revisions.length - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / 100) * (H - PAD.top - PAD.bottom);
  const line = (values: (number | null)[]) =>
    values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter(Boolean)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p}`)
      .join(' ');
  const totals = scored.map((s) => s.score.total?.display ?? null);
  const description = t('revalidate.chartDescription', {
    count: revisions.length,
    first: totals[0] === null || totals[0] === undefined ? '–' : formatScore(locale, totals[0]),
    last: totals.at(-1) === null || totals.at(-1) === undefined ? '–' : formatScore(locale, totals.at(-1)!),
  });
  return (
    <figure className="frontier-figure">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description} className="frontier-chart">
        {[0, 25, 50, 75, 100].map((s) => (
          <g key={s}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(s)} y2={y(s)} className="grid" />
            <text x={PAD.left - 6} y={y(s) + 4} textAnchor="end" className="axis-label">
              {s}
            </text>
          </g>
        ))}
        {scored.map((s, i) => (
          <text key={s.r.record.id} x={x(i)} y={H - PAD.bottom + 18} textAnchor="middle" className="axis-label">
            {phaseName(s.r.record.phase).split(' ')[0]}
          </text>
        ))}
        {themes.map((theme, ti) => {
          const values = scored.map((s) => s.score.themes.find((th) => th.id === theme.id)?.display ?? null);
          const last = values.at(-1);
          return (
            <g key={theme.id} className={`theme-line theme-line-${ti % 9}`}>
              <path d={line(values)} />
              {last !== null && last !== undefined && (
                <text x={W - PAD.right + 6} y={y(last) + 4} className="axis-label">
                  {theme.id}
                </text>
              )}
            </g>
          );
        })}
        <path d={line(totals)} className="frontier-line total-line" />
        {totals.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={4} className="frontier-point" />))}
        <text x={W - PAD.right + 6} y={PAD.top + 10} className="axis-label strong">
          {t('result.total')}
        </text>
      </svg>
      <figcaption className="muted small">{description}</figcaption>
    </figure>
  );
}

const promiseClass: Record<PromiseStatus, string> = { met: 'status-valid', exceeded: 'status-valid', 'not-met': 'status-altered', 'not-assessed': 'status-unsigned' };

function ComparisonView({ comparison, earlier, later, locale, held }: { comparison: RevisionComparison; earlier: Loaded; later: Loaded; locale: Locale; held: ReadonlySet<string> }) {
  const t = useT();
  const definition = later.definition;
  const labelName = (id: string | null) => definition.labels.find((l) => l.id === id)?.name[locale] ?? t('label.none');
  const themeTitle = (id: string) => `${id}. ${definition.themes.find((th) => th.id === id)?.title[locale] ?? ''}`;
  const questionTitle = (id: string) => `${id} ${definition.questions.find((q) => q.id === id)?.title[locale] ?? ''}`;
  const levelName = (questionId: string, ref: { id: string; index: number } | null) => {
    if (!ref) return t('scan.unanswered');
    const q = definition.questions.find((x) => x.id === questionId) ?? earlier.definition.questions.find((x) => x.id === questionId);
    return `${ref.index} · ${q?.levels.find((l) => l.id === ref.id)?.label[locale] ?? ref.id}`;
  };
  const side = new Map(comparison.questions.map((q) => [q.question, q]));
  /** A level as "2 · name", "niet van toepassing" or "niet beantwoord". */
  const answerName = (questionId: string, ref: { id: string; index: number } | null, which: 'before' | 'after') =>
    !ref && side.get(questionId)?.[which]?.evidence === 'na' ? t('views.notApplicable') : levelName(questionId, ref);
  /** A cost range, always low to high. */
  const costRange = (c: { lowCents: number; highCents: number }) => {
    const [low, high] = c.lowCents <= c.highCents ? [c.lowCents, c.highCents] : [c.highCents, c.lowCents];
    return low === high ? formatEuro(locale, low / 100) : `${formatEuro(locale, low / 100)} – ${formatEuro(locale, high / 100)}`;
  };
  const signed = (v: number) => `${v > 0 ? '+' : ''}${formatScore(locale, v)}`;
  const changed = comparison.questions.filter((q) => (q.pointsDelta ?? 0) !== 0 || q.noteChanged || q.evidenceChanged || !q.before || !q.after);
  const laterNote = (questionId: string) => later.envelope.content.scan.answers[questionId]?.note ?? '';
  const earlierNote = (questionId: string) => earlier.envelope.content.scan.answers[questionId]?.note ?? '';

  return (
    <div className="revalidation">
      <p className="revalidation-summary">
        {t('revalidate.summary', {
          a: earlier.record.referenceCode,
          b: later.record.referenceCode,
          labelA: labelName(comparison.label.before),
          labelB: labelName(comparison.label.after),
          totalA: comparison.total.before ? formatScore(locale, comparison.total.before.display) : '–',
          totalB: comparison.total.after ? formatScore(locale, comparison.total.after.display) : '–',
        })}
        {comparison.label.change !== 'same' && <span className={`tag ${comparison.label.change === 'down' ? 'warn' : 'evidenced'}`}>{t(`revalidate.label.${comparison.label.change}`)}</span>}
      </p>
      <RevalidationPdfButtons earlier={earlier.record} later={later.record} held={held} />
      <p className="muted">
        {t('revalidate.revalidatedBy', { name: later.envelope.content.assessor.name, type: t(`assessment.${later.envelope.content.assessor.assessmentType}`) })}
      </p>
      <div className="table-wrap">
        <table className="compare-table">
          <caption>{t('revalidate.themes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.aspect')}</th>
              <th scope="col">{earlier.record.referenceCode}</th>
              <th scope="col">{later.record.referenceCode}</th>
              <th scope="col">{t('revalidate.change')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.themes.map((th) => (
              <tr key={th.theme}>
                <th scope="row">{themeTitle(th.theme)}</th>
                <td className="num">{th.before ? formatScore(locale, th.before.display) : '–'}</td>
                <td className="num">{th.after ? formatScore(locale, th.after.display) : '–'}</td>
                <td className={`num${(th.delta?.display ?? 0) < 0 ? ' negative' : ''}`}>{th.delta ? signed(th.delta.display) : '–'}</td>
              </tr>
            ))}
            <tr className="total-row-table">
              <th scope="row">{t('result.total')}</th>
              <td className="num">{comparison.total.before ? formatScore(locale, comparison.total.before.display) : '–'}</td>
              <td className="num">{comparison.total.after ? formatScore(locale, comparison.total.after.display) : '–'}</td>
              <td className={`num${(comparison.total.delta?.display ?? 0) < 0 ? ' negative' : ''}`}>{comparison.total.delta ? signed(comparison.total.delta.display) : '–'}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h3>{t('revalidate.downgrades', { count: comparison.downgrades.length })}</h3>
      {comparison.downgrades.length === 0 ? (
        <p>{t('revalidate.noDowngrades')}</p>
      ) : (
        <ul className="change-list">
          {comparison.downgrades.map((d) => {
            const reason = laterNote(d.question);
            const hasReason = reason.trim() !== '' && reason !== earlierNote(d.question);
            return (
              <li key={d.question}>
                <strong>{questionTitle(d.question)}</strong>: {levelName(d.question, d.from)} → {d.kind === 'not-applicable' ? t('views.notApplicable') : levelName(d.question, d.to)}{' '}
                <span className={hasReason ? '' : 'field-error'}>{hasReason ? `${t('revalidate.reason')}: ${reason}` : t('revalidate.noReason')}</span>
              </li>
            );
          })}
        </ul>
      )}

      <EvidenceFiles comparison={comparison} questionTitle={questionTitle} />

      <h3>{t('revalidate.promised')}</h3>
      <p className="muted small">
        {t('revalidate.promiseCounts', { met: comparison.promiseCounts.met, exceeded: comparison.promiseCounts.exceeded, notMet: comparison.promiseCounts['not-met'], notAssessed: comparison.promiseCounts['not-assessed'] })}
      </p>
      <div className="table-wrap">
        <table className="compare-table">
          <caption className="visually-hidden">{t('revalidate.promised')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.question')}</th>
              <th scope="col">{t('revalidate.promisedCol')}</th>
              <th scope="col">{t('revalidate.deliveredCol')}</th>
              <th scope="col">{t('verify.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.promisedVsDelivered.map((row) => (
              <tr key={row.question}>
                <th scope="row">{questionTitle(row.question)}</th>
                <td>{answerName(row.question, row.promised, 'before')}</td>
                <td>{answerName(row.question, row.delivered, 'after')}</td>
                <td>
                  <span className={`status-badge ${promiseClass[row.status]}`}>{t(`revalidate.status.${row.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('revalidate.changes', { count: changed.length })}</h3>
      {changed.length > 0 && (
        <div className="table-wrap">
          <table className="compare-table">
            <caption className="visually-hidden">{t('revalidate.changes', { count: changed.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.question')}</th>
                <th scope="col">{t('budget.fromTo')}</th>
                <th scope="col">{t('revalidate.points')}</th>
                <th scope="col">{t('budget.extra')}</th>
                <th scope="col">{t('evidence.title')}</th>
                <th scope="col">{t('scan.note')}</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((q) => (
                <tr key={q.question}>
                  <th scope="row">{questionTitle(q.question)}</th>
                  <td>
                    {answerName(q.question, q.before?.level ?? null, 'before')} → {answerName(q.question, q.after?.level ?? null, 'after')}
                  </td>
                  <td className={`num${(q.pointsDelta ?? 0) < 0 ? ' negative' : ''}`}>{q.pointsDelta === null ? '–' : `${q.pointsDelta > 0 ? '+' : ''}${q.pointsDelta}`}</td>
                  <td className="num">{q.costDelta ? costRange(q.costDelta) : '–'}</td>
                  <td>
                    {q.before ? t(`revalidate.evidence.${q.before.evidence}`) : '–'} → {q.after ? t(`revalidate.evidence.${q.after.evidence}`) : '–'}
                  </td>
                  <td>{q.noteChanged ? laterNote(q.question) || t('revalidate.noteRemoved') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RevalidationPdfButtons({ earlier, later, held }: { earlier: RevisionRecord; later: RevisionRecord; held: ReadonlySet<string> }) {
  const t = useT();
  const announce = useUi((s) => s.announce);
  const [busy, setBusy] = useState(false);
  async function save(locale: 'nl' | 'en') {
    setBusy(true);
    try {
      const data = await revalidationPdf(earlier, later, locale, t('verdict.ownKey'), held);
      const result = await platform.saveFile({ suggestedName: `${safeFileName(`herbeoordeling ${earlier.referenceCode} ${later.referenceCode}`)}-${locale}.pdf`, mimeType: 'application/pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], data });
      if (result.saved) announce(t('scan.exported', { name: result.fileName ?? '' }));
    } catch (error) {
      announce(error instanceof IssueRefused ? t(`keys.refused.${error.code}`) : t('scan.exportFailed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="button-row tight">
      <button type="button" className="button primary" disabled={busy} onClick={() => void save('nl')}>
        {t('revalidate.pdf', { lang: 'NL' })}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void save('en')}>
        {t('revalidate.pdf', { lang: 'EN' })}
      </button>
    </div>
  );
}

/** Each evidence file over both revisions: supplied and matching, referenced but not supplied, or withdrawn. */
function EvidenceFiles({ comparison, questionTitle }: { comparison: RevisionComparison; questionTitle(id: string): string }) {
  const t = useT();
  if (comparison.evidenceFiles.length === 0) return null;
  const c = comparison.evidenceCounts;
  return (
    <>
      <h3>{t('evidenceStates.title')}</h3>
      <p className="muted small">{t('evidenceStates.counts', { supplied: c.supplied, notSupplied: c['not-supplied'], withdrawn: c.withdrawn })}</p>
      <div className="table-wrap">
        <table className="compare-table" data-testid="evidence-states">
          <caption className="visually-hidden">{t('evidenceStates.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.question')}</th>
              <th scope="col">{t('evidenceStates.file')}</th>
              <th scope="col">{t('verify.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.evidenceFiles.map((f) => (
              <tr key={`${f.question}-${f.sha256}`} data-state={f.state}>
                <th scope="row">{questionTitle(f.question)}</th>
                <td>{f.name}</td>
                <td>
                  <span className={`tag ${f.state === 'supplied' ? 'evidenced' : f.state === 'withdrawn' ? 'warn' : 'claimed'}`}>{t(`evidenceStates.${f.state}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
