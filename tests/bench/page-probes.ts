/**
 * Probes that run inside the page during the bench. bench.ts bundles this file with esbuild and
 * installs it as an init script (`window.__benchProbes`), so every timing starts and stops inside
 * the page with performance.now() and no Playwright round trip is counted. (Functions handed
 * straight to page.evaluate would not do: tsx compiles them with `__name` helpers that the page
 * does not have.)
 *
 * A "frame" below means one requestAnimationFrame followed by a forced style and layout
 * (`document.body.offsetHeight`), so that the frame's layout work is inside the measured time.
 * The timed probes also report `painted`: the time until the next task after that frame, which
 * runs only once the frame's paint and its commit to the compositor are done (a supplementary
 * figure; the targets use `drawn`).
 */
import { LINES_PER_SECTION } from '../../shared/text/text-layout';

/** A passage of the text view by line index and UTF-16 column within each line's content. */
export interface LinePassage {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Milliseconds from the action until its frame was laid out, and until it was painted. */
export interface FrameTimes {
  drawn: number;
  painted: number;
}

export interface PassageCheck {
  startLineText: string;
  endLineText: string;
  /** True when every character of the passage is already inside a highlight of the code. */
  covered: boolean;
}

function nextAnimationFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** One animation frame, then a forced layout. */
async function frame(): Promise<void> {
  await nextAnimationFrame();
  void document.body.offsetHeight;
}

/** Resolves in a new task (a MessageChannel message: not clamped like setTimeout). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** After the action that began at `t0`: one frame (drawn), then the next task (painted). */
async function frameTimes(t0: number): Promise<FrameTimes> {
  await frame();
  const drawn = performance.now() - t0;
  await nextTask();
  return { drawn, painted: performance.now() - t0 };
}

/**
 * Resolves as soon as `test()` holds: checked now, and again after every DOM mutation under
 * `root` that `options` select (mutation callbacks are microtasks, so no polling delay is added).
 */
function whenTrue(
  test: () => boolean,
  root: Node,
  options: MutationObserverInit,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  if (test()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!test()) return;
      stop();
      resolve();
    });
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`));
    }, timeoutMs);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(root, options);
  });
}

/** The shadow root that holds the text view. */
function textRoot(): ShadowRoot & { getSelection(): Selection | null } {
  const root = document.querySelector('.text-host[data-ready]')?.shadowRoot;
  if (!root) throw new Error('no document is open in the text view');
  return root as ShadowRoot & { getSelection(): Selection | null };
}

/** The ProseMirror editor element of the open document (inside the host's shadow root). */
function textView(): HTMLElement {
  const view = textRoot().querySelector<HTMLElement>('.text-view');
  if (!view) throw new Error('no document is open in the text view');
  return view;
}

/** The `.tv-line` element of line `line`, found by the `doc > section > line` arithmetic. */
function lineElement(view: HTMLElement, line: number): HTMLElement {
  const element = view.children[Math.floor(line / LINES_PER_SECTION)]?.children[line % LINES_PER_SECTION];
  if (!(element instanceof HTMLElement) || !element.classList.contains('tv-line')) {
    throw new Error(`line ${line} is not where the text layout puts it`);
  }
  return element;
}

function textNodes(element: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** A DOM point for a column of a line (the logic of tests/support/select-text.ts, per line). */
function domPoint(view: HTMLElement, line: number, column: number): [Node, number] {
  const element = lineElement(view, line);
  let rest = column;
  for (const node of textNodes(element)) {
    if (rest <= node.length) return [node, rest];
    rest -= node.length;
  }
  return [element, 0];
}

/** True when every text node the passage touches sits inside an element matching `selector`. */
function coveredBy(view: HTMLElement, passage: LinePassage, selector: string): boolean {
  for (let line = passage.startLine; line <= passage.endLine; line++) {
    const from = line === passage.startLine ? passage.startColumn : 0;
    const to = line === passage.endLine ? passage.endColumn : Infinity;
    let offset = 0;
    for (const node of textNodes(lineElement(view, line))) {
      if (offset < to && offset + node.length > from && !node.parentElement?.closest(selector)) return false;
      offset += node.length;
    }
  }
  return true;
}

function messageText(): string {
  return document.querySelector('.message-bar')?.textContent?.trim() || 'none';
}

/** Lets the page finish what it is doing: two frames. */
export async function settle(): Promise<void> {
  await frame();
  await frame();
}

/**
 * Clicks a document's button in the list and measures until its text view is ready
 * (`.text-host[data-ready]` with that document id) and a frame has been drawn.
 */
export async function openAndDraw(documentId: string, timeoutMs: number): Promise<FrameTimes> {
  const id = CSS.escape(documentId);
  const button = document.querySelector<HTMLButtonElement>(`.document-button[data-document-id="${id}"]`);
  if (!button) throw new Error(`no button for document ${documentId} in the list`);
  const ready = `.text-host[data-ready][data-document-id="${id}"]`;
  const t0 = performance.now();
  button.click();
  await whenTrue(
    () => document.querySelector(ready) !== null,
    document.body,
    { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-document-id'] },
    timeoutMs,
    () => `${ready} (message: ${messageText()})`,
  );
  return frameTimes(t0);
}

/**
 * Brings the sections of lines `from`–`to` near the screen, so that they are drawn line by line
 * (sections far from the screen hold their text as one block: far-sections.ts), and waits until they are.
 */
async function drawnInFull(view: HTMLElement, from: number, to: number): Promise<void> {
  const sections = (): Element[] => {
    const found: Element[] = [];
    for (let index = Math.floor(from / LINES_PER_SECTION); index <= Math.floor(to / LINES_PER_SECTION); index++) {
      const section = view.children[index];
      if (!section) throw new Error(`line ${index * LINES_PER_SECTION} is not where the text layout puts it`);
      found.push(section);
    }
    return found;
  };
  const far = () => sections().some((section) => section.classList.contains('tv-far'));
  if (!far()) return;
  (sections()[0] as HTMLElement).scrollIntoView({ block: 'center' });
  for (let frames = 0; far(); frames++) {
    if (frames > 600) throw new Error(`lines ${from}–${to} stayed drawn as a far block after scrolling to them`);
    await frame();
  }
}

/** The text of the passage's first and last lines as drawn, and whether it is already coded. */
export async function checkPassage(passage: LinePassage, codeId: string): Promise<PassageCheck> {
  const view = textView();
  await drawnInFull(view, passage.startLine, passage.endLine);
  return {
    startLineText: lineElement(view, passage.startLine).textContent ?? '',
    endLineText: lineElement(view, passage.endLine).textContent ?? '',
    covered: coveredBy(view, passage, `.seg.code-${codeId}`),
  };
}

/** Line index and column of a DOM point inside the text view (the inverse of domPoint). */
function linePoint(view: HTMLElement, node: Node, offset: number): { line: number; column: number } | null {
  const element = node instanceof Element ? node : node.parentElement;
  const line = element?.closest('.tv-line');
  const section = line?.parentElement;
  if (!line || !section || section.parentElement !== view) return null;
  const before = document.createRange();
  before.setStart(line, 0);
  before.setEnd(node, offset);
  return {
    line: Array.prototype.indexOf.call(view.children, section) * LINES_PER_SECTION + Array.prototype.indexOf.call(section.children, line),
    column: before.toString().length,
  };
}

/** True when the page's selection is exactly the passage. */
function selectionIs(view: HTMLElement, passage: LinePassage): boolean {
  const selection = textRoot().getSelection();
  if (!selection || selection.rangeCount !== 1) return false;
  const range = selection.getRangeAt(0);
  const start = linePoint(view, range.startContainer, range.startOffset);
  const end = linePoint(view, range.endContainer, range.endOffset);
  return (
    start?.line === passage.startLine &&
    start.column === passage.startColumn &&
    end?.line === passage.endLine &&
    end.column === passage.endColumn
  );
}

/**
 * Scrolls the passage into view, focuses the text and selects the passage with a DOM range, as
 * a mouse selection would; resolves once ProseMirror has taken the selection over.
 */
export async function selectPassage(passage: LinePassage): Promise<void> {
  const view = textView();
  view.focus({ preventScroll: true });
  await settle(); // let the focus's own selection changes pass first
  for (let attempt = 0; attempt < 3; attempt++) {
    // Drawn line by line and in view (the focus may have brought the caret's place back to the screen).
    await drawnInFull(view, passage.startLine, passage.endLine);
    lineElement(view, passage.startLine).scrollIntoView({ block: 'center' });
    await settle();
    await drawnInFull(view, passage.startLine, passage.endLine);
    const range = document.createRange();
    range.setStart(...domPoint(view, passage.startLine, passage.startColumn));
    range.setEnd(...domPoint(view, passage.endLine, passage.endColumn));
    const changed = new Promise<void>((resolve) =>
      document.addEventListener('selectionchange', () => resolve(), { once: true }),
    );
    const selection = window.getSelection();
    if (!selection) throw new Error('the page has no selection object');
    selection.removeAllRanges();
    selection.addRange(range);
    await changed; // ProseMirror reads the DOM selection in its own selectionchange listener
    await settle();
    if (selectionIs(view, passage)) return;
  }
  throw new Error(`could not select lines ${passage.startLine}–${passage.endLine}: the selection kept changing`);
}

/**
 * Presses a code key on the text view and measures until the passage is drawn inside highlights
 * of that code and a frame has been drawn.
 */
export async function pressCodeKey(
  key: string,
  passage: LinePassage,
  codeId: string,
  timeoutMs: number,
): Promise<FrameTimes> {
  const view = textView();
  const selector = `.seg.code-${codeId}`;
  const t0 = performance.now();
  view.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  await whenTrue(
    () => coveredBy(view, passage, selector),
    view,
    { subtree: true, childList: true, characterData: true, attributes: true },
    timeoutMs,
    () => `${selector} over lines ${passage.startLine}–${passage.endLine} (message: ${messageText()})`,
  );
  return frameTimes(t0);
}

/** The reference: a keydown the text view ignores (Shift alone), then a frame. */
export async function pressNoOpKey(): Promise<FrameTimes> {
  const view = textView();
  const t0 = performance.now();
  view.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true, cancelable: true }));
  return frameTimes(t0);
}
export * from './probes-text-view';
export * from './probes-corpus';
