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
 *
 * Overlapping segments are drawn in lanes (shared/text/segment-lanes.ts): each piece's classes name
 * its segment, its code, and its lane with its code (code-styles.ts draws the underline at that lane's depth), and each line with
 * highlights in the window gets a node decoration `lanes-<N>` for its deepest lane, which makes the
 * line tall enough for its underlines. Those line decorations are a second set, drawn by a second
 * plugin (`laneLinesPlugin`), so that the highlights' set holds highlights only.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { CodedSegment } from '../../shared/model/segments';
import { assignLanes, laneBeside } from '../../shared/text/segment-lanes';
import { rangeToLinePieces, sectionOfLine, type TextLayout } from '../../shared/text/text-layout';
import { drawnLane } from './code-styles';

export interface HighlightSpec {
  segmentId: string;
  codeId: string;
  /** The segment's lane: 0 nearest the text. */
  lane: number;
  /** The line the piece lies on. */
  line: number;
}

interface Piece extends HighlightSpec {
  from: number;
  to: number;
}

/** A segment as the lanes know it: its bounds and its lane. */
interface Placed {
  id: string;
  start: number;
  end: number;
  lane: number;
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
  /** Every segment's bounds and lane. */
  placed: ReadonlyMap<string, Placed>;
  window: SectionWindow;
  /** Decorations of the pieces in the window. */
  set: DecorationSet;
  /** A node decoration `lanes-<N>` on each line with highlights drawn, N its deepest lane + 1. */
  lineSet: DecorationSet;
}

export const highlightKey = new PluginKey<HighlightState>('highlights');

/** Up to this many new pieces are drawn even outside the window. */
const FEW = 200;

/**
 * Sections decorated before the view knows what is on screen: the first, which fills the screen
 * of a document opened at its start. The margin around the screen is decorated in the frame after
 * the first (visible-window.ts), so that it never holds up the first sight of the text.
 */
export const INITIAL_WINDOW: SectionWindow = { first: 0, last: 0 };

function decoration(piece: Piece): Decoration {
  const spec: HighlightSpec = { segmentId: piece.segmentId, codeId: piece.codeId, lane: piece.lane, line: piece.line };
  return Decoration.inline(piece.from, piece.to, { class: `seg seg-${piece.segmentId} code-${piece.codeId} lane${drawnLane(piece.lane)}-${piece.codeId}` }, spec);
}

/** The line decorations for the highlights drawn in `set`. */
function laneLines(layout: TextLayout, doc: ProseMirrorNode, set: DecorationSet): DecorationSet {
  const deepest = new Map<number, number>();
  for (const drawn of set.find()) {
    const { line, lane } = drawn.spec as HighlightSpec;
    deepest.set(line, Math.max(deepest.get(line) ?? 0, drawnLane(lane) + 1));
  }
  const decorations = [...deepest].map(([index, lanes]) => {
    const line = layout.lines[index];
    return Decoration.node(line.contentPos - 1, line.contentPos + line.length + 1, { class: `lanes-${lanes}` });
  });
  return DecorationSet.create(doc, decorations);
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
  lanes: ReadonlyMap<string, number>,
): Map<number, Piece[]> {
  const added = new Map<number, Piece[]>();
  for (const segment of segments) {
    const sections: number[] = [];
    const lane = lanes.get(segment.id) ?? 0;
    for (const { from, to, line } of rangeToLinePieces(layout, segment.start, segment.end)) {
      const section = sectionOfLine(layout, line);
      const piece: Piece = { from, to, segmentId: segment.id, codeId: segment.codeId, lane, line };
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
        const lanes = assignLanes(segments);
        addPieces(layout, pieces, sectionsOf, segments, lanes);
        const placed = new Map(segments.map((s) => [s.id, { id: s.id, start: s.start, end: s.end, lane: lanes.get(s.id) ?? 0 }]));
        const window = INITIAL_WINDOW;
        const set = DecorationSet.create(state.doc, decorationsIn(pieces, window));
        return { pieces, sectionsOf, placed, window, set, lineSet: laneLines(layout, state.doc, set) };
      },
      apply(tr, current) {
        const change = tr.getMeta(highlightKey) as HighlightChange | undefined;
        if (!change) return current; // the text never changes, so positions never move
        let { set, window, pieces, sectionsOf, placed } = current;
        if (change.remove?.length || change.add?.length) {
          pieces = new Map(pieces);
          sectionsOf = new Map(sectionsOf);
          placed = new Map(placed);
        }
        // A segment removed and added again (moved or recoded) keeps its lane where it can.
        const previousLanes = new Map((change.remove ?? []).map((id) => [id, current.placed.get(id)?.lane]));
        if (change.remove?.length) {
          const ids = new Set(change.remove);
          const touched = new Set(change.remove.flatMap((id) => sectionsOf.get(id) ?? []));
          for (const section of touched) {
            (pieces as Map<number, Piece[]>).set(section, (pieces.get(section) ?? []).filter((piece) => !ids.has(piece.segmentId)));
          }
          for (const id of ids) {
            (sectionsOf as Map<string, number[]>).delete(id);
            (placed as Map<string, Placed>).delete(id);
          }
          set = set.remove(set.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.segmentId)));
        }
        if (change.add?.length) {
          const lanes = new Map<string, number>();
          for (const segment of change.add) {
            const lane = laneBeside(segment, placed.values(), previousLanes.get(segment.id));
            lanes.set(segment.id, lane);
            (placed as Map<string, Placed>).set(segment.id, { id: segment.id, start: segment.start, end: segment.end, lane });
          }
          const added = addPieces(layout, pieces as Map<number, Piece[]>, sectionsOf as Map<string, number[]>, change.add, lanes);
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
        const lineSet = set === current.set ? current.lineSet : laneLines(layout, tr.doc, set);
        return { pieces, sectionsOf, placed, window, set, lineSet };
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.set,
    },
  });
}

/** Draws the highlight plugin's line decorations (mount it beside `highlightPlugin`). */
export const laneLinesPlugin = new Plugin({
  props: { decorations: (state) => highlightKey.getState(state)?.lineSet },
});

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
