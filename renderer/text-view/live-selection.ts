/**
 * The page's selection in the text view as ProseMirror positions, read now. ProseMirror takes a
 * new selection over on the next selectionchange event; a key pressed right after a selection
 * was extended can come first, so whoever needs the selection at once reads it here.
 */
import type { EditorView } from 'prosemirror-view';

export function liveSelection(view: EditorView): { anchor: number; head: number } | null {
  if (!view.hasFocus()) return null;
  const selection = (view.root as Document & { getSelection(): Selection | null }).getSelection();
  if (!selection?.anchorNode || !selection.focusNode) return null;
  try {
    return {
      anchor: view.posAtDOM(selection.anchorNode, selection.anchorOffset),
      head: view.posAtDOM(selection.focusNode, selection.focusOffset),
    };
  } catch {
    return null; // a selection outside the text
  }
}

/** Where the caret is: the page's selection if it is newer, else ProseMirror's. */
export function caretPos(view: EditorView): number {
  return liveSelection(view)?.head ?? view.state.selection.head;
}
