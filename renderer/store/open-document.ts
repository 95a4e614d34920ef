/**
 * The open document (its text, layout and coded segments in text order), the one being opened,
 * the details shown for segments at a place of its text, and where the page should go next
 * (a passage to select, a document to focus in the list).
 */
import type { DocumentRecord } from '../../shared/model/documents';
import { compareInTextOrder, countByCode, firstAtOrAfter, type CodedSegment } from '../../shared/model/segments';
import { segmentsFromColumns, type SegmentColumns } from '../../shared/ipc/documents';
import { layoutText, type TextLayout } from '../../shared/text/text-layout';

export interface OpenDocumentState {
  document: DocumentRecord;
  text: string;
  layout: TextLayout;
  /** In text order (actions keep it so). */
  segments: CodedSegment[];
  /**
   * The number of segments per code id, kept with every change of `segments` (a count over all of
   * them per key press would cost a pass over 100,000 segments).
   */
  counts: Readonly<Record<string, number>>;
  /** How `segments` came from the list before it, when a change says so (see SegmentsChange). */
  change?: SegmentsChange;
}

/**
 * The last change of the open document's segments: the list it changed (`from`), the records it
 * took out and those it put in (a moved or recoded segment is both). The text view redraws from it
 * what changed without comparing the lists (store-sync.ts); it holds only while `from` is the list
 * the view shows.
 */
export interface SegmentsChange {
  from: readonly CodedSegment[];
  removed: readonly CodedSegment[];
  added: readonly CodedSegment[];
}

export interface Popover {
  segmentIds: string[];
  /** True when it was opened from the keyboard: its first control takes the focus. */
  takeFocus: boolean;
  /**
   * The place in the text view it belongs to (a ProseMirror position), so that it follows the
   * text when the page reflows or scrolls.
   */
  anchor: number;
}

export interface OpenDocumentSlice {
  opening: string | null;
  open: OpenDocumentState | null;
  popover: Popover | null;
  /** A document whose entry in the list takes the focus once it is shown (one brought back by Undo). */
  focusDocument: string | null;
  /** A passage to select once its document's text view is up (after a jump from a list). */
  pendingReveal: { documentId: string; start: number; end: number } | null;
}

export const openDocumentInitial: OpenDocumentSlice = {
  opening: null,
  open: null,
  popover: null,
  focusDocument: null,
  pendingReveal: null,
};

const NONE: readonly never[] = [];
export const selectSegments = (s: OpenDocumentSlice): readonly CodedSegment[] => s.open?.segments ?? NONE;

/**
 * The open document as the main process sent it, its segments (columns, see shared/ipc/documents.ts)
 * made records with their quotes, in text order. `visible` leaves out segments the page hides.
 */
export function openedDocument(document: DocumentRecord, text: string, columns: SegmentColumns, visible: (segment: CodedSegment) => boolean = () => true): OpenDocumentState {
  const segments = segmentsFromColumns(document.id, text, columns).filter(visible);
  if (!inTextOrder(segments)) segments.sort(compareInTextOrder);
  return { document, text, layout: layoutText(text), segments, counts: countByCode(segments) };
}

function inTextOrder(segments: readonly CodedSegment[]): boolean {
  for (let i = 1; i < segments.length; i++) if (compareInTextOrder(segments[i - 1], segments[i]) > 0) return false;
  return true;
}

/** `counts` less the segments `removed`, plus those `added`. */
function countsAfter(counts: Readonly<Record<string, number>>, removed: readonly CodedSegment[], added: readonly CodedSegment[]): Record<string, number> {
  const next = { ...counts };
  for (const segment of removed) {
    const left = (next[segment.codeId] ?? 0) - 1;
    if (left > 0) next[segment.codeId] = left;
    else delete next[segment.codeId];
  }
  for (const segment of added) next[segment.codeId] = (next[segment.codeId] ?? 0) + 1;
  return next;
}

/** `open` with `segments`, made from its list by taking out `removed` and putting in `added`. */
export function withSegmentsChanged(open: OpenDocumentState, segments: CodedSegment[], removed: readonly CodedSegment[], added: readonly CodedSegment[]): OpenDocumentState {
  return { ...open, segments, counts: countsAfter(open.counts, removed, added), change: { from: open.segments, removed, added } };
}

/**
 * The open document with one more segment, in its place in text order (a copy and one insertion).
 * A segment of another document (one put back after a refused removal, when the researcher has
 * opened another document meanwhile) is not drawn into the open one.
 */
export function withSegmentInserted(state: OpenDocumentSlice, segment: CodedSegment): Partial<OpenDocumentSlice> {
  if (!state.open || segment.documentId !== state.open.document.id) return {};
  const list = state.open.segments;
  const inserted = list.slice();
  inserted.splice(firstAtOrAfter(list, segment), 0, segment);
  return { open: withSegmentsChanged(state.open, inserted, [], [segment]) };
}

/** The open document with `segment` in place of the segment of the same id, kept in text order (not if it is another document's). */
export function withSegmentPlaced(state: OpenDocumentSlice, segment: CodedSegment): Partial<OpenDocumentSlice> {
  if (!state.open || segment.documentId !== state.open.document.id) return {};
  const list = state.open.segments;
  const at = list.findIndex((s) => s.id === segment.id);
  const placed = at < 0 ? list.slice() : [...list.slice(0, at), ...list.slice(at + 1)];
  placed.splice(firstAtOrAfter(placed, segment), 0, segment);
  return { open: withSegmentsChanged(state.open, placed, at < 0 ? [] : [list[at]], [segment]) };
}

/** The open document with `segment` in place of the segment of the same id, where it was. */
export function withSegmentReplaced(state: OpenDocumentSlice, segment: CodedSegment): Partial<OpenDocumentSlice> {
  if (!state.open) return {};
  const list = state.open.segments;
  // Mostly the same bounds (a pending segment as saved, a recoded one): found by a binary search.
  let at = firstAtOrAfter(list, segment);
  if (list[at]?.id !== segment.id) at = list.findIndex((s) => s.id === segment.id);
  if (at < 0) return {};
  const replaced = list.slice();
  replaced[at] = segment;
  return { open: withSegmentsChanged(state.open, replaced, [list[at]], [segment]) };
}

/** The open document without a segment, and the details shown no longer listing it. */
export function withoutSegment(state: OpenDocumentSlice, segmentId: string): Partial<OpenDocumentSlice> {
  const popover = state.popover && { ...state.popover, segmentIds: state.popover.segmentIds.filter((id) => id !== segmentId) };
  if (!state.open) return { popover };
  const list = state.open.segments;
  const at = list.findIndex((s) => s.id === segmentId);
  if (at < 0) return { popover };
  return { open: withSegmentsChanged(state.open, [...list.slice(0, at), ...list.slice(at + 1)], [list[at]], []), popover };
}
