/**
 * Suggestions in the text: each uncoded sentence that a code's model finds likely gets a faint
 * dotted underline in the code's colour, titled "likely <code>: 0.83". Drawn only, never applied.
 *
 * A DecorationSet held in plugin state, as the highlights are: the suggestions arrive as transaction
 * metadata keyed by this plugin's key (all of the document's, in text order) and are kept; only those
 * in the highlights' window (the sections on screen and a margin, see highlight-plugin.ts) are
 * decorated, and the set is made again when the suggestions change or that window moves. The
 * `decorations` prop returns the set as it is. Each decoration's spec holds its suggestion.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Suggestion } from '../../shared/suggestions/suggestions';
import { rangeToLinePieces, type TextLayout } from '../../shared/text/text-layout';
import { highlightKey, INITIAL_WINDOW, type HighlightChange, type SectionWindow } from './highlight-plugin';

export interface SuggestionMarks {
  /** The document's suggestions, in text order. */
  suggestions: readonly Suggestion[];
  window: SectionWindow;
  set: DecorationSet;
}

/** What a dotted mark's spec holds. */
export interface SuggestionSpec {
  suggestion: Suggestion;
}

export const suggestionKey = new PluginKey<SuggestionMarks>('suggestions');

/** Text offsets [start, end) of the window's lines. */
function windowRange(layout: TextLayout, window: SectionWindow): { start: number; end: number } {
  const first = layout.sections[window.first];
  const last = layout.sections[window.last];
  if (!first || !last) return { start: 0, end: 0 };
  const lastLine = layout.lines[last.firstLine + last.lineCount - 1]!;
  return { start: layout.lines[first.firstLine]!.start, end: lastLine.start + lastLine.length + lastLine.breakLength };
}

/** The first of `suggestions` (in text order) that ends after `offset`. */
function firstEndingAfter(suggestions: readonly Suggestion[], offset: number): number {
  let lo = 0;
  let hi = suggestions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (suggestions[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The dotted marks of the suggestions that lie in the window, one per line a sentence covers; a
 * sentence with several likely codes is marked in the most likely one's colour, and its title names
 * them all (`title` says one suggestion in words).
 */
export function suggestionDecorations(layout: TextLayout, suggestions: readonly Suggestion[], window: SectionWindow, title: (suggestion: Suggestion) => string): Decoration[] {
  const { start, end } = windowRange(layout, window);
  // Sentences in text order; a sentence's suggestions are next to each other (same start and end).
  const sentences = new Map<string, Suggestion[]>();
  // Sentences do not overlap, so their ends are in text order too: a binary search finds the first.
  for (let i = firstEndingAfter(suggestions, start); i < suggestions.length && suggestions[i]!.start < end; i++) {
    const suggestion = suggestions[i]!;
    const key = `${suggestion.start}:${suggestion.end}`;
    sentences.set(key, [...(sentences.get(key) ?? []), suggestion]);
  }
  const decorations: Decoration[] = [];
  for (const likely of sentences.values()) {
    likely.sort((a, b) => b.probability - a.probability);
    const shown = likely[0]!;
    const attrs = { class: `suggested suggested-${shown.codeId}`, title: likely.map(title).join('\n') };
    for (const piece of rangeToLinePieces(layout, Math.max(start, shown.start), Math.min(end, shown.end))) {
      const spec: SuggestionSpec = { suggestion: shown };
      decorations.push(Decoration.inline(piece.from, piece.to, attrs, spec));
    }
  }
  return decorations;
}

/** The plugin drawing a document's suggestions; `title` says one in words (the interface's language). */
export function suggestionPlugin(layout: TextLayout, title: (suggestion: Suggestion) => string): Plugin<SuggestionMarks> {
  return new Plugin<SuggestionMarks>({
    key: suggestionKey,
    state: {
      init: () => ({ suggestions: [], window: INITIAL_WINDOW, set: DecorationSet.empty }),
      apply(tr, marks) {
        const suggestions = tr.getMeta(suggestionKey) as readonly Suggestion[] | undefined;
        // The highlights' window moved: the marks follow it.
        const window = (tr.getMeta(highlightKey) as HighlightChange | undefined)?.window;
        if (!suggestions && (!window || (window.first === marks.window.first && window.last === marks.window.last))) return marks;
        const next = { suggestions: suggestions ?? marks.suggestions, window: window ?? marks.window };
        if (!next.suggestions.length) return { ...next, set: DecorationSet.empty };
        return { ...next, set: DecorationSet.create(tr.doc, suggestionDecorations(layout, next.suggestions, next.window, title)) };
      },
    },
    props: { decorations: (state) => suggestionKey.getState(state)?.set },
  });
}

/** A transaction that shows a document's suggestions (none: an empty list). */
export function showSuggestions(state: EditorState, suggestions: readonly Suggestion[]): Transaction {
  return state.tr.setMeta(suggestionKey, suggestions).setMeta('addToHistory', false);
}

/** The suggestion marked at a position, if any (for a tooltip or a click). */
export function suggestionAt(state: EditorState, pos: number): Suggestion | null {
  const found = suggestionKey.getState(state)?.set.find(pos, pos);
  return (found?.[0]?.spec as SuggestionSpec | undefined)?.suggestion ?? null;
}
