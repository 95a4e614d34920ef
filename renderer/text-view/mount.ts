/**
 * Mounts the text view: a ProseMirror view of the open document's exact text with its coded
 * segments as highlights, in a shadow root of the host. The text cannot be changed (every input
 * is refused), but it takes focus, shows a caret and keeps a selection, so that passages are
 * selected with the mouse or the keyboard and coded with the code's key.
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
import { codeStyleSheet } from './code-styles';
import { documentNode } from './document-node';
import { handlesPlugin } from './handles-plugin';
import { highlightPlugin, segmentIdsAt } from './highlight-plugin';
import { handleTextKey } from './keymap';
import { readOnlyText } from './read-only';
import { searchPlugin } from './search-plugin';
import { textViewStyleSheet } from './text-view-styles';

/** Makes the view of `open` inside `host`'s shadow root; `unmount` takes it away again. */
export function mountTextView(host: HTMLElement, open: OpenDocumentState): { view: EditorView; unmount: () => void } {
  const { layout } = open;
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [textViewStyleSheet(), codeStyleSheet()];
  const mount = document.createElement('div');
  shadow.append(mount);
  const view = new EditorView(mount, {
    state: EditorState.create({
      doc: documentNode(layout),
      plugins: [
        highlightPlugin(layout, open.segments),
        searchPlugin(layout),
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
      'aria-label': `Text of ${open.document.title}`,
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
      mount.remove();
    },
  };
}
