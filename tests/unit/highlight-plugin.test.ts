// The highlight plugin's state: what `apply` makes of each transaction, in a real ProseMirror
// state of a small text laid out one line per section, so that the decorated window matters.
// Each highlight is written `segment:quote` (a piece per line), so that a case reads as text.
import { EditorState, type Transaction } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { layoutText, offsetToPos, posToOffset } from '../../shared/text/text-layout';
import type { CodedSegment } from '../../shared/model/segments';
import { documentNode } from '../../renderer/text-view/document-node';
import { changeHighlights, highlightKey, highlightPlugin, segmentIdsAt, type HighlightSpec } from '../../renderer/text-view/highlight-plugin';
import { segmentOf } from '../support/page-state';

// Six lines, one section each: the window starts on section 0, and the view's first look at the
// screen takes it to sections 0 and 1 (the screen and its margin).
const TEXT = ['zero line', 'one line', 'two line', 'three line', 'four line', 'five line'].join('\n');
const layout = layoutText(TEXT, 1);

/** A segment over the first occurrence of `words` (with `code`). */
const seg = (id: string, words: string, code = 'claim'): CodedSegment => {
  const start = TEXT.indexOf(words);
  return segmentOf(TEXT, id, start, start + words.length, { codeId: code });
};

/** The state as the view first makes it, before it knows what is on screen. */
const freshState = (...segments: CodedSegment[]) =>
  EditorState.create({ doc: documentNode(layout), plugins: [highlightPlugin(layout, segments)] });

/** The state once the view has looked at the screen: sections 0 and 1 decorated. */
const stateWith = (...segments: CodedSegment[]) => {
  const state = freshState(...segments);
  return state.apply(changeHighlights(state, { window: { first: 0, last: 1 } }));
};

/** The highlights drawn, in text order, as `segment:quote` (and the code, where asked). */
function drawn(state: EditorState, withCode = false): string[] {
  const set = highlightKey.getState(state)!.set;
  return set
    .find()
    .sort((a, b) => a.from - b.from)
    .map((d) => {
      const spec = d.spec as HighlightSpec;
      const quote = TEXT.slice(posToOffset(layout, d.from, 'start'), posToOffset(layout, d.to, 'end'));
      return `${spec.segmentId}:${quote}${withCode ? `(${spec.codeId})` : ''}`;
    });
}

/** The class a decoration gives (ProseMirror keeps it on the decoration's type). */
const classOf = (d: Decoration) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class;

const run = (state: EditorState, tr: (state: EditorState) => Transaction) => state.apply(tr(state));

