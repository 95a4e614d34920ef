/**
 * The text view's controller, held in the store while a document's text is shown, so that the
 * page's commands and components reach the one view there is without a module of its own
 * holding it. The store only knows its shape; renderer/text-view makes it.
 */

export interface TextRange {
  start: number;
  end: number;
}

/** Where a place of the text is on screen: the box of its line, and whether it is in view. */
export interface TextAnchorBox {
  left: number;
  top: number;
  bottom: number;
  inView: boolean;
}

/** What the page may ask of the shown text. */
export interface TextViewController {
  /** The selection as text offsets. */
  selection(): TextRange;
  /** Puts the caret at a text offset. */
  placeCaret(offset: number): void;
  /** Selects a passage, scrolls it into view and gives the text the focus. */
  reveal(range: TextRange): void;
  /** Where a ProseMirror position is on screen; null when it is outside the text. */
  anchorBox(anchor: number): TextAnchorBox | null;
  /** Gives the text the focus. */
  focus(): void;
  /** The text offsets at the top and the bottom of the screen; null when no text is on screen. */
  visibleRange(): TextRange | null;
}

export interface TextViewState {
  textView: TextViewController | null;
}

export const textViewInitial: TextViewState = { textView: null };
