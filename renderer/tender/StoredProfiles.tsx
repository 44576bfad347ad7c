import { useLiveQuery } from '../db/live';
import { verifyProfileEnvelope, type ProfileEnvelope } from '../../scoring/profile';
import { formatDate } from '../i18n';
import { useLocale, useT, useUi } from '../state/store';
import { checkProfileEnvelope } from './load-profile';
import { saveProfileFile } from './ProfileAuthoring';
import { profileFileName } from './profile-form';
import { readStoredProfiles, removeStoredProfile } from './stored-profiles';
import { useTenderSession } from './store';

/** The profiles this user made last (kept in IndexedDB): save one as a file again, or use it to check bids. */
export function StoredProfiles() {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const { setProfile, setView } = useTenderSession();
  const stored = useLiveQuery(() => readStoredProfiles(), [], null);
  if (stored === null) return <p aria-busy="true">{t('app.loading')}</p>;

  async function download(envelope: ProfileEnvelope) {
    const name = await saveProfileFile(envelope);
    if (name) announce(t('scan.exported', { name }));
  }

  function use(envelope: ProfileEnvelope) {
    const checked = checkProfileEnvelope(envelope);
    if (!checked.ok) {
      announce(t('tender.stored.unusable'), 'error');
      return;
    }
    setProfile({ loaded: checked.profile, file: profileFileName(envelope.content.tender.name) });
    setView('evaluate');
    announce(t('tender.profile.opened', { name: envelope.content.tender.name }));
  }

  return (
    <section className="panel" aria-labelledby="tender-stored-title">
      <h2 id="tender-stored-title">{t('tender.stored.title')}</h2>
      {stored.length === 0 ? (
        <p className="muted">{t('tender.stored.none')}</p>
      ) : (
        <ul className="plain-list tender-stored" aria-labelledby="tender-stored-title">
          {stored.map((e) => {
            const v = verifyProfileEnvelope(e);
            const c = e.content;
            return (
              <li key={c.id} className="tender-stored-item">
                <div>
                  <strong>{c.tender.name}</strong> ({c.tender.reference}) – {c.contractingAuthority}
                  <div className="muted small">
                    {formatDate(locale, `${c.created}T12:00:00`)} · <span className="reference-cell">{v.referenceCode}</span> · {t('tender.profile.fingerprint')}{' '}
                    <code className="fingerprint">{v.fingerprint}</code>
                  </div>
                </div>
                <div className="button-row tight">
                  <button type="button" className="button small" onClick={() => void download(e)}>
                    {t('tender.stored.download')}
                    <span className="visually-hidden">: {c.tender.name}</span>
                  </button>
                  <button type="button" className="button small" onClick={() => use(e)}>
                    {t('tender.stored.use')}
                    <span className="visually-hidden">: {c.tender.name}</span>
                  </button>
                  <button type="button" className="button small danger" onClick={() => void removeStoredProfile(c.id)}>
                    {t('evidence.remove')}
                    <span className="visually-hidden">: {c.tender.name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
