/**
 * The controller of a mounted text view: what the rest of the page may ask of it (the selection
 * as text offsets, the caret, revealing a passage, where a place is on screen, the focus, the
 * passage on screen). It is put in the store while the view is mounted (see TextView.tsx).
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { toCharacterEdges } from '../../shared/text/graphemes';
import { offsetToPos, posToOffset, type TextLayout } from '../../shared/text/text-layout';
import type { TextViewController } from '../store/text-view';
import { liveSelection } from './live-selection';
import { textOnScreen } from './visible-window';

/** The controller of `view`, showing a text laid out as `layout`, scrolled in `scroller`. */
export function textViewController(view: EditorView, layout: TextLayout, scroller: HTMLElement): TextViewController {
  return {
    selection() {
      const live = liveSelection(view);
      // ProseMirror takes the page's newer selection over now, not on the next selectionchange: a
      // dialog opened before that event (the palette, on a loaded machine) takes the focus, so
      // ProseMirror never reads it, and puts its older selection back when the text regains the
      // focus; a command judged on this selection would then act on that older one.
      const { anchor, head } = view.state.selection;
      if (live && (live.anchor !== anchor || live.head !== head)) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, live.anchor, live.head)));
      const from = live ? Math.min(live.anchor, live.head) : view.state.selection.from;
      const to = live ? Math.max(live.anchor, live.head) : view.state.selection.to;
      // A selection's ends never split a character as the reader sees it (an emoji family, an accent).
      return toCharacterEdges(layout.text, posToOffset(layout, from, 'start'), posToOffset(layout, to, 'end'));
    },
    placeCaret(offset) {
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, offsetToPos(layout, offset))));
    },
    reveal(range) {
      // Focus first: ProseMirror scrolls to a selection only when the selection is its own.
      view.focus();
      const selection = TextSelection.create(view.state.doc, offsetToPos(layout, range.start), offsetToPos(layout, range.end));
      view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
    },
    anchorBox(anchor) {
      if (anchor > view.state.doc.content.size) return null;
      const line = view.coordsAtPos(anchor);
      const area = scroller.getBoundingClientRect();
      return { left: line.left, top: line.top, bottom: line.bottom, inView: line.bottom > area.top && line.top < area.bottom };
    },
    focus() {
      view.focus();
    },
    visibleRange() {
      return textOnScreen(view, layout, scroller);
    },
  };
}
