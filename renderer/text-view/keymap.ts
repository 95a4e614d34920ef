/**
 * The text view's keys: a code's key codes the selection, the repeat key the last code again,
 * Alt+arrows move the edges of the segment at the caret, Enter shows its details, Escape hides
 * them; anything that would type, cut or delete is refused, navigation passes through.
 */
import type { EditorView } from 'prosemirror-view';
import { codeForKey, REPEAT_KEY } from '../../shared/model/codebook';
import type { CodedSegment } from '../../shared/model/segments';
import { codeSelection, repeatLastCode } from '../commands/coding';
import { closePopover, openPopover } from '../services/page';
import { adjustSegment } from '../services/segments';
import { getState } from '../store';
import { segmentIdsAt } from './highlight-plugin';
import { caretPos } from './live-selection';

/** Editing shortcuts (with Ctrl/Cmd or Alt) that would change the text. */
const EDITING_KEYS = ['x', 'z', 'y', 'd', 'k', 'u', 'b', 'i'];

/** The segment the caret is in (the shortest, where several overlap). */
function segmentAtCaret(view: EditorView): CodedSegment | null {
  const ids = new Set(segmentIdsAt(view.state, caretPos(view)));
  const candidates = (getState().open?.segments ?? []).filter((s) => ids.has(s.id));
  return candidates.sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;
}

/** Handles a key pressed in the text view; true when it was handled (or refused). */
export function handleTextKey(view: EditorView, event: KeyboardEvent): boolean {
  const project = getState().project;
  // Alt+←/→ moves the start of the segment at the caret, Alt+Shift+←/→ its end (with Ctrl: by word).
  if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
    const segment = segmentAtCaret(view);
    if (!segment) return true;
    const edge = event.shiftKey ? 'end' : 'start';
    const bounds = adjustSegment(segment.id, edge, event.key === 'ArrowLeft' ? -1 : 1, event.ctrlKey || event.metaKey);
    if (bounds) getState().textView?.placeCaret(edge === 'start' ? bounds.start : bounds.end);
    return true;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) {
    return EDITING_KEYS.includes(event.key.toLowerCase()) || event.key === 'Backspace' || event.key === 'Delete';
  }
  if (event.key === REPEAT_KEY) {
    repeatLastCode();
    return true;
  }
  const code = project && event.key.length === 1 ? codeForKey(project.codes, event.key) : undefined;
  if (code) {
    codeSelection(code.id);
    return true;
  }
  if (event.key === 'Enter') {
    const head = caretPos(view);
    const ids = segmentIdsAt(view.state, head);
    if (ids.length) openPopover(ids, head, true);
    else closePopover();
    return true;
  }
  if (event.key === 'Escape') {
    closePopover();
    return true;
  }
  // Anything else that would type or delete is refused; navigation keys (and Tab, which moves
  // the focus on) pass through.
  return event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete';
}
