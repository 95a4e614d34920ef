/** The text is the source, kept exact: this plugin refuses every change, from keys, input events, paste or drop. */
import { Plugin } from 'prosemirror-state';

export const readOnlyText = new Plugin({
  filterTransaction: (tr) => !tr.docChanged,
  props: {
    handleTextInput: () => true,
    handlePaste: () => true,
    handleDrop: () => true,
    handleDOMEvents: {
      beforeinput: (_view, event) => {
        event.preventDefault();
        return true;
      },
    },
  },
});
