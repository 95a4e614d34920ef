/**
 * The page's one state, joined from the small modules beside this file (each with its state, its
 * reducers and its selectors), and the store that holds it.
 */
import { agreementInitial, type AgreementSlice } from './agreement';
import { codingInitial, type CodingState } from './coding';
import { draftsInitial, type DraftsState } from './drafts';
import { jobsInitial, type JobsState } from './jobs';
import { messagesInitial, type MessagesState } from './messages';
import { openDocumentInitial, type OpenDocumentSlice } from './open-document';
import { projectInitial, type ProjectState } from './project';
import { savingInitial, type SavingState } from './saving';
import { searchInitial, type SearchSlice } from './search';
import { sessionInitial, type SessionSlice } from './session';
import { settingsInitial, type SettingsSlice } from './settings';
import { suggestionsInitial, type SuggestionsSlice } from './suggestions';
import { createStore, type Change } from './store';
import { textViewInitial, type TextViewState } from './text-view';
import { workspaceInitial, type WorkspaceState } from './workspace';

export type State = ProjectState &
  OpenDocumentSlice &
  SavingState &
  MessagesState &
  JobsState &
  SearchSlice &
  CodingState &
  DraftsState &
  AgreementSlice &
  TextViewState &
  WorkspaceState &
  SettingsSlice &
  SessionSlice &
  SuggestionsSlice;

/** The state of a page that has just started. */
export function initialState(): State {
  return {
    ...projectInitial,
    ...openDocumentInitial,
    ...savingInitial,
    ...messagesInitial,
    ...jobsInitial,
    ...searchInitial,
    ...codingInitial(),
    ...draftsInitial,
    ...agreementInitial,
    ...textViewInitial,
    ...workspaceInitial,
    ...settingsInitial,
    ...sessionInitial,
    ...suggestionsInitial,
  };
}

const store = createStore<State>(initialState());

export function getState(): State {
  return store.getState();
}

export function update(change: Change<State>): void {
  store.update(change);
}

export function subscribe(listener: () => void): () => void {
  return store.subscribe(listener);
}

