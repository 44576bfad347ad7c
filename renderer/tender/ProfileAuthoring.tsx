import { useLiveQuery } from '../db/live';
import { useState, type FormEvent } from 'react';
import { listReleases } from '../../forms/registry';
import { formatScore } from '../components/ResultPanel';
import { fictitiousDiscountCents } from '../../scoring/compliance';
import { parseProfileEnvelope, profileEnvelopeJsonText, signProfileWith, verifyProfileEnvelope, type ProfileEnvelope } from '../../scoring/profile';
import { keyFingerprint } from '../../scoring/keys';
import { hasAtMostTwoDecimals, parseLocaleNumber } from '../forms-ui/numbers';
import { formatEuro } from '../i18n';
import { readAssessorProfile } from '../issue/assessor';
import { getSigningKey, isLegacyKey, signForPurpose } from '../issue/signing';
import { routeHref } from '../app/router';
import { platform } from '../platform';
import { useLocale, useT, useUi } from '../state/store';
import { fieldErrorsText, profileIssuesText } from '../../report/input-strings';
import { checkProfileEnvelope } from './load-profile';
import {
  buildProfileContent,
  definitionForKey,
  emptyProfileForm,
  localDateIso,
  methodKey,
  profileFileName,
  validateProfileForm,
  withMethod,
  type FieldError,
  type ProfileFormErrors,
  type ProfileFormValues,
} from './profile-form';
import { addStoredProfile } from './stored-profiles';
import { Field } from '../components/Field';

const noErrors = (): ProfileFormErrors => ({ fields: {}, themes: {}, mustHaves: {} });

let rowSeq = 0;

/** Saves a signed profile as a file; resolves with the file name, or null when the user cancelled. */
export async function saveProfileFile(envelope: ProfileEnvelope): Promise<string | null> {
  const result = await platform.saveFile({
    suggestedName: profileFileName(envelope.content.tender.name),
    mimeType: 'application/json',
    filters: [{ name: 'QuickScan', extensions: ['json'] }],
    data: new TextEncoder().encode(profileEnvelopeJsonText(envelope)),
  });
  return result.saved ? (result.fileName ?? profileFileName(envelope.content.tender.name)) : null;
}

/**
 * The contracting authority's side: draw up a requirement profile, sign it with the user's own key
 * (Settings → Sleutel) and save it. Every profile made here is format 2 (scoring/profile.ts: the
 * key as JWK, signature with purpose `profile`), with a P-256 key or with a legacy Ed25519 key (a
 * warning says to move to a new key, as when issuing). Without a key nothing is signed: the user
 * makes one in Settings first; no key is ever made here.
 */
