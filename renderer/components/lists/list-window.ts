/**
 * The arithmetic of a windowed list: which rows of a long list of equal-height rows a scroll box
 * shows (and a few beyond, so that a short scroll finds them drawn), where a row sits, where to
 * scroll so that a row is in view, and where a key moves the focus. Pure, so that it is tested
 * without a page; VirtualList.tsx draws what it says.
 */

/** The rows drawn: from `first` up to (not including) `end`. */
export interface RowWindow {
  first: number;
  end: number;
}

/** Rows drawn beyond each edge of the visible part. */
export const OVERSCAN = 6;

/**
 * The rows to draw for a scroll box `viewport` pixels high scrolled to `scrollTop`, over `count`
 * rows of `rowHeight` pixels each, with `overscan` rows more on either side.
 */
export function rowWindow(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = OVERSCAN): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const lastVisible = Math.min(count - 1, Math.floor((top + Math.max(viewport, rowHeight)) / rowHeight));
  return { first: Math.max(0, first - overscan), end: Math.min(count, lastVisible + 1 + overscan) };
}

/** The pages of `size` rows that hold the rows of `rows` (to fetch a paged list's rows in view). */
export function pagesOf(rows: RowWindow, size: number): number[] {
  const pages: number[] = [];
  if (rows.end <= rows.first || size <= 0) return pages;
  for (let page = Math.floor(rows.first / size); page <= Math.floor((rows.end - 1) / size); page++) pages.push(page);
  return pages;
}

/** True when the two windows draw the same rows. */
export function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return a.first === b.first && a.end === b.end;
}

/**
 * Where to scroll so that row `index` is wholly in view, moving as little as possible: the same
 * place when it already is.
 */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return scrollTop;
}

/** The keys that move the focus within a list. */
export type MoveKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End';

export function isMoveKey(key: string): key is MoveKey {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'PageDown' || key === 'PageUp' || key === 'Home' || key === 'End';
}

/**
 * The row a key moves the focus to from row `from` of `count`, with `perPage` rows in view
 * (Page Up/Down move by a page less one row, so that one row stays in sight).
 */
export function movedTo(key: MoveKey, from: number, count: number, perPage: number): number {
  if (count <= 0) return 0;
  const page = Math.max(1, perPage - 1);
  const to = {
    ArrowDown: from + 1,
    ArrowUp: from - 1,
    PageDown: from + page,
    PageUp: from - page,
    Home: 0,
    End: count - 1,
  }[key];
  return Math.min(count - 1, Math.max(0, to));
}
