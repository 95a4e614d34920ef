import { describe, expect, it } from 'vitest';
import { pairwiseSegmentAgreement, segmentAgreement } from '../../shared/stats/segment-agreement';
import type { Span } from '../../shared/stats/continuum';

interface Segment extends Span {
  id: string;
}

const seg = (
  id: string,
  coder: string,
  code: string,
  start: number,
  end: number,
  document = 'interview-1',
): Segment => ({
  id,
  coder,
  code,
  document,
  start,
  end,
});

describe('segmentAgreement', () => {
  const spans = [
    seg('a1', 'ann', 'x', 0, 10),
    seg('a2', 'ann', 'x', 20, 30),
    seg('a3', 'ann', 'y', 50, 60),
    seg('b1', 'bob', 'x', 1, 10),
    seg('b2', 'bob', 'x', 20, 40),
    seg('b3', 'bob', 'y', 70, 80),
  ];

  it('counts each segment of both coders as matched or not, per code and overall, as MAXQDA does', () => {
    const result = segmentAgreement(spans, 'ann', 'bob', { minOverlap: 90 });
    // a1/b1 share 9 of the 10 characters either covers: 90 %, a match both ways.
    expect(result.byCode.x).toEqual({
      first: { matched: 1, unmatched: 1 },
      second: { matched: 1, unmatched: 1 },
      agreements: 2,
      disagreements: 2,
      percentAgreement: 50,
    });
    expect(result.byCode.y.percentAgreement).toBe(0);
    expect(result.overall.agreements).toBe(2);
    expect(result.overall.disagreements).toBe(4);
    expect(result.overall.percentAgreement).toBeCloseTo(100 / 3, 12);
    expect(result.codes).toEqual(['x', 'y']);
  });

  it('measures overlap against the union of the two segments, so a short segment inside a long one falls short', () => {
    const nested = [seg('a', 'ann', 'x', 0, 100), seg('b', 'bob', 'x', 10, 20)];
    expect(segmentAgreement(nested, 'ann', 'bob', { minOverlap: 50 }).overall.agreements).toBe(0);
    expect(segmentAgreement(nested, 'ann', 'bob', { minOverlap: 10 }).overall.agreements).toBe(2);
    expect(segmentAgreement(nested, 'ann', 'bob', { minOverlap: 0 }).overall.agreements).toBe(2);
  });

  it('lists the unmatched segments with the closest segment of the other coder, for adjudication', () => {
    const result = segmentAgreement(spans, 'ann', 'bob', { minOverlap: 90 });
    expect(
      result.disagreements.map((d) => [d.segment.id, d.otherCoder, d.closest?.id ?? null, d.closestOverlap]),
    ).toEqual([
      ['a2', 'bob', 'b2', 50],
      ['b2', 'ann', 'a2', 50],
      ['a3', 'bob', null, 0],
      ['b3', 'ann', null, 0],
    ]);
    // The segments come back as they were passed in, ids and all.
    expect(result.disagreements[0].segment).toBe(spans[1]);
  });

  it('matches only the same code in the same document', () => {
    const elsewhere = [
      seg('a', 'ann', 'x', 0, 10),
      seg('b', 'bob', 'x', 0, 10, 'interview-2'),
      seg('c', 'bob', 'y', 0, 10),
    ];
    const result = segmentAgreement(elsewhere, 'ann', 'bob', { minOverlap: 50 });
    expect(result.overall.agreements).toBe(0);
    expect(result.disagreements.find((d) => d.segment.id === 'a')?.closest).toBeNull();
  });

  it('lets one segment be the match of several segments of the other coder', () => {
    const many = [seg('a1', 'ann', 'x', 0, 10), seg('a2', 'ann', 'x', 0, 9), seg('b', 'bob', 'x', 0, 10)];
    const result = segmentAgreement(many, 'ann', 'bob', { minOverlap: 90 });
    expect(result.overall.first).toEqual({ matched: 2, unmatched: 0 });
    expect(result.overall.second).toEqual({ matched: 1, unmatched: 0 });
  });

  it('gives 100 % and no disagreements when both coders coded the same segments', () => {
    const ann = spans.filter((span) => span.coder === 'ann');
    const both = [...ann, ...ann.map((span) => ({ ...span, coder: 'bob', id: `${span.id}-copy` }))];
    const result = segmentAgreement(both, 'ann', 'bob', { minOverlap: 100 });
    expect(result.overall.percentAgreement).toBe(100);
    expect(result.disagreements).toEqual([]);
  });

  it('gives the same agreement with the coders swapped, their tallies swapped', () => {
    const forward = segmentAgreement(spans, 'ann', 'bob', { minOverlap: 60 });
    const backward = segmentAgreement(spans, 'bob', 'ann', { minOverlap: 60 });
    expect(backward.overall.percentAgreement).toBe(forward.overall.percentAgreement);
    expect(backward.overall.first).toEqual(forward.overall.second);
    expect(backward.disagreements.map((d) => d.segment.id).sort()).toEqual(
      forward.disagreements.map((d) => d.segment.id).sort(),
    );
  });

  it('reports NaN for a compared code neither coder used, and refuses an overlap outside 0–100', () => {
    const result = segmentAgreement(spans, 'ann', 'bob', { minOverlap: 90, codes: ['x', 'unused'] });
    expect(result.byCode.unused.percentAgreement).toBeNaN();
    expect(result.overall.agreements + result.overall.disagreements).toBe(4);
    expect(() => segmentAgreement(spans, 'ann', 'bob', { minOverlap: 120 })).toThrow(RangeError);
    expect(() => segmentAgreement(spans, 'ann', 'bob', { minOverlap: Number.NaN })).toThrow(RangeError);
  });

  it('handles thousands of segments in a long document by sweeping, not by comparing every pair', () => {
    const long: Segment[] = [];
    for (let i = 0; i < 5000; i++) {
      long.push(seg(`a${i}`, 'ann', i % 2 ? 'x' : 'y', i * 200, i * 200 + 100));
      long.push(seg(`b${i}`, 'bob', i % 2 ? 'x' : 'y', i * 200 + 5, i * 200 + 100));
    }
    const result = segmentAgreement(long, 'ann', 'bob', { minOverlap: 90 });
    expect(result.overall.percentAgreement).toBe(100);
  });
});

describe('pairwiseSegmentAgreement', () => {
  it('compares every pair of coders, over the same codes', () => {
    const spans = [
      seg('a', 'ann', 'x', 0, 10),
      seg('b', 'bob', 'x', 0, 10),
      seg('c', 'cy', 'y', 0, 10),
    ];
    const pairs = pairwiseSegmentAgreement(spans, { minOverlap: 90 });
    expect(pairs.map((pair) => pair.coders)).toEqual([
      ['ann', 'bob'],
      ['ann', 'cy'],
      ['bob', 'cy'],
    ]);
    expect(pairs.map((pair) => pair.codes)).toEqual([
      ['x', 'y'],
      ['x', 'y'],
      ['x', 'y'],
    ]);
    expect(pairs[0].overall.percentAgreement).toBe(100);
    expect(pairs[0].byCode.y.percentAgreement).toBeNaN();
    expect(pairs[1].overall.percentAgreement).toBe(0);
  });
});
