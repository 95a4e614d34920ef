/**
 * The codes of a highlight in words, shown beside the pointer while it rests on coded text: the
 * underlines' colours tell codes apart at a glance, the label says which they are (colour is never
 * the only carrier of a code). The label is hidden from screen readers, which hear the same from
 * the caret (caret-codes.ts).
 */
import { Plugin } from 'prosemirror-state';
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

/** A plugin that shows the codes under the pointer in `label`. */
export function hoverLabelPlugin(label: HTMLElement): Plugin {
  const hide = () => {
    label.hidden = true;
    return false;
  };
  return new Plugin({
    props: {
      handleDOMEvents: {
        mousemove(view, event) {
          const found = (event.target as Element | null)?.closest?.('.seg') ? view.posAtCoords({ left: event.clientX, top: event.clientY }) : null;
          const words = found ? segmentsInWords(segmentIdsAt(view.state, found.pos)) : '';
          if (!words) return hide();
          const frame = (label.offsetParent ?? label.parentElement)!.getBoundingClientRect();
          label.textContent = words;
          label.hidden = false;
          label.style.left = `${event.clientX - frame.left + 12}px`;
          label.style.top = `${event.clientY - frame.top + 18}px`;
          return false;
        },
        mouseleave: hide,
      },
    },
  });
}
