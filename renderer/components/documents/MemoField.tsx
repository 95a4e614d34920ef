/** A memo: a text area saved (as one undoable action) when it loses the focus, or on Escape. */
import { useState } from 'react';

export function MemoField(props: { value: string; label: string; onSave: (memo: string) => Promise<unknown> }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="field memo-field">
      <span>{props.label}</span>
      <textarea
        rows={3}
        value={draft ?? props.value}
        placeholder="Write a memo…"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={async () => {
          if (draft !== null && draft !== props.value) await props.onSave(draft);
          setDraft(null);
        }}
      />
    </label>
  );
}
