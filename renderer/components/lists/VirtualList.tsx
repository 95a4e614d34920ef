/**
 * A long list drawn as a window: the list is its own scroll box, as tall as all its rows, but only
 * the rows in view (and a few beyond) are in the page, so that 100,000 rows scroll, filter and
 * move as quickly as 100. Rows are of one height, measured from the first row drawn (the row's
 * CSS keeps every row to the same lines). Screen readers hear each row's place in the whole list
 * (aria-setsize, aria-posinset); the arrow keys, Page Up/Down, Home and End move the focus from
 * row to row, to rows not yet drawn or fetched too (the list item holds the focus until its row
 * comes). The row last focused stays drawn while it is scrolled
 * away, so the focus never falls out of the list, and it is the list's one Tab stop.
 */
import { useCallback, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { isMoveKey, movedTo, rowWindow, sameWindow, scrollToShow, type RowWindow } from './list-window';

/** What a parent may ask of the list. */
export interface VirtualListHandle {
  /** Scrolls row `index` into view and gives the focus to it (its first focusable element). */
  focusRow(index: number): void;
  /** Scrolls row `index` into view. */
  showRow(index: number): void;
}

export interface VirtualListProps {
  /** How many rows the list has. */
  count: number;
  /** A row's height in pixels until the first row drawn is measured. */
  rowHeight: number;
  /** Pixels between two rows (part of each row's height). */
  gap?: number;
  /** A stable key of row `index`. */
  rowKey: (index: number) => string;
  /** The content of row `index` (drawn inside its list item). */
  renderRow: (index: number) => ReactNode;
  /** The list element: `ol` for rows in a meaningful order. */
  as?: 'ul' | 'ol';
  /** Class of the list element (the scroll box around it gets the same with `-scroll`). */
  className: string;
  'aria-label'?: string;
  /** Told which rows are drawn, whenever that changes (to fetch the rows of a paged list). */
  onRowsShown?: (window: RowWindow) => void;
  handle?: Ref<VirtualListHandle>;
}

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]';
/** Where a control of a row that is not the list's Tab stop keeps its own tabindex ('' for none). */
const OWN_TAB_INDEX = 'data-own-tabindex';
/** The scroll box's padding (styles.css, .virtual-list): room for a focused row's outline. */
const PADDING = 6;
/** The rows drawn before the scroll box is measured: none. */
const NOT_MEASURED: RowWindow = { first: 0, end: 0 };

