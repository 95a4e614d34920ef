/**
 * Highlights of coded segments, as a DecorationSet held in plugin state.
 *
 * Every segment is cut into one piece per line it covers (decorations that cross block ends are
 * costly to redraw). Only the sections in the window (those on screen, and a margin around them)
 * are decorated, their segments found in an index by place (shared/text/span-index.ts): drawing
 * ten thousand highlights costs far more than drawing the text, while a reader sees a screenful
 * at a time, and finding them by place keeps a key press from costing a pass over all segments. The window, additions and
 * removals arrive as transaction metadata keyed by the plugin's key; `apply` updates the set and
 * the `decorations` prop returns it as it is. Each decoration's spec names its segment and code,
 * so that clicks find them again.
 *
 * Overlapping segments are drawn in lanes (shared/text/segment-lanes.ts): each piece's classes name
 * its segment, its code, and its lane with its code (code-styles.ts draws the underline at that lane's depth), and each line with
 * highlights in the window gets a node decoration `lanes-<N>` for its deepest lane, which makes the
 * line tall enough for its underlines. Those line decorations are a second set, drawn by a second
 * plugin (`laneLinesPlugin`), so that the highlights' set holds highlights only. Both sets are
 * changed only where something changed (the lines of a segment added or removed, the sections
 * entering or leaving the window), so that ProseMirror redraws those and compares nothing else.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { CodedSegment } from '../../shared/model/segments';
import { assignLanes, compareSpans } from '../../shared/text/segment-lanes';
import { SpanIndex, type PlacedSpan } from '../../shared/text/span-index';
import { rangeToLinePieces, type TextLayout } from '../../shared/text/text-layout';
import { drawnLane } from './code-styles';

export interface HighlightSpec {
  segmentId: string;
  codeId: string;
  /** The segment's lane: 0 nearest the text. */
  lane: number;
  /** The line the piece lies on. */
  line: number;
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
  /**
   * Every segment's bounds, code and lane, by place. One index serves all the states of a view and
   * is changed in place (a copy per key press would cost a pass over every segment): the text never
   * changes and the view only ever moves forward from its latest state.
   */
  index: SpanIndex;
  window: SectionWindow;
  /** Decorations of the segments in the window (and of a few just added elsewhere). */
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

/** One decoration per line that `segment` covers within text offsets [from, to). */
function decorationsOf(layout: TextLayout, segment: PlacedSpan, from = segment.start, to = segment.end): Decoration[] {
  const attrs = { class: `seg seg-${segment.id} code-${segment.codeId} lane${drawnLane(segment.lane)}-${segment.codeId}` };
  return rangeToLinePieces(layout, Math.max(from, segment.start), Math.min(to, segment.end)).map((piece) => {
    const spec: HighlightSpec = { segmentId: segment.id, codeId: segment.codeId, lane: segment.lane, line: piece.line };
    return Decoration.inline(piece.from, piece.to, attrs, spec);
  });
}

/** What a line decoration's spec holds: the line it marks. */
interface LaneLineSpec {
  laneLine: number;
}

/** ProseMirror positions [from, to] of lines [first, last] (their nodes' outer bounds). */
function linesPosRange(layout: TextLayout, first: number, last: number): { from: number; to: number } {
  const end = layout.lines[last];
  return { from: layout.lines[first].contentPos - 1, to: end.contentPos + end.length + 1 };
}

/**
 * `lineSet` with the line decorations of lines [first, last] drawn again from the highlights in
 * `set` on them; the other lines' decorations are kept as they are (so that a key press or a
 * window moving by a section costs the lines it touches, not every line in the window).
 */
