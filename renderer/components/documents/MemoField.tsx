/** A memo: a text area saved (as one undoable action) when it loses the focus, or on Escape. */
import { useState } from 'react';
import { useT } from '../../i18n/i18n';

/** A memo's text area, labelled by `label` (its visible caption and its accessible name). */
export function MemoField(props: { value: string; label: string; onSave: (memo: string) => Promise<unknown> }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="field memo-field">
      <span>{props.label}</span>
      <textarea
        rows={3}
        value={draft ?? props.value}
        placeholder={t('documents.memo.placeholder')}
        aria-label={props.label}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={async () => {
          if (draft !== null && draft !== props.value) await props.onSave(draft);
          setDraft(null);
        }}
      />
    </label>
  );
}
