/**
 * Highlights of coded segments, as a DecorationSet held in plugin state. The set is built once
 * when a document opens and then changed only by add/remove requests carried as transaction
 * metadata; the `decorations` prop returns it as it is. Each segment becomes one inline
 * decoration per line it covers (decorations that cross block ends are costly to redraw), and
 * every decoration's spec names its segment and code so that clicks find them again.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { CodedSegment } from '../../shared/segments';
import { rangeToLinePieces, type TextLayout } from '../../shared/text-layout';

export interface HighlightSpec {
  segmentId: string;
  codeId: string;
}

export interface HighlightChange {
  add?: readonly CodedSegment[];
  remove?: readonly string[];
}

export const highlightKey = new PluginKey<DecorationSet>('highlights');

function decorationsFor(layout: TextLayout, segment: CodedSegment): Decoration[] {
  const spec: HighlightSpec = { segmentId: segment.id, codeId: segment.codeId };
  return rangeToLinePieces(layout, segment.start, segment.end).map(({ from, to }) =>
    Decoration.inline(from, to, { class: `seg code-${segment.codeId}` }, spec),
  );
}

export function highlightPlugin(layout: TextLayout, segments: readonly CodedSegment[]): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: highlightKey,
    state: {
      init: (_config, state) =>
        DecorationSet.create(state.doc, segments.flatMap((segment) => decorationsFor(layout, segment))),
      apply(tr, set) {
        const change = tr.getMeta(highlightKey) as HighlightChange | undefined;
        if (!change) return set; // the text never changes, so positions never move
        let next = set;
        if (change.remove?.length) {
          const ids = new Set(change.remove);
          next = next.remove(next.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.segmentId)));
        }
        if (change.add?.length) {
          next = next.add(tr.doc, change.add.flatMap((segment) => decorationsFor(layout, segment)));
        }
        return next;
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state),
    },
  });
}

/** A transaction that adds and removes highlights. */
export function changeHighlights(state: EditorState, change: HighlightChange): Transaction {
  return state.tr.setMeta(highlightKey, change).setMeta('addToHistory', false);
}

/** Ids of the segments highlighted at a position (a click or the caret). */
export function segmentIdsAt(state: EditorState, pos: number): string[] {
  const set = highlightKey.getState(state);
  if (!set) return [];
  const ids = new Set<string>();
  for (const decoration of set.find(pos, pos)) {
    if (decoration.from <= pos && pos <= decoration.to) ids.add((decoration.spec as HighlightSpec).segmentId);
  }
  return [...ids];
}
