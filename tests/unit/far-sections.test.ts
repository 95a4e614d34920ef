/**
 * Far sections (renderer/text-view/far-sections.ts): which sections are drawn in full follows the
 * highlights' window and the selection's ends, in the same transaction that moves them.
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { layoutText, offsetToPos } from '../../shared/text/text-layout';
import { documentNode } from '../../renderer/text-view/document-node';
import { changeHighlights, highlightPlugin } from '../../renderer/text-view/highlight-plugin';
import { farSectionsKey, farSectionsPlugin } from '../../renderer/text-view/far-sections';

const TEXT = Array.from({ length: 300 }, (_, i) => (i % 9 === 4 ? '' : `line ${i}`)).join('\n');
const layout = layoutText(TEXT);

function start(): EditorState {
  return EditorState.create({ doc: documentNode(layout), plugins: [highlightPlugin(layout, []), farSectionsPlugin(layout)] });
}

const near = (state: EditorState) => farSectionsKey.getState(state)!.near;

describe('far sections', () => {
  it('draws in full the sections of the window and of the selection, each marked over its whole node', () => {
    expect(layout.sections.length).toBe(5);
    let state = start();
    expect(near(state)).toEqual([0]);

    state = state.apply(changeHighlights(state, { window: { first: 2, last: 3 } }));
    // The caret is still at the start, in section 0.
    expect(near(state)).toEqual([0, 2, 3]);

    // A selection from section 1 into section 4 (a jump or a selection made across sections).
    const from = offsetToPos(layout, TEXT.indexOf('line 100'));
    const to = offsetToPos(layout, TEXT.indexOf('line 290'));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    expect(near(state)).toEqual([1, 2, 3, 4]);

    for (const decoration of farSectionsKey.getState(state)!.set.find()) {
      const node = state.doc.nodeAt(decoration.from)!;
      expect(node.type.name).toBe('section');
      expect(decoration.to).toBe(decoration.from + node.nodeSize);
    }
  });

  it('keeps its set when neither the window nor the selection moves to other sections', () => {
    let state = start();
    const before = farSectionsKey.getState(state);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, offsetToPos(layout, 3))));
    expect(farSectionsKey.getState(state)).toBe(before);
    state = state.apply(state.tr.setMeta('unrelated', true));
    expect(farSectionsKey.getState(state)).toBe(before);
  });
});
