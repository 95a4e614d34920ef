/**
 * Says which codes the caret is in, for screen readers: when the caret comes to rest (a quarter
 * of a second after the last move) in a coded passage, a polite live region says "Coded: opinion;
 * factual claim (by bea)"; leaving coded text says "Not coded" once; moving within the same
 * segments says nothing again. In an uncoded sentence with a suggestion's dotted mark, it says the
 * suggestion too ("Not coded; suggested: likely opinion: 0.83"), which the mark's colour and title
 * alone would not tell. The text box is described by the same region, so that its codes are also
 * read when the text takes the focus.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { t } from '../i18n/i18n';
import { segmentIdsAt } from './highlight-plugin';
import { caretPos } from './live-selection';
import { segmentsInWords } from './segment-labels';
import { suggestionAt } from './suggestion-plugin';
import type { Suggestion } from '../../shared/suggestions/suggestions';

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

/** A plugin that announces the caret's codes in `region`; `describe` says a suggestion in words. */
export function caretCodesPlugin(region: HTMLElement, describe: (suggestion: Suggestion) => string): Plugin {
  return new Plugin({
    view(view) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let said = '';
      const announce = (current: EditorView) => {
        timer = undefined;
        if (!current.hasFocus()) return;
        const pos = caretPos(current);
        const ids = segmentIdsAt(current.state, pos).sort();
        const suggestion = ids.length ? null : suggestionAt(current.state, pos);
        const key = suggestion ? `suggested ${suggestion.start} ${suggestion.codeId}` : ids.join(' ');
        if (key === said) return;
        // Leaving coded text is said once; moving on through uncoded text says nothing.
        if (ids.length) region.textContent = t('textView.caret.coded', { codes: segmentsInWords(current.state, ids) });
        else region.textContent = suggestion ? t('textView.caret.notCodedSuggested', { suggestion: describe(suggestion) }) : t('textView.caret.notCoded');
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
