/**
 * Mounts the text view: a ProseMirror view of the open document's exact text with its coded
 * segments as highlights, in a shadow root of the host. The text cannot be changed (every input
 * is refused), but it takes focus, shows a caret and keeps a selection, so that passages are
 * selected with the mouse or the keyboard and coded with the code's key.
 *
 * Beside the text, in the same root: the coding stripes of the margin, the label of the codes under
 * the pointer, and the live region that says the codes at the caret (which describes the text box,
 * so it must share its root).
 *
 * Why a shadow root: while an editable element has the focus, React measures the selection inside
 * it on every commit by walking its DOM from the start; for a long document that walk cost tens
 * of milliseconds per key press. Inside a shadow root the focused element seen from the page is
 * the plain host, so React's commits stay cheap.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { closePopover, openPopover } from '../services/page';
import { moveSegmentTo } from '../services/segments';
import { getState, type OpenDocumentState } from '../store';
import { lineDirection } from '../../shared/text/text-direction';
import { t } from '../i18n/i18n';
import { caretCodesPlugin, caretCodesRegion } from './caret-codes';
import { codeStyleSheet } from './code-styles';
import { documentNode } from './document-node';
import { farSectionsPlugin } from './far-sections';
import { handlesPlugin } from './handles-plugin';
import { highlightPlugin, laneLinesPlugin, segmentIdsAt } from './highlight-plugin';
import { hoverLabelElement, hoverLabelPlugin } from './hover-label';
import { handleTextKey } from './keymap';
import { marginStripesPlugin } from './margin-stripes';
import { readOnlyText } from './read-only';
import { searchPlugin } from './search-plugin';
import { suggestionPlugin } from './suggestion-plugin';
import { suggestionTitle } from './suggestion-title';
import { textViewStyleSheet } from './text-view-styles';

/** Makes the view of `open` inside `host`'s shadow root; `unmount` takes it away again. */
export function mountTextView(host: HTMLElement, open: OpenDocumentState): { view: EditorView; unmount: () => void } {
  const { layout } = open;
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [textViewStyleSheet(), codeStyleSheet()];
  const frame = document.createElement('div');
  frame.className = 'text-frame';
  const stripes = document.createElement('div');
  stripes.className = 'stripes';
  const caretCodes = caretCodesRegion('caret-codes');
  const hoverLabel = hoverLabelElement();
  const mount = document.createElement('div');
  frame.append(stripes, mount, hoverLabel, caretCodes);
  shadow.append(frame);
  const direction = lineDirection(open.document.values);
  const view = new EditorView(mount, {
    state: EditorState.create({
      doc: documentNode(layout, direction.dir),
      plugins: [
        highlightPlugin(layout, open.segments),
        laneLinesPlugin,
        farSectionsPlugin(layout),
        marginStripesPlugin(layout, stripes, (segmentId, pos) => openPopover([segmentId], pos, true)),
        hoverLabelPlugin(hoverLabel),
        caretCodesPlugin(caretCodes, suggestionTitle),
        searchPlugin(layout),
        suggestionPlugin(layout, suggestionTitle),
        handlesPlugin(layout, {
          current: (id) => getState().open?.segments.find((s) => s.id === id),
          move: moveSegmentTo,
        }),
        readOnlyText,
      ],
    }),
    editable: () => true,
    attributes: {
      class: 'text-view',
      role: 'textbox',
      'aria-readonly': 'true',
      'aria-multiline': 'true',
      'aria-label': t('textView.label', { title: open.document.title }),
      'aria-describedby': caretCodes.id,
      ...(direction.lang ? { lang: direction.lang } : {}),
      spellcheck: 'false',
      autocorrect: 'off',
      autocapitalize: 'off',
      translate: 'no',
    },
    handleKeyDown: handleTextKey,
    handleClick(clickView, pos) {
      const ids = segmentIdsAt(clickView.state, pos);
      // A click shows the details but leaves the focus (and the caret) in the text.
      if (ids.length) openPopover(ids, pos, false);
      else closePopover();
      return false;
    },
  });
  return {
    view,
    unmount() {
      view.destroy();
      frame.remove();
    },
  };
}
