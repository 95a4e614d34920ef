/**
 * The visible window: as the reader scrolls (or the page resizes), the highlights are kept on
 * the sections on screen and a margin around them (see highlight-plugin.ts for why). Also the
 * passage on screen as text offsets, found the same way: by the boxes of sections and lines.
 */
import type { EditorView } from 'prosemirror-view';
import { sectionAtPos, type TextLayout } from '../../shared/text/text-layout';
import { highlightKey, type SectionWindow } from './highlight-plugin';
import { dispatchHighlights } from './store-sync';

/** Sections decorated beyond the ones on screen, on each side. */
const WINDOW_MARGIN = 1;

/** The window moved ahead waits at most this long for an idle period (a page that is never idle). */
const AHEAD_WITHIN_MS = 150;

/**
 * Index of the first of `count` boxes (in order down the page) whose `edge` is past `y`, by a
 * binary search (`count` when none is).
 */
function firstPast(count: number, y: number, edge: (index: number) => number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edge(mid) > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The sections on screen in the scrolling container; null when nothing is. Found by a binary search
 * over the sections' boxes (a few box reads, which sections out of view answer from their kept
 * size without laying out their lines), rather than by asking for the text position at the
 * screen's edges (a hit test through the lines on screen, the most costly part of a scrolled frame).
 */
function sectionsOnScreen(view: EditorView, layout: TextLayout, scroller: HTMLElement): SectionWindow | null {
  const text = view.dom.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  const top = Math.max(text.top, box.top) + 1;
  const bottom = Math.min(text.bottom, box.bottom) - 1;
  if (bottom <= top) return null;
  const sections = view.dom.children;
  const count = layout.sections.length;
  if (sections.length !== count) {
    // Not one element per section (never expected): ask for the positions at the screen's edges.
    const left = text.left + 2;
    const from = view.posAtCoords({ left, top })?.pos ?? 0;
    const to = view.posAtCoords({ left, top: bottom })?.pos ?? layout.docSize;
    return { first: sectionAtPos(layout, from), last: sectionAtPos(layout, to) };
  }
  const first = Math.min(count - 1, firstPast(count, top, (i) => sections[i].getBoundingClientRect().bottom));
  const last = Math.max(first, Math.min(count - 1, firstPast(count, bottom, (i) => sections[i].getBoundingClientRect().top) - 1));
  return { first, last };
}

/**
 * The lines on screen, from the first whose bottom is below the screen's top to the last whose
 * top is above its bottom, as text offsets (from the start of the first to the end of the last).
 * Read from the boxes of sections and lines, which the page has laid out anyway, rather than by
 * a hit test at the screen's edges (posAtCoords), which cost more than the rest of a first frame.
 * A section drawn far (one block of text) answers for all its lines; null when no text is on screen.
 */
export function textOnScreen(view: EditorView, layout: TextLayout, scroller: HTMLElement): { start: number; end: number } | null {
  const onScreen = sectionsOnScreen(view, layout, scroller);
  if (!onScreen) return null;
  const text = view.dom.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  const top = Math.max(text.top, box.top) + 1;
  const bottom = Math.min(text.bottom, box.bottom) - 1;
  const linesOf = (index: number): HTMLCollection | null => {
    const section = layout.sections[index];
    const element = view.dom.children[index];
    return element && !element.classList.contains('tv-far') && element.children.length === section.lineCount ? element.children : null;
  };
  const firstSection = layout.sections[onScreen.first];
  const firstLines = linesOf(onScreen.first);
  const firstLine = firstSection.firstLine + (firstLines
    ? Math.min(firstSection.lineCount - 1, firstPast(firstSection.lineCount, top, (i) => firstLines[i].getBoundingClientRect().bottom))
    : 0);
  const lastSection = layout.sections[onScreen.last];
  const lastLines = linesOf(onScreen.last);
  const lastLine = lastSection.firstLine + (lastLines
    ? Math.max(0, firstPast(lastSection.lineCount, bottom, (i) => lastLines[i].getBoundingClientRect().top) - 1)
    : lastSection.lineCount - 1);
  const last = layout.lines[Math.max(firstLine, lastLine)];
  return { start: layout.lines[firstLine].start, end: last.start + last.length };
}

/** The window decorated around `onScreen`: its sections and a margin on each side. */
function windowAround(layout: TextLayout, onScreen: SectionWindow): SectionWindow {
  return {
    first: Math.max(0, onScreen.first - WINDOW_MARGIN),
    last: Math.min(layout.sections.length - 1, onScreen.last + WINDOW_MARGIN),
  };
}

/**
 * Whether the screen has reached the margin of `current` on a side where the text goes on: the
 * section beyond it will be needed soon.
 */
function atWindowEdge(layout: TextLayout, onScreen: SectionWindow, current: SectionWindow): boolean {
  return (onScreen.first <= current.first && current.first > 0) || (onScreen.last >= current.last && current.last < layout.sections.length - 1);
}

/**
 * Keeps the decorated window on the sections in view of `scroller`; returns the stopper.
 *
 * Drawing a section near (its lines built, decorated and laid out) is the costly part of a
 * scroll. When the screen reaches the margin of the window, the window is moved in the next idle
 * period, ahead of the reader, so that the frame that brings the next section on screen finds it
 * drawn already and does not pay for it on top of its own layout and paint; a screen that runs
 * past the window (a jump, a fast scroll) is still redecorated in the frame that sees it.
 */
export function followVisibleWindow(view: EditorView, layout: TextLayout, scroller: HTMLElement): () => void {
  let frame = 0;
  let idle = 0;
  // The first look decorates the margin around the screen too (the view starts with the screen alone).
  let marginDrawn = false;
  const moveAhead = () => {
    idle = 0;
    const onScreen = sectionsOnScreen(view, layout, scroller);
    const current = highlightKey.getState(view.state)?.window;
    if (!onScreen || !current || !atWindowEdge(layout, onScreen, current)) return;
    const window = windowAround(layout, onScreen);
    if (window.first !== current.first || window.last !== current.last) dispatchHighlights(view, { window });
  };
  const followScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const onScreen = sectionsOnScreen(view, layout, scroller);
      const current = highlightKey.getState(view.state)?.window;
      // Redecorate only when the screen reaches past the decorated sections, and then decorate
      // a margin around it, so that small scrolls cost nothing.
      if (!onScreen || !current) return;
      const window = windowAround(layout, onScreen);
      const firstLook = !marginDrawn;
      marginDrawn = true;
      if (onScreen.first < current.first || onScreen.last > current.last || (firstLook && (window.first !== current.first || window.last !== current.last))) {
        dispatchHighlights(view, { window });
      } else if (!idle && atWindowEdge(layout, onScreen, current)) {
        idle = requestIdleCallback(moveAhead, { timeout: AHEAD_WITHIN_MS });
      }
    });
  };
  scroller.addEventListener('scroll', followScroll, { passive: true });
  const resizes = new ResizeObserver(followScroll);
  // Its first report comes after the first frame's layout: the first look waits for it.
  resizes.observe(scroller);
  return () => {
    scroller.removeEventListener('scroll', followScroll);
    resizes.disconnect();
    cancelAnimationFrame(frame);
    if (idle) cancelIdleCallback(idle);
  };
}
