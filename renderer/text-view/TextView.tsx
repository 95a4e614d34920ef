/**
 * The text view: a ProseMirror view of the open document's exact text with its coded segments as
 * highlights. The text cannot be changed (every input is refused), but it takes focus, shows a
 * caret and keeps a selection, so that passages are selected with the mouse or the keyboard
 * (Shift+arrows, Shift+Ctrl+arrows) and coded with the code's key.
 *
 * The view is mounted in a shadow root. While an editable element has the focus, React measures
 * the selection inside it on every commit by walking its DOM from the start; for a long document
 * that walk cost tens of milliseconds per key press. Inside a shadow root the focused element seen
 * from the page is the plain host, so React's commits stay cheap.
 */
import { EditorState, Plugin, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef } from 'react';
import { codeForKey, REPEAT_KEY } from '../../shared/model/codebook';
import type { CorpusSearchResult } from '../../shared/ipc';
import type { CodedSegment } from '../../shared/model/segments';
import { offsetToPos, posToOffset, sectionAtPos, type TextLayout } from '../../shared/text/text-layout';
import {
  adjustSegment,
  applyCode,
  closePopover,
  lastUsedCode,
  moveSegmentTo,
  openPopover,
  showMessage,
  type TextRange,
} from '../actions';
import type { AnchorBox } from '../popover-placement';
import { getState, subscribe, update, useStore } from '../store';
import { codeStyleSheet } from './code-styles';
import { documentNode } from './document-node';
import {
  changeHighlights,
  highlightKey,
  highlightPlugin,
  segmentIdsAt,
  type HighlightChange,
  type SectionWindow,
} from './highlight-plugin';
import { handleDragInProgress, handlesPlugin, showHandles } from './handles-plugin';
import { searchPlugin, showHits } from './search-plugin';
import { textViewStyleSheet } from './text-view-styles';

let activeView: { view: EditorView; layout: TextLayout; scroller: HTMLElement } | null = null;

/**
 * The page's selection in the text view as ProseMirror positions, read now. ProseMirror takes a
 * new selection over on the next selectionchange event; a key pressed right after a selection
 * was extended can come first, so whoever needs the selection at once reads it here.
 */
function liveSelection(view: EditorView): { anchor: number; head: number } | null {
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

/** The open document's selection as text offsets; null when no document is open. */
export function currentSelection(): TextRange | null {
  if (!activeView) return null;
  const { view, layout } = activeView;
  const live = liveSelection(view);
  const from = live ? Math.min(live.anchor, live.head) : view.state.selection.from;
  const to = live ? Math.max(live.anchor, live.head) : view.state.selection.to;
  return { start: posToOffset(layout, from, 'start'), end: posToOffset(layout, to, 'end') };
}

/** Codes the selected passage, then puts the caret at its end so that the highlight shows. */
export function codeSelection(codeId: string): void {
  const range = currentSelection();
  applyCode(codeId, range);
  if (!activeView || !range) return;
  const { view, layout } = activeView;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, offsetToPos(layout, range.end))));
}

/** Selects a passage of the open document, scrolls it into view and gives the text view focus. */
export function revealRange(range: TextRange): void {
  if (!activeView) return;
  const { view, layout } = activeView;
  // Focus first: ProseMirror scrolls to a selection only when the selection is its own.
  view.focus();
  const selection = TextSelection.create(view.state.doc, offsetToPos(layout, range.start), offsetToPos(layout, range.end));
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
}

/** Selects a segment's text, scrolls it into view and gives the text view focus. */
export function revealSegment(segment: CodedSegment): void {
  revealRange(segment);
}

/**
 * Where a place of the open text is on screen: the box of its line, in viewport coordinates, and
 * whether that line is inside the text's visible area. Null when no text is shown.
 */
export function anchorBox(anchor: number): (AnchorBox & { inView: boolean }) | null {
  if (!activeView || anchor > activeView.view.state.doc.content.size) return null;
  const { view, scroller } = activeView;
  const line = view.coordsAtPos(anchor);
  const area = scroller.getBoundingClientRect();
  return { left: line.left, top: line.top, bottom: line.bottom, inView: line.bottom > area.top && line.top < area.bottom };
}

