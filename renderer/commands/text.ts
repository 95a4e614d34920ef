/** Showing passages of the open text from elsewhere on the page (a list, the search, the details). */
import type { CodedSegment } from '../../shared/model/segments';
import { getState } from '../store';
import type { TextAnchorBox, TextRange } from '../store/text-view';

/** Selects a passage of the open document, scrolls it into view and gives the text view focus. */
export function revealRange(range: TextRange): void {
  getState().textView?.reveal(range);
}

/** Selects a segment's text, scrolls it into view and gives the text view focus. */
export function revealSegment(segment: CodedSegment): void {
  revealRange(segment);
}

/**
 * Where a place of the open text is on screen: the box of its line, in viewport coordinates, and
 * whether that line is inside the text's visible area. Null when no text is shown.
 */
export function anchorBox(anchor: number): TextAnchorBox | null {
  return getState().textView?.anchorBox(anchor) ?? null;
}
