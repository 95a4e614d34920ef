/**
 * The codes of a highlight in words, shown beside the pointer while it rests on coded text: the
 * underlines' colours tell codes apart at a glance, the label says which they are (colour is never
 * the only carrier of a code). The label is hidden from screen readers, which hear the same from
 * the caret (caret-codes.ts).
 *
 * The pointer moves far more often than the screen is drawn, and finding the text under it reads
 * the layout: the label follows the latest position once per frame, however many moves came.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { segmentIdsAt } from './highlight-plugin';
import { segmentsInWords } from './segment-labels';

/** The label element (put it in the text's frame, which it is placed in). */
export function hoverLabelElement(): HTMLElement {
  const label = document.createElement('div');
  label.className = 'hover-label';
  label.setAttribute('aria-hidden', 'true');
  label.hidden = true;
  return label;
}

/** Where the pointer is: its place on the page and the element it is over. */
interface Pointer {
  x: number;
  y: number;
  over: Element | null;
}

/** Shows the codes under `pointer` in `label`, or hides it over uncoded text. */
function showCodesAt(view: EditorView, label: HTMLElement, pointer: Pointer): void {
  const found = pointer.over?.closest?.('.seg') ? view.posAtCoords({ left: pointer.x, top: pointer.y }) : null;
  const words = found ? segmentsInWords(view.state, segmentIdsAt(view.state, found.pos)) : '';
  if (!words) {
    label.hidden = true;
    return;
  }
  // All reads before the writes, so that placing the label forces no second layout.
  const frame = (label.offsetParent ?? label.parentElement)!.getBoundingClientRect();
  label.textContent = words;
  label.hidden = false;
  label.style.left = `${pointer.x - frame.left + 12}px`;
  label.style.top = `${pointer.y - frame.top + 18}px`;
}

/** A plugin that shows the codes under the pointer in `label`. */
export function hoverLabelPlugin(label: HTMLElement): Plugin {
  let latest: Pointer | null = null;
  let frame = 0;
  const hide = () => {
    latest = null;
    label.hidden = true;
    return false;
  };
  return new Plugin({
    view() {
      return {
        destroy() {
          cancelAnimationFrame(frame);
          frame = 0;
        },
      };
    },
    props: {
      handleDOMEvents: {
        mousemove(view, event) {
          latest = { x: event.clientX, y: event.clientY, over: event.target as Element | null };
          if (!frame) {
            frame = requestAnimationFrame(() => {
              frame = 0;
              if (latest) showCodesAt(view, label, latest);
            });
          }
          return false;
        },
        mouseleave: hide,
      },
    },
  });
}