/** Gives the text view focus (after a popover closes, say); false when no text is shown. */
export function focusText(): boolean {
  if (!activeView) return false;
  activeView.view.focus();
  return true;
}

/** Refuses every change to the text, from keys, input events, paste or drop. */
const readOnlyText = new Plugin({
  filterTransaction: (tr) => !tr.docChanged,
  props: {
    handleTextInput: () => true,
    handlePaste: () => true,
    handleDrop: () => true,
    handleDOMEvents: {
      beforeinput: (_view, event) => {
        event.preventDefault();
        return true;
      },
    },
  },
});

/** The segment the caret is in (the shortest, where several overlap). */
function segmentAtCaret(view: EditorView): CodedSegment | null {
  const head = liveSelection(view)?.head ?? view.state.selection.head;
  const ids = new Set(segmentIdsAt(view.state, head));
  const candidates = (getState().open?.segments ?? []).filter((s) => ids.has(s.id));
  return candidates.sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;
}

function handleKeyDown(view: EditorView, event: KeyboardEvent): boolean {
  const project = getState().project;
  // Alt+←/→ moves the start of the segment at the caret, Alt+Shift+←/→ its end (with Ctrl: by word).
  if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
    const segment = segmentAtCaret(view);
    if (!segment || !activeView) return true;
    const edge = event.shiftKey ? 'end' : 'start';
    const bounds = adjustSegment(segment.id, edge, event.key === 'ArrowLeft' ? -1 : 1, event.ctrlKey || event.metaKey);
    if (bounds) {
      const caret = offsetToPos(activeView.layout, edge === 'start' ? bounds.start : bounds.end);
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, caret)));
    }
    return true;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) {
    // Cut, undo and other editing shortcuts would change the text.
    return ['x', 'z', 'y', 'd', 'k', 'u', 'b', 'i'].includes(event.key.toLowerCase()) || event.key === 'Backspace' || event.key === 'Delete';
  }
  if (event.key === REPEAT_KEY) {
    const last = lastUsedCode();
    if (last) codeSelection(last);
    else showMessage('info', `No code used yet: ${REPEAT_KEY} repeats the last code you apply.`);
    return true;
  }
  const code = project && event.key.length === 1 ? codeForKey(project.codes, event.key) : undefined;
  if (code) {
    codeSelection(code.id);
    return true;
  }
  if (event.key === 'Enter') {
    const head = liveSelection(view)?.head ?? view.state.selection.head;
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

/** Sections decorated beyond the ones on screen, on each side. */
const WINDOW_MARGIN = 1;

/** The sections on screen in the scrolling container; null when nothing is. */
function sectionsOnScreen(view: EditorView, layout: TextLayout, scroller: HTMLElement): SectionWindow | null {
  const text = view.dom.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  const top = Math.max(text.top, box.top) + 1;
  const bottom = Math.min(text.bottom, box.bottom) - 1;
  if (bottom <= top) return null;
  const left = text.left + 2;
  const from = view.posAtCoords({ left, top })?.pos ?? 0;
  const to = view.posAtCoords({ left, top: bottom })?.pos ?? layout.docSize;
  return { first: sectionAtPos(layout, from), last: sectionAtPos(layout, to) };
}

/**
 * Dispatches a change of highlights without losing a selection the reader is making. ProseMirror
 * reads the page's selection on the next selectionchange event; a redraw before that would put
 * the older selection back. So the page's current selection goes into the same transaction.
 */
function dispatchHighlights(view: EditorView, change: HighlightChange): void {
  const tr = changeHighlights(view.state, change);
  const live = liveSelection(view);
  if (live) tr.setSelection(TextSelection.create(tr.doc, live.anchor, live.head));
  view.dispatch(tr);
}

function segmentsDiff(before: readonly CodedSegment[], after: readonly CodedSegment[]) {
  const old = new Map(before.map((s) => [s.id, s]));
  const add: CodedSegment[] = [];
  const remove: string[] = [];
  for (const segment of after) {
    const previous = old.get(segment.id);
    if (!previous) add.push(segment);
    else {
      old.delete(segment.id);
      if (previous.codeId !== segment.codeId || previous.start !== segment.start || previous.end !== segment.end) {
        remove.push(segment.id);
        add.push(segment);
      }
    }
  }
  remove.push(...old.keys());
  return { add, remove };
}

export function TextView() {
  const documentId = useStore((state) => state.open?.document.id);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const open = getState().open;
    const hostElement = host.current;
    if (!open || !hostElement) return;
    const { layout } = open;
    const shadow = hostElement.shadowRoot ?? hostElement.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [textViewStyleSheet(), codeStyleSheet()];
    const mount = document.createElement('div');
    shadow.append(mount);
    const view = new EditorView(mount, {
      state: EditorState.create({
        doc: documentNode(layout),
        plugins: [
          highlightPlugin(layout, open.segments),
          searchPlugin(layout),
          handlesPlugin(layout, {
            current: (id) => getState().open?.segments.find((s) => s.id === id),
            move: moveSegmentTo,
          }),
          readOnlyText,
        ],
      }),
      editable: () => true,
      attributes: {
        class: 'text-view',
        role: 'textbox',
        'aria-readonly': 'true',
        'aria-multiline': 'true',
        'aria-label': `Text of ${open.document.title}`,
        spellcheck: 'false',
        autocorrect: 'off',
        autocapitalize: 'off',
        translate: 'no',
      },
      handleKeyDown,
      handleClick(clickView, pos) {
        const ids = segmentIdsAt(clickView.state, pos);
        // A click shows the details but leaves the focus (and the caret) in the text.
        if (ids.length) openPopover(ids, pos, false);
        else closePopover();
        return false;
      },
    });
    // Keep the decorated window on the sections in view as the reader scrolls.
    const scroller = hostElement.closest<HTMLElement>('.document') ?? document.documentElement;
    activeView = { view, layout, scroller };
    hostElement.dataset.ready = 'true';
    let frame = 0;
    const followScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const onScreen = sectionsOnScreen(view, layout, scroller);
        const current = highlightKey.getState(view.state)?.window;
        // Redecorate only when the screen reaches past the decorated sections, and then decorate
        // a margin around it, so that small scrolls cost nothing.
        if (onScreen && current && (onScreen.first < current.first || onScreen.last > current.last)) {
          const window = {
            first: Math.max(0, onScreen.first - WINDOW_MARGIN),
            last: Math.min(layout.sections.length - 1, onScreen.last + WINDOW_MARGIN),
          };
          dispatchHighlights(view, { window });
        }
      });
    };
    scroller.addEventListener('scroll', followScroll, { passive: true });
    const resizes = new ResizeObserver(followScroll);
    resizes.observe(scroller);
    let shown = open.segments;
    let searched: CorpusSearchResult | null = null;
    const showSearch = () => {
      searched = getState().search.result;
      const hits = searched?.documents.find((d) => d.documentId === open.document.id)?.hits ?? [];
      view.dispatch(showHits(view.state, hits));
    };
    showSearch();
    const revealPending = () => {
      const pending = getState().pendingReveal;
      if (pending?.documentId !== open.document.id) return;
      update({ pendingReveal: null });
      revealRange(pending);
    };
    revealPending();
    // Handles on the segment whose details are open, following its bounds.
    let handled: CodedSegment | null = null;
    const showSegmentHandles = () => {
      const state = getState();
      const id = state.popover?.segmentIds[0];
      const segment = (id && state.open?.segments.find((s) => s.id === id)) || null;
      if (segment === handled || handleDragInProgress()) return;
      handled = segment;
      view.dispatch(showHandles(view.state, segment));
    };
    const unsubscribe = subscribe(() => {
      const state = getState();
      if (state.search.result !== searched) showSearch();
      if (state.pendingReveal) revealPending();
      showSegmentHandles();
      const current = state.open;
      if (!current || current.document.id !== open.document.id || current.segments === shown) return;
      const change = segmentsDiff(shown, current.segments);
      shown = current.segments;
      if (change.add.length || change.remove.length) dispatchHighlights(view, change);
    });
    return () => {
      unsubscribe();
      // The details of a segment belong to the text they point at: gone with it (another view).
      closePopover();
      scroller.removeEventListener('scroll', followScroll);
      resizes.disconnect();
      cancelAnimationFrame(frame);
      if (activeView?.view === view) activeView = null;
      view.destroy();
      mount.remove();
      delete hostElement.dataset.ready;
    };
  }, [documentId]);

  return <div className="text-host" ref={host} data-document-id={documentId} />;
}
