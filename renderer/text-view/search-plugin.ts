/**
 * Hits of a search in the open document, drawn as decorations held in plugin state and replaced
 * whole when the search changes (a transaction with this plugin's key as metadata).
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { SearchHit } from '../../shared/text/search';
import { rangeToLinePieces, type TextLayout } from '../../shared/text/text-layout';

/** The most hits drawn at once (the count is still given in full). */
const MAX_DRAWN = 5000;

export const searchKey = new PluginKey<DecorationSet>('search-hits');

export function searchPlugin(layout: TextLayout): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: searchKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const hits = tr.getMeta(searchKey) as readonly SearchHit[] | undefined;
        if (!hits) return set;
        const decorations = hits.slice(0, MAX_DRAWN).flatMap((hit) =>
          rangeToLinePieces(layout, hit.start, hit.end).map(({ from, to }) => Decoration.inline(from, to, { class: 'search-hit' })),
        );
        return DecorationSet.create(tr.doc, decorations);
      },
    },
    props: { decorations: (state) => searchKey.getState(state) },
  });
}

/** A transaction that shows these hits (none: an empty list). */
export function showHits(state: EditorState, hits: readonly SearchHit[]): Transaction {
  return state.tr.setMeta(searchKey, hits).setMeta('addToHistory', false);
}
