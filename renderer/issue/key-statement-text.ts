/**
 * How a key statement (scoring/key-statements.ts) is worded wherever the user meets one: the
 * app's Settings → Trust and backup restore, and the standalone verifier (verifier/). Pure: no
 * React, no storage; each surface draws these texts in its own markup.
 */
import { keyTrustOf, type KeyStatementCheck, type VerifiedKeyStatement } from '../../scoring/key-statements';
import type { TrustAnchors } from '../../scoring/trust';
import { fieldErrorsText } from '../../report/input-strings';
import type { Locale, MessageKey, MessageParams } from '../i18n';

type T = (key: MessageKey, params?: MessageParams) => string;

/** The message of a key statement that is refused: its key and values (for surfaces that word it later, in the language chosen then). */
export function keyStatementProblemMessage(name: string, check: Extract<KeyStatementCheck, { ok: false }>, locale: Locale): { key: MessageKey; params: MessageParams } {
  // the fields that are wrong, worded in the user's language (report/input-strings.ts)
  const detail = check.problem === 'malformed' ? fieldErrorsText(check.errors ?? [], locale, 2) : (check.detail ?? '');
  return { key: `keyStatements.error.${check.problem}`, params: { name, detail } };
}

/** The one line for a key statement that is refused (a file, or one in a backup). */
export function keyStatementProblemText(t: T, name: string, check: Extract<KeyStatementCheck, { ok: false }>, locale: Locale): string {
  const m = keyStatementProblemMessage(name, check, locale);
  return t(m.key, m.params);
}

/** The holder a statement names: name and organisation. */
export function statementHolder(st: VerifiedKeyStatement): string {
  return [st.content.name, st.content.organisation].filter((x) => x.trim()).join(', ');
}

/** The statement in one line, as listed among what the user trusts. */
export function statementRowText(t: T, st: VerifiedKeyStatement, date: (iso: string) => string): string {
  const name = statementHolder(st);
  return st.kind === 'key-rotation'
    ? t('keyStatements.row.rotation', { name, old: st.oldFingerprint, new: st.newFingerprint, date: date(st.content.effectiveAt) })
    : t('keyStatements.row.revocation', { name, fingerprint: st.fingerprint, date: date(st.content.revokedAt), reason: t(`keyStatements.reason.${st.content.reason}`) });
}

/** What the confirmation of a statement shows: the key and its fingerprint, then detail lines (`strong`: a line to stress). */
export interface StatementConfirmation {
  title: string;
  intro: string;
  label: string;
  fingerprint: string;
  details: { text: string; strong?: boolean }[];
  confirmLabel: string;
  cancelLabel: string;
}

/**
 * The confirmation of a key statement: what it does (old → new key, holder, date; or the revoked
 * key, date, reason) and how the user trusts the key now (`anchors`, scoring `keyTrustOf`).
 */
export function statementConfirmation(t: T, st: VerifiedKeyStatement, anchors: TrustAnchors | undefined, date: (iso: string) => string): StatementConfirmation {
  const name = statementHolder(st);
  const note = st.content.note ? [{ text: t('keyStatements.confirm.note', { note: st.content.note }) }] : [];
  const cancelLabel = t('trust.confirm.cancel');
  if (st.kind === 'key-rotation') {
    const now = keyTrustOf(anchors, st.content.oldKey);
    const status = [...(now.own !== undefined ? [t('keyStatements.confirm.oldTrustedOwn', { label: now.own })] : []), ...now.lists.map((list) => t('keyStatements.confirm.oldOnList', { list }))];
    return {
      title: t('keyStatements.confirm.rotationTitle'),
      intro: t('keyStatements.confirm.rotationBody', { name, date: date(st.content.effectiveAt) }),
      label: t('keyStatements.confirm.newKey', { name }),
      fingerprint: st.newFingerprint,
      details: [
        { text: t('keyStatements.confirm.oldKey', { fingerprint: st.oldFingerprint }) },
        ...(status.length > 0 ? status.map((text) => ({ text })) : [{ text: t('keyStatements.confirm.oldNotTrusted'), strong: true }]),
        { text: t('keyStatements.confirm.effective', { date: date(st.content.effectiveAt), issuedAt: date(st.content.issuedAt) }) },
        ...note,
      ],
      confirmLabel: t('keyStatements.confirm.rotationConfirm'),
      cancelLabel,
    };
  }
  const now = keyTrustOf(anchors, st.content.key);
  const status = [...(now.own !== undefined ? [t('keyStatements.confirm.keyTrustedOwn', { label: now.own })] : []), ...now.lists.map((list) => t('keyStatements.confirm.oldOnList', { list }))];
  return {
    title: t('keyStatements.confirm.revocationTitle'),
    intro: t('keyStatements.confirm.revocationBody', { name, date: date(st.content.revokedAt) }),
    label: t('keyStatements.confirm.revokedKey', { name }),
    fingerprint: st.fingerprint,
    details: [
      { text: t('keyStatements.confirm.revokedAt', { date: date(st.content.revokedAt), reason: t(`keyStatements.reason.${st.content.reason}`) }) },
      ...(status.length > 0 ? status : [t('keyStatements.confirm.keyNotTrusted')]).map((text) => ({ text })),
      ...note,
    ],
    confirmLabel: t('keyStatements.confirm.revocationConfirm'),
    cancelLabel,
  };
}
