/**
 * The document portrait's binning (shared/analysis/portrait.ts): a text cut into equal bins, each
 * code present in the bins its segments touch, counted exactly on texts small enough to check by hand.
 */
import { describe, expect, it } from 'vitest';
import { analysisCorpus } from '../../shared/analysis/analysis-corpus';
import { binCounts, binRange, binRuns, binStart, documentPortraits, presentRuns } from '../../shared/analysis/portrait';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import type { DatasetInput } from '../../shared/model/project';
import { codedSegment, documentRecord } from '../support/builders';

describe('binning a passage', () => {
  it('puts a passage inside one bin in that bin alone', () => {
    // 100 characters in 10 bins: bin 2 holds characters 20–29.
    expect(binRange(20, 30, 100, 10)).toEqual([2, 3]);
    expect(binRange(21, 25, 100, 10)).toEqual([2, 3]);
  });

  it('puts a passage over a bin boundary in both bins, and one ending on a boundary in the first only', () => {
    expect(binRange(25, 35, 100, 10)).toEqual([2, 4]);
    expect(binRange(25, 30, 100, 10)).toEqual([2, 3]);
    expect(binRange(29, 31, 100, 10)).toEqual([2, 4]);
  });

  it('covers the last bin with the last character, and a whole text with every bin', () => {
    expect(binRange(99, 100, 100, 10)).toEqual([9, 10]);
    expect(binRange(0, 100, 100, 10)).toEqual([0, 10]);
  });

  it('spreads a character over several bins when the text is shorter than the strip', () => {
    // 4 characters in 10 bins: character 1 covers 1·10/4 = 2.5 up to 5.
    expect(binRange(1, 2, 4, 10)).toEqual([2, 5]);
  });

  it('puts an empty passage (a caret) in the bin it lies in, and nothing in an empty text', () => {
    expect(binRange(50, 50, 100, 10)).toEqual([5, 6]);
    expect(binRange(100, 100, 100, 10)).toEqual([9, 10]);
    expect(binRange(0, 0, 0, 10)).toBeNull();
    expect(binCounts([{ start: 0, end: 0, codeId: 'a' }], 0, 10).size).toBe(0);
  });

  it("gives each bin's first character, the way back from a click on the strip", () => {
    expect(binStart(0, 100, 10)).toBe(0);
    expect(binStart(3, 100, 10)).toBe(30);
    expect(binStart(10, 100, 10)).toBe(100);
    expect(binStart(1, 7, 3)).toBe(3);
  });
});

describe('counting codes per bin', () => {
  it('counts each code apart, overlapping segments twice, with runs where a code is present', () => {
    const counts = binCounts(
      [
        { start: 0, end: 15, codeId: 'a' },
        { start: 10, end: 20, codeId: 'a' },
        { start: 55, end: 65, codeId: 'b' },
      ],
      100,
      10,
    );
    expect([...counts.get('a')!]).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...counts.get('b')!]).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 0]);
    expect(presentRuns(counts.get('a')!)).toEqual([0, 2]);
    expect(presentRuns([0, 1, 0, 3, 1])).toEqual([1, 2, 3, 5]);
    expect(presentRuns([0, 0])).toEqual([]);
  });

  it('makes the same runs in one pass over segments in text order as from the counts', () => {
    const segments = [
      { start: 0, end: 15, codeId: 'a' },
      { start: 3, end: 8, codeId: 'b' },
      { start: 10, end: 20, codeId: 'a' },
      { start: 20, end: 22, codeId: 'a' },
      { start: 41, end: 42, codeId: 'a' },
      { start: 55, end: 95, codeId: 'b' },
      { start: 60, end: 61, codeId: 'b' },
    ];
    const runs = binRuns(segments, 100, 10);
    const counts = binCounts(segments, 100, 10);
    expect(runs.get('a')).toEqual([0, 3, 4, 5]);
    expect(runs.get('b')).toEqual([0, 1, 5, 10]);
    for (const codeId of ['a', 'b']) expect(runs.get(codeId)).toEqual(presentRuns(counts.get(codeId)!));
  });
});

describe("the corpus's portraits", () => {
  // Eight characters before the emoji, which is one code point but two UTF-16 units; 20 code points in all.
  const withEmoji = 'abcdefgh🙂jklmnopqrst';
  const plain = 'one two three four five six';
  const input: DatasetInput = {
    documents: [
      { record: documentRecord('d1', withEmoji), text: withEmoji },
      { record: documentRecord('d2', plain), text: plain },
      { record: documentRecord('d3', ''), text: '' },
    ],
    codes: DEFAULT_CODES,
    variables: [],
    segments: [
      // After the emoji: UTF-16 18–20 are code points 17–19, the last bin of 10 (bins of 2 code points).
      codedSegment({ id: 's1', documentId: 'd1', codeId: 'opinion', coder: 'ana', start: 18, end: 20, quote: 'st' }),
      // The emoji itself: code point 8, bin 4.
      codedSegment({ id: 's2', documentId: 'd1', codeId: 'factual-claim', coder: 'ben', start: 8, end: 10, quote: '🙂' }),
    ],
  };

  it('bins in code points, each document with its length, in codebook order', () => {
    const portraits = documentPortraits(analysisCorpus(input, { coder: 'ana', blind: false }), 10);
    expect(portraits.bins).toBe(10);
    expect(portraits.codeIds).toEqual(['factual-claim', 'opinion']);
    expect(portraits.documents[0]).toEqual({
      documentId: 'd1',
      title: portraits.documents[0].title,
      length: 20,
      segments: 2,
      codes: [
        { codeId: 'factual-claim', runs: [4, 5] },
        { codeId: 'opinion', runs: [8, 10] },
      ],
    });
    // Counted in UTF-16 units (21 of them), the emoji would fall in bins 3 and 4 instead of bin 4.
    expect(binRange(8, 10, 21, 10)).toEqual([3, 5]);
  });

  it('gives a document with no segments, and an empty document, no codes', () => {
    const portraits = documentPortraits(analysisCorpus(input, { coder: 'ana', blind: false }), 10);
    expect(portraits.documents[1]).toMatchObject({ documentId: 'd2', length: plain.length, segments: 0, codes: [] });
    expect(portraits.documents[2]).toMatchObject({ documentId: 'd3', length: 0, segments: 0, codes: [] });
  });

  it("leaves out the other coders' segments in blind coding", () => {
    const portraits = documentPortraits(analysisCorpus(input, { coder: 'ana', blind: true }), 10);
    expect(portraits.codeIds).toEqual(['opinion']);
    expect(portraits.documents[0].codes).toEqual([{ codeId: 'opinion', runs: [8, 10] }]);
  });
});
