import { useT } from '../state/store';
import { BidEvaluation } from '../tender/BidEvaluation';
import { ProfileAuthoring } from '../tender/ProfileAuthoring';
import { StoredProfiles } from '../tender/StoredProfiles';
import { useTenderSession } from '../tender/store';

/**
 * Tenders (docs/tender-profiles.md): a contracting authority draws up and signs a requirement
 * profile; an evaluator opens that profile and checks every bid's issued QuickScan against it,
 * with the same rules as `quickscan verify --profile`.
 */
export function TenderScreen() {
  const t = useT();
  const view = useTenderSession((s) => s.view);
  const setView = useTenderSession((s) => s.setView);
  return (
    <section className="screen" aria-labelledby="tender-title">
      <h1 id="tender-title">{t('tender.title')}</h1>
      <p>{t('tender.explain')}</p>
      <div className="tender-views" role="group" aria-label={t('tender.view.label')}>
        {(['evaluate', 'author'] as const).map((v) => (
          <button key={v} type="button" className={`button${view === v ? ' primary' : ''}`} aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`tender.view.${v}`)}
          </button>
        ))}
      </div>
      {view === 'evaluate' ? (
        <BidEvaluation />
      ) : (
        <>
          <ProfileAuthoring />
          <StoredProfiles />
        </>
      )}
    </section>
  );
}
