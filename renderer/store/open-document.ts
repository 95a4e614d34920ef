/**
 * The open document (its text, layout and coded segments in text order), the one being opened,
 * the details shown for segments at a place of its text, and where the page should go next
 * (a passage to select, a document to focus in the list).
 */
import type { DocumentRecord } from '../../shared/model/documents';
import { compareInTextOrder, insertInTextOrder, type CodedSegment } from '../../shared/model/segments';
import type { SegmentWithoutQuote } from '../../shared/ipc/documents';
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

/** The open document as the main process sent it, with the segments given their quotes, in text order. */
export function openedDocument(document: DocumentRecord, text: string, segments: readonly SegmentWithoutQuote[]): OpenDocumentState {
  const quoted = segments.map((segment) => ({ ...segment, quote: text.slice(segment.start, segment.end) })).sort(compareInTextOrder);
  return { document, text, layout: layoutText(text), segments: quoted };
}

/** The open document's segments changed by `change` (nothing when no document is open). */
export function withSegments(state: OpenDocumentSlice, change: (segments: CodedSegment[]) => CodedSegment[]): Partial<OpenDocumentSlice> {
  if (!state.open) return {};
  return { open: { ...state.open, segments: change(state.open.segments) } };
}

/** The open document with `segment` in place of the segment of the same id, kept in text order. */
export function withSegmentPlaced(state: OpenDocumentSlice, segment: CodedSegment): Partial<OpenDocumentSlice> {
  return withSegments(state, (list) => insertInTextOrder(list.filter((s) => s.id !== segment.id), segment));
}

/** The open document with `segment` in place of the segment of the same id, where it was. */
export function withSegmentReplaced(state: OpenDocumentSlice, segment: CodedSegment): Partial<OpenDocumentSlice> {
  return withSegments(state, (list) => list.map((s) => (s.id === segment.id ? segment : s)));
}

/** The open document without a segment, and the details shown no longer listing it. */
export function withoutSegment(state: OpenDocumentSlice, segmentId: string): Partial<OpenDocumentSlice> {
  return {
    ...withSegments(state, (list) => list.filter((s) => s.id !== segmentId)),
    popover: state.popover && { ...state.popover, segmentIds: state.popover.segmentIds.filter((id) => id !== segmentId) },
  };
}
