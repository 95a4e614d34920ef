/** Handlers of documents: opening one, importing a text, renaming, writing its memo, removing it. */
import { segmentColumns } from '../../shared/ipc/documents';
import { shownTo } from '../../shared/views/blind-coding';
import { removeDocument, updateDocument } from '../../shared/edits/documents';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { done, outcome } from './outcome';

export function documentHandlers({ store }: HandlerContext): Pick<Handlers, 'openDocument' | 'importDocument' | 'updateDocument' | 'removeDocument'> {
  return {
    openDocument: async ({ documentId }) => {
      const { document, text, segments } = await store.openDocument(documentId);
      // Column by column, without quotes: the page cuts them from the text itself.
      return { document, text, segments: segmentColumns(shownTo(store.viewer, segments)) };
    },
    importDocument: async ({ name, data }) => {
      const result = await store.importDocument(name, Buffer.from(data, 'base64'));
      return {
        outcome: result.action && outcome(store, result.action, 'forward', []),
        duplicateOf: result.duplicateOf && { id: result.duplicateOf.id, title: result.duplicateOf.title },
        notes: result.notes,
      };
    },
    updateDocument: async (input) => done(store, await store.edit((state) => updateDocument(state, input))),
    removeDocument: async (input) => done(store, await store.edit((state) => removeDocument(state, input))),
  };
}
