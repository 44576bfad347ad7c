import { useEffect, useId, useRef, useState } from 'react';
import { answerChanges, useScanEditor } from '../state/scan-editor';
import { useT } from '../state/store';

/** A note per answer, saved on every keystroke; typing is one undo step per question. */
export function NoteField({ questionId, value, label }: { questionId: string; value: string; label?: string }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value);
  const isTyping = useRef(false);

  // Follow the stored value (undo, redo, another window) unless the user is typing here.
  useEffect(() => {
    if (!isTyping.current) setText(value);
  }, [value]);

  return (
    <div className="field note-field">
      <label htmlFor={id}>{label ?? t('scan.note')}</label>
      <textarea
        id={id}
        value={text}
        maxLength={5000}
        rows={2}
        onFocus={() => {
          isTyping.current = true;
        }}
        onBlur={() => {
          isTyping.current = false;
        }}
        onChange={(e) => {
          setText(e.target.value);
          void useScanEditor.getState().change(answerChanges.setNote(questionId, e.target.value), { coalesceKey: `note:${questionId}` });
        }}
      />
    </div>
  );
}
