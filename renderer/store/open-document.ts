/**
 * The open document (its text, layout and coded segments in text order), the one being opened,
 * the details shown for segments at a place of its text, and where the page should go next
 * (a passage to select, a document to focus in the list).
 */
import type { DocumentRecord } from '../../shared/model/documents';
import { compareInTextOrder, firstAtOrAfter, insertInTextOrder, type CodedSegment } from '../../shared/model/segments';
import { segmentsFromColumns, type SegmentColumns } from '../../shared/ipc/documents';
import { layoutText, type TextLayout } from '../../shared/text/text-layout';

export interface OpenDocumentState {
  document: DocumentRecord;
  text: string;
  layout: TextLayout;
  /** In text order (actions keep it so). */
  segments: CodedSegment[];
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
  return { document, text, layout: layoutText(text), segments };
}

function inTextOrder(segments: readonly CodedSegment[]): boolean {
  for (let i = 1; i < segments.length; i++) if (compareInTextOrder(segments[i - 1], segments[i]) > 0) return false;
  return true;
}

/** The open document's segments changed by `change` (nothing when no document is open). */
export function withSegments(state: OpenDocumentSlice, change: (segments: CodedSegment[]) => CodedSegment[]): Partial<OpenDocumentSlice> {
  if (!state.open) return {};
  return { open: { ...state.open, segments: change(state.open.segments) } };
}

/** The open document with one more segment, in its place in text order (a copy and one insertion). */
export function withSegmentInserted(state: OpenDocumentSlice, segment: CodedSegment): Partial<OpenDocumentSlice> {
  return withSegments(state, (list) => {
    const inserted = list.slice();
    inserted.splice(firstAtOrAfter(list, segment), 0, segment);
    return inserted;
  });
}

/** The open document with `segment` in place of the segment of the same id, kept in text order. */
export function withSegmentPlaced(state: OpenDocumentSlice, segment: CodedSegment): Partial<OpenDocumentSlice> {
  return withSegments(state, (list) => insertInTextOrder(list.filter((s) => s.id !== segment.id), segment));
}

/** The open document with `segment` in place of the segment of the same id, where it was. */
export function withSegmentReplaced(state: OpenDocumentSlice, segment: CodedSegment): Partial<OpenDocumentSlice> {
  return withSegments(state, (list) => {
    // Mostly the same bounds (a pending segment as saved, a recoded one): found by a binary search.
    const at = firstAtOrAfter(list, segment);
    if (list[at]?.id !== segment.id) return list.map((s) => (s.id === segment.id ? segment : s));
    const replaced = list.slice();
    replaced[at] = segment;
    return replaced;
  });
}

/** The open document without a segment, and the details shown no longer listing it. */
export function withoutSegment(state: OpenDocumentSlice, segmentId: string): Partial<OpenDocumentSlice> {
  return {
    ...withSegments(state, (list) => list.filter((s) => s.id !== segmentId)),
    popover: state.popover && { ...state.popover, segmentIds: state.popover.segmentIds.filter((id) => id !== segmentId) },
  };
}
