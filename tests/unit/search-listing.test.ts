import { describe, expect, it } from 'vitest';
import type { CorpusSearchPage, ListedHit } from '../../shared/views/corpus-search';
import { HITS_PAGE, searchInitial, withHitsPage, withSearchStarted, type SearchSlice } from '../../renderer/store/search';

const query = { pattern: 'tax', regex: false, caseSensitive: false, wholeWord: false };
const searched = { query, documentIds: undefined };

function hits(page: number): ListedHit[] {
  return [{ documentId: 'd1', title: 'One', start: page * 10, end: page * 10 + 3, match: 'tax', before: '', after: '' }];
}

function answer(page: number, total: number, complete: boolean): CorpusSearchPage {
  return { total, complete, documentCount: 1, offset: page * HITS_PAGE, hits: hits(page) };
}

function apply(state: SearchSlice, change: Partial<SearchSlice>): SearchSlice {
  return { ...state, ...change };
}

describe('the hits listed, page by page', () => {
  it('keeps a page fetched with the count when the first page, counted, comes after it in the same run', () => {
    let state = apply(searchInitial, withSearchStarted(searchInitial, true));
    const run = state.searchRun;
    state = apply(state, withHitsPage(state, run, searched, answer(0, 100, false), null));
    // The list scrolled: page 3 fetched (with the count) before the run's counted first page.
    state = apply(state, withHitsPage(state, run, searched, answer(3, 500, true), null));
    state = apply(state, withHitsPage(state, run, searched, answer(0, 500, true), null));
    expect([...state.search.listing!.pages.keys()].sort()).toEqual([0, 3]);
    expect(state.search.listing).toMatchObject({ total: 500, complete: true, run, query });
  });

  it('starts afresh on a new run, and keeps what each run searched with its listing', () => {
    let state = apply(searchInitial, withSearchStarted(searchInitial, true));
    state = apply(state, withHitsPage(state, state.searchRun, searched, answer(0, 500, true), null));
    state = apply(state, withHitsPage(state, state.searchRun, searched, answer(2, 500, true), null));
    state = apply(state, withSearchStarted(state, true));
    const other = { query: { ...query, pattern: 'taxes' }, documentIds: ['d1'] };
    state = apply(state, withHitsPage(state, state.searchRun, other, answer(1, 300, true), null));
    expect([...state.search.listing!.pages.keys()]).toEqual([1]);
    expect(state.search.listing).toMatchObject({ total: 300, query: other.query, documentIds: ['d1'] });
  });
});
