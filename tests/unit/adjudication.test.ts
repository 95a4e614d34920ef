import { describe, expect, it } from 'vitest';
import { settle } from '../../shared/edits/adjudication';
import { CONSENSUS_CODER, type Adjudication } from '../../shared/model/adjudication';
import { applyChanges } from '../../shared/edits/changes';
import type { CodedSegment } from '../../shared/model/segments';
import { codedSegment } from '../support/builders';

const text = 'The ceasefire was broken on Tuesday by artillery fire.';
const segment = (id: string, coder: string, words: string, codeId = 'factual-claim'): CodedSegment => {
  const start = text.indexOf(words);
  return codedSegment({ id, documentId: 'd', codeId, start, end: start + words.length, quote: words, coder });
};
const ana = segment('a', 'ana', 'The ceasefire was broken');
const bea = segment('b', 'bea', 'ceasefire was broken on Tuesday');

function project() {
  return { segments: [ana, bea], codes: [], documents: [], adjudications: [] as Adjudication[] };
}
let n = 0;
const context = (p: ReturnType<typeof project>) => ({ segments: p.segments, adjudications: p.adjudications, text, by: 'carla', now: '2026-02-01T00:00:00.000Z', newId: () => `c${++n}` });
const input = { disagreementId: 'x', documentId: 'd', codeId: 'factual-claim', segmentIds: ['a', 'b'] };

describe('settling a disagreement', () => {
  it("accepting a version makes a consensus segment like it and leaves both coders' segments as they were", () => {
    const p = project();
    const { label, changes } = settle({ ...input, decision: 'accept', acceptedSegmentId: 'b' }, context(p));
    applyChanges(p, changes, 'forward');
    expect(label).toBe("Accept bea's version of “ceasefire was broken on Tuesday”");
    const consensus = p.segments.find((s) => s.coder === CONSENSUS_CODER)!;
    expect(consensus).toMatchObject({ start: bea.start, end: bea.end, quote: bea.quote, codeId: 'factual-claim' });
    expect(p.segments.filter((s) => s.coder !== CONSENSUS_CODER)).toEqual([ana, bea]);
    expect(p.adjudications).toEqual([expect.objectContaining({ id: 'x', decision: 'accept', acceptedSegmentId: 'b', consensusSegmentId: consensus.id, by: 'carla' })]);
  });

  it('merging takes the extent of all versions; deciding again replaces the earlier consensus; undo restores it', () => {
    const p = project();
    applyChanges(p, settle({ ...input, decision: 'accept', acceptedSegmentId: 'a' }, context(p)).changes, 'forward');
    const merge = settle({ ...input, decision: 'merge', note: 'Both read it as one event.' }, context(p));
    applyChanges(p, merge.changes, 'forward');
    const consensus = p.segments.filter((s) => s.coder === CONSENSUS_CODER);
    expect(consensus.map((s) => s.quote)).toEqual(['The ceasefire was broken on Tuesday']);
    expect(consensus[0].memo).toBe('Both read it as one event.');
    expect(p.adjudications[0].decision).toBe('merge');
    applyChanges(p, merge.changes, 'backward');
    expect(p.segments.filter((s) => s.coder === CONSENSUS_CODER).map((s) => s.quote)).toEqual(['The ceasefire was broken']);
    expect(p.adjudications[0].decision).toBe('accept');
  });

  it('marking as discussed records the decision without a consensus segment', () => {
    const p = project();
    const { changes, label } = settle({ ...input, decision: 'discussed' }, context(p));
    applyChanges(p, changes, 'forward');
    expect(label).toBe('Mark the disagreement on “The ceasefire was broken on Tuesday” as discussed');
    expect(p.segments).toHaveLength(2);
    expect(p.adjudications[0]).toMatchObject({ decision: 'discussed', consensusSegmentId: null });
  });

  it('refuses a version that is gone or not among the versions', () => {
    const p = project();
    expect(() => settle({ ...input, segmentIds: ['a', 'zzz'], decision: 'merge' }, context(p))).toThrow(/no longer in the project/);
    expect(() => settle({ ...input, decision: 'accept', acceptedSegmentId: 'zzz' }, context(p))).toThrow(/Choose which/);
  });
});
