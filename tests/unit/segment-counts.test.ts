import { describe, expect, it } from 'vitest';
import { segmentCounts } from '../../shared/views/segment-counts';
import { codedSegment } from '../support/builders';

describe("the analysis panel's counts", () => {
  it('counts segments and distinct documents per code and in all, leaving out documents the project no longer has', () => {
    const segments = [
      codedSegment({ id: 'a', documentId: 'd1', codeId: 'opinion' }),
      codedSegment({ id: 'b', documentId: 'd1', codeId: 'opinion' }),
      codedSegment({ id: 'c', documentId: 'd2', codeId: 'opinion' }),
      codedSegment({ id: 'd', documentId: 'd2', codeId: 'factual-claim' }),
      codedSegment({ id: 'e', documentId: 'gone', codeId: 'factual-claim' }),
    ];
    expect(segmentCounts(segments, new Set(['d1', 'd2']))).toEqual({
      perCode: { opinion: { segments: 3, documents: 2 }, 'factual-claim': { segments: 1, documents: 1 } },
      segments: 4,
      documents: 2,
    });
    expect(segmentCounts([], new Set(['d1']))).toEqual({ perCode: {}, segments: 0, documents: 0 });
  });
});