describe('highlight plugin: apply', () => {
  it('draws at the start only the segments of the first section, which fills the first screen', () => {
    const state = freshState(seg('a', 'zero'), seg('b', 'one'), seg('c', 'four'));
    expect(drawn(state)).toEqual(['a:zero']);
    expect(highlightKey.getState(state)!.window).toEqual({ first: 0, last: 0 });
    // The view's first look adds the margin below it.
    expect(drawn(run(state, (s) => changeHighlights(s, { window: { first: 0, last: 1 } })))).toEqual(['a:zero', 'b:one']);
  });

  it('keeps the same state for a transaction that carries no change of highlights', () => {
    const state = stateWith(seg('a', 'zero'));
    const after = state.apply(state.tr.setMeta('pointer', true));
    expect(highlightKey.getState(after)).toBe(highlightKey.getState(state));
  });

  it('cuts a segment that crosses lines into one highlight per line, each naming the segment and code', () => {
    const state = run(stateWith(), (s) => changeHighlights(s, { add: [seg('a', 'line\none', 'source')] }));
    expect(drawn(state, true)).toEqual(['a:line(source)', 'a:one(source)']);
    expect(segmentIdsAt(state, offsetToPos(layout, TEXT.indexOf('one') + 1))).toEqual(['a']);
    expect(highlightKey.getState(state)!.index.get('a')).toMatchObject({ codeId: 'source', lane: 0 });
  });

  it('draws a few new segments even outside the window, where the reader just jumped', () => {
    const state = run(stateWith(), (s) => changeHighlights(s, { add: [seg('far', 'five')] }));
    expect(drawn(state)).toEqual(['far:five']);
  });

  it('draws many new segments only in the window, and the rest once the window reaches them', () => {
    const many = Array.from({ length: 201 }, (_, i) => segmentOf(TEXT, `s${i}`, TEXT.indexOf('five'), TEXT.indexOf('five') + 4));
    let state = run(stateWith(), (s) => changeHighlights(s, { add: [seg('near', 'zero'), ...many] }));
    expect(drawn(state)).toEqual(['near:zero']);
    state = run(state, (s) => changeHighlights(s, { window: { first: 4, last: 5 } }));
    expect(drawn(state)).toHaveLength(201);
    expect(drawn(state)[0]).toBe('s0:five');
  });

  it('takes every piece of a removed segment away, also from the sections outside the window', () => {
    let state = stateWith(seg('a', 'line\none'), seg('b', 'four'), seg('keep', 'two'));
    state = run(state, (s) => changeHighlights(s, { remove: ['a', 'b'] }));
    expect(drawn(state)).toEqual([]);
    state = run(state, (s) => changeHighlights(s, { window: { first: 0, last: 5 } }));
    expect(drawn(state)).toEqual(['keep:two']);
    expect(highlightKey.getState(state)!.index.get('a')).toBeUndefined();
  });

  it('redraws a recoded or moved segment from one transaction that removes and adds it', () => {
    let state = stateWith(seg('a', 'zero'));
    state = run(state, (s) => changeHighlights(s, { remove: ['a'], add: [seg('a', 'zero line', 'source')] }));
    expect(drawn(state, true)).toEqual(['a:zero line(source)']);
  });

  it('moves the window: the sections newly in it are drawn, those left behind are not', () => {
    let state = stateWith(seg('a', 'zero'), seg('c', 'three'), seg('d', 'four'));
    const before = highlightKey.getState(state)!;
    state = run(state, (s) => changeHighlights(s, { window: { first: 0, last: 1 } }));
    expect(highlightKey.getState(state)!.set).toBe(before.set); // the same window: nothing redrawn
    state = run(state, (s) => changeHighlights(s, { window: { first: 3, last: 4 } }));
    expect(drawn(state)).toEqual(['c:three', 'd:four']);
    // The state before the change still draws its own window.
    expect(before.set.find().map((d) => (d.spec as HighlightSpec).segmentId)).toEqual(['a']);
  });

  it('moves the window by a section: the highlights of the sections it keeps stay the same, one just added is drawn once', () => {
    let state = stateWith(seg('a', 'zero'), seg('b', 'one'), seg('c', 'two'), seg('d', 'three'));
    // e lies outside the window: a few new segments are drawn where they are.
    state = run(state, (s) => changeHighlights(s, { add: [seg('e', 'two line')] }));
    // The set hands out copies placed in the document; the type of a kept decoration is its own.
    const typeOf = (id: string) => (highlightKey.getState(state)!.set.find().find((d) => (d.spec as HighlightSpec).segmentId === id) as unknown as { type: object }).type;
    const kept = typeOf('b');
    state = run(state, (s) => changeHighlights(s, { window: { first: 1, last: 2 } }));
    expect(drawn(state)).toEqual(['b:one', 'c:two', 'e:two line']);
    expect(typeOf('b')).toBe(kept);
    state = run(state, (s) => changeHighlights(s, { window: { first: 2, last: 3 } }));
    expect(drawn(state)).toEqual(['c:two', 'e:two line', 'd:three']);
  });

  it('marks the lines of the sections entering the window and unmarks those leaving it', () => {
    let state = stateWith(seg('a', 'zero line'), seg('b', 'line', 'source'), seg('c', 'two'));
    const lines = () => highlightKey.getState(state)!.lineSet.find().map((d) => `${TEXT.slice(posToOffset(layout, d.from + 1, 'start'), posToOffset(layout, d.to - 1, 'end'))}:${classOf(d)}`);
    expect(lines()).toEqual(['zero line:lanes-2']);
    state = run(state, (s) => changeHighlights(s, { window: { first: 1, last: 2 } }));
    expect(lines()).toEqual(['two line:lanes-1']);
    state = run(state, (s) => changeHighlights(s, { window: { first: 0, last: 1 } }));
    expect(lines()).toEqual(['zero line:lanes-2']);
  });

  it('keeps the plugin state apart from the editing history', () => {
    const tr = changeHighlights(stateWith(), { add: [seg('a', 'one')] });
    expect(tr.getMeta('addToHistory')).toBe(false);
  });

  it('draws overlapping segments in lanes of their own, and a segment added later in a free lane', () => {
    let state = stateWith(seg('a', 'zero line'), seg('b', 'line', 'source'), seg('c', 'one'));
    const classes = () => highlightKey.getState(state)!.set.find().map((d) => `${(d.spec as HighlightSpec).segmentId}:${classOf(d)}`).sort();
    expect(classes()).toEqual(['a:seg seg-a code-claim lane0-claim', 'b:seg seg-b code-source lane1-source', 'c:seg seg-c code-claim lane0-claim']);
    state = run(state, (s) => changeHighlights(s, { add: [seg('d', 'zero', 'source')] }));
    // d overlaps a (lane 0) only, but b keeps lane 1, so d takes lane 1 too: they do not overlap.
    expect(classes()).toContain('d:seg seg-d code-source lane1-source');
    state = run(state, (s) => changeHighlights(s, { add: [seg('e', 'o line', 'source')] }));
    expect(classes()).toContain('e:seg seg-e code-source lane2-source');
    expect(classes()).toContain('b:seg seg-b code-source lane1-source');
  });

  it('marks each line with highlights with its number of lanes, so that the line can grow', () => {
    let state = stateWith(seg('a', 'zero line'), seg('b', 'line', 'source'), seg('c', 'one'));
    const lines = () => highlightKey.getState(state)!.lineSet.find().map((d) => `${TEXT.slice(posToOffset(layout, d.from + 1, 'start'), posToOffset(layout, d.to - 1, 'end'))}:${classOf(d)}`);
    expect(lines()).toEqual(['zero line:lanes-2', 'one line:lanes-1']);
    state = run(state, (s) => changeHighlights(s, { remove: ['b'] }));
    expect(lines()).toEqual(['zero line:lanes-1', 'one line:lanes-1']);
  });

  it('keeps the lane of a segment that is moved or recoded', () => {
    let state = stateWith(seg('a', 'zero line'), seg('b', 'line', 'source'));
    state = run(state, (s) => changeHighlights(s, { remove: ['b'], add: [seg('b', 'ero line', 'claim')] }));
    expect(highlightKey.getState(state)!.index.get('b')?.lane).toBe(1);
  });

  it('after many segments are added and taken back at once (an action and its undo) draws what a fresh open draws', () => {
    // Sixty lines of five words, ten lines a section; 150 segments at first, 400 more in one change.
    const text = Array.from({ length: 60 }, (_, i) => `line ${i} has some words`).join('\n');
    const big = layoutText(text, 10);
    const at = (id: string, i: number, codeId: string) => {
      const start = (i * 53) % (text.length - 30);
      return segmentOf(text, id, start, start + 5 + (i % 23), { codeId });
    };
    const base = Array.from({ length: 150 }, (_, i) => at(`b${i}`, i, 'claim'));
    const many = Array.from({ length: 400 }, (_, i) => at(`m${i}`, i * 7 + 3, 'source'));
    const open = (...segments: CodedSegment[]) => {
      const state = EditorState.create({ doc: documentNode(big), plugins: [highlightPlugin(big, segments)] });
      return state.apply(changeHighlights(state, { window: { first: 0, last: 2 } }));
    };
    const shown = (state: EditorState) => {
      const { set, lineSet } = highlightKey.getState(state)!;
      return {
        highlights: set.find().map((d) => `${d.from}-${d.to}:${classOf(d)}`).sort(),
        lines: lineSet.find().map((d) => `${d.from}:${classOf(d)}`).sort(),
      };
    };
    const lanes = (state: EditorState) => highlightKey.getState(state)!.index.overlapping(0, text.length).map((p) => `${p.id}@${p.lane}`);
    let state = run(open(...base), (s) => changeHighlights(s, { add: many }));
    // The lanes are those of adding them one at a time in text order.
    let oneByOne = open(...base);
    for (const segment of [...many].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1))) {
      oneByOne = run(oneByOne, (s) => changeHighlights(s, { add: [segment] }));
    }
    expect(lanes(state)).toEqual(lanes(oneByOne));
    state = run(state, (s) => changeHighlights(s, { remove: many.map((m) => m.id) }));
    expect(shown(state)).toEqual(shown(open(...base)));
    expect(highlightKey.getState(state)!.index.size).toBe(base.length);
    // Redone, then the window moved away and back: drawn as the one-at-a-time state is.
    state = run(state, (s) => changeHighlights(s, { add: many }));
    expect(lanes(state)).toEqual(lanes(oneByOne));
    const awayAndBack = (s: EditorState) => [{ first: 3, last: 5 }, { first: 0, last: 2 }].reduce((t, window) => t.apply(changeHighlights(t, { window })), s);
    expect(shown(awayAndBack(state))).toEqual(shown(awayAndBack(oneByOne)));
  });
});

