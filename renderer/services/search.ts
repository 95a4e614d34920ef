/** The search: running it (in this document or all), ending it, and coding every hit at once. */
import { getState, update, type SearchState } from '../store';
import { withSearchAnswered, withSearchChanged, withSearchEnded, withSearchStarted } from '../store/search';
import { api } from './api-client';
import { runAction } from './history';

/** Runs the search as it stands in the store (the query, in this document or all). */
export async function runSearch(): Promise<void> {
  const { search, open } = getState();
  if (!search.query.pattern) {
    update((current) => withSearchStarted(current, false));
    return;
  }
  update((current) => withSearchStarted(current, true));
  const run = getState().searchRun;
  const documentIds = search.scope === 'document' ? (open ? [open.document.id] : []) : undefined;
  const result = await api.searchCorpus({ query: search.query, documentIds });
  update((current) => withSearchAnswered(current, run, result.ok ? result.value : null, result.ok ? null : result.error.message));
}

/** Takes the search's hits off the text when the search closes; its words stay for next time. */
export function endSearch(): void {
  update(withSearchEnded);
}

export function setSearch(change: Partial<Pick<SearchState, 'query' | 'scope'>>): void {
  update((current) => withSearchChanged(current, change));
}

/** Codes every hit of the current search as one action. */
export async function codeAllHits(codeId: string): Promise<boolean> {
  const result = getState().search.result;
  if (!result?.total) return false;
  const spans = result.documents.flatMap((d) => d.hits.map((h) => ({ documentId: d.documentId, start: h.start, end: h.end })));
  return runAction(api.codeSpans({ codeId, spans }));
}
