import { levelText } from '../../report/names';
import { formatDate, formatEuro } from '../i18n';
import { useLocale, useT } from '../state/store';
import type { LoadedProfile } from './load-profile';

/** What a verified profile requires, in words, with who signed it and the key fingerprint to compare. */
export function ProfileSummary({ profile }: { profile: LoadedProfile }) {
  const t = useT();
  const locale = useLocale();
  const { content: c, verification: v, definition: d } = profile;
  const label = c.minimumLabel ? d.labels.find((l) => l.id === c.minimumLabel) : undefined;
  const themes = d.themes.filter((th) => c.themeMinimums?.[th.id] !== undefined);
  const mustHaves = d.questions.flatMap((q) => {
    const m = c.mustHaves.find((x) => x.question === q.id);
    const level = m && q.levels.find((l) => l.id === m.minLevel);
    return m && level ? [{ q, level }] : [];
  });
  return (
    <div className="tender-profile-summary">
      <p className="tender-profile-title">
        <strong>{c.tender.name}</strong> ({c.tender.reference}) – {c.contractingAuthority}
      </p>
      <p>
        <span className="status-badge status-valid">{t('tender.profile.intact')}</span>{' '}
        {t('tender.profile.signedBy', { name: c.signer.role ? `${c.signer.name} (${c.signer.role})` : c.signer.name })}
      </p>
      <dl className="tender-facts">
        <dt>{t('tender.profile.fingerprint')}</dt>
        <dd>
          <code className="fingerprint">{v.fingerprint}</code>
        </dd>
        <dt>{t('tender.profile.code')}</dt>
        <dd className="reference-cell">{v.referenceCode}</dd>
        <dt>{t('tender.profile.method')}</dt>
        <dd>
          {d.title[locale]} {c.method.version}
        </dd>
        <dt>{t('tender.profile.created')}</dt>
        <dd>{formatDate(locale, `${c.created}T12:00:00`)}</dd>
      </dl>
      <p className="muted small">{t('tender.profile.compareFingerprint')}</p>
      <h3>{t('tender.profile.requirements')}</h3>
      <ul className="tender-requirements">
        <li>{label ? t('tender.profile.minimumLabel', { label: label.name[locale] }) : t('tender.profile.noMinimumLabel')}</li>
        {themes.map((th) => (
          <li key={th.id}>{t('tender.profile.themeMinimum', { theme: `${th.id}. ${th.title[locale]}`, min: c.themeMinimums![th.id]! })}</li>
        ))}
        {mustHaves.map(({ q, level }) => (
          <li key={q.id}>
            {t('tender.profile.mustHave', { question: `${q.id} (${q.title[locale]})`, level: levelText(d, q.id, level.id, locale), points: level.points })}
          </li>
        ))}
        {mustHaves.length === 0 && <li>{t('tender.profile.noMustHaves')}</li>}
        <li>
          {c.valuePerPointEur === undefined
            ? t('tender.profile.noDiscount')
            : t('tender.profile.discount', { value: formatEuro(locale, c.valuePerPointEur, !Number.isInteger(c.valuePerPointEur)) })}
        </li>
      </ul>
      {c.notes && (
        <p className="tender-notes">
          <strong>{t('tender.profile.notes')}:</strong> {c.notes}
        </p>
      )}
    </div>
  );
}
