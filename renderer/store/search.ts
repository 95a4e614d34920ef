/** The search: its words and scope, the hits of the last run, and which run is the latest. */
import type { CorpusSearchResult } from '../../shared/views/corpus-search';
import type { SearchQuery } from '../../shared/text/search';

export interface SearchState {
  query: SearchQuery;
  scope: 'document' | 'corpus';
  result: CorpusSearchResult | null;
  error: string | null;
  running: boolean;
}

export interface SearchSlice {
  /** The last search and its hits. */
  search: SearchState;
  /** Counts the runs, so that an answer to a run a newer one has replaced is dropped. */
  searchRun: number;
}

export const searchInitial: SearchSlice = {
  search: {
    query: { pattern: '', regex: false, caseSensitive: false, wholeWord: false },
    scope: 'document',
    result: null,
    error: null,
    running: false,
  },
  searchRun: 0,
};

/** The search's words or scope changed. */
export function withSearchChanged(state: SearchSlice, change: Partial<Pick<SearchState, 'query' | 'scope'>>): Partial<SearchSlice> {
  return { search: { ...state.search, ...change } };
}

/** A new run started (`running` says whether it asks the main process); what an older run finds is dropped. */
export function withSearchStarted(state: SearchSlice, running: boolean): Partial<SearchSlice> {
  const search = running ? { ...state.search, running } : { ...state.search, result: null, error: null, running };
  return { search, searchRun: state.searchRun + 1 };
}

/** Run `run` found `result` (or failed with `error`); nothing when a newer run has started. */
export function withSearchAnswered(state: SearchSlice, run: number, result: CorpusSearchResult | null, error: string | null): Partial<SearchSlice> {
  if (run !== state.searchRun) return {};
  return { search: { ...state.search, running: false, result, error } };
}

/** The search closed: its hits go, its words stay, and a run still under way draws nothing. */
export function withSearchEnded(state: SearchSlice): Partial<SearchSlice> {
  return { search: { ...state.search, result: null, error: null, running: false }, searchRun: state.searchRun + 1 };
}
