// The text view's index of segments by place: every question it answers is checked against the
// plain pass over all segments that it replaces, on seeded random spans (some long), after adds,
// removes and moves.
import { describe, expect, it } from 'vitest';
import { assignLanes, laneBeside } from '../../shared/text/segment-lanes';
import { SpanIndex, type PlacedSpan } from '../../shared/text/span-index';

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Spans over a text of `textLength`, mostly short, one in twenty long (up to a third of the text). */
function randomSpans(next: () => number, count: number, textLength: number, prefix = 's'): PlacedSpan[] {
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(next() * textLength);
    const length = next() < 0.05 ? 1 + Math.floor(next() * (textLength / 3)) : 1 + Math.floor(next() * 60);
    return { id: `${prefix}${i}`, codeId: next() < 0.5 ? 'claim' : 'source', start, end: start + length, lane: 0 };
  });
}

const byPlace = (a: PlacedSpan, b: PlacedSpan) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1);
const ids = (spans: readonly PlacedSpan[]) => spans.map((s) => s.id);

describe('span index', () => {
  it('finds exactly the spans that overlap a stretch, in text order, as a pass over all of them does', () => {
    const next = seeded(7);
    const spans = randomSpans(next, 600, 5_000);
    const index = new SpanIndex(spans);
    for (let query = 0; query < 300; query++) {
      const start = Math.floor(next() * 5_200) - 100;
      const end = start + 1 + Math.floor(next() * 400);
      const expected = spans.filter((s) => s.start < end && start < s.end).sort(byPlace);
      expect(ids(index.overlapping(start, end)), `[${start}, ${end})`).toEqual(ids(expected));
    }
  });

  it('keeps answering as a pass would after spans are added, removed and moved', () => {
    const next = seeded(11);
    let spans = randomSpans(next, 300, 3_000);
    const index = new SpanIndex(spans);
    const added = randomSpans(next, 200, 3_000, 'n');
    for (const [i, span] of added.entries()) {
      index.add(span);
      spans.push(span);
      if (i % 3 === 0) {
        const gone = spans[Math.floor(next() * spans.length)];
        expect(index.remove(gone.id)).toBe(gone);
        spans = spans.filter((s) => s !== gone);
      }
      if (i % 5 === 0) {
        // A move: the same id with new bounds replaces the old record.
        const moved = { ...spans[Math.floor(next() * spans.length)], start: Math.floor(next() * 3_000) };
        moved.end = moved.start + 10;
        index.add(moved);
        spans = spans.map((s) => (s.id === moved.id ? moved : s));
      }
    }
    expect(index.size).toBe(spans.length);
    for (const span of spans) expect(index.get(span.id)).toBe(span);
    for (let start = -50; start < 3_100; start += 37) {
      const expected = spans.filter((s) => s.start < start + 80 && start < s.end).sort(byPlace);
      expect(ids(index.overlapping(start, start + 80))).toEqual(ids(expected));
    }
    expect(index.remove('no such span')).toBeUndefined();
  });

  it('gives a new span the lane laneBeside gives it beside every placed span, a preferred lane where free', () => {
    const next = seeded(3);
    const spans = randomSpans(next, 400, 4_000);
    const lanes = assignLanes(spans);
    const placed = spans.map((s) => ({ ...s, lane: lanes.get(s.id)! }));
    const index = new SpanIndex(placed);
    for (const span of randomSpans(next, 200, 4_000, 'n')) {
      const preferred = next() < 0.3 ? Math.floor(next() * 4) : undefined;
      expect(index.laneFor(span, preferred), span.id).toBe(laneBeside(span, placed, preferred));
    }
  });

  it('takes many spans out and puts many in at once as one at a time would, lanes in text order included', () => {
    const next = seeded(19);
    const spans = randomSpans(next, 500, 6_000);
    const lanes = assignLanes(spans);
    const placed = spans.map((s) => ({ ...s, lane: lanes.get(s.id)! }));
    const bulk = new SpanIndex(placed);
    const single = new SpanIndex(placed);
    const gone = placed.filter(() => next() < 0.3).map((s) => s.id);
    expect(ids(bulk.removeAll([...gone, 'no such span'])).sort()).toEqual([...gone].sort());
    for (const id of gone) single.remove(id);
    // New spans (and one moved: an id already held) go in unplaced, then get lanes in text order.
    const moved = { ...placed.find((s) => !gone.includes(s.id))!, start: 10, end: 40, lane: -1 };
    const come = [...randomSpans(next, 300, 6_000, 'n').map((s) => ({ ...s, lane: -1 })), moved];
    const cloned = come.map((s) => ({ ...s }));
    bulk.addAll(come);
    for (const span of [...come].sort(byPlace)) span.lane = bulk.laneFor(span);
    for (const span of [...cloned].sort(byPlace)) {
      span.lane = single.laneFor(span);
      single.add(span);
    }
    expect(bulk.size).toBe(single.size);
    for (let start = -50; start < 6_100; start += 41) {
      const a = bulk.overlapping(start, start + 90);
      const b = single.overlapping(start, start + 90);
      expect(a.map((s) => `${s.id}@${s.lane}`)).toEqual(b.map((s) => `${s.id}@${s.lane}`));
    }
  });
});
