/**
 * Suggestions learnt from the researcher's own coding, as the page knows them: the project's
 * switch and listing settings, the model's state, the page of the corpus's suggestions the panel
 * lists (and which one has the focus), and the open document's suggestions (its dotted marks).
 * Pure state and reducers; renderer/services/suggestions.ts changes it.
 */
import type { ListedSuggestion, SuggestionPage, SuggestionSettings, SuggestionStatus } from '../../shared/ipc/suggestions';
import type { Suggestion } from '../../shared/suggestions/suggestions';

/** Suggestions listed at once in the panel (one page; the panel pages through the rest). */
export const SUGGESTIONS_PAGE = 50;

/** The page of the corpus's suggestions listed in the panel. */
export interface SuggestionListing {
  /** Where the page starts among all the suggestions, in the order asked. */
  offset: number;
  suggestions: readonly ListedSuggestion[];
  /** How many suggestions there are in all. */
  total: number;
}

export interface SuggestionsState {
  /** The project's settings; null until they are read. */
  settings: SuggestionSettings | null;
  status: SuggestionStatus | null;
  listing: SuggestionListing | null;
  /** The place in `listing.suggestions` of the suggestion with the focus. */
  focused: number;
  /** The open document's suggestions (drawn as dotted marks in its text). */
  inDocument: { documentId: string; suggestions: readonly Suggestion[] } | null;
  /** Why the last call about suggestions failed (said in the panel), or null. */
  error: string | null;
}

export interface SuggestionsSlice {
  suggestions: SuggestionsState;
}

export const suggestionsInitial: SuggestionsSlice = {
  suggestions: { settings: null, status: null, listing: null, focused: 0, inDocument: null, error: null },
};

function changed(state: SuggestionsSlice, change: Partial<SuggestionsState>): Partial<SuggestionsSlice> {
  return { suggestions: { ...state.suggestions, ...change } };
}

/** The settings as the main process keeps them; turned off, nothing is listed or drawn. */
export function withSuggestionSettings(state: SuggestionsSlice, settings: SuggestionSettings): Partial<SuggestionsSlice> {
  if (settings.enabled) return changed(state, { settings, error: null });
  return changed(state, { settings, listing: null, focused: 0, inDocument: null, error: null });
}

/** The model's state as last reported. */
export function withSuggestionStatus(state: SuggestionsSlice, status: SuggestionStatus): Partial<SuggestionsSlice> {
  return changed(state, { status, error: null });
}

/** A suggestion's identity: its document, place and code. */
export function suggestionIdentity(suggestion: Suggestion): string {
  return `${suggestion.documentId}:${suggestion.start}:${suggestion.end}:${suggestion.codeId}`;
}

/**
 * A page of the corpus's suggestions from `offset`: the focus stays at its place in the list (held
 * within it), so that after a decision the next suggestion, now at that place, has it. Suggestions
 * being decided (`deciding`, by suggestionIdentity) are left out, so that a page asked before the main
 * process has recorded a decision does not bring the suggestion back to be decided twice.
 */
export function withSuggestionPage(state: SuggestionsSlice, offset: number, page: SuggestionPage, deciding: ReadonlySet<string> = new Set()): Partial<SuggestionsSlice> {
  const suggestions = deciding.size ? page.suggestions.filter((s) => !deciding.has(suggestionIdentity(s))) : page.suggestions;
  const listing: SuggestionListing = { offset, suggestions, total: Math.max(0, page.total - (page.suggestions.length - suggestions.length)) };
  const focused = Math.max(0, Math.min(state.suggestions.focused, suggestions.length - 1));
  return changed(state, { listing, status: page.status, focused, error: null });
}

/** The suggestion at `index` of the page has the focus. */
export function withSuggestionFocused(state: SuggestionsSlice, index: number): Partial<SuggestionsSlice> {
  const count = state.suggestions.listing?.suggestions.length ?? 0;
  return changed(state, { focused: Math.max(0, Math.min(index, count - 1)) });
}

/** Whether two suggestions are the same sentence with the same code. */
export function sameSuggestion(a: Suggestion, b: Suggestion): boolean {
  return a.documentId === b.documentId && a.codeId === b.codeId && a.start === b.start && a.end === b.end;
}

/**
 * A suggestion was decided (accepted or rejected): it leaves the list and the text at once, and the
 * focus goes to the one that took its place (the next; the one before when it was the last).
 */
export function withSuggestionDecided(state: SuggestionsSlice, decided: Suggestion): Partial<SuggestionsSlice> {
  const { listing, inDocument } = state.suggestions;
  const nextListing = listing && {
    ...listing,
    suggestions: listing.suggestions.filter((s) => !sameSuggestion(s, decided)),
    total: listing.suggestions.some((s) => sameSuggestion(s, decided)) ? Math.max(0, listing.total - 1) : listing.total,
  };
  const nextInDocument = inDocument && inDocument.documentId === decided.documentId
    ? { ...inDocument, suggestions: inDocument.suggestions.filter((s) => !(s.codeId === decided.codeId && s.start === decided.start && s.end === decided.end)) }
    : inDocument;
  const count = nextListing?.suggestions.length ?? 0;
  return changed(state, { listing: nextListing, inDocument: nextInDocument, focused: Math.max(0, Math.min(state.suggestions.focused, count - 1)) });
}

/** The open document's suggestions (none: an empty list; null when no document is open). */
export function withDocumentSuggestions(state: SuggestionsSlice, inDocument: SuggestionsState['inDocument']): Partial<SuggestionsSlice> {
  return changed(state, { inDocument });
}

/** A call about suggestions failed; what is shown stays. */
export function withSuggestionError(state: SuggestionsSlice, error: string): Partial<SuggestionsSlice> {
  return changed(state, { error });
}

/** The suggestions the open document's text draws: none while suggestions are off. */
export function selectDrawnSuggestions(state: SuggestionsSlice, documentId: string | undefined): readonly Suggestion[] {
  const { settings, inDocument } = state.suggestions;
  if (!settings?.enabled || !inDocument || inDocument.documentId !== documentId) return NO_SUGGESTIONS;
  return inDocument.suggestions;
}

const NO_SUGGESTIONS: readonly Suggestion[] = [];
