// The suggestions' part of the page's store: the list after a decision, the focus, and what the text draws.
import { describe, expect, it } from 'vitest';
import type { ListedSuggestion, SuggestionPage, SuggestionStatus } from '../../shared/ipc/suggestions';
import {
  selectDrawnSuggestions,
  suggestionIdentity,
  suggestionsInitial,
  withDocumentSuggestions,
  withSuggestionDecided,
  withSuggestionFocused,
  withSuggestionPage,
  withSuggestionSettings,
  type SuggestionsSlice,
} from '../../renderer/store/suggestions';

const status: SuggestionStatus = { enabled: true, state: 'ready', trainedAt: '2026-01-01T00:00:00.000Z', trainedOn: 40, quality: [], failure: null, listing: null };
const listed = (start: number, codeId = 'call-to-action', documentId = 'd1'): ListedSuggestion => ({
  documentId,
  codeId,
  start,
  end: start + 10,
  probability: 0.9 - start / 1000,
  documentName: 'Speech',
  quote: `sentence at ${start}`,
});
const page = (...suggestions: ListedSuggestion[]): SuggestionPage => ({ suggestions, total: suggestions.length + 5, status });
const apply = (state: SuggestionsSlice, ...changes: ((s: SuggestionsSlice) => Partial<SuggestionsSlice>)[]) =>
  changes.reduce<SuggestionsSlice>((current, change) => ({ ...current, ...change(current) }), state);
const on = apply(suggestionsInitial, (s) => withSuggestionSettings(s, { enabled: true, order: 'confidence', threshold: 0.5 }));

describe('suggestions in the store', () => {
  it('takes a decided suggestion out of the list and the text, counts one fewer, and keeps the focus at its place', () => {
    const [a, b, c] = [listed(0), listed(20), listed(40)];
    const state = apply(
      on,
      (s) => withSuggestionPage(s, 0, page(a, b, c)),
      (s) => withDocumentSuggestions(s, { documentId: 'd1', suggestions: [a, b, c] }),
      (s) => withSuggestionFocused(s, 1),
      (s) => withSuggestionDecided(s, b),
    );
    expect(state.suggestions.listing!.suggestions).toEqual([a, c]);
    expect(state.suggestions.listing!.total).toBe(7);
    // c came to b's place and has the focus.
    expect(state.suggestions.focused).toBe(1);
    expect(state.suggestions.inDocument!.suggestions).toEqual([a, c]);
  });

  it('moves the focus back when the last suggestion was decided', () => {
    const [a, b] = [listed(0), listed(20)];
    const state = apply(on, (s) => withSuggestionPage(s, 0, page(a, b)), (s) => withSuggestionFocused(s, 1), (s) => withSuggestionDecided(s, b));
    expect(state.suggestions.focused).toBe(0);
  });

  it("keeps another code's suggestion of the same sentence when one code is decided", () => {
    const a = listed(0);
    const other = listed(0, 'opinion');
    const state = apply(on, (s) => withDocumentSuggestions(s, { documentId: 'd1', suggestions: [a, other] }), (s) => withSuggestionDecided(s, a));
    expect(state.suggestions.inDocument!.suggestions).toEqual([other]);
  });

  it('leaves out of a page the suggestions still being decided, counting them out of the total', () => {
    const [a, b, c] = [listed(0), listed(20), listed(40)];
    const state = apply(on, (s) => withSuggestionPage(s, 0, page(a, b, c), new Set([suggestionIdentity(b)])));
    expect(state.suggestions.listing!.suggestions).toEqual([a, c]);
    expect(state.suggestions.listing!.total).toBe(7);
  });

  it('holds the focus within a new page that is shorter', () => {
    const state = apply(on, (s) => withSuggestionPage(s, 0, page(listed(0), listed(20), listed(40))), (s) => withSuggestionFocused(s, 2), (s) => withSuggestionPage(s, 0, page(listed(0))));
    expect(state.suggestions.focused).toBe(0);
  });

  it('draws the open document’s suggestions only while suggestions are on', () => {
    const shown = apply(on, (s) => withDocumentSuggestions(s, { documentId: 'd1', suggestions: [listed(0)] }));
    expect(selectDrawnSuggestions(shown, 'd1')).toHaveLength(1);
    expect(selectDrawnSuggestions(shown, 'd2')).toHaveLength(0);
    const off = apply(shown, (s) => withSuggestionSettings(s, { enabled: false, order: 'confidence', threshold: 0.5 }));
    expect(selectDrawnSuggestions(off, 'd1')).toHaveLength(0);
    expect(off.suggestions.listing).toBeNull();
  });
});
