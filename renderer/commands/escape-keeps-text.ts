/**
 * Escape in a text field keeps what was typed. Every field of the workbench saves its text when
 * it loses the focus (a memo, a code's name or codebook entry, a variable's value, a document's
 * title); Escape leaves the field the same way, so it saves too, and then goes on to close
 * whatever the field sits in (a segment's details, the codebook, the search). One rule for the
 * whole page, so that a new field cannot forget it.
 */

/** Input types whose text is typed (a checkbox or a colour is changed at once, not typed). */
const TYPED = new Set(['text', 'search', 'number', 'date', 'email', 'url', 'tel', '']);

function isTypedField(element: EventTarget | null): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && TYPED.has(element.type);
}

/**
 * Installs the rule on the window: on Escape, the field under the focus loses it first (and so
 * saves), before any handler of the page sees the key. When the key's handlers leave the focus
 * nowhere, it goes back to the field if it is still there (a dialog that stays open keeps it), or
 * else to `fallback` (the text). Returns the uninstaller.
 */
export function installEscapeKeepsText(fallback: () => boolean): () => void {
  const onKey = (event: KeyboardEvent) => {
    const field = event.target;
    if (event.key !== 'Escape' || event.isComposing || !isTypedField(field)) return;
    field.blur();
    // The handlers that close panels run after this one (and React redraws after them).
    setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      if (field.isConnected) field.focus();
      else fallback();
    });
  };
  window.addEventListener('keydown', onKey, { capture: true });
  return () => window.removeEventListener('keydown', onKey, { capture: true });
}
