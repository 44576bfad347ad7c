import { useLiveQuery } from '../db/live';
import type { QuickScanDefinition } from '../../forms/schema';
import { complianceGapText } from '../../report/compliance-text';
import { checkCompliance } from '../../scoring/compliance';
import { keyFingerprint } from '../../scoring/keys';
import type { ProjectRecord, ScanRecord } from '../db/records';
import { formatEuro } from '../i18n';
import { platform } from '../platform';
import { methodOf, scanInput } from '../scan/engine';
import { readProfileFile, readScanProfile, removeScanProfile, writeScanProfile } from '../scan/profile';
import { profileSignerKey } from '../../scoring/profile';
import { offerScanOnProfileMethod } from '../scan/start-scan';
import { useLocale, useT, useUi } from '../state/store';

/** A bidder's view of a tender's requirement profile: met or not, what is missing, the discount. */
export function CompliancePanel({ project, scan, definition }: { project: ProjectRecord & { gfaM2: number }; scan: ScanRecord; definition: QuickScanDefinition }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const profile = useLiveQuery(() => readScanProfile(scan.id).then((p) => p ?? false), [scan.id], null);

  async function load() {
    const method = methodOf(scan);
    if (!method) return;
    const [file] = await platform.openFiles({ filters: [{ name: 'QuickScan', extensions: ['json'] }], multiple: false });
    if (!file) return;
    const result = readProfileFile(file.data, method);
    if (!result.ok) return offerScanOnProfileMethod(project, file.name, result, locale); // methods helper: a way out when the profile names another method version
    await writeScanProfile(scan.id, result.envelope);
    announce(t('profile.loaded', { tender: result.envelope.content.tender.name }));
  }

  if (profile === null) return null;
  if (!profile) {
    return (
      <section className="panel compliance-panel" aria-labelledby="compliance-title">
        <h2 id="compliance-title">{t('profile.title')}</h2>
        <p className="muted small">{t('profile.explain')}</p>
        <button type="button" className="button" onClick={() => void load()}>
          {t('profile.load')}
        </button>
      </section>
    );
  }
  const content = profile.content;
  const result = checkCompliance(definition, scanInput(project, scan), content);
  return (
    <section className="panel compliance-panel" aria-labelledby="compliance-title">
      <h2 id="compliance-title">{t('profile.title')}</h2>
      <p>
        <strong>{content.tender.name}</strong>
        {content.tender.reference && ` (${content.tender.reference})`} · {content.contractingAuthority}
      </p>
      <p className="muted small">
        {t('profile.signedBy', { name: content.signer.name, fingerprint: keyFingerprint(profileSignerKey(content)) })}
      </p>
      <p className={`status-badge ${result.compliant ? 'status-valid' : 'status-altered'}`} data-testid="compliance">
        {result.compliant ? t('profile.compliant') : t('profile.notCompliant')}
      </p>
      {result.missing.length > 0 && (
        <ul className="compliance-missing">
          {result.missing.map((gap, i) => (
            <li key={i}>{complianceGapText(gap, locale, definition)}</li>
          ))}
        </ul>
      )}
      {content.valuePerPointEur !== undefined && (
        <p>
          {t('profile.discount')}: <strong>{result.fictitiousDiscountCents === null ? t('profile.noDiscount') : formatEuro(locale, result.fictitiousDiscountCents / 100)}</strong>
        </p>
      )}
      <button type="button" className="button small" onClick={() => void removeScanProfile(scan.id)}>
        {t('profile.remove')}
      </button>
    </section>
  );
}