export function VirtualList(props: VirtualListProps) {
  const { count, gap = 0, rowKey, renderRow, onRowsShown } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement & HTMLOListElement>(null);
  const [rowHeight, setRowHeight] = useState(props.rowHeight);
  const [scrollTop, setScrollTop] = useState(0);
  // The scroll box's height, null until it is measured (right after the list is first put in the
  // page, before it is painted): no rows are drawn until then, so the first rows laid out are the
  // ones that fit, not a guess's worth to be laid out and taken away again.
  const [viewport, setViewport] = useState<number | null>(null);
  const [width, setWidth] = useState(0);
  // The row last focused (drawn even when scrolled away); -1 for none.
  const [active, setActive] = useState(-1);
  const rows = viewport === null ? NOT_MEASURED : rowWindow(scrollTop, viewport || rowHeight * 20, rowHeight, count);
  const shown = useRef(rows);
  shown.current = rows;
  const height = useRef(rowHeight);
  height.current = rowHeight;

  // The scroll box's size: its height decides how many rows are drawn, its width may change a row's height.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const measure = () => {
      setViewport(box.clientHeight);
      setWidth(box.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // The first row drawn gives every row's height (text size, theme and width can change it); a
  // row still being fetched (aria-busy) does not count.
  useLayoutEffect(() => {
    const content = list.current?.querySelector(':scope > li > :not([aria-busy="true"])');
    if (!(content instanceof HTMLElement)) return;
    const measured = Math.ceil(content.getBoundingClientRect().height) + gap;
    if (measured > 0 && Math.abs(measured - rowHeight) >= 1) setRowHeight(measured);
  });

  // A list that became shorter than where it was scrolled to: the browser scrolls back; follow it.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box && box.scrollTop !== scrollTop) setScrollTop(box.scrollTop);
    if (active >= count) setActive(-1);
  }, [count, rowHeight, width]);

  useLayoutEffect(() => {
    onRowsShown?.(rows);
  }, [rows.first, rows.end, onRowsShown]);

  // A key moved the focus to a row still being fetched: its list item holds the focus until the
  // row is drawn, then the row's own control takes it (also when the item, keyed by a row that
  // had not come, was replaced and the focus fell to the page).
  const waiting = useRef(-1);
  useLayoutEffect(() => {
    if (waiting.current < 0 || waiting.current !== active) return;
    const item = list.current?.querySelector<HTMLElement>(`:scope > [data-index="${active}"]`);
    const control = item?.querySelector<HTMLElement>(FOCUSABLE);
    if (!control) return;
    waiting.current = -1;
    const focused = globalThis.document.activeElement;
    if (focused === item || focused === null || focused === globalThis.document.body) control.focus({ preventScroll: true });
  });

  // One row is a Tab stop (the row last focused, else the first in view): Tab goes past the list
  // in one step, Shift+Tab comes back to where the focus was, and the arrow keys move within it.
  // The other rows' controls are taken out of the Tab order, and given back their own when their
  // row becomes the stop.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const stop = active >= 0 && active < count ? active : rows.first;
    for (const item of element.children) {
      const isStop = Number(item.getAttribute('data-index')) === stop;
      for (const control of item.querySelectorAll<HTMLElement>(FOCUSABLE)) {
        const own = control.getAttribute(OWN_TAB_INDEX);
        if (isStop && own !== null) {
          if (own === '') control.removeAttribute('tabindex');
          else control.setAttribute('tabindex', own);
          control.removeAttribute(OWN_TAB_INDEX);
        } else if (!isStop && own === null) {
          control.setAttribute(OWN_TAB_INDEX, control.getAttribute('tabindex') ?? '');
          control.tabIndex = -1;
        }
      }
    }
  });

  // Scrolling draws the rows that come into view before the frame is painted (when they change).
  const onScroll = () => {
    const box = scroller.current;
    if (!box) return;
    const next = rowWindow(box.scrollTop, box.clientHeight || (viewport ?? 0), height.current, count);
    if (sameWindow(next, shown.current)) return;
    flushSync(() => setScrollTop(box.scrollTop));
  };

  const showRow = useCallback(
    (index: number) => {
      const box = scroller.current;
      if (!box || index < 0 || index >= count) return;
      const top = scrollToShow(index, box.scrollTop, box.clientHeight - 2 * PADDING, height.current);
      if (top !== box.scrollTop) box.scrollTop = top;
      flushSync(() => setScrollTop(box.scrollTop));
    },
    [count],
  );

  const focusRow = useCallback(
    (index: number) => {
      if (index < 0 || index >= count) return;
      showRow(index);
      flushSync(() => setActive(index));
      const row = list.current?.querySelector<HTMLElement>(`:scope > [data-index="${index}"]`);
      const target = row?.querySelector<HTMLElement>(FOCUSABLE) ?? row;
      waiting.current = target && target === row ? index : -1;
      target?.focus({ preventScroll: true });
    },
    [count, showRow],
  );

  useImperativeHandle(props.handle, () => ({ focusRow, showRow }), [focusRow, showRow]);

  const indexOf = (target: EventTarget): number => {
    const row = (target as Element).closest?.('[data-index]');
    return row && row.parentElement === list.current ? Number(row.getAttribute('data-index')) : -1;
  };

  const drawn: number[] = [];
  for (let index = rows.first; index < rows.end; index++) drawn.push(index);
  if (active >= 0 && active < count && (active < rows.first || active >= rows.end)) {
    drawn.push(active);
    drawn.sort((a, b) => a - b);
  }
  const List = props.as ?? 'ul';
  return (
    <div className={`virtual-list ${props.className}-scroll`} ref={scroller} onScroll={onScroll}>
      <List
        ref={list}
        role="list"
        className={props.className}
        aria-label={props['aria-label']}
        style={{ height: count * rowHeight }}
        onFocus={(event) => {
          const index = indexOf(event.target);
          if (index >= 0 && index !== active) setActive(index);
        }}
        onKeyDown={(event) => {
          if (!isMoveKey(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
          const from = indexOf(event.target);
          if (from < 0) return;
          event.preventDefault();
          const perPage = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / height.current));
          focusRow(movedTo(event.key, from, count, perPage));
        }}
      >
        {drawn.map((index) => (
          <li
            key={rowKey(index)}
            data-index={index}
            tabIndex={-1}
            aria-setsize={count}
            aria-posinset={index + 1}
            style={{ top: index * rowHeight, height: rowHeight }}
          >
            {renderRow(index)}
          </li>
        ))}
      </List>
    </div>
  );
}
