import { useLiveQuery } from '../db/live';
import { useMemo, useState, type DragEvent } from 'react';
import type { QuickScanDefinition } from '../../forms/schema';
import { visibleText } from '../../scoring/visible-text';
import { formatScore } from '../components/ResultPanel';
import { formatEuro, type Locale, type MessageKey } from '../i18n';
import { countTrustAnchors } from '../db/trust';
import { loadVerificationAnchors } from '../issue/anchors';
import { VerdictBadge } from '../components/VerdictBadge';
import { platform, type OpenedFile } from '../platform';
import { useLocale, useT, useUi } from '../state/store';
import { fieldErrorsText, profileIssuesText } from '../../report/input-strings';
import {
  assessBids,
  bidData,
  bidsCsv,
  gapTexts,
  labelName,
  notRankedText,
  sortBids,
  statusText,
  type AssessedBid,
  type SortKey,
  type SortState,
} from './evaluation';
import { loadProfile, looksLikeProfile, type ProfileLoadError } from './load-profile';
import { fileStem } from './profile-form';
import { ProfileSummary } from './ProfileSummary';
import { useTenderSession, type SessionBid } from './store';

const FILE_FILTERS = [{ name: 'PDF / QuickScan', extensions: ['pdf', 'json'] }];

/** Columns that start with the best value on top when first chosen. */
const DESCENDING_FIRST: readonly SortKey[] = ['total', 'label', 'discount'];

const COLUMNS: readonly { key: SortKey; label: MessageKey; numeric?: boolean }[] = [
  { key: 'file', label: 'tender.col.file' },
  { key: 'reference', label: 'tender.col.reference' },
  { key: 'bidder', label: 'tender.col.bidder' },
  { key: 'status', label: 'tender.col.status' },
  { key: 'compliant', label: 'tender.col.compliant' },
  { key: 'total', label: 'tender.col.total', numeric: true },
  { key: 'label', label: 'tender.col.label' },
  { key: 'discount', label: 'tender.col.discount', numeric: true },
  { key: 'rank', label: 'tender.col.rank', numeric: true },
];

function profileErrorText(t: ReturnType<typeof useT>, locale: Locale, file: string, error: ProfileLoadError): string {
  switch (error.kind) {
    case 'too-large':
      return t('tender.profileError.tooLarge', { name: file });
    case 'not-json':
      return t('tender.profileError.notJson', { name: file });
    case 'not-profile':
      return t('tender.profileError.notProfile', { name: file, detail: fieldErrorsText(error.errors, locale) });
    case 'altered':
      return t('tender.profileError.altered', { name: file });
    case 'bad-signature':
      return t('tender.profileError.badSignature', { name: file });
    case 'unknown-method':
      return t('tender.profileError.unknownMethod', { name: file, method: `${error.id} ${error.version}` });
    case 'mismatch':
      return t('tender.profileError.mismatch', { name: file, detail: profileIssuesText(error.issues, locale, error.issues.length) });
  }
}

