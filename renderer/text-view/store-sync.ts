/**
 * From the store to the text view: the open document's segments as highlights (only what changed
 * is sent), the search's hits, the suggestions' dotted marks, a passage waiting to be revealed, and the handles on the segment
 * whose details are open.
 */
import { TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { CorpusSearchResult } from '../../shared/views/corpus-search';
import type { Suggestion } from '../../shared/suggestions/suggestions';
import { compareInTextOrder, type CodedSegment } from '../../shared/model/segments';
import { getState, subscribe, update, type OpenDocumentState } from '../store';
import { handleDragInProgress, showHandles } from './handles-plugin';
import { changeHighlights, type HighlightChange } from './highlight-plugin';
import { liveSelection } from './live-selection';
import { showHits } from './search-plugin';
import { showSuggestions } from './suggestion-plugin';
import { selectDrawnSuggestions } from '../store/suggestions';

/**
 * Dispatches a change of highlights without losing a selection the reader is making. ProseMirror
 * reads the page's selection on the next selectionchange event; a redraw before that would put
 * the older selection back. So the page's current selection goes into the same transaction.
 */
export function dispatchHighlights(view: EditorView, change: HighlightChange): void {
  dispatchKeepingSelection(view, changeHighlights(view.state, change));
}

/** Dispatches a transaction that changes only decorations, with the page's current selection in it. */
function dispatchKeepingSelection(view: EditorView, tr: Transaction): void {
  const live = liveSelection(view);
  if (live) tr.setSelection(TextSelection.create(tr.doc, live.anchor, live.head));
  view.dispatch(tr);
}

/**
 * The highlights to add and remove to go from `before` to `after` (a moved or recoded segment is
 * both), when the store does not say what changed. Both lists are in text order and share the
 * records that did not change, so one walk through them side by side, comparing records by
 * identity, finds the few that differ; only those are then matched by id. (A map of every segment per change would cost milliseconds per key press
 * in a document with 100,000 segments.)
 */
export function segmentsDiff(before: readonly CodedSegment[], after: readonly CodedSegment[]): { add: CodedSegment[]; remove: string[] } {
  const gone: CodedSegment[] = [];
  const come: CodedSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    const a = before[i];
    const b = after[j];
    if (a === b) {
      i++;
      j++;
      continue;
    }
    const order = compareInTextOrder(a, b);
    if (order <= 0) {
      gone.push(a);
      i++;
    }
    if (order >= 0) {
      come.push(b);
      j++;
    }
  }
  gone.push(...before.slice(i));
  come.push(...after.slice(j));
  return highlightsChanged(gone, come);
}

/**
 * The highlights to add and remove when the segments `gone` were taken out and `come` put in: a
 * segment in both with the same bounds and code (a pending segment as saved) is left as drawn.
 */
export function highlightsChanged(gone: readonly CodedSegment[], come: readonly CodedSegment[]): { add: CodedSegment[]; remove: string[] } {
  const old = new Map(gone.map((s) => [s.id, s]));
  const add: CodedSegment[] = [];
  const remove: string[] = [];
  for (const segment of come) {
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

/** Keeps `view`, showing `open`, in step with the store; returns the stopper. */
export function syncWithStore(view: EditorView, open: OpenDocumentState): () => void {
  let shown = open.segments;
  let searched: CorpusSearchResult | null = null;
  const showSearch = () => {
    searched = getState().search.result;
    const hits = searched?.documents.find((d) => d.documentId === open.document.id)?.hits ?? [];
    view.dispatch(showHits(view.state, hits));
  };
  let suggested: readonly Suggestion[] = [];
  const showSuggested = () => {
    suggested = selectDrawnSuggestions(getState(), open.document.id);
    dispatchKeepingSelection(view, showSuggestions(view.state, suggested));
  };
  const revealPending = () => {
    const pending = getState().pendingReveal;
    if (pending?.documentId !== open.document.id) return;
    update({ pendingReveal: null });
    getState().textView?.reveal(pending);
  };
  // Handles on the segment whose details are open, following its bounds.
  let handled: CodedSegment | null = null;
  const showSegmentHandles = () => {
    const state = getState();
    const id = state.popover?.segmentIds[0];
    const segment = (id && state.open?.segments.find((s) => s.id === id)) || null;
    if (segment === handled || handleDragInProgress(view.state)) return;
    handled = segment;
    // A click on a highlight opens its details before ProseMirror has read the caret it placed.
    dispatchKeepingSelection(view, showHandles(view.state, segment));
  };
  showSearch();
  showSuggested();
  revealPending();
  return subscribe(() => {
    const state = getState();
    if (state.search.result !== searched) showSearch();
    if (selectDrawnSuggestions(state, open.document.id) !== suggested) showSuggested();
    if (state.pendingReveal) revealPending();
    showSegmentHandles();
    const current = state.open;
    if (!current || current.document.id !== open.document.id || current.segments === shown) return;
    // The store says what it changed (most changes): only that is compared; else the lists are.
    const said = current.change;
    const change = said && said.from === shown ? highlightsChanged(said.removed, said.added) : segmentsDiff(shown, current.segments);
    shown = current.segments;
    if (change.add.length || change.remove.length) dispatchHighlights(view, change);
  });
}
