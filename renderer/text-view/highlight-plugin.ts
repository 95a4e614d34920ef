/**
 * Highlights of coded segments, as a DecorationSet held in plugin state.
 *
 * Every segment is cut into one piece per line it covers (decorations that cross block ends are
 * costly to redraw) and the pieces are kept by section. Only the sections in the window (those on
 * screen, and a margin around them) are decorated: drawing ten thousand highlights costs far more
 * than drawing the text, while a reader sees a screenful at a time. The window, additions and
 * removals arrive as transaction metadata keyed by the plugin's key; `apply` updates the set and
 * the `decorations` prop returns it as it is. Each decoration's spec names its segment and code,
 * so that clicks find them again.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { CodedSegment } from '../../shared/model/segments';
import { rangeToLinePieces, sectionOfLine, type TextLayout } from '../../shared/text/text-layout';

export interface HighlightSpec {
  segmentId: string;
  codeId: string;
}

interface Piece extends HighlightSpec {
  from: number;
  to: number;
}

/** Sections [first, last], both included. */
export interface SectionWindow {
  first: number;
  last: number;
}

export interface HighlightChange {
  add?: readonly CodedSegment[];
  remove?: readonly string[];
  window?: SectionWindow;
}

export interface HighlightState {
  /** The pieces of every segment, by section. Never changed in place: a change copies. */
  pieces: ReadonlyMap<number, readonly Piece[]>;
  /** The sections of each segment, so that a removal finds its pieces. */
  sectionsOf: ReadonlyMap<string, readonly number[]>;
  window: SectionWindow;
  /** Decorations of the pieces in the window. */
  set: DecorationSet;
}

export const highlightKey = new PluginKey<HighlightState>('highlights');

/** Up to this many new pieces are drawn even outside the window. */
const FEW = 200;

/** Sections decorated before the view knows what is on screen. */
export const INITIAL_WINDOW: SectionWindow = { first: 0, last: 1 };

function decoration(piece: Piece): Decoration {
  const spec: HighlightSpec = { segmentId: piece.segmentId, codeId: piece.codeId };
  return Decoration.inline(piece.from, piece.to, { class: `seg code-${piece.codeId}` }, spec);
}

function inWindow(window: SectionWindow, section: number): boolean {
  return section >= window.first && section <= window.last;
}

/** Adds segments' pieces to the index (copying what changes); returns the pieces added per section. */
function addPieces(
  layout: TextLayout,
  pieces: Map<number, Piece[]>,
  sectionsOf: Map<string, number[]>,
  segments: readonly CodedSegment[],
): Map<number, Piece[]> {
  const added = new Map<number, Piece[]>();
  for (const segment of segments) {
    const sections: number[] = [];
    for (const { from, to, line } of rangeToLinePieces(layout, segment.start, segment.end)) {
      const section = sectionOfLine(layout, line);
      const piece: Piece = { from, to, segmentId: segment.id, codeId: segment.codeId };
      if (!added.has(section)) added.set(section, []);
      added.get(section)!.push(piece);
      if (sections[sections.length - 1] !== section) sections.push(section);
    }
    sectionsOf.set(segment.id, sections);
  }
  for (const [section, list] of added) pieces.set(section, [...(pieces.get(section) ?? []), ...list]);
  return added;
}

function decorationsIn(pieces: ReadonlyMap<number, readonly Piece[]>, window: SectionWindow): Decoration[] {
  const decorations: Decoration[] = [];
  for (let section = window.first; section <= window.last; section++) {
    for (const piece of pieces.get(section) ?? []) decorations.push(decoration(piece));
  }
  return decorations;
}

export function highlightPlugin(layout: TextLayout, segments: readonly CodedSegment[]): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init(_config, state) {
        const pieces = new Map<number, Piece[]>();
        const sectionsOf = new Map<string, number[]>();
        addPieces(layout, pieces, sectionsOf, segments);
        const window = INITIAL_WINDOW;
        return { pieces, sectionsOf, window, set: DecorationSet.create(state.doc, decorationsIn(pieces, window)) };
      },
      apply(tr, current) {
        const change = tr.getMeta(highlightKey) as HighlightChange | undefined;
        if (!change) return current; // the text never changes, so positions never move
        let { set, window, pieces, sectionsOf } = current;
        if (change.remove?.length || change.add?.length) {
          pieces = new Map(pieces);
          sectionsOf = new Map(sectionsOf);
        }
        if (change.remove?.length) {
          const ids = new Set(change.remove);
          const touched = new Set(change.remove.flatMap((id) => sectionsOf.get(id) ?? []));
          for (const section of touched) {
            (pieces as Map<number, Piece[]>).set(section, (pieces.get(section) ?? []).filter((piece) => !ids.has(piece.segmentId)));
          }
          for (const id of ids) (sectionsOf as Map<string, number[]>).delete(id);
          set = set.remove(set.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.segmentId)));
        }
        if (change.add?.length) {
          const added = addPieces(layout, pieces as Map<number, Piece[]>, sectionsOf as Map<string, number[]>, change.add);
          // A few new segments are drawn wherever they are: the researcher is looking at them, even
          // when the window has not yet caught up with a jump or a fast scroll. Many at once (all
          // hits of a search) are drawn in the window only.
          const all = [...added].flatMap(([, list]) => list);
          const shown = all.length <= FEW ? all : [...added].filter(([section]) => inWindow(window, section)).flatMap(([, list]) => list);
          set = set.add(tr.doc, shown.map(decoration));
        }
        if (change.window && (change.window.first !== window.first || change.window.last !== window.last)) {
          window = change.window;
          set = DecorationSet.create(tr.doc, decorationsIn(pieces, window));
        }
        return { pieces, sectionsOf, window, set };
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.set,
    },
  });
}

/** A transaction that adds and removes highlights, or moves the decorated window. */
export function changeHighlights(state: EditorState, change: HighlightChange): Transaction {
  return state.tr.setMeta(highlightKey, change).setMeta('addToHistory', false);
}

/** Ids of the segments highlighted at a position (a click or the caret). */
export function segmentIdsAt(state: EditorState, pos: number): string[] {
  const set = highlightKey.getState(state)?.set;
  if (!set) return [];
  const ids = new Set<string>();
  for (const decoration of set.find(pos, pos)) {
    if (decoration.from <= pos && pos <= decoration.to) ids.add((decoration.spec as HighlightSpec).segmentId);
  }
  return [...ids];
}