/** The evaluator's side: open a signed profile, drop the bids, see them checked and ranked. */
export function BidEvaluation() {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const { profile, bids, sort, setProfile, addBids, resetBids, setOutcome, clearBids, setSort } = useTenderSession();
  const [profileError, setProfileError] = useState<string | null>(null);
  const [isOver, setIsOver] = useState(false);
  const trustedCount = useLiveQuery(() => countTrustAnchors(), [], null);

  function openProfileFile(file: OpenedFile): boolean {
    const result = loadProfile(file.data);
    if (!result.ok) {
      setProfileError(profileErrorText(t, locale, file.name, result.error));
      return false;
    }
    setProfileError(null);
    setProfile({ loaded: result.profile, file: file.name });
    announce(t('tender.profile.opened', { name: result.profile.content.tender.name }));
    return true;
  }

  async function check(list: readonly SessionBid[]) {
    if (list.length === 0) return;
    const [{ verifyFile }, anchors] = await Promise.all([import('../../report/verify'), loadVerificationAnchors(t('verdict.ownKey'))]);
    for (const bid of list) {
      const result = await verifyFile(bid.bytes, bid.file, { anchors });
      setOutcome(bid.id, result, bidData(result, bid.bytes));
    }
  }

  /** Profiles among the files open as the profile; everything else is a bid. */
  async function receive(files: OpenedFile[]) {
    const bidFiles: OpenedFile[] = [];
    for (const file of files) {
      if (/\.json$/i.test(file.name) && looksLikeProfile(file.data)) openProfileFile(file);
      else bidFiles.push(file);
    }
    // the last of several files with the same name counts
    const unique = [...new Map(bidFiles.map((f) => [f.name, f])).values()];
    await check(addBids(unique));
  }

  async function openProfile() {
    const [file] = await platform.openFiles({ filters: [{ name: 'QuickScan', extensions: ['json'] }], multiple: false });
    if (file) openProfileFile(file);
  }

  async function checkAgain() {
    const all = useTenderSession.getState().bids;
    resetBids(all.map((b) => b.id));
    await check(all);
  }

  async function onDrop(event: DragEvent) {
    event.preventDefault();
    setIsOver(false);
    const files = await Promise.all(Array.from(event.dataTransfer.files).map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
    await receive(files);
  }

  const pending = bids.filter((b) => b.result === null).length;
  const assessed = useMemo(
    () => (profile ? assessBids(bids.flatMap((b) => (b.result ? [{ id: b.id, file: b.file, result: b.result, data: b.data }] : [])), profile.loaded) : []),
    [bids, profile],
  );
  const definition = profile?.loaded.definition ?? null;
  const rows = useMemo(() => sortBids(assessed, sort, locale, definition), [assessed, sort, locale, definition]);

  function toggleSort(key: SortKey) {
    const next: SortState =
      sort.key === key ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: DESCENDING_FIRST.includes(key) ? 'descending' : 'ascending' };
    setSort(next);
  }

  async function exportCsv() {
    if (!profile) return;
    const text = bidsCsv(rows, profile.loaded.definition, locale);
    const result = await platform.saveFile({
      suggestedName: `${fileStem(profile.loaded.content.tender.name, 'tender')}-${t('tender.csv.fileSuffix')}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data: new TextEncoder().encode(text),
    });
    if (result.saved) announce(t('tender.csv.saved', { name: result.fileName ?? '' }));
  }

  const rankedCount = assessed.filter((b) => b.rank !== null).length;
  const validCount = assessed.filter((b) => b.result.verdict === 'passed').length;
  const unreadableCount = assessed.filter((b) => b.status === 'unreadable').length;
  const anyParenthesised = assessed.some((b) => b.compliance && b.status !== 'valid');

  return (
    <section aria-labelledby="tender-evaluate-title">
      <h2 id="tender-evaluate-title" className="visually-hidden">
        {t('tender.view.evaluate')}
      </h2>
      <p>{t('tender.evaluate.explain')}</p>
      <div
        className={`drop-zone${isOver ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <p>{t('tender.evaluate.drop')}</p>
        <div className="button-row tender-centre">
          <button type="button" className={`button${profile ? '' : ' primary'}`} onClick={() => void openProfile()}>
            {profile ? t('tender.evaluate.otherProfile') : t('tender.evaluate.openProfile')}
          </button>
          <button type="button" className={`button${profile ? ' primary' : ''}`} onClick={() => void platform.openFiles({ filters: FILE_FILTERS, multiple: true }).then(receive)}>
            {t('tender.evaluate.chooseBids')}
          </button>
        </div>
      </div>
      {profileError && (
        <p className="notice error" role="alert">
          {profileError}
        </p>
      )}

      <section className="panel" aria-labelledby="tender-profile-title">
        <h2 id="tender-profile-title">{t('tender.profile.title')}</h2>
        {profile ? <ProfileSummary profile={profile.loaded} /> : <p className="muted">{t('tender.profile.none')}</p>}
      </section>

      {trustedCount === 0 && (
        <p className="notice warn">
          {t('tender.evaluate.noTrustedKeys')} <a href="#/settings">{t('tender.evaluate.toSettings')}</a>
        </p>
      )}
      {trustedCount !== null && trustedCount > 0 && <p className="muted small">{t('tender.evaluate.trustedKeys', { count: trustedCount })}</p>}

      {bids.length > 0 && !profile && <p className="notice warn">{t('tender.evaluate.needProfile')}</p>}
      {pending > 0 && (
        <p aria-busy="true" className="muted">
          {t('tender.evaluate.checking', { count: pending })}
        </p>
      )}

      {profile && assessed.length > 0 && (
        <section aria-labelledby="tender-bids-title">
          <h2 id="tender-bids-title">{t('tender.bids.title')}</h2>
          <p className="tender-summary">
            {t('tender.bids.ranked', { ranked: rankedCount, count: assessed.length })} {t('tender.bids.counts', { valid: validCount, notValid: assessed.length - validCount - unreadableCount, unreadable: unreadableCount })}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void exportCsv()}>
              {t('tender.csv.export')}
            </button>
            <button type="button" className="button" onClick={() => void checkAgain()}>
              {t('tender.bids.checkAgain')}
            </button>
            <button type="button" className="button danger" onClick={clearBids}>
              {t('tender.bids.clear')}
            </button>
          </div>
          <div className="table-wrap">
            <table className="compare-table tender-table">
              <caption className="visually-hidden">{t('tender.bids.caption')}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((col) => {
                    const active = sort.key === col.key;
                    return (
                      <th key={col.key} scope="col" aria-sort={active ? sort.direction : undefined} className={col.numeric ? 'num' : undefined}>
                        <button type="button" className="tender-sort" onClick={() => toggleSort(col.key)}>
                          {t(col.label)}
                          <span aria-hidden="true" className="tender-sort-mark">
                            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>{definition && rows.map((bid) => <BidRow key={bid.id} bid={bid} definition={definition} />)}</tbody>
            </table>
          </div>
          {anyParenthesised && <p className="muted small">{t('tender.bids.parenthesised')}</p>}
          <p className="muted small">{t('tender.bids.rule')}</p>
        </section>
      )}
    </section>
  );
}

function BidRow({ bid, definition }: { bid: AssessedBid; definition: QuickScanDefinition }) {
  const t = useT();
  const locale = useLocale();
  const gaps = gapTexts(bid, definition, locale);
  const flagged = bid.result.verdict !== 'passed';
  const compliantWord = bid.compliance ? t(bid.compliance.compliant ? 'common.yes' : 'common.no') : null;
  return (
    <tr className={flagged ? 'tender-flagged' : undefined} data-status={bid.status} data-verdict={bid.result.verdict} data-rank={bid.rank ?? ''}>
      <th scope="row" className="file-cell">
        {visibleText(bid.file)}
      </th>
      <td className="reference-cell">{bid.referenceCode ?? '–'}</td>
      <td>
        {bid.bidder ? (
          <>
            {visibleText(bid.bidder.organisation || bid.bidder.name)}
            {bid.bidder.organisation && <div className="muted small">{visibleText(bid.bidder.name)}</div>}
          </>
        ) : (
          '–'
        )}
      </td>
      <td>
        <VerdictBadge verdict={bid.result.verdict} reasons={bid.result.reasons} fingerprint={bid.result.signer?.fingerprint ?? bid.result.assessor?.fingerprint} detail={statusText(bid, locale)} />
        <details className="verify-details">
          <summary>{t('verify.details')}</summary>
          <ul>
            {bid.result.messages.map((m, i) => (
              <li key={i}>{m[locale]}</li>
            ))}
          </ul>
        </details>
      </td>
      <td className="tender-compliant">
        {compliantWord === null ? (
          <>
            –<div className="muted small">{bid.otherMethod ? notRankedText({ notRanked: 'other-method', otherMethod: bid.otherMethod }, locale) : t('tender.bids.notAssessed')}</div>
          </>
        ) : (
          <>
            <strong>{flagged ? `(${compliantWord})` : compliantWord}</strong>
            {gaps.length > 0 && (
              <ul className="tender-gaps">
                {gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </td>
      <td className="num">{bid.total === null ? '–' : formatScore(locale, bid.total)}</td>
      <td>{bid.hasFigures ? bid.label ? <span className={`label-chip label-${bid.label}`}>{labelName(definition, bid.label, locale)}</span> : t('label.none') : '–'}</td>
      <td className="num">{bid.discountCents === null ? '–' : formatEuro(locale, bid.discountCents / 100, bid.discountCents % 100 !== 0)}</td>
      <td className="num tender-rank">
        {bid.rank === null ? (
          <>
            –<div className="muted small">{notRankedText(bid, locale)}</div>
          </>
        ) : (
          <strong>{bid.rank}</strong>
        )}
      </td>
    </tr>
  );
}
