import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { keyFingerprint, type PublicJwk } from '../../scoring/keys';
import type { KeyStatementEnvelope } from '../../scoring/key-statements';
import { REVOCATION_REASONS, type RevocationReason } from '../../scoring/trust';
import { useLiveQuery } from '../db/live';
import type { SigningKeyRecord } from '../db/records';
import { formatDate } from '../i18n';
import type { MessageKey } from '../i18n/nl';
import type { AssessorProfile } from '../issue/assessor';
import { KeyBackupFailure, MIN_PASSPHRASE_LENGTH, readKeyBackup, type KeyBackupFile } from '../issue/key-backup';
import { retiredKeys, revokeKey, rotateKey, statementFile } from '../issue/key-lifecycle';
import { makePublicKeyFile, publicKeyFileText } from '../../scoring/key-file';
import { getSigningKey, isLegacyKey, newKeyWithBackup, restoreKeyFromBackup, type SaveBackup } from '../issue/signing';
import { platform } from '../platform';
import { useLocale, useT, useUi } from '../state/store';

type Mode = 'idle' | 'create' | 'restore' | 'rotate' | 'revoke';

/** Saves a file through the platform's save dialog; false when the user cancelled. */
const saveJson: SaveBackup = async ({ fileName, data }) => (await platform.saveFile({ suggestedName: fileName, mimeType: 'application/json', filters: [{ name: 'QuickScan', extensions: ['json'] }], data })).saved;

const fileBase = (name: string) => name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'assessor';

/**
 * The assessor's own signing key: create one (P-256) with its encrypted backup, restore it from
 * the backup on another device, move to a new key (rotation statement signed by the old key) or
 * revoke it (revocation statement). `profile`: the saved assessor profile (name and organisation
 * go into the backup and the statements).
 */
