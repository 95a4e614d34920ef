// The suggestions' dotted marks in the text: which sentences are marked, in which code's colour,
// with what title, only in the decorated window, and none once the suggestions are gone.
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { layoutText, posToOffset } from '../../shared/text/text-layout';
import type { Suggestion } from '../../shared/suggestions/suggestions';
import { documentNode } from '../../renderer/text-view/document-node';
import { changeHighlights, highlightPlugin } from '../../renderer/text-view/highlight-plugin';
import { showSuggestions, suggestionAt, suggestionDecorations, suggestionKey, suggestionPlugin } from '../../renderer/text-view/suggestion-plugin';

// Six lines, one section each: the window starts on section 0.
const TEXT = ['Sign the petition.', 'It rained.', 'Join us on Saturday.', 'Prices rose.', 'March with us.', 'The end.'].join('\n');
const layout = layoutText(TEXT, 1);
const title = (s: Suggestion) => `likely ${s.codeId}: ${s.probability.toFixed(2)}`;

const suggestion = (sentence: string, codeId = 'call-to-action', probability = 0.83): Suggestion => {
  const start = TEXT.indexOf(sentence);
  return { documentId: 'd', codeId, start, end: start + sentence.length, probability };
};

const fresh = () => EditorState.create({ doc: documentNode(layout), plugins: [highlightPlugin(layout, []), suggestionPlugin(layout, title)] });
const withWindow = (state: EditorState, first: number, last: number) => state.apply(changeHighlights(state, { window: { first, last } }));

/** The marks drawn, in text order, as `quote (class) [title]`. */
function marks(state: EditorState): string[] {
  return suggestionKey
    .getState(state)!
    .set.find()
    .sort((a, b) => a.from - b.from)
    .map((d) => {
      const attrs = (d as unknown as { type: { attrs: { class: string; title: string } } }).type.attrs;
      return `${TEXT.slice(posToOffset(layout, d.from, 'start'), posToOffset(layout, d.to, 'end'))} (${attrs.class}) [${attrs.title}]`;
    });
}

describe('suggestion marks', () => {
  it('marks a suggested sentence in its code’s class, titled with the code and probability', () => {
    let state = withWindow(fresh(), 0, 5);
    state = state.apply(showSuggestions(state, [suggestion('Sign the petition.')]));
    expect(marks(state)).toEqual(['Sign the petition. (suggested suggested-call-to-action) [likely call-to-action: 0.83]']);
    expect(suggestionAt(state, 3)?.codeId).toBe('call-to-action');
    expect(suggestionAt(state, layout.lines[1]!.contentPos + 1)).toBeNull();
  });

  it('marks only the sentences in the decorated window, and follows the window as it moves', () => {
    let state = fresh();
    state = state.apply(showSuggestions(state, [suggestion('Sign the petition.'), suggestion('Join us on Saturday.'), suggestion('March with us.')]));
    expect(marks(state).map((m) => m.split(' (')[0])).toEqual(['Sign the petition.']);
    state = withWindow(state, 2, 4);
    expect(marks(state).map((m) => m.split(' (')[0])).toEqual(['Join us on Saturday.', 'March with us.']);
  });

  it('draws a sentence with two likely codes once, in the likelier code’s colour, its title naming both', () => {
    const decorations: Decoration[] = suggestionDecorations(
      layout,
      [suggestion('Join us on Saturday.', 'opinion', 0.6), suggestion('Join us on Saturday.', 'call-to-action', 0.9)],
      { first: 0, last: 5 },
      title,
    );
    expect(decorations).toHaveLength(1);
    const attrs = (decorations[0] as unknown as { type: { attrs: { class: string; title: string } } }).type.attrs;
    expect(attrs.class).toBe('suggested suggested-call-to-action');
    expect(attrs.title).toBe('likely call-to-action: 0.90\nlikely opinion: 0.60');
  });

  it('cuts a sentence across lines into one mark per line', () => {
    const start = TEXT.indexOf('It rained.');
    const across: Suggestion = { documentId: 'd', codeId: 'opinion', start, end: TEXT.indexOf('Saturday.') + 9, probability: 0.7 };
    expect(suggestionDecorations(layout, [across], { first: 0, last: 5 }, title)).toHaveLength(2);
  });

  it('draws nothing once the suggestions are taken away (turned off)', () => {
    let state = withWindow(fresh(), 0, 5);
    state = state.apply(showSuggestions(state, [suggestion('Sign the petition.')]));
    state = state.apply(showSuggestions(state, []));
    expect(marks(state)).toEqual([]);
  });
});
