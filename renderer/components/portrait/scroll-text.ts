/**
 * Going to a place of the open text from a portrait: the caret (or a passage) there, shown a third
 * of the way down the screen. The text view scrolls a selection just into view, and a passage
 * brought from far away can end up outside the screen once the lines around it are drawn (the
 * sections away from the screen have estimated heights until the page lays them out, more so just
 * after a text is opened); so the box of its line is read after that, and again for a few frames,
 * placing it while the heights above it settle.
 */
import { offsetToPos } from '../../../shared/text/text-layout';
import { getState, subscribe } from '../../store';

/** The most frames a place is watched for while the heights above it settle. */
const SETTLE_FRAMES = 30;

/** Ends the settling of the last place asked for. */
let stopSettling: () => void = () => {};

/** Keeps an offset off the second half of a surrogate pair (an emoji is one place). */
function characterStart(text: string, offset: number): number {
  const unit = text.charCodeAt(offset);
  return offset > 0 && unit >= 0xdc00 && unit <= 0xdfff ? offset - 1 : offset;
}

/** Selects `[start, end)` of the open text (a caret when empty) and shows its start a third of the way down `scroller`. */
export function scrollTextTo(scroller: HTMLElement, start: number, end = start): void {
  // One place at a time: a drag along the strip asks for a new one every frame.
  stopSettling();
  const { open, textView } = getState();
  if (!open || !textView) return;
  const at = characterStart(open.text, Math.max(0, Math.min(open.text.length, start)));
  textView.reveal({ start: at, end: Math.max(at, Math.min(open.text.length, end)) });
  const pos = offsetToPos(open.layout, at);
  const documentId = open.document.id;
  /** Scrolls the line of `pos` to a third of the screen when it is away from there; true when it was in place. */
  const place = (): boolean => {
    const line = getState().open?.document.id === documentId ? getState().textView?.anchorBox(pos) : null;
    if (!line) return true;
    const area = scroller.getBoundingClientRect();
    const target = area.top + area.height / 3;
    if (Math.abs(line.top - target) < area.height / 4) return true;
    scroller.scrollTop += line.top - target;
    return false;
  };
  place();
  // The researcher's own scroll or click ends the settling at once.
  let frames = 0;
  let still = 0;
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    scroller.removeEventListener('wheel', stop);
    scroller.removeEventListener('pointerdown', stop);
    if (stopSettling === stop) stopSettling = () => {};
  };
  stopSettling = stop;
  scroller.addEventListener('wheel', stop, { passive: true });
  scroller.addEventListener('pointerdown', stop);
  const settle = () => {
    still = place() ? still + 1 : 0;
    if (++frames < SETTLE_FRAMES && still < 3) frame = requestAnimationFrame(settle);
    else stop();
  };
  frame = requestAnimationFrame(settle);
}

/**
 * Once `documentId`'s text is shown (its view up, and the passage waiting for it revealed, a frame
 * later), shows `offset` of it as scrollTextTo does. Gives up when another document is shown first.
 */
export function scrollWhenShown(documentId: string, offset: number): void {
  const place = () => {
    requestAnimationFrame(() => {
      const scroller = document.querySelector<HTMLElement>('.document');
      if (scroller && getState().open?.document.id === documentId) scrollTextTo(scroller, offset);
    });
  };
  const ready = () => getState().textView !== null && getState().open?.document.id === documentId;
  if (ready()) return place();
  const stop = subscribe(() => {
    const { open } = getState();
    if (open && open.document.id !== documentId) return stop();
    if (!ready()) return;
    stop();
    place();
  });
}
