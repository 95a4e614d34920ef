/**
 * Suggestions are never a coder in the agreement figures: a segment accepted from a suggestion is
 * a segment of the coder who accepted it, and the figures group segments by coder only.
 */
import { describe, expect, it } from 'vitest';
import type { CodedSegment, SegmentOrigin } from '../../shared/model/segments';
import { reliabilityReport, type ReliabilityOptions, type ReliabilityReport } from '../../shared/stats';
import { codersOf } from '../../shared/views/project-overview';
import { codedSegment } from '../support/builders';

const TEXT = 'abcdefghijklmnopqrst';
const CODES = [
  { id: 'x', name: 'praise', parentId: null },
  { id: 'y', name: 'blame', parentId: null },
];
const OPTIONS: ReliabilityOptions = { coders: ['ann', 'bob'], documentIds: ['doc'], codeIds: ['x', 'y'], minOverlap: 50 };

const seg = (id: string, coder: string, codeId: string, start: number, end: number, origin: SegmentOrigin = 'manual'): CodedSegment =>
  codedSegment({ id, documentId: 'doc', coder, codeId, start, end, quote: TEXT.slice(start, end), origin });

/** Ann codes x by hand and accepts a suggestion of y; Bob codes both by hand, a little shifted. */
const SEGMENTS = [seg('a1', 'ann', 'x', 0, 6), seg('a2', 'ann', 'y', 8, 14, 'suggestion'), seg('b1', 'bob', 'x', 1, 6), seg('b2', 'bob', 'y', 8, 15)];

const report = (segments: readonly CodedSegment[]): ReliabilityReport =>
  reliabilityReport({ documents: [{ id: 'doc', title: 'Doc', text: TEXT }], codes: CODES, segments }, OPTIONS);

describe('agreement figures and the origin of segments', () => {
  it('count a segment accepted from a suggestion for the coder who accepted it, as if coded by hand', () => {
    const assisted = report(SEGMENTS);
    const byHand = report(SEGMENTS.map((s) => ({ ...s, origin: 'manual' as const })));
    expect(assisted.rows).toEqual(byHand.rows);
    const y = assisted.rows.find((row) => row.codeId === 'y')!;
    expect(y.measures.segments).toEqual({ ann: 1, bob: 1 });
    // Ann's accepted y over 8–14 and Bob's 8–15 agree on all but one of 20 characters.
    expect(y.measures.percentAgreement).toBeCloseTo(19 / 20, 12);
  });

  it('never name an origin as a coder: the coders are the people who coded or accepted', () => {
    const overall = report(SEGMENTS).rows.find((row) => row.codeId === null)!;
    expect(Object.keys(overall.measures.segments).sort()).toEqual(['ann', 'bob']);
    expect(overall.measures.segments).toEqual({ ann: 2, bob: 2 });
    const offered = codersOf('ann', SEGMENTS);
    expect(offered).toEqual(['ann', 'bob']);
    expect(offered).not.toContain('suggestion');
    expect(offered).not.toContain('manual');
  });
});
