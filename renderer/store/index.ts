/**
 * The renderer's store: one state object joined from the small modules beside this file (each
 * with its state, its reducers and its selectors), changed only through `update`, observed by
 * React components (useStore) and by the text view (subscribe). Calls to the main process live in
 * renderer/services.
 */
export { getState, initialState, subscribe, update, type State } from './state';
export { holdRedraws, useDraft, useStore } from './use-store';
export { selectBlind, selectCodes, isVisible } from './project';
export { selectSegments, type OpenDocumentState, type Popover } from './open-document';
export type { Message } from './messages';
export type { SearchState } from './search';
export { writePreference } from './preferences';
