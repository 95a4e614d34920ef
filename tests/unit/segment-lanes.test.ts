import { describe, expect, it } from 'vitest';
import { assignLanes, laneBeside, laneCount, type LaneSpan } from '../../shared/text/segment-lanes';

const span = (id: string, start: number, end: number): LaneSpan => ({ id, start, end });
const overlap = (a: LaneSpan, b: LaneSpan) => a.start < b.end && b.start < a.end;

/** The most spans that cover one place: no colouring can use fewer lanes. */
function deepestOverlap(spans: readonly LaneSpan[]): number {
  const events = spans.flatMap((s) => [[s.start, 1], [s.end, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let depth = 0;
  let deepest = 0;
  for (const [, step] of events) deepest = Math.max(deepest, (depth += step));
  return deepest;
}

/** Spans from a seeded generator, so that a failure can be replayed. */
function randomSpans(seed: number, count: number, textLength: number): LaneSpan[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(next() * textLength);
    return span(`s${i}`, start, start + 1 + Math.floor(next() * 60));
  });
}

function expectNoSharedLane(spans: readonly LaneSpan[], lanes: ReadonlyMap<string, number>): void {
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      if (overlap(spans[i], spans[j])) expect(lanes.get(spans[i].id), `${spans[i].id} and ${spans[j].id}`).not.toBe(lanes.get(spans[j].id));
    }
  }
}

describe('lanes of overlapping segments', () => {
  it('puts segments that do not overlap in lane 0, touching ones included', () => {
    const lanes = assignLanes([span('a', 0, 5), span('b', 5, 9), span('c', 20, 30)]);
    expect([...lanes.values()]).toEqual([0, 0, 0]);
  });

  it('gives three and five segments over one passage three and five lanes', () => {
    const three = [span('a', 0, 30), span('b', 5, 20), span('c', 10, 15)];
    expect(assignLanes(three)).toEqual(new Map([['a', 0], ['b', 1], ['c', 2]]));
    const five = [...three, span('d', 12, 40), span('e', 14, 16)];
    const lanes = assignLanes(five);
    expectNoSharedLane(five, lanes);
    expect(laneCount(lanes.values())).toBe(5);
  });

  it('reuses a lane as soon as it is free again', () => {
    const lanes = assignLanes([span('a', 0, 10), span('b', 5, 15), span('c', 12, 20)]);
    expect(lanes).toEqual(new Map([['a', 0], ['b', 1], ['c', 0]]));
  });

  it('never lets overlapping segments share a lane, and uses no more lanes than the deepest overlap', () => {
    for (const seed of [1, 7, 42, 1234]) {
      const spans = randomSpans(seed, 300, 2000);
      const lanes = assignLanes(spans);
      expect(lanes.size).toBe(spans.length);
      expectNoSharedLane(spans, lanes);
      expect(laneCount(lanes.values()), `seed ${seed}`).toBe(deepestOverlap(spans));
    }
  });

  it('does not move the lanes of the segments already drawn when one is added', () => {
    const spans = randomSpans(99, 200, 1500);
    const before = assignLanes(spans);
    for (const added of [span('new-1', 0, 1500), span('new-2', 700, 720), span('new-3', 1490, 1510)]) {
      const after = assignLanes([...spans, added], before);
      for (const s of spans) expect(after.get(s.id), s.id).toBe(before.get(s.id));
      expectNoSharedLane([...spans, added], after);
    }
  });

  it('gives an added segment the lowest lane free along its whole span', () => {
    const before = assignLanes([span('a', 0, 10), span('b', 5, 15), span('c', 20, 30)]);
    // [8, 22) meets a (lane 0), b (lane 1) and c (lane 0): lane 2.
    expect(assignLanes([span('a', 0, 10), span('b', 5, 15), span('c', 20, 30), span('d', 8, 22)], before).get('d')).toBe(2);
    // [16, 19) meets nothing: lane 0.
    expect(assignLanes([span('a', 0, 10), span('e', 16, 19)], before).get('e')).toBe(0);
  });

  it('moves a kept segment only when a move made it overlap another in its lane', () => {
    const before = new Map([['a', 0], ['b', 0]]);
    const lanes = assignLanes([span('a', 0, 10), span('b', 8, 12)], before);
    expect(lanes).toEqual(new Map([['a', 0], ['b', 1]]));
  });

  it('counts no lanes for no segments', () => {
    expect(laneCount(assignLanes([]).values())).toBe(0);
  });
});

describe('the lane of one added segment', () => {
  it('is the lowest lane free along its span, as assignLanes would give it', () => {
    const spans = randomSpans(5, 150, 1000);
    const lanes = assignLanes(spans);
    const placed = spans.map((s) => ({ ...s, lane: lanes.get(s.id)! }));
    for (const added of [span('x', 0, 1000), span('y', 400, 410), span('z', 990, 1200)]) {
      expect(laneBeside(added, placed), added.id).toBe(assignLanes([...spans, added], lanes).get(added.id));
    }
  });

  it('keeps a moved segment in its lane while that lane is free', () => {
    const placed = [{ ...span('a', 0, 10), lane: 0 }, { ...span('b', 20, 30), lane: 1 }];
    expect(laneBeside(span('m', 12, 18), placed, 3)).toBe(3);
    expect(laneBeside(span('m', 5, 25), placed, 1)).toBe(2);
  });
});
