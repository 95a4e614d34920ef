/**
 * What the page shows that asks nothing of the main process: the message bar, notices, the
 * details of segments at a place of the text, the coder dialog, the word-snapping preference.
 */
import { getState, update, writePreference } from '../store';
import { withMessage, withNoticeDismissed } from '../store/messages';

export function showMessage(kind: 'info' | 'error', text: string): void {
  update(withMessage(kind, text));
}

export function dismissMessage(): void {
  if (getState().message) update({ message: null });
}

export function dismissNotice(notice: string): void {
  update((current) => withNoticeDismissed(current, notice));
}

/** Shows the details of the segments at a place of the text; from the keyboard, they take the focus. */
export function openPopover(segmentIds: string[], anchor: number, takeFocus: boolean): void {
  update({ popover: segmentIds.length ? { segmentIds, anchor, takeFocus } : null });
}

export function closePopover(): void {
  if (getState().popover) update({ popover: null });
}

export function setSnapWords(value: boolean): void {
  writePreference('snap-words', value);
  update({ snapWords: value });
}

/** Opens or closes the dialog that asks who is coding. */
export function showCoderDialog(open: boolean): void {
  update({ coderDialog: open });
}

/** The document Undo brought back has taken the focus in the list. */
export function documentFocused(): void {
  update({ focusDocument: null });
}
