/**
 * Says which codes the caret is in, for screen readers: when the caret comes to rest (a quarter
 * of a second after the last move) in a coded passage, a polite live region says "Coded: opinion;
 * factual claim (by bea)"; leaving coded text says "Not coded" once; moving within the same
 * segments says nothing again. The text box is described by the same region, so that its codes
 * are also read when the text takes the focus.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { t } from '../i18n/i18n';
import { segmentIdsAt } from './highlight-plugin';
import { caretPos } from './live-selection';
import { segmentsInWords } from './segment-labels';

/** How long the caret rests before its codes are announced (keys held down announce nothing). */
export const ANNOUNCE_DELAY_MS = 250;

/** The live region that the caret's codes are said in (put it beside the text, in the same root). */
export function caretCodesRegion(id: string): HTMLElement {
  const region = document.createElement('div');
  region.id = id;
  region.className = 'caret-codes';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  return region;
}

/** A plugin that announces the caret's codes in `region`. */
export function caretCodesPlugin(region: HTMLElement): Plugin {
  return new Plugin({
    view(view) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let said = '';
      const announce = (current: EditorView) => {
        timer = undefined;
        if (!current.hasFocus()) return;
        const ids = segmentIdsAt(current.state, caretPos(current)).sort();
        const key = ids.join(' ');
        if (key === said) return;
        // Leaving coded text is said once; moving on through uncoded text says nothing.
        region.textContent = ids.length ? t('textView.caret.coded', { codes: segmentsInWords(current.state, ids) }) : t('textView.caret.notCoded');
        said = key;
      };
      const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(() => announce(view), ANNOUNCE_DELAY_MS);
      };
      const onKey = () => schedule();
      view.dom.addEventListener('keyup', onKey);
      return {
        update(current, previous) {
          if (!current.state.selection.eq(previous.selection)) schedule();
        },
        destroy() {
          clearTimeout(timer);
          view.dom.removeEventListener('keyup', onKey);
        },
      };
    },
  });
}
