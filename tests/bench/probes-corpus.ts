/**
 * Page probes of the corpus part of the bench (bench-corpus.ts): the start of the app until the
 * first document is drawn, and the interactions with the lists of a large project (the document
 * list, the coded-segments view, the search's hits and the code-all-hits preview). Every timing
 * runs inside the page with performance.now(), from the input event until the list shows its
 * answer and one frame has been laid out (requestAnimationFrame plus a forced layout).
 */

/** Milliseconds from the input until the answer was laid out, and until it was painted. */
export interface ListTimes {
  drawn: number;
  painted: number;
}

/** What the page must show before the time stops (checked after every DOM change). */
export type ShownWhen =
  /** An element matching the selector exists. */
  | { kind: 'present'; selector: string }
  /** No element matches the selector. */
  | { kind: 'absent'; selector: string }
  /** The element's text is exactly `text`. */
  | { kind: 'text'; selector: string; text: string }
  /** The element's text is no longer `text` (and the element exists). */
  | { kind: 'textNot'; selector: string; text: string }
  /** At least one element matches `selector`, and each one's text contains `text` (any case). */
  | { kind: 'allContain'; selector: string; text: string }
  /** The focused element matches the selector. */
  | { kind: 'focused'; selector: string }
  /** The point at the middle of `scroller`'s visible area lies inside an element matching `row`. */
  | { kind: 'rowAtMiddle'; scroller: string; row: string };

function animationFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

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

/** One frame laid out after the action that began at `t0`, then the next task (painted). */
async function timesSince(t0: number): Promise<ListTimes> {
  await animationFrame();
  void document.body.offsetHeight;
  const drawn = performance.now() - t0;
  await nextTask();
  return { drawn, painted: performance.now() - t0 };
}

function element(selector: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing in the page matches ${selector}`);
  return found;
}

/**
 * The element that scrolls the list matched by `selector`: the element itself or the nearest
 * ancestor that scrolls (a list drawn whole scrolls inside its panel; a windowed one is its own
 * scroll box).
 */
function scrollerOf(selector: string): HTMLElement {
  for (let at: HTMLElement | null = element(selector); at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if ((overflowY === 'auto' || overflowY === 'scroll') && at.scrollHeight > at.clientHeight) return at;
  }
  throw new Error(`nothing scrolls ${selector}`);
}

function holds(when: ShownWhen): boolean {
  switch (when.kind) {
    case 'present':
      return document.querySelector(when.selector) !== null;
    case 'absent':
      return document.querySelector(when.selector) === null;
    case 'text':
      return document.querySelector(when.selector)?.textContent === when.text;
    case 'textNot': {
      const found = document.querySelector(when.selector);
      return found !== null && found.textContent !== when.text;
    }
    case 'allContain': {
      const rows = document.querySelectorAll(when.selector);
      const needle = when.text.toLocaleLowerCase();
      return rows.length > 0 && Array.from(rows).every((row) => (row.textContent ?? '').toLocaleLowerCase().includes(needle));
    }
    case 'focused':
      return document.activeElement?.matches(when.selector) ?? false;
    case 'rowAtMiddle': {
      const box = scrollerOf(when.scroller).getBoundingClientRect();
      // Also a few pixels lower: the middle may fall in the gap between two rows.
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      return [y, y + 6].some((at) => document.elementFromPoint(x, at)?.closest(when.row) != null);
    }
  }
}

/** Resolves once `when` holds: checked now and after every DOM change (no polling delay). */
function until(when: ShownWhen, timeoutMs: number): Promise<void> {
  if (holds(when)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!holds(when)) return;
      stop();
      resolve();
    };
    const observer = new MutationObserver(check);
    // A scrolled list may show its rows without a DOM change (all rows drawn already).
    const onScroll = () => requestAnimationFrame(check);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${JSON.stringify(when)}`));
    }, timeoutMs);
    const stop = () => {
      observer.disconnect();
      document.removeEventListener('scroll', onScroll, true);
      clearTimeout(timer);
    };
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    document.addEventListener('scroll', onScroll, true);
  });
}

/**
 * The start: waits for the first document of the list (from the page's navigation start), clicks
 * it and waits until its text is ready and drawn. `listed` and `drawn` count from the navigation's
 * start (performance.now() is 0 there), so they hold the loading of the page itself.
 */
export async function startToFirstDocument(timeoutMs: number): Promise<{ listed: number; drawn: number; painted: number }> {
  const first = '.document-list .document-button';
  await until({ kind: 'present', selector: first }, timeoutMs);
  const listed = performance.now();
  const button = element(first);
  const id = button.dataset.documentId ?? '';
  button.click();
  await until({ kind: 'present', selector: `.text-host[data-ready][data-document-id="${CSS.escape(id)}"]` }, timeoutMs);
  const { drawn, painted } = await timesSince(0);
  return { listed, drawn, painted };
}

/** Waits (untimed) until `when` holds: for the set-up between measurements. */
export function waitFor(when: ShownWhen, timeoutMs: number): Promise<void> {
  return until(when, timeoutMs);
}

/** Clicks the element and times until `when` holds and a frame is laid out. */
export async function clickUntil(selector: string, when: ShownWhen, timeoutMs: number): Promise<ListTimes> {
  const target = element(selector);
  const t0 = performance.now();
  target.click();
  await until(when, timeoutMs);
  return timesSince(t0);
}

/**
 * Scrolls the list `scroller` (or the box it scrolls in) to `fraction` of its height (0 top, 1 end) and times until a row lies at the
 * middle of its visible area and a frame is laid out.
 */
export async function scrollUntilRow(scroller: string, row: string, fraction: number, timeoutMs: number): Promise<ListTimes> {
  const list = scrollerOf(scroller);
  const t0 = performance.now();
  list.scrollTop = fraction * (list.scrollHeight - list.clientHeight);
  list.dispatchEvent(new Event('scroll')); // as the browser does on its own at the next frame
  await until({ kind: 'rowAtMiddle', scroller, row }, timeoutMs);
  return timesSince(t0);
}

/**
 * Sets the value of an input or select as a researcher's typing or choice does (through the
 * element's own value setter, then an input and a change event, which React listens to), and
 * times until `when` holds and a frame is laid out.
 */
export async function enterUntil(selector: string, value: string, when: ShownWhen, timeoutMs: number): Promise<ListTimes> {
  const field = element(selector) as HTMLInputElement | HTMLSelectElement;
  const prototype = field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')!.set!;
  const t0 = performance.now();
  setValue.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await until(when, timeoutMs);
  return timesSince(t0);
}

/** Focuses the element, presses `key` on it and times until `when` holds and a frame is laid out. */
export async function keyUntil(selector: string, key: string, when: ShownWhen, timeoutMs: number): Promise<ListTimes> {
  const target = element(selector);
  target.focus();
  const t0 = performance.now();
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  await until(when, timeoutMs);
  return timesSince(t0);
}

/** How many elements match the selector (rows in the DOM, say). */
export function countOf(selector: string): number {
  return document.querySelectorAll(selector).length;
}

/** The value of an attribute of the first element matching the selector (null when none). */
export function attributeOf(selector: string, name: string): string | null {
  return document.querySelector(selector)?.getAttribute(name) ?? null;
}

/** The text of the first element matching the selector (null when none). */
export function textOf(selector: string): string | null {
  return document.querySelector(selector)?.textContent ?? null;
}
