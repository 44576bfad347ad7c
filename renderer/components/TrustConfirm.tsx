import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../state/store';

/** One thing the user is asked to trust: what it is, and the fingerprint to compare. */
export interface TrustItem {
  id: string;
  label: string;
  fingerprint: string;
  /** Further lines (operator, entries, validity, a warning). */
  details?: ReactNode[];
}

/**
 * The one confirmation screen before anything is added to what the user trusts: each item named
 * with its label and fingerprint. With `selectable`, each has its own checkbox (none ticked at
 * first) and only the ticked ones are confirmed. In the page (not a browser dialog), focused
 * when shown.
 */
export function TrustConfirm({
  title,
  intro,
  items,
  selectable = false,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  intro: ReactNode;
  items: readonly TrustItem[];
  selectable?: boolean;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(ids: string[]): void;
  onCancel(): void;
}) {
  const t = useT();
  const titleId = useId();
  const bodyId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [hint, setHint] = useState(false);
  useEffect(() => ref.current?.focus(), []);
  const confirm = () => {
    if (!selectable) return onConfirm(items.map((i) => i.id));
    if (chosen.size === 0) return setHint(true);
    onConfirm(items.filter((i) => chosen.has(i.id)).map((i) => i.id));
  };
  return (
    <div ref={ref} className="notice warn trust-confirm" role="alertdialog" aria-labelledby={titleId} aria-describedby={bodyId} tabIndex={-1}>
      <h3 id={titleId}>{title}</h3>
      <div id={bodyId}>{typeof intro === 'string' ? <p>{intro}</p> : intro}</div>
      <ul className="plain-list trust-items">
        {items.map((item) => {
          const body = (
            <span>
              <strong>{item.label}</strong>
              <br />
              {t('trust.fingerprint')}: <code className="fingerprint">{item.fingerprint}</code>
              {item.details?.map((d, i) => (
                <span key={i} className="small trust-detail">
                  <br />
                  {d}
                </span>
              ))}
            </span>
          );
          return (
            <li key={item.id} className="trust-item" data-fingerprint={item.fingerprint}>
              {selectable ? (
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.has(item.id)}
                    onChange={(e) => {
                      setHint(false);
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(item.id);
                      else next.delete(item.id);
                      setChosen(next);
                    }}
                  />
                  {body}
                </label>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ul>
      {hint && (
        <p className="field-error" role="alert">
          {t('trust.offer.nothingChosen')}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button primary" onClick={confirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
