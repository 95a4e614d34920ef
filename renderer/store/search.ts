/**
 * The search: its words and scope, the hits of the last run (every hit of the open document, for
 * its highlights; the hits list a page at a time), and which run is the latest.
 */
import type { CorpusSearchPage, CorpusSearchResult, ListedHit } from '../../shared/views/corpus-search';
import type { SearchQuery } from '../../shared/text/search';

/** The hits list of the last run: how many hits, and the pages of them fetched so far. */
export interface HitListing {
  /** The run that found these hits: a page of a newer run starts the listing afresh. */
  run: number;
  /** What was searched for, and where (the documents named; all when undefined): the pages
   * still to fetch, and "code all hits", ask for these, whatever the search field says now. */
  query: SearchQuery;
  documentIds: string[] | undefined;
  total: number;
  /** False while only the first page has been found (the count is still being made). */
  complete: boolean;
  documentCount: number;
  /** Pages of hits by page number (HITS_PAGE hits each). */
  pages: ReadonlyMap<number, ListedHit[]>;
}

/** Hits fetched at once for the hits list. */
export const HITS_PAGE = 100;

export interface SearchState {
  query: SearchQuery;
  scope: 'document' | 'corpus';
  /** Every hit in the open document (for its highlights in the text). */
  result: CorpusSearchResult | null;
  /** The hits listed in the panel, in the scope searched. */
  listing: HitListing | null;
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
    listing: null,
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
  const search = running ? { ...state.search, running } : { ...state.search, result: null, listing: null, error: null, running };
  return { search, searchRun: state.searchRun + 1 };
}

/** Run `run` found `result` (or failed with `error`); nothing when a newer run has started. */
export function withSearchAnswered(state: SearchSlice, run: number, result: CorpusSearchResult | null, error: string | null): Partial<SearchSlice> {
  if (run !== state.searchRun) return {};
  return { search: { ...state.search, result, error } };
}

/**
 * Run `run` (of `query` over `documentIds`) found a page of its hits (or failed with `error`): the
 * first page of a run starts the listing afresh, later pages of the same run (in whatever order
 * they come) are added to it, and a complete count replaces a partial one. Nothing when a newer
 * run has started.
 */
export function withHitsPage(
  state: SearchSlice,
  run: number,
  searched: { query: SearchQuery; documentIds: string[] | undefined },
  found: CorpusSearchPage | null,
  error: string | null,
): Partial<SearchSlice> {
  if (run !== state.searchRun) return {};
  if (!found) return { search: { ...state.search, running: false, listing: null, error } };
  const current = state.search.listing?.run === run ? state.search.listing : null;
  const pages = new Map(current?.pages ?? []);
  pages.set(Math.floor(found.offset / HITS_PAGE), found.hits);
  const counted = current?.complete && !found.complete ? current : found;
  const listing: HitListing = {
    run,
    query: searched.query,
    documentIds: searched.documentIds,
    total: counted.total,
    complete: counted.complete,
    documentCount: counted.documentCount,
    pages,
  };
  return { search: { ...state.search, running: false, listing, error: null } };
}

/** The search closed: its hits go, its words stay, and a run still under way draws nothing. */
export function withSearchEnded(state: SearchSlice): Partial<SearchSlice> {
  return { search: { ...state.search, result: null, listing: null, error: null, running: false }, searchRun: state.searchRun + 1 };
}
