/**
 * Probes of the text view's bench part (bench-text-view.ts), run inside the page like those of
 * page-probes.ts (which re-exports these): the floor (the same text laid out as plain paragraphs),
 * the text column's measures for it, and the frames of a scroll from the top of the text to its end.
 */

/** What the floor's paragraphs copy from the text view, so that both lay out the same lines. */
export interface TextColumn {
  width: number;
  fontFamily: string;
  fontSize: string;
  lineHeight: string;
}

/** Frames of a scroll: the time between each animation frame and the next, in milliseconds. */
export interface ScrollFrames {
  deltas: number[];
  /** Screens scrolled (one per frame). */
  screens: number;
  /** The height of the scrolled text at the end, in CSS pixels. */
  height: number;
}

function nextAnimationFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** The element the text scrolls in (the workspace's document pane). */
function textScroller(): HTMLElement {
  const host = document.querySelector<HTMLElement>('.text-host[data-ready]');
  const scroller = host?.closest<HTMLElement>('.document');
  if (!scroller) throw new Error('no document is open in the text view');
  return scroller;
}

/** The width and font of the open text view's lines. */
export function textColumn(): TextColumn {
  const line = document.querySelector('.text-host[data-ready]')?.shadowRoot?.querySelector<HTMLElement>('.tv-line');
  if (!line) throw new Error('no document is open in the text view');
  const style = getComputedStyle(line);
  return { width: line.getBoundingClientRect().width, fontFamily: style.fontFamily, fontSize: style.fontSize, lineHeight: style.lineHeight };
}

/** Keeps a text in the page for `layOutPlainParagraphs` (handing it over is not timed). */
export function keepText(text: string): number {
  (window as unknown as { __benchText: string }).__benchText = text;
  return text.length;
}

/**
 * The floor: lays out the kept text as one `<p>` per line in a column like the text view's, and
 * returns the milliseconds from the start until one animation frame and a forced layout have passed.
 */
export async function layOutPlainParagraphs(column: TextColumn): Promise<number> {
  const text = (window as unknown as { __benchText: string }).__benchText;
  document.body.replaceChildren();
  document.head.querySelector('style[data-floor]')?.remove();
  const style = document.createElement('style');
  style.dataset.floor = '';
  style.textContent =
    `body { margin: 0; } .floor { width: ${column.width}px; font-family: ${column.fontFamily}; font-size: ${column.fontSize}; ` +
    `line-height: ${column.lineHeight}; white-space: pre-wrap; overflow-wrap: break-word; } .floor p { margin: 0; min-height: ${column.lineHeight}; }`;
  document.head.append(style);
  void document.body.offsetHeight;
  const t0 = performance.now();
  const container = document.createElement('div');
  container.className = 'floor';
  for (const line of text.split(/\r\n|\n|\r/)) {
    const paragraph = document.createElement('p');
    paragraph.textContent = line;
    container.append(paragraph);
  }
  document.body.append(container);
  await nextAnimationFrame();
  void document.body.offsetHeight;
  return performance.now() - t0;
}

/** The element that scrolls a page of plain paragraphs (the floor's). */
function pageScroller(): HTMLElement {
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/**
 * Scrolls `scroller` from its top (or `fromFraction` of its height) towards its end, `step` pixels
 * per frame (one screen when 0), for at most `maxFrames` frames, and returns the time between
 * frames (the first delta is from the frame that started the scroll).
 */
async function scrollFrames(scroller: HTMLElement, maxFrames: number, fromFraction: number, step: number): Promise<ScrollFrames> {
  scroller.scrollTop = fromFraction * scroller.scrollHeight;
  await nextAnimationFrame();
  await nextAnimationFrame();
  const deltas: number[] = [];
  let previous = await nextAnimationFrame();
  let screens = 0;
  while (screens < maxFrames) {
    const before = scroller.scrollTop;
    scroller.scrollTop = before + (step || scroller.clientHeight);
    const now = await nextAnimationFrame();
    deltas.push(now - previous);
    previous = now;
    screens++;
    if (scroller.scrollTop === before) break; // the end
  }
  return { deltas, screens, height: scroller.scrollHeight };
}

/** The open document's count of segments as its entry in the document list says it. */
function openDocumentCount(documentId: string): string {
  return document.querySelector(`.document-button[data-document-id="${CSS.escape(documentId)}"] .document-meta`)?.textContent ?? '';
}

/**
 * Undo or redo by its key (Ctrl+Z, Ctrl+Y) in the text view: the milliseconds from the key until
 * the open document's count in the list has changed (the main process answered and the page
 * showed the outcome: highlights, lists) and one frame plus a forced layout have passed.
 */
export async function stepHistoryByKey(direction: 'undo' | 'redo', documentId: string, timeoutMs: number): Promise<number> {
  const view = document.querySelector('.text-host[data-ready]')?.shadowRoot?.querySelector<HTMLElement>('.text-view');
  if (!view) throw new Error('no document is open in the text view');
  const before = openDocumentCount(documentId);
  const t0 = performance.now();
  view.dispatchEvent(new KeyboardEvent('keydown', { key: direction === 'undo' ? 'z' : 'y', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
  await new Promise<void>((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (openDocumentCount(documentId) === before) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${direction}: the count of ${documentId} stayed ${before}`));
    }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await nextAnimationFrame();
  void document.body.offsetHeight;
  return performance.now() - t0;
}

/**
 * Scrolls the open text from its top (or `fromFraction` of its height) to its end, one screen per
 * frame (or `step` pixels per frame), and returns the time between frames.
 */
export function scrollThrough(maxFrames: number, fromFraction = 0, step = 0): Promise<ScrollFrames> {
  return scrollFrames(textScroller(), maxFrames, fromFraction, step);
}

/** The same scroll over the floor's plain paragraphs (after `layOutPlainParagraphs`): the floor of scrolling. */
export function scrollPlainParagraphs(maxFrames: number, fromFraction = 0, step = 0): Promise<ScrollFrames> {
  return scrollFrames(pageScroller(), maxFrames, fromFraction, step);
}
