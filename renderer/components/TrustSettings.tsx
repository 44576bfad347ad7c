import { useLiveQuery } from '../db/live';
import { useEffect, useId, useState } from 'react';
import { statementSubjectKey, verifyKeyStatement, type VerifiedKeyStatement } from '../../scoring/key-statements';
import { readTrustedKeysList, type TrustedKeyEntry } from '../../scoring/key-file';
import { keyFingerprint } from '../../scoring/keys';
import { verifyTrustList, type TrustAnchors, type TrustListContent, type TrustListProblem } from '../../scoring/trust';
import { addTrustAnchors, getKeyStatement, getTrustList, putKeyStatement, putTrustList, removeKeyStatement, removeTrustAnchor, removeTrustList } from '../db/trust';
import { formatDate, type MessageKey, type MessageParams } from '../i18n';
import { fieldErrorsText } from '../../report/input-strings';
import { loadTrust } from '../issue/anchors';
import { registerOpenedFileHandler } from '../app/opened-files';
import { platform, type OpenedFile } from '../platform';
import { useLocale, useT, useUi } from '../state/store';
import { TrustConfirm } from './TrustConfirm';
import { keyStatementProblemText, statementConfirmation, statementHolder, statementRowText } from '../issue/key-statement-text';
import { jsonOfBytes } from '../../scoring/json-bytes';

type T = (key: MessageKey, params?: MessageParams) => string;

const operatorName = (c: Pick<TrustListContent, 'operator'>) => [c.operator.name, c.operator.organisation].filter((s) => s.trim()).join(', ');

/** The message for a trust list that cannot be used. */
export function trustListProblemText(t: T, name: string, problem: TrustListProblem, detail = ''): string {
  return problem === 'malformed' ? t('trust.lists.error.malformed', { name, detail }) : t(`trust.lists.error.${problem}`, { name });
}

/** Files the desktop opened (a trust list, a key statement, a public key file) wait here until the trust settings take them, each to its own confirmation. */
const openedQueue: { kind: 'trust-list' | 'key-statement' | 'public-key'; file: OpenedFile }[] = [];
const openedListeners = new Set<() => void>();
for (const kind of ['trust-list', 'key-statement', 'public-key'] as const) {
  registerOpenedFileHandler(kind, (file) => {
    openedQueue.push({ kind, file });
    for (const listener of openedListeners) listener();
  });
}

interface PendingStatement {
  fileName: string;
  document: unknown;
  statement: VerifiedKeyStatement;
}

interface PendingList {
  fileName: string;
  document: unknown;
  content: TrustListContent;
  operatorFingerprint: string;
  expired: boolean;
  replaces: number | null;
  knownOperator: boolean;
}


