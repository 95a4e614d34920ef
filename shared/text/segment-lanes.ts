/**
 * Lanes of overlapping segments: where coded segments overlap, each is drawn in its own lane (an
 * underline at its own depth below the text, a stripe at its own place in the margin), so that
 * overlaps read at a glance. Lanes are numbered from 0 (nearest the text).
 *
 * Fresh lanes come from greedy interval colouring in text order, which needs exactly as many lanes
 * as the most segments that overlap at one place (the fewest possible). Once a segment has a lane
 * it keeps it: a segment added later takes the lowest lane free along its whole span, so that
 * coding a passage never moves the underlines of the passages around it.
 */

/** A stretch of text that wants a lane: a coded segment's id and its bounds, [start, end). */
export interface LaneSpan {
  id: string;
  start: number;
  end: number;
}

/** Lanes by segment id. */
export type Lanes = ReadonlyMap<string, number>;

/** The occupied stretches of one lane, disjoint and sorted by start (hence by end too). */
type Lane = Array<{ start: number; end: number }>;

/** Index of the first stretch in `lane` that ends after `start`. */
function firstEndingAfter(lane: Lane, start: number): number {
  let lo = 0;
  let hi = lane.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lane[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isFree(lane: Lane, span: LaneSpan): boolean {
  const next = lane[firstEndingAfter(lane, span.start)];
  return !next || next.start >= span.end;
}

function occupy(lane: Lane, span: LaneSpan): void {
  lane.splice(firstEndingAfter(lane, span.start), 0, { start: span.start, end: span.end });
}

/**
 * Lanes for `spans`. Spans listed in `kept` keep their lane (unless another kept span now overlaps
 * it there, after a move); the others, in text order, take the lowest lane free along their span.
 * Overlapping spans ([a, b) and [c, d) with a < d and c < b) never share a lane.
 */
export function assignLanes(spans: readonly LaneSpan[], kept: Lanes = new Map()): Map<string, number> {
  const lanes: Lane[] = [];
  const result = new Map<string, number>();
  const laneAt = (index: number) => (lanes[index] ??= []);
  const toPlace: LaneSpan[] = [];
  for (const span of spans) {
    const lane = kept.get(span.id);
    if (lane !== undefined && isFree(laneAt(lane), span)) {
      occupy(laneAt(lane), span);
      result.set(span.id, lane);
    } else toPlace.push(span);
  }
  toPlace.sort((a, b) => a.start - b.start || b.end - a.end);
  if (result.size === 0) {
    // Nothing kept: in start order, a lane is free for a span when its last stretch ends by the
    // span's start, so the lanes' ends alone decide (a pass, with no search in the lanes).
    const ends: number[] = [];
    for (const span of toPlace) {
      let index = 0;
      while (index < ends.length && ends[index] > span.start) index++;
      ends[index] = span.end;
      result.set(span.id, index);
    }
    return result;
  }
  for (const span of toPlace) {
    let index = 0;
    while (!isFree(laneAt(index), span)) index++;
    occupy(laneAt(index), span);
    result.set(span.id, index);
  }
  return result;
}

/**
 * The lane for one span added beside spans already placed (each with its lane): `preferred` if it
 * is free along the span (a segment moved or recoded keeps its lane), else the lowest free lane.
 * What `assignLanes` would give it with the others kept, at the cost of one pass over them.
 */
export function laneBeside(span: LaneSpan, placed: Iterable<LaneSpan & { lane: number }>, preferred?: number): number {
  const overlapping: Array<{ lane: number }> = [];
  for (const other of placed) {
    if (other.id !== span.id && other.start < span.end && span.start < other.end) overlapping.push(other);
  }
  return laneFree(overlapping, preferred);
}

/** `preferred` if none of `overlapping` holds it, else the lowest lane none of them holds. */
export function laneFree(overlapping: Iterable<{ lane: number }>, preferred?: number): number {
  const taken = new Set<number>();
  for (const other of overlapping) taken.add(other.lane);
  if (preferred !== undefined && !taken.has(preferred)) return preferred;
  let lane = 0;
  while (taken.has(lane)) lane++;
  return lane;
}

/** Text order of spans: by start, then by end, then by id (a total order). */
export function compareSpans(a: LaneSpan, b: LaneSpan): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The number of lanes the spans use (the deepest lane + 1; 0 for none). */
export function laneCount(lanes: Iterable<number>): number {
  let deepest = -1;
  for (const lane of lanes) deepest = Math.max(deepest, lane);
  return deepest + 1;
}
