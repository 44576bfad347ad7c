import { useId, type ReactNode } from 'react';

/**
 * A labelled form field with its hint and error message tied to the control by
 * aria-describedby. `children` renders the control with the id and description it must use.
 */
export function Field({
  label,
  error,
  hint,
  wide,
  id: fixedId,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  wide?: boolean;
  id?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const generated = useId();
  const id = fixedId ?? generated;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