/** Settings → Trust: the keys the user trusts and the trust lists loaded; each addition confirmed on its own screen. */
export function TrustSettings() {
  const t = useT();
  const locale = useLocale();
  const announce = useUi((s) => s.announce);
  const titleId = useId();
  const keysId = useId();
  const listsId = useId();
  const statementsId = useId();
  const trust = useLiveQuery(() => loadTrust(), [], null);
  const [pendingKeys, setPendingKeys] = useState<{ fileName: string; keys: TrustedKeyEntry[] } | null>(null);
  const [pendingList, setPendingList] = useState<PendingList | null>(null);
  const [pendingStatement, setPendingStatement] = useState<PendingStatement | null>(null);


  async function pickKeyFiles() {
    const files = await platform.openFiles({ filters: [{ name: 'QuickScan', extensions: ['json'] }], multiple: false });
    const file = files[0];
    if (file) takeKeyFile(file);
  }

  function takeKeyFile(file: OpenedFile) {
    // a public key file (the app's or `quickscan key new`'s, any version) or a list as --trusted-keys takes
    const keys = readTrustedKeysList(file.data);
    if (!keys) return announce(t('trust.keys.invalid', { name: file.name }), 'error');
    const known = new Set((trust?.records ?? []).filter((r) => r.uses.includes('signer')).map((r) => r.fingerprint));
    const fresh = keys.filter((k, i) => !known.has(keyFingerprint(k.key)) && keys.findIndex((o) => keyFingerprint(o.key) === keyFingerprint(k.key)) === i);
    if (fresh.length === 0) return announce(t('trust.keys.alreadyTrusted', { name: file.name }));
    setPendingList(null);
    setPendingStatement(null);
    setPendingKeys({ fileName: file.name, keys: fresh });
  }

  async function confirmKeys() {
    if (!pendingKeys) return;
    const { keys } = pendingKeys;
    setPendingKeys(null);
    await addTrustAnchors(keys);
    announce(t('trust.keys.added', { labels: keys.map((k) => `${k.label} (${keyFingerprint(k.key)})`).join('; ') }));
  }

  async function pickTrustList() {
    const files = await platform.openFiles({ filters: [{ name: 'QuickScan', extensions: ['json'] }], multiple: false });
    const file = files[0];
    if (file) await takeTrustList(file);
  }

  async function takeTrustList(file: OpenedFile) {
    const json = jsonOfBytes(file.data);
    if (!json.ok) return announce(t('trust.lists.error.notJson', { name: file.name }), 'error');
    const check = verifyTrustList(json.value, { now: new Date() });
    if (!check.ok) {
      const detail = fieldErrorsText(check.errors ?? [], locale, 2);
      return announce(trustListProblemText(t, file.name, check.problem, detail), 'error');
    }
    const c = check.list.content;
    const stored = await getTrustList(c.listId);
    const storedCheck = stored ? verifyTrustList(stored.document, { now: new Date() }) : null;
    const storedSequence = storedCheck?.ok ? storedCheck.list.content.sequence : null;
    if (storedSequence !== null && storedSequence > c.sequence) return announce(t('trust.lists.error.older', { name: c.name, sequence: c.sequence, stored: storedSequence }), 'error');
    if (storedSequence === c.sequence && storedCheck?.ok && storedCheck.list.contentHash === check.list.contentHash) return announce(t('trust.lists.error.same', { name: c.name, sequence: c.sequence }));
    const knownOperator = (trust?.records ?? []).some((r) => r.fingerprint === check.list.operatorFingerprint && r.uses.includes('operator'));
    setPendingKeys(null);
    setPendingStatement(null);
    setPendingList({ fileName: file.name, document: json.value, content: c, operatorFingerprint: check.list.operatorFingerprint, expired: check.expired, replaces: storedSequence, knownOperator });
  }

  async function confirmList() {
    if (!pendingList) return;
    const { content, document } = pendingList;
    setPendingList(null);
    await putTrustList({ id: content.listId, document }, { key: content.operator.key, label: operatorName(content) });
    announce(t('trust.lists.added', { name: content.name, sequence: content.sequence }));
  }

  async function pickKeyStatement() {
    const files = await platform.openFiles({ filters: [{ name: 'QuickScan', extensions: ['json'] }], multiple: false });
    const file = files[0];
    if (file) await takeKeyStatement(file);
  }

  /** Checks a key statement file and shows what it would do; nothing changes before the user confirms. */
  async function takeKeyStatement(file: OpenedFile) {
    const check = verifyKeyStatement(file.data);
    if (!check.ok) return announce(keyStatementProblemText(t, file.name, check, locale), 'error');
    if (await getKeyStatement(check.statement.contentHash)) return announce(t('keyStatements.already'));
    const json = jsonOfBytes(file.data);
    if (!json.ok) return announce(t('keyStatements.error.not-json', { name: file.name, detail: '' }), 'error');
    setPendingKeys(null);
    setPendingList(null);
    setPendingStatement({ fileName: file.name, document: json.value, statement: check.statement });
  }

  async function confirmStatement() {
    if (!pendingStatement) return;
    const { statement: st, document } = pendingStatement;
    setPendingStatement(null);
    await putKeyStatement({ id: st.contentHash, kind: st.kind, subjectFingerprint: keyFingerprint(statementSubjectKey(st)), document });
    if (st.kind === 'key-rotation') announce(t('keyStatements.applied.rotation', { old: st.oldFingerprint, new: st.newFingerprint, date: date(st.content.effectiveAt) }));
    else announce(t('keyStatements.applied.revocation', { fingerprint: st.fingerprint, date: date(st.content.revokedAt) }));
  }

  const cancelStatement = () => {
    setPendingStatement(null);
    announce(t('keyStatements.cancelled'));
  };

  const cancel = () => {
    setPendingKeys(null);
    setPendingList(null);
    announce(t('trust.confirm.cancelled'));
  };

  // files the desktop opened ("Open with", double-click): each to its own confirmation
  useEffect(() => {
    const drain = () => {
      for (let next = openedQueue.shift(); next; next = openedQueue.shift()) {
        if (next.kind === 'trust-list') void takeTrustList(next.file);
        else if (next.kind === 'public-key') takeKeyFile(next.file);
        else void takeKeyStatement(next.file);
      }
    };
    openedListeners.add(drain);
    drain();
    return () => void openedListeners.delete(drain);
  });

  const date = (iso: string) => formatDate(locale, iso);

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('trust.title')}</h2>
      <p className="muted">{t('trust.explain')}</p>

      <h3 id={keysId}>{t('trust.keys.title')}</h3>
      {trust === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : trust.records.length === 0 ? (
        <p>{t('trust.keys.none')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby={keysId}>
          {trust.records.map((r) => (
            <li key={r.fingerprint} className="trash-item">
              <span>
                <strong>{r.label}</strong> · <code className="fingerprint">{r.fingerprint}</code>
                <span className="muted small">
                  {' '}
                  · {r.uses.map((u) => t(u === 'signer' ? 'trust.keys.useSigner' : 'trust.keys.useOperator')).join(', ')} · {t('trust.keys.added.on', { date: date(r.addedAt) })}
                </span>
              </span>
              <button
                type="button"
                className="button small danger"
                onClick={() => void removeTrustAnchor(r.fingerprint).then(() => announce(t('trust.keys.removed', { label: r.label })))}
              >
                {t('trust.keys.remove')}
                <span className="visually-hidden">: {r.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={() => void pickKeyFiles()}>
        {t('trust.keys.import')}
      </button>
      {pendingKeys && (
        <TrustConfirm
          title={t('trust.confirm.keysTitle')}
          intro={t('trust.confirm.keysBody')}
          items={pendingKeys.keys.map((k) => ({ id: keyFingerprint(k.key), label: k.label, fingerprint: keyFingerprint(k.key) }))}
          confirmLabel={t('trust.confirm.add')}
          cancelLabel={t('trust.confirm.cancel')}
          onConfirm={() => void confirmKeys()}
          onCancel={cancel}
        />
      )}

      <h3 id={listsId}>{t('trust.lists.title')}</h3>
      <p className="muted small">{t('trust.lists.explain')}</p>
      {trust && trust.lists.length === 0 && <p>{t('trust.lists.none')}</p>}
      {trust && trust.lists.length > 0 && (
        <ul className="plain-list" aria-labelledby={listsId}>
          {trust.lists.map(({ record, check }) => {
            const content = check.ok ? check.list.content : check.content;
            const name = content?.name ?? record.id;
            return (
              <li key={record.id} className="trash-item">
                <span>
                  <strong>{name}</strong>
                  {content && (
                    <span className="muted small">
                      {' '}
                      · {t('trust.lists.row', { sequence: content.sequence, operator: operatorName(content), entries: content.entries.length, validUntil: date(content.validUntil) })}
                    </span>
                  )}
                  {check.ok && check.expired && <span className="notice warn small">{t('trust.lists.expired')}</span>}
                  {!check.ok && <span className="notice warn small">{t('trust.lists.unusable', { reason: trustListProblemText(t, name, check.problem) })}</span>}
                </span>
                <button type="button" className="button small danger" onClick={() => void removeTrustList(record.id).then(() => announce(t('trust.lists.removed', { name })))}>
                  {t('trust.lists.remove')}
                  <span className="visually-hidden">: {name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button" onClick={() => void pickTrustList()}>
        {t('trust.lists.import')}
      </button>
      {pendingList && (
        <TrustConfirm
          title={t('trust.lists.confirmTitle')}
          intro={t('trust.lists.confirmCheck')}
          items={[
            {
              id: pendingList.content.listId,
              label: t('trust.lists.confirmName', { name: pendingList.content.name, sequence: pendingList.content.sequence }),
              fingerprint: pendingList.operatorFingerprint,
              details: [
                t('trust.lists.confirmOperator', { operator: operatorName(pendingList.content) }),
                t('trust.lists.confirmEntries', {
                  entries: pendingList.content.entries.length,
                  revocations: pendingList.content.revocations.length,
                  issuedAt: date(pendingList.content.issuedAt),
                  validUntil: date(pendingList.content.validUntil),
                }),
                ...(pendingList.knownOperator ? [t('trust.lists.confirmKnownOperator')] : []),
                ...(pendingList.replaces !== null ? [t('trust.lists.confirmReplaces', { sequence: pendingList.replaces })] : []),
                ...(pendingList.expired ? [<strong key="expired">{t('trust.lists.confirmExpired')}</strong>] : []),
              ],
            },
          ]}
          confirmLabel={t('trust.lists.add')}
          cancelLabel={t('trust.confirm.cancel')}
          onConfirm={() => void confirmList()}
          onCancel={cancel}
        />
      )}
      <h3 id={statementsId}>{t('keyStatements.title')}</h3>
      <p className="muted small">{t('keyStatements.explain')}</p>
      {trust && trust.statements.length === 0 && <p>{t('keyStatements.none')}</p>}
      {trust && trust.statements.length > 0 && (
        <ul className="plain-list" aria-labelledby={statementsId}>
          {trust.statements.map(({ record, check }) => {
            const st = check.ok ? check.statement : null;
            const name = st ? statementHolder(st) : record.subjectFingerprint;
            return (
              <li key={record.id} className="trash-item" data-statement={record.kind}>
                <span>
                  {st && <strong>{statementRowText(t, st, date)}</strong>}
                  {!st && <strong>{record.subjectFingerprint}</strong>}
                  <span className="muted small"> · {t('keyStatements.row.confirmed', { date: date(record.confirmedAt) })}</span>
                  {!st && <span className="notice warn small">{t('keyStatements.row.unusable')}</span>}
                </span>
                <button type="button" className="button small danger" onClick={() => void removeKeyStatement(record.id).then(() => announce(t('keyStatements.removed', { name })))}>
                  {t('keyStatements.remove')}
                  <span className="visually-hidden">: {name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button" onClick={() => void pickKeyStatement()}>
        {t('keyStatements.import')}
      </button>
      {pendingStatement && <StatementConfirm pending={pendingStatement} anchors={trust?.anchors} onConfirm={() => void confirmStatement()} onCancel={cancelStatement} />}
    </section>
  );
}

/** The confirmation of a key statement: what it does (old → new key, holder, date; or the revoked key, date, reason) and how the user trusts the key now. */
function StatementConfirm({ pending, anchors, onConfirm, onCancel }: { pending: PendingStatement; anchors: TrustAnchors | undefined; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  const locale = useLocale();
  const c = statementConfirmation(t, pending.statement, anchors, (iso) => formatDate(locale, iso));
  return (
    <TrustConfirm
      title={c.title}
      intro={c.intro}
      items={[{ id: pending.statement.contentHash, label: c.label, fingerprint: c.fingerprint, details: c.details.map((d, i) => (d.strong ? <strong key={i}>{d.text}</strong> : d.text)) }]}
      confirmLabel={c.confirmLabel}
      cancelLabel={c.cancelLabel}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