export function KeySettings({ profile }: { profile: AssessorProfile | null }) {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const key = useLiveQuery(() => getSigningKey().then((k) => k ?? false), [], null);
  const retired = useLiveQuery(() => retiredKeys(), [], []);
  const [mode, setMode] = useState<Mode>('idle');
  const [made, setMade] = useState<{ statement: KeyStatementEnvelope; newKey: PublicJwk | null } | null>(null);
  if (key === null) return <p aria-busy="true">{t('app.loading')}</p>;
  const owner = profile ? { name: profile.name, organisation: profile.organisation } : null;

  async function savePublicKey(jwk: PublicJwk) {
    const file = makePublicKeyFile(jwk, profile?.name ?? '', profile?.organisation ?? '');
    const result = await platform.saveFile({
      suggestedName: `${fileBase(profile?.name ?? '')}.public.json`,
      mimeType: 'application/json',
      filters: [{ name: 'QuickScan', extensions: ['json'] }],
      data: new TextEncoder().encode(publicKeyFileText(file)),
    });
    if (result.saved) announce(t('scan.exported', { name: result.fileName ?? '' }));
  }

  async function saveStatement(statement: KeyStatementEnvelope, subject: PublicJwk) {
    const file = statementFile(statement, { name: statement.content.name }, subject);
    const result = await platform.saveFile({ suggestedName: file.suggestedName, mimeType: 'application/json', filters: [{ name: 'QuickScan', extensions: ['json'] }], data: file.data });
    if (result.saved) announce(t('scan.exported', { name: result.fileName ?? '' }));
  }

  const subjectOf = (statement: KeyStatementEnvelope) => (statement.content.statement === 'key-rotation' ? statement.content.oldKey : statement.content.key);

  return (
    <div className="key-settings">
      <h3>{t('assessor.key')}</h3>
      {key ? (
        <>
          <dl className="key-facts">
            <dt>{t('assessor.fingerprint')}</dt>
            <dd>
              <code className="fingerprint">{keyFingerprint(key.key)}</code>
            </dd>
            <dt>{t('keys.type')}</dt>
            <dd>{t(isLegacyKey(key) ? 'keys.type.ed25519' : 'keys.type.p256')}</dd>
            <dt>{t('keys.created')}</dt>
            <dd>{formatDate(locale, key.createdAt, true)}</dd>
            <dt>{t('keys.backedUp')}</dt>
            <dd>{key.backedUpAt ? formatDate(locale, key.backedUpAt, true) : t('keys.backedUp.never')}</dd>
          </dl>
          {isLegacyKey(key) && (
            <p className="notice warn" role="note">
              {t('keys.legacy')}
            </p>
          )}
          <p className="muted small">{t('assessor.keyExplain')}</p>
        </>
      ) : (
        <p className="muted">{t('keys.none')}</p>
      )}

      {made && (
        <div className="notice" role="status">
          <p>{t(made.statement.content.statement === 'key-rotation' ? 'keys.rotate.done' : 'keys.revoke.done')}</p>
          <div className="button-row">
            <button type="button" className="button primary" onClick={() => void saveStatement(made.statement, subjectOf(made.statement))}>
              {t('keys.statement.save')}
            </button>
            {made.newKey && (
              <button type="button" className="button" onClick={() => void savePublicKey(made.newKey!)}>
                {t('keys.rotate.savePublicKey')}
              </button>
            )}
          </div>
        </div>
      )}

      {mode === 'idle' && (
        <div className="button-row">
          {key ? (
            <>
              <button type="button" className="button" onClick={() => void savePublicKey(key.key)}>
                {t('assessor.exportKey')}
              </button>
              <button type="button" className={isLegacyKey(key) ? 'button primary' : 'button'} onClick={() => setMode('rotate')}>
                {t('keys.rotate')}
              </button>
              <button type="button" className="button danger" onClick={() => setMode('revoke')}>
                {t('keys.revoke')}
              </button>
            </>
          ) : (
            <button type="button" className="button primary" onClick={() => setMode('create')}>
              {t('keys.create')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setMode('restore')}>
            {t('keys.restore')}
          </button>
        </div>
      )}

      {(mode === 'create' || mode === 'rotate') &&
        (owner ? (
          <PassphraseForm
            title={t(mode === 'create' ? 'keys.create' : 'keys.rotate')}
            explain={t(mode === 'create' ? 'keys.create.explain' : 'keys.rotate.explain')}
            submitLabel={t('keys.create.submit')}
            onCancel={() => setMode('idle')}
            onSubmit={async (passphrase) => {
              if (mode === 'create') {
                const record = await newKeyWithBackup(passphrase, owner, saveJson);
                if (!record) return t('keys.create.cancelled');
                announce(t('keys.create.done', { fingerprint: keyFingerprint(record.key) }));
              } else {
                if (!key) return t('keys.none');
                const rotated = await rotateKey(key, passphrase, owner, saveJson);
                if (!rotated) return t('keys.create.cancelled');
                setMade({ statement: rotated.statement, newKey: rotated.record.key });
                announce(t('keys.rotate.done'));
              }
              setMode('idle');
              return null;
            }}
          />
        ) : (
          <div className="notice warn">
            <p>{t('keys.needsProfile')}</p>
            <button type="button" className="button" onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        ))}

      {mode === 'restore' && (
        <RestoreForm
          onCancel={() => setMode('idle')}
          onRestored={(record) => {
            announce(t('keys.restore.done', { fingerprint: keyFingerprint(record.key) }));
            setMode('idle');
          }}
        />
      )}

      {mode === 'revoke' && key && (
        <RevokeForm
          keyRecord={key}
          owner={owner}
          onCancel={() => setMode('idle')}
          onRevoked={(statement) => {
            setMade({ statement, newKey: null });
            announce(t('keys.revoke.done'));
            setMode('idle');
          }}
        />
      )}

      {retired.length > 0 && (
        <>
          <h4>{t('keys.retired.title')}</h4>
          <ul className="retired-keys">
            {retired.map(({ record, statement }) => (
              <li key={record.fingerprint}>
                <code className="fingerprint">{record.fingerprint}</code> · {t(record.reason === 'rotated' ? 'keys.retired.rotated' : 'keys.retired.revoked', { date: formatDate(locale, record.retiredAt, true) })}
                {statement ? (
                  <button type="button" className="button small" onClick={() => void saveStatement(record.statement as KeyStatementEnvelope, record.key)}>
                    {t('keys.statement.save')}
                    <span className="visually-hidden"> {record.fingerprint}</span>
                  </button>
                ) : (
                  <span className="field-error"> {t('keys.retired.unreadable')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * The frame every key form shares: title (also its name), intro, the fields, the one error
 * line (`role="alert"`) and the buttons (submit, when given, and Cancel).
 */
function KeyForm({
  title,
  intro,
  error,
  errorId,
  submit,
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  intro: ReactNode;
  error: string | null;
  errorId: string;
  submit?: { label: string; className: string; disabled: boolean } | undefined;
  busy: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <form
      className="key-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h4>{title}</h4>
      {intro}
      {children}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        {submit && (
          <button type="submit" className={submit.className} disabled={submit.disabled} aria-busy={busy || undefined}>
            {submit.label}
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One passphrase field: a new one (`new-password`, with its hint) or the one of a backup (`current-password`). */
function PassphraseField({
  id,
  label,
  autoComplete,
  value,
  invalid,
  describedBy,
  hint,
  inputRef,
  onChange,
}: {
  id: string;
  label: string;
  autoComplete: 'new-password' | 'current-password';
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  hint?: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange(value: string): void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input ref={inputRef} id={id} type="password" autoComplete={autoComplete} value={value} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      {hint !== undefined && (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A form's one task at a time: `busy` while it runs; `failed` words what went wrong (nothing stored changed). */
function useFormTask(): { busy: boolean; run(task: () => Promise<void>, failed: (error: unknown) => void): Promise<void> } {
  const [busy, setBusy] = useState(false);
  return {
    busy,
    async run(task, failed) {
      setBusy(true);
      try {
        await task();
      } catch (e) {
        failed(e);
      } finally {
        setBusy(false);
      }
    },
  };
}

/** What a key task that failed for another reason says. */
const failedText = (t: ReturnType<typeof useT>, e: unknown) => t('keys.failed', { reason: e instanceof Error ? e.message : String(e) });

/**
 * Two passphrase fields (at least MIN_PASSPHRASE_LENGTH characters, the same twice). `onSubmit`
 * resolves null when done, or a message to show (nothing stored changed).
 */
function PassphraseForm({ title, explain, submitLabel, onSubmit, onCancel }: { title: string; explain: string; submitLabel: string; onSubmit(passphrase: string): Promise<string | null>; onCancel(): void }) {
  const t = useT();
  const ids = { first: useId(), second: useId(), error: useId() };
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<{ field: 'first' | 'second' | null; text: string } | null>(null);
  const task = useFormTask();
  const firstRef = useRef<HTMLInputElement>(null);
  const secondRef = useRef<HTMLInputElement>(null);

  async function submit() {
    if (first.length < MIN_PASSPHRASE_LENGTH) {
      setError({ field: 'first', text: t('keys.passphrase.tooShort', { min: MIN_PASSPHRASE_LENGTH }) });
      firstRef.current?.focus();
      return;
    }
    if (first !== second) {
      setError({ field: 'second', text: t('keys.passphrase.differs') });
      secondRef.current?.focus();
      return;
    }
    setError(null);
    await task.run(
      async () => {
        const message = await onSubmit(first);
        if (message) setError({ field: null, text: message });
      },
      (e) => setError({ field: null, text: failedText(t, e) }),
    );
  }

  return (
    <KeyForm
      title={title}
      intro={<p>{explain}</p>}
      error={error?.text ?? null}
      errorId={ids.error}
      submit={{ label: submitLabel, className: 'button primary', disabled: task.busy }}
      busy={task.busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <PassphraseField
          id={ids.first}
          label={t('keys.passphrase')}
          autoComplete="new-password"
          value={first}
          invalid={error?.field === 'first'}
          describedBy={error?.field === 'first' ? ids.error : `${ids.first}-hint`}
          hint={t('keys.passphrase.hint', { min: MIN_PASSPHRASE_LENGTH })}
          inputRef={firstRef}
          onChange={setFirst}
        />
        <PassphraseField
          id={ids.second}
          label={t('keys.passphrase.repeat')}
          autoComplete="new-password"
          value={second}
          invalid={error?.field === 'second'}
          describedBy={error?.field === 'second' ? ids.error : undefined}
          inputRef={secondRef}
          onChange={setSecond}
        />
      </div>
    </KeyForm>
  );
}

const BACKUP_ERRORS: Record<KeyBackupFailure['code'], MessageKey> = {
  damaged: 'keys.backupError.damaged',
  'not-backup': 'keys.backupError.not-backup',
  'unknown-key-type': 'keys.backupError.unknown-key-type',
  'wrong-passphrase': 'keys.backupError.wrong-passphrase',
  'newer-version': 'keys.backupError.newer-version',
};

/** Restore from a backup file: choose the file, see whose key it is, give its passphrase. */
function RestoreForm({ onRestored, onCancel }: { onRestored(record: SigningKeyRecord): void; onCancel(): void }) {
  const t = useT();
  const locale = useLocale();
  const ids = { passphrase: useId(), error: useId() };
  const [file, setFile] = useState<{ name: string; backup: KeyBackupFile } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const task = useFormTask();
  const passphraseRef = useRef<HTMLInputElement>(null);

  async function choose() {
    setError(null);
    const [picked] = await platform.openFiles({ filters: [{ name: 'QuickScan', extensions: ['json'] }], multiple: false });
    if (!picked) return;
    try {
      setFile({ name: picked.name, backup: readKeyBackup(picked.data) });
      setPassphrase('');
      requestAnimationFrame(() => passphraseRef.current?.focus());
    } catch (e) {
      setFile(null);
      setError(t(e instanceof KeyBackupFailure ? BACKUP_ERRORS[e.code] : 'keys.backupError.damaged', { name: picked.name }));
    }
  }

  async function restore() {
    if (!file) return;
    setError(null);
    await task.run(
      async () => {
        const result = await restoreKeyFromBackup(file.backup, passphrase);
        if ('restored' in result) onRestored(result.restored);
        else if ('otherKey' in result) setError(t('keys.restore.otherKey', { fingerprint: result.otherKey }));
        else setError(t(result.retired === 'revoked' ? 'keys.restore.revoked' : 'keys.restore.rotated'));
      },
      (e) => {
        setError(t(e instanceof KeyBackupFailure ? BACKUP_ERRORS[e.code] : 'keys.backupError.damaged', { name: file.name }));
        if (e instanceof KeyBackupFailure && e.code === 'wrong-passphrase') passphraseRef.current?.focus();
      },
    );
  }

  return (
    <KeyForm
      title={t('keys.restore')}
      intro={<p>{t('keys.restore.explain')}</p>}
      error={error}
      errorId={ids.error}
      submit={file ? { label: t('keys.restore.submit'), className: 'button primary', disabled: task.busy || passphrase.length === 0 } : undefined}
      busy={task.busy}
      onSubmit={() => void restore()}
      onCancel={onCancel}
    >
      <div className="button-row">
        <button type="button" className="button" onClick={() => void choose()}>
          {t('keys.restore.choose')}
        </button>
      </div>
      {file && (
        <>
          <p>
            {t('keys.restore.whose', { name: file.backup.name || '–', organisation: file.backup.organisation || '–', date: file.backup.createdAt ? formatDate(locale, file.backup.createdAt) : '–' })}{' '}
            <code className="fingerprint">{file.backup.fingerprint}</code>
          </p>
          <PassphraseField
            id={ids.passphrase}
            label={t('keys.passphrase')}
            autoComplete="current-password"
            value={passphrase}
            invalid={!!error}
            describedBy={error ? ids.error : undefined}
            inputRef={passphraseRef}
            onChange={setPassphrase}
          />
        </>
      )}
    </KeyForm>
  );
}

/** Today as YYYY-MM-DD in local time. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Revoke the key: from when (today: from now; an earlier day: from its start) and why, then confirm. */
function RevokeForm({ keyRecord, owner, onRevoked, onCancel }: { keyRecord: SigningKeyRecord; owner: { name: string; organisation: string } | null; onRevoked(statement: KeyStatementEnvelope): void; onCancel(): void }) {
  const t = useT();
  const ids = { date: useId(), reason: useId(), note: useId(), error: useId() };
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState<RevocationReason>('key-compromise');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const task = useFormTask();
  const dateRef = useRef<HTMLInputElement>(null);

  async function revoke() {
    if (!owner) return setError(t('keys.needsProfile'));
    const now = new Date();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today() || date < keyRecord.createdAt.slice(0, 10)) {
      setError(t('keys.revoke.badDate'));
      dateRef.current?.focus();
      return;
    }
    const revokedAt = date === today() ? now.toISOString() : new Date(`${date}T00:00:00`).toISOString();
    setError(null);
    await task.run(
      async () => onRevoked(await revokeKey(keyRecord, { revokedAt, reason, note }, owner)),
      (e) => setError(failedText(t, e)),
    );
  }

  return (
    <KeyForm
      title={t('keys.revoke')}
      intro={<p className="notice warn">{t('keys.revoke.explain', { fingerprint: keyFingerprint(keyRecord.key) })}</p>}
      error={error}
      errorId={ids.error}
      submit={{ label: t('keys.revoke.submit'), className: 'button danger', disabled: task.busy }}
      busy={task.busy}
      onSubmit={() => void revoke()}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.date}>{t('keys.revoke.date')}</label>
          <input ref={dateRef} id={ids.date} type="date" value={date} max={today()} aria-invalid={!!error || undefined} aria-describedby={error ? ids.error : undefined} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.reason}>{t('keys.revoke.reason')}</label>
          <select id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value as RevocationReason)}>
            {REVOCATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`keys.reason.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field wide">
          <label htmlFor={ids.note}>{t('keys.revoke.note')}</label>
          <textarea id={ids.note} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </div>
      </div>
    </KeyForm>
  );
}
