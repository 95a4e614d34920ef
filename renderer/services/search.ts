/**
 * The search: running it (in this document or all), listing its hits a page at a time, ending it,
 * and coding every hit at once. A run asks for three things: the first page of hits (which the
 * main process finds without searching on to the end), every hit in the open document (for its
 * highlights), and then the count of all hits.
 */
import { getState, update, type SearchState } from '../store';
import { HITS_PAGE, withHitsPage, withSearchAnswered, withSearchChanged, withSearchEnded, withSearchStarted } from '../store/search';
import { CODE_HITS_MAX } from '../../shared/ipc/search';
import { t } from '../i18n/i18n';
import { api } from './api-client';
import { showMessage } from './page';
import { runAction } from './history';

/** The documents the search runs over: the open one, or all (undefined). */
function searchedDocuments(): string[] | undefined {
  const { search, open } = getState();
  return search.scope === 'document' ? (open ? [open.document.id] : []) : undefined;
}

/** Runs the search as it stands in the store (the query, in this document or all). */
export async function runSearch(): Promise<void> {
  const { search, open } = getState();
  if (!search.query.pattern) {
    update((current) => withSearchStarted(current, false));
    return;
  }
  update((current) => withSearchStarted(current, true));
  const run = getState().searchRun;
  const { query } = search;
  const documentIds = searchedDocuments();
  const searched = { query, documentIds };
  const first = await api.searchCorpusPage({ query, documentIds, offset: 0, limit: HITS_PAGE, countAll: false });
  update((current) => withHitsPage(current, run, searched, first.ok ? first.value : null, first.ok ? null : first.error.message));
  if (!first.ok || getState().searchRun !== run) return;
  // The open document's hits are drawn in its text.
  if (open) {
    const inOpen = await api.searchCorpus({ query, documentIds: [open.document.id] });
    update((current) => withSearchAnswered(current, run, inOpen.ok ? inOpen.value : null, inOpen.ok ? null : inOpen.error.message));
  }
  if (first.value.complete || getState().searchRun !== run) return;
  const counted = await api.searchCorpusPage({ query, documentIds, offset: 0, limit: HITS_PAGE, countAll: true });
  update((current) => withHitsPage(current, run, searched, counted.ok ? counted.value : null, counted.ok ? null : counted.error.message));
}

/** Fetches every hit in the open document (for its highlights), when another document opens during a search. */
export async function showHitsInOpenDocument(): Promise<void> {
  const { search, open, searchRun: run } = getState();
  if (!open || !search.listing || !search.query.pattern) return;
  const found = await api.searchCorpus({ query: search.query, documentIds: [open.document.id] });
  update((current) => withSearchAnswered(current, run, found.ok ? found.value : null, found.ok ? null : found.error.message));
}

/** Fetches page `page` of the hits listed (once: a page asked for is not asked again). */
const asked = new Set<string>();
export async function fetchHitsPage(page: number): Promise<void> {
  const { search, searchRun: run } = getState();
  const key = `${run}:${page}`;
  const { listing } = search;
  if (!listing || listing.run !== run || listing.pages.has(page) || asked.has(key)) return;
  asked.add(key);
  const searched = { query: listing.query, documentIds: listing.documentIds };
  const found = await api.searchCorpusPage({ ...searched, offset: page * HITS_PAGE, limit: HITS_PAGE, countAll: true });
  asked.delete(key);
  if (found.ok) update((current) => withHitsPage(current, run, searched, found.value, null));
}

/** Takes the search's hits off the text when the search closes; its words stay for next time. */
export function endSearch(): void {
  update(withSearchEnded);
}

export function setSearch(change: Partial<Pick<SearchState, 'query' | 'scope'>>): void {
  update((current) => withSearchChanged(current, change));
}

/**
 * Codes every hit of the search listed, as one action: the query and documents it was listed for
 * (not what the search field says now), and only while the hits are still the number counted
 * (the main process refuses otherwise). False when nothing was coded.
 */
export async function codeAllHits(codeId: string): Promise<boolean> {
  const { listing } = getState().search;
  if (!listing?.total || !listing.complete) return false;
  if (listing.total > CODE_HITS_MAX) {
    showMessage('error', t('search.codeHits.tooMany', { count: listing.total, max: CODE_HITS_MAX }));
    return false;
  }
  const result = await api.codeSearchHits({ query: listing.query, documentIds: listing.documentIds, codeId, expected: listing.total });
  if (!result.ok && result.error.code === 'conflict') {
    showMessage('error', t('search.codeHits.changed'));
    return false;
  }
  return runAction(Promise.resolve(result));
}
