/** Handlers of document variables: defining and removing one, and setting a document's value. */
import { defineVariable, removeVariable, setDocumentValue } from '../../shared/edits/variables';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';
import { done } from './outcome';

export function variableHandlers({ store }: HandlerContext): Pick<Handlers, 'defineVariable' | 'removeVariable' | 'setDocumentValue'> {
  return {
    defineVariable: async (input) => done(store, await store.edit((state) => defineVariable(state, input))),
    removeVariable: async (input) => done(store, await store.edit((state) => removeVariable(state, input))),
    setDocumentValue: async (input) => done(store, await store.edit((state) => setDocumentValue(state, input))),
  };
}