function relineLines(layout: TextLayout, doc: ProseMirrorNode, set: DecorationSet, lineSet: DecorationSet, first: number, last: number): DecorationSet {
  const { from, to } = linesPosRange(layout, first, last);
  const deepest = new Map<number, number>();
  for (const drawn of set.find(from, to)) {
    const { line, lane } = drawn.spec as HighlightSpec;
    if (line < first || line > last) continue;
    deepest.set(line, Math.max(deepest.get(line) ?? 0, drawnLane(lane) + 1));
  }
  const stale = lineSet.find(from, to, (spec: LaneLineSpec) => spec.laneLine >= first && spec.laneLine <= last);
  const decorations = [...deepest].map(([index, lanes]) => {
    const line = layout.lines[index];
    const spec: LaneLineSpec = { laneLine: index };
    return Decoration.node(line.contentPos - 1, line.contentPos + line.length + 1, { class: `lanes-${lanes}` }, spec);
  });
  if (!stale.length && !decorations.length) return lineSet;
  return (stale.length ? lineSet.remove(stale) : lineSet).add(doc, decorations);
}

/** The lines [first, last] that the pieces of `segments` lie on, merged where they meet. */
function linesOf(layout: TextLayout, segments: readonly { start: number; end: number }[]): [number, number][] {
  const spans = segments.map((s): [number, number] => {
    const pieces = rangeToLinePieces(layout, s.start, s.end);
    return pieces.length ? [pieces[0].line, pieces[pieces.length - 1].line] : [-1, -1];
  }).filter(([first]) => first >= 0).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** First and last line of sections [first, last]. */
function sectionLines(layout: TextLayout, first: number, last: number): [number, number] {
  const end = layout.sections[last];
  return [layout.sections[first].firstLine, end.firstLine + end.lineCount - 1];
}

/** Text offsets [start, end) of the window's lines. */
function windowRange(layout: TextLayout, window: SectionWindow): { start: number; end: number } {
  const first = layout.sections[window.first];
  const last = layout.sections[window.last];
  const lastLine = layout.lines[last.firstLine + last.lineCount - 1];
  return { start: layout.lines[first.firstLine].start, end: lastLine.start + lastLine.length + lastLine.breakLength };
}

/** The decorations of every segment in the window, cut to it. */
function decorationsIn(layout: TextLayout, index: SpanIndex, window: SectionWindow): Decoration[] {
  const { start, end } = windowRange(layout, window);
  return index.overlapping(start, end).flatMap((segment) => decorationsOf(layout, segment, start, end));
}

/** The sections [first, last] of `from` that are not in `to`, as at most two runs. */
function sectionsLeft(from: SectionWindow, to: SectionWindow): SectionWindow[] {
  const runs: SectionWindow[] = [];
  if (from.first < to.first) runs.push({ first: from.first, last: Math.min(from.last, to.first - 1) });
  if (from.last > to.last) runs.push({ first: Math.max(from.first, to.last + 1), last: from.last });
  return runs;
}

/**
 * The highlights and line decorations after the window moves from `from` to `to`: the sections
 * leaving it lose their decorations, those entering it gain theirs, and those it keeps are left
 * as they are, so that ProseMirror redraws only the sections that changed. A window that moves
 * to sections it did not hold is decorated afresh.
 */
function moveWindow(layout: TextLayout, doc: ProseMirrorNode, index: SpanIndex, state: { set: DecorationSet; lineSet: DecorationSet }, from: SectionWindow, to: SectionWindow): { set: DecorationSet; lineSet: DecorationSet } {
  if (to.first > from.last || to.last < from.first) {
    const set = DecorationSet.create(doc, decorationsIn(layout, index, to));
    const [first, last] = sectionLines(layout, to.first, to.last);
    return { set, lineSet: relineLines(layout, doc, set, DecorationSet.empty, first, last) };
  }
  let { set, lineSet } = state;
  for (const run of [...sectionsLeft(from, to), ...sectionsLeft(to, from)]) {
    // Leaving: its highlights go. Entering: any drawn there (a segment just added) are replaced by all of them.
    const { start, end } = windowRange(layout, run);
    const [first, last] = sectionLines(layout, run.first, run.last);
    const { from: posFrom, to: posTo } = linesPosRange(layout, first, last);
    const stale = set.find(posFrom, posTo, (spec: HighlightSpec) => spec.line >= first && spec.line <= last);
    if (stale.length) set = set.remove(stale);
    const entering = run.first >= to.first && run.last <= to.last;
    if (entering) set = set.add(doc, index.overlapping(start, end).flatMap((segment) => decorationsOf(layout, segment, start, end)));
    lineSet = relineLines(layout, doc, set, lineSet, first, last);
  }
  return { set, lineSet };
}

export function highlightPlugin(layout: TextLayout, segments: readonly CodedSegment[]): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init(_config, state) {
        const lanes = assignLanes(segments);
        const index = new SpanIndex(segments.map((s) => ({ id: s.id, codeId: s.codeId, start: s.start, end: s.end, lane: lanes.get(s.id) ?? 0 })));
        const window = INITIAL_WINDOW;
        const set = DecorationSet.create(state.doc, decorationsIn(layout, index, window));
        const [first, last] = sectionLines(layout, window.first, window.last);
        return { index, window, set, lineSet: relineLines(layout, state.doc, set, DecorationSet.empty, first, last) };
      },
      apply(tr, current) {
        const change = tr.getMeta(highlightKey) as HighlightChange | undefined;
        if (!change) return current; // the text never changes, so positions never move
        const { index } = current;
        let { set, window, lineSet } = current;
        // The segments whose lines' depth may change: those removed and those added.
        const touched: { start: number; end: number }[] = [];
        // A segment removed and added again (moved or recoded) keeps its lane where it can.
        const previousLanes = new Map<string, number>();
        if (change.remove?.length) {
          const ids = new Set(change.remove);
          // Many at once (an undone action of all hits of a search) go in one pass over the index.
          const removed = ids.size > FEW ? index.removeAll(ids) : [...ids].flatMap((id) => index.remove(id) ?? []);
          for (const span of removed) {
            previousLanes.set(span.id, span.lane);
            touched.push(span);
          }
          set = set.remove(set.find(undefined, undefined, (spec: HighlightSpec) => ids.has(spec.segmentId)));
        }
        if (change.add?.length) {
          const added: Decoration[] = [];
          const placedAll = change.add.map((segment): PlacedSpan => ({ id: segment.id, codeId: segment.codeId, start: segment.start, end: segment.end, lane: -1 }));
          if (placedAll.length > FEW) {
            // Many at once: merged into the index in one pass, then given lanes in text order, each
            // beside those before it (as adding them one by one in that order would).
            index.addAll(placedAll);
            for (const placed of [...placedAll].sort(compareSpans)) placed.lane = index.laneFor(placed, previousLanes.get(placed.id));
          } else {
            for (const placed of placedAll) {
              placed.lane = index.laneFor(placed, previousLanes.get(placed.id));
              index.add(placed);
              if (added.length <= FEW) added.push(...decorationsOf(layout, placed));
            }
          }
          // A few new segments are drawn wherever they are: the researcher is looking at them, even
          // when the window has not yet caught up with a jump or a fast scroll. Many at once (all
          // hits of a search) are drawn in the window only.
          const { start, end } = windowRange(layout, window);
          const few = placedAll.length <= FEW && added.length <= FEW;
          const shown = few ? added : placedAll.flatMap((placed) => (placed.start < end && start < placed.end ? decorationsOf(layout, placed, start, end) : []));
          set = set.add(tr.doc, shown);
          touched.push(...(few ? change.add : change.add.filter((s) => s.start < end && start < s.end)));
        }
        // Many changes at once: the window's lines are drawn again in one pass.
        if (touched.length > FEW) {
          const [first, last] = sectionLines(layout, window.first, window.last);
          lineSet = relineLines(layout, tr.doc, set, lineSet, first, last);
        } else {
          for (const [first, last] of linesOf(layout, touched)) lineSet = relineLines(layout, tr.doc, set, lineSet, first, last);
        }
        if (change.window && (change.window.first !== window.first || change.window.last !== window.last)) {
          ({ set, lineSet } = moveWindow(layout, tr.doc, index, { set, lineSet }, window, change.window));
          window = change.window;
        }
        return { index, window, set, lineSet };
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
