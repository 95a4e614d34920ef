/**
 * An index of a document's coded segments by place, for the text view: each segment's bounds,
 * code and lane, kept in text order, so that "which segments overlap this stretch of text" costs
 * a binary search and the segments near it, not a pass over all of them. The text view asks it for
 * the segments of the sections on screen and for the lane of a segment being added; with 100,000
 * segments in a document, a pass over them all per key press or per scroll would cost a frame.
 *
 * The search goes back from a stretch's start by the length of the longest segment the index has
 * held (a segment that starts further back ends before the stretch), so its cost follows the
 * segments within that distance: a handful in a densely coded text whose passages are sentences.
 */
import { compareSpans, laneFree, type LaneSpan } from './segment-lanes';

/** A segment as the text view places it: bounds, code, lane. */
export interface PlacedSpan extends LaneSpan {
  codeId: string;
  lane: number;
}

export class SpanIndex {
  /** In text order: by start, then end, then id. */
  private order: PlacedSpan[];
  private readonly byId = new Map<string, PlacedSpan>();
  /** The longest length of any span held so far (it never shrinks: a bound, not the maximum). */
  private longest = 0;

  /** An index of `spans` (in any order). */
  constructor(spans: Iterable<PlacedSpan> = []) {
    this.order = [...spans].sort(compareSpans);
    for (const span of this.order) {
      this.byId.set(span.id, span);
      this.longest = Math.max(this.longest, span.end - span.start);
    }
  }

  get size(): number {
    return this.order.length;
  }

  get(id: string): PlacedSpan | undefined {
    return this.byId.get(id);
  }

  /** Puts a span in its place (one with the same id is taken out first). */
  add(span: PlacedSpan): void {
    this.remove(span.id);
    this.order.splice(this.firstAfter(span), 0, span);
    this.byId.set(span.id, span);
    this.longest = Math.max(this.longest, span.end - span.start);
  }

  /** Takes a span out; returns it (undefined when it was not held). */
  remove(id: string): PlacedSpan | undefined {
    const span = this.byId.get(id);
    if (!span) return undefined;
    this.byId.delete(id);
    const at = this.firstAfter(span) - 1;
    if (this.order[at] === span) this.order.splice(at, 1);
    else this.order.splice(this.order.indexOf(span), 1); // not reached while spans are not changed in place
    return span;
  }

  /**
   * Takes out the spans of `ids` in one pass (for many at once: one at a time costs a splice of
   * the whole order each); returns those it held.
   */
  removeAll(ids: Iterable<string>): PlacedSpan[] {
    const removed = new Set<PlacedSpan>();
    for (const id of ids) {
      const span = this.byId.get(id);
      if (!span) continue;
      this.byId.delete(id);
      removed.add(span);
    }
    if (removed.size) this.keepOnly((span) => !removed.has(span));
    return [...removed];
  }

  /**
   * Puts many spans in their places at once (those with the same ids are taken out first): sorted
   * among themselves, then merged with the order in one pass.
   */
  addAll(spans: readonly PlacedSpan[]): void {
    const ids = new Set<string>();
    for (const span of spans) if (this.byId.has(span.id)) ids.add(span.id);
    if (ids.size) this.removeAll(ids);
    const added = [...spans].sort(compareSpans);
    this.order = mergeSorted(this.order, added, compareSpans);
    for (const span of added) {
      this.byId.set(span.id, span);
      this.longest = Math.max(this.longest, span.end - span.start);
    }
  }

  /** The spans that overlap [start, end) (share at least one character with it), in text order. */
  overlapping(start: number, end: number): PlacedSpan[] {
    const found: PlacedSpan[] = [];
    const { order } = this;
    for (let i = this.firstStartingAtOrAfter(start - this.longest); i < order.length && order[i].start < end; i++) {
      if (order[i].end > start) found.push(order[i]);
    }
    return found;
  }

  /**
   * The lane for `span` beside the spans held (other than itself, and other than spans put in
   * with no lane yet, a negative one): `preferred` if it is free along the span (a segment moved
   * or recoded keeps its lane), else the lowest free lane.
   */
  laneFor(span: LaneSpan, preferred?: number): number {
    return laneFree(this.overlapping(span.start, span.end).filter((other) => other.id !== span.id && other.lane >= 0), preferred);
  }

  /** Keeps the spans of the order that pass `keep`, in one pass, in place. */
  private keepOnly(keep: (span: PlacedSpan) => boolean): void {
    const { order } = this;
    let k = 0;
    for (let i = 0; i < order.length; i++) if (keep(order[i])) order[k++] = order[i];
    order.length = k;
  }

  /** Index of the first span after `span` in text order (where it would be inserted). */
  private firstAfter(span: LaneSpan): number {
    const { order } = this;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareSpans(order[mid], span) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private firstStartingAtOrAfter(offset: number): number {
    const { order } = this;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Two lists sorted by `compare` as one sorted list, in one pass (equal items: those of `a` first). */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