export function ProfileAuthoring() {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const assessor = useLiveQuery(() => readAssessorProfile().then((p) => p ?? false), [], null);
  const signingKey = useLiveQuery(() => getSigningKey().then((k) => k ?? false), [], null);
  const [values, setValues] = useState<ProfileFormValues>(() => emptyProfileForm());
  const [errors, setErrors] = useState<ProfileFormErrors>(noErrors);
  const [signError, setSignError] = useState<string | null>(null);
  const [isSigning, setIsSigning] = useState(false);
  const releases = listReleases();
  const definition = definitionForKey(values.method)?.definition;

  const setField = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [key]: undefined } }));
  };
  const setTheme = (theme: string, value: string) => {
    setValues((v) => ({ ...v, themeMinimums: { ...v.themeMinimums, [theme]: value } }));
    setErrors((e) => ({ ...e, themes: Object.fromEntries(Object.entries(e.themes).filter(([id]) => id !== theme)) }));
  };
  const setRow = (key: number, change: Partial<{ question: string; minLevel: string }>) => {
    setValues((v) => ({ ...v, mustHaves: v.mustHaves.map((r) => (r.key === key ? { ...r, ...change, ...(change.question !== undefined ? { minLevel: '' } : {}) } : r)) }));
    setErrors((e) => ({ ...e, mustHaves: Object.fromEntries(Object.entries(e.mustHaves).filter(([k]) => Number(k) !== key)) }));
  };
  const addRow = () => {
    const key = ++rowSeq;
    setValues((v) => ({ ...v, mustHaves: [...v.mustHaves, { key, question: '', minLevel: '' }] }));
    // focus the new row's question once it is there
    requestAnimationFrame(() => document.getElementById(`tender-musthave-${key}`)?.focus());
  };
  const removeRow = (key: number) => setValues((v) => ({ ...v, mustHaves: v.mustHaves.filter((r) => r.key !== key) }));

  const err = (e: FieldError | undefined) => (e ? t(e.key, e.params) : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSignError(null);
    const result = validateProfileForm(values, locale);
    if (!result.ok) {
      setErrors(result.errors);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.tender-form [aria-invalid="true"]')?.focus());
      return;
    }
    setErrors(noErrors());
    const profile = await readAssessorProfile();
    if (!profile) {
      setSignError(t('tender.form.noAssessor'));
      return;
    }
    const key = await getSigningKey();
    if (!key) {
      setSignError(t('profiles.needsKey'));
      return;
    }
    setIsSigning(true);
    try {
      const content = buildProfileContent(result.draft, {
        id: crypto.randomUUID(),
        created: localDateIso(),
        signer: { name: profile.name, role: profile.role, key: key.key },
      });
      const envelope = await signProfileWith(content, (purpose, text) => signForPurpose(key, purpose, text));
      // Check it as every reader will before it leaves the app.
      const parsed = parseProfileEnvelope(JSON.parse(profileEnvelopeJsonText(envelope)));
      if (!parsed.ok) throw new Error(fieldErrorsText(parsed.errors, locale, parsed.errors.length));
      if (!verifyProfileEnvelope(parsed.envelope).ok) throw new Error('signature check failed');
      const checked = checkProfileEnvelope(parsed.envelope);
      if (!checked.ok) throw new Error(checked.error.kind === 'mismatch' ? profileIssuesText(checked.error.issues, locale, checked.error.issues.length) : checked.error.kind);
      await addStoredProfile(parsed.envelope);
      const name = await saveProfileFile(parsed.envelope);
      announce(name ? t('tender.form.saved', { name }) : t('tender.form.savedInApp'));
    } catch (error) {
      setSignError(t('tender.form.signFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setIsSigning(false);
    }
  }

  const valueNumber = parseLocaleNumber(values.valuePerPoint, locale);
  const exampleCents = valueNumber !== null && valueNumber >= 0 && hasAtMostTwoDecimals(valueNumber) && valueNumber <= 1e9 ? fictitiousDiscountCents(66.6, valueNumber) : null;

  return (
    <section className="panel" aria-labelledby="tender-author-title">
      <h2 id="tender-author-title">{t('tender.form.title')}</h2>
      <p className="muted">{t('tender.form.explain')}</p>
      {assessor === false && (
        <p className="notice warn">
          {t('tender.form.noAssessor')} <a href="#/settings">{t('tender.evaluate.toSettings')}</a>
        </p>
      )}
      {assessor && signingKey && (
        <p className="muted small">{t('profiles.signer', { name: assessor.role ? `${assessor.name} (${assessor.role})` : assessor.name, fingerprint: keyFingerprint(signingKey.key) })}</p>
      )}
      {assessor && signingKey === false && (
        <div>
          <p className="notice warn">{t('profiles.needsKey')}</p>
          <a className="button" href={routeHref({ name: 'settings' })}>
            {t('issue.toSettings')}
          </a>
        </div>
      )}
      {signingKey && isLegacyKey(signingKey) && <p className="notice warn">{t('profiles.legacyKey')}</p>}
      <form className="tender-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <Field label={t('tender.form.tenderName')} error={err(errors.fields.tenderName)} wide>
            {(id, describedBy) => (
              <input id={id} value={values.tenderName} maxLength={500} aria-invalid={!!errors.fields.tenderName || undefined} aria-describedby={describedBy} onChange={(e) => setField('tenderName', e.target.value)} />
            )}
          </Field>
          <Field label={t('tender.form.tenderReference')} hint={t('tender.form.tenderReferenceHint')} error={err(errors.fields.tenderReference)}>
            {(id, describedBy) => (
              <input id={id} value={values.tenderReference} maxLength={500} aria-invalid={!!errors.fields.tenderReference || undefined} aria-describedby={describedBy} onChange={(e) => setField('tenderReference', e.target.value)} />
            )}
          </Field>
          <Field label={t('tender.form.authority')} error={err(errors.fields.authority)}>
            {(id, describedBy) => (
              <input id={id} value={values.authority} maxLength={500} autoComplete="organization" aria-invalid={!!errors.fields.authority || undefined} aria-describedby={describedBy} onChange={(e) => setField('authority', e.target.value)} />
            )}
          </Field>
          <Field label={t('tender.form.method')} error={err(errors.fields.method)}>
            {(id, describedBy) => (
              <select id={id} value={values.method} aria-invalid={!!errors.fields.method || undefined} aria-describedby={describedBy} onChange={(e) => setValues((v) => withMethod(v, e.target.value))}>
                {releases.map((r) => (
                  <option key={methodKey(r)} value={methodKey(r)}>
                    {definitionForKey(methodKey(r))?.definition.title[locale] ?? r.id} {r.version}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('tender.form.minimumLabel')} error={err(errors.fields.minimumLabel)}>
            {(id, describedBy) => (
              <select id={id} value={values.minimumLabel} aria-invalid={!!errors.fields.minimumLabel || undefined} aria-describedby={describedBy} onChange={(e) => setField('minimumLabel', e.target.value)}>
                <option value="">{t('tender.form.noMinimumLabel')}</option>
                {definition?.labels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {t('tender.form.labelOption', { label: l.name[locale], total: l.minTotal, theme: l.minPerTheme })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        <fieldset className="tender-fieldset">
          <legend>{t('tender.form.themeMinimums')}</legend>
          <p className="field-hint">{t('tender.form.themeMinimumsHint')}</p>
          <div className="tender-theme-grid">
            {definition?.themes.map((th) => (
              <Field key={th.id} label={`${th.id}. ${th.title[locale]}`} error={err(errors.themes[th.id])}>
                {(id, describedBy) => (
                  <input
                    id={id}
                    inputMode="numeric"
                    className="tender-short-input"
                    value={values.themeMinimums[th.id] ?? ''}
                    maxLength={5}
                    aria-invalid={!!errors.themes[th.id] || undefined}
                    aria-describedby={describedBy}
                    onChange={(e) => setTheme(th.id, e.target.value)}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>

        <fieldset className="tender-fieldset">
          <legend>{t('tender.form.mustHaves')}</legend>
          <p className="field-hint">{t('tender.form.mustHavesHint')}</p>
          {values.mustHaves.length === 0 && <p className="muted">{t('tender.form.noMustHaves')}</p>}
          <ol className="tender-musthaves">
            {values.mustHaves.map((row, index) => {
              const q = definition?.questions.find((x) => x.id === row.question);
              const rowErrors = errors.mustHaves[row.key] ?? {};
              const n = index + 1;
              return (
                <li key={row.key} className="tender-musthave">
                  <Field label={t('tender.form.mustHaveQuestion', { n })} error={err(rowErrors.question)} id={`tender-musthave-${row.key}`}>
                    {(id, describedBy) => (
                      <select id={id} value={row.question} aria-invalid={!!rowErrors.question || undefined} aria-describedby={describedBy} onChange={(e) => setRow(row.key, { question: e.target.value })}>
                        <option value="">{t('tender.form.chooseQuestion')}</option>
                        {definition?.questions.map((x) => (
                          <option key={x.id} value={x.id}>
                            {x.id}. {x.title[locale]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={t('tender.form.mustHaveLevel', { n })} error={err(rowErrors.minLevel)}>
                    {(id, describedBy) => (
                      <select id={id} value={row.minLevel} disabled={!q} aria-invalid={!!rowErrors.minLevel || undefined} aria-describedby={describedBy} onChange={(e) => setRow(row.key, { minLevel: e.target.value })}>
                        <option value="">{t('tender.form.chooseLevel')}</option>
                        {q?.levels.map((l) => (
                          <option key={l.id} value={l.id}>
                            {t('tender.form.levelOption', { level: l.id, name: l.label[locale], points: l.points })}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <button type="button" className="button small danger tender-remove" onClick={() => removeRow(row.key)}>
                    {t('tender.form.removeMustHave')}
                    <span className="visually-hidden"> {t('tender.form.mustHaveN', { n })}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className="button" onClick={addRow}>
            {t('tender.form.addMustHave')}
          </button>
        </fieldset>

        <div className="form-grid">
          <Field label={t('tender.form.valuePerPoint')} hint={t('tender.form.valuePerPointHint')} error={err(errors.fields.valuePerPoint)}>
            {(id, describedBy) => (
              <input id={id} inputMode="decimal" value={values.valuePerPoint} maxLength={20} aria-invalid={!!errors.fields.valuePerPoint || undefined} aria-describedby={describedBy} onChange={(e) => setField('valuePerPoint', e.target.value)} />
            )}
          </Field>
          <div className="field wide tender-formula" aria-live="polite">
            <p className="small">{t('tender.form.formula')}</p>
            {exampleCents !== null && valueNumber !== null && (
              <p className="small">
                {t('tender.form.formulaExample', {
                  total: formatScore(locale, 66.6),
                  value: formatEuro(locale, valueNumber, !Number.isInteger(valueNumber)),
                  discount: formatEuro(locale, exampleCents / 100, exampleCents % 100 !== 0),
                })}
              </p>
            )}
          </div>
          <Field label={t('tender.form.notes')} error={err(errors.fields.notes)} wide>
            {(id, describedBy) => <textarea id={id} value={values.notes} maxLength={20_000} aria-invalid={!!errors.fields.notes || undefined} aria-describedby={describedBy} onChange={(e) => setField('notes', e.target.value)} />}
          </Field>
        </div>
        {signError && (
          <p className="notice error" role="alert">
            {signError}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={isSigning}>
            {t('tender.form.sign')}
          </button>
        </div>
      </form>
    </section>
  );
}
