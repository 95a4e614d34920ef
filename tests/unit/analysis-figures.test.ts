import { describe, expect, it } from 'vitest';
import { AnalysisCache, analysisCorpus, NO_ANALYSIS_FILTER } from '../../shared/analysis/analysis-corpus';
import { analysisCsv, cooccurrenceTable, frequencyTable, matrixTable } from '../../shared/analysis/analysis-tables';
import { codeDocumentMatrix } from '../../shared/analysis/code-document-matrix';
import { cellPairs, cellPairsOnly, cooccurrence, overlapPassages } from '../../shared/analysis/cooccurrence';
import { crosstab } from '../../shared/analysis/crosstab';
import { frequencies, sortFrequencies } from '../../shared/analysis/frequencies';
import { paragraphRanges, paragraphsOf } from '../../shared/analysis/paragraphs';
import { keywordsInContext, stopWordsOf, wordFrequencies } from '../../shared/analysis/word-frequencies';
import { DEFAULT_CODES, type Code } from '../../shared/model/codebook';
import type { DatasetInput } from '../../shared/model/project';
import { codedSegment, documentRecord } from '../support/builders';

// A = factual-claim with its sub-code A1 = a-sub; B = opinion; C = call-to-action (never used).
const codes: Code[] = [...DEFAULT_CODES, { ...DEFAULT_CODES[0], id: 'a-sub', name: 'sub', key: null, parentId: 'factual-claim' }];
// An astral emoji (two UTF-16 units, one code point) and a CRLF inside the second paragraph.
const d1 = 'Alpha beta gamma.\n\nDelta 🙂 epsilon zeta.\r\nEta theta.';
const d2 = 'One two three.';
const d3 = 'Four five six seven.';
const segment = (id: string, documentId: string, text: string, words: string, codeId: string, coder: string, from = 0) => {
  const start = text.indexOf(words, from);
  return codedSegment({ id, documentId, codeId, coder, start, end: start + words.length, quote: words });
};
const input: DatasetInput = {
  documents: [
    { record: documentRecord('d1', d1, { values: { stance: 'pro' } }), text: d1 },
    { record: documentRecord('d2', d2), text: d2 },
    { record: documentRecord('d3', d3, { values: { stance: 'contra' } }), text: d3 },
  ],
  codes,
  variables: [{ name: 'stance', type: 'choice', choices: ['pro', 'contra'] }],
  segments: [
    segment('s1', 'd1', d1, 'Alpha beta', 'factual-claim', 'ana'),
    segment('s2', 'd1', d1, 'beta gamma', 'a-sub', 'ana'),
    segment('s3', 'd1', d1, 'gamma.', 'opinion', 'ana'),
    segment('s4', 'd1', d1, '🙂 epsilon', 'opinion', 'ben'),
    segment('s5', 'd1', d1, 'epsilon zeta', 'factual-claim', 'ben'),
    segment('s6', 'd3', d3, 'five six', 'opinion', 'ana'),
  ],
};
const everyone = { coder: 'ana', blind: false };
const corpus = analysisCorpus(input, everyone);
const row = <T extends { codeId: string }>(rows: readonly T[], codeId: string) => rows.find((r) => r.codeId === codeId)!;

describe('frequencies', () => {
  const own = frequencies(corpus, { withSubcodes: false, words: true, variable: 'stance' });

  it('counts segments, documents, characters (code points) and words per code, overlaps once', () => {
    expect(own.base).toEqual({ documents: 3, characters: 52 + 14 + 20, words: 8 + 3 + 4 });
    expect(row(own.codes, 'factual-claim')).toMatchObject({ segments: 2, documents: 1, documentShare: 1 / 3, characters: 10 + 12, words: 4 });
    // "gamma." (6) and "🙂 epsilon" (9 code points, 10 UTF-16 units) in d1, "five six" (8) in d3; the emoji is no word.
    expect(row(own.codes, 'opinion')).toMatchObject({ segments: 3, documents: 2, characters: 6 + 9 + 8, characterShare: 23 / 86, words: 4, wordShare: 4 / 15 });
    expect(row(own.codes, 'call-to-action')).toMatchObject({ segments: 0, documents: 0, characters: 0, words: 0, documentShare: 0 });
  });

  it('sums sub-codes into their parent, counting a character covered by both once', () => {
    const summed = frequencies(corpus, { withSubcodes: true, words: true });
    // "Alpha beta" ∪ "beta gamma" = "Alpha beta gamma" (16), and "epsilon zeta" (12); words Alpha beta gamma epsilon zeta.
    expect(row(summed.codes, 'factual-claim')).toMatchObject({ segments: 3, documents: 1, characters: 28, words: 5 });
    expect(row(summed.codes, 'a-sub')).toMatchObject({ segments: 1, characters: 10, words: 2 });
  });

  it('splits by coder and by the values of a variable, the documents without one a group of their own', () => {
    expect(own.byCoder.map((c) => c.coder)).toEqual(['ana', 'ben']);
    expect(row(own.byCoder[1].codes, 'factual-claim')).toMatchObject({ segments: 1, characters: 12 });
    expect(own.byValue!.map((g) => [g.value, g.base.documents, row(g.codes, 'opinion').segments])).toEqual([
      ['pro', 1, 2],
      ['contra', 1, 1],
      ['', 1, 0],
    ]);
  });

  it('gives each document its coded share, and a document with no segments too', () => {
    expect(own.byDocument.map((d) => [d.documentId, d.segments, d.codes, d.codedCharacters, d.words, d.codedWords])).toEqual([
      // d1: "Alpha beta gamma." (17) and "🙂 epsilon zeta" (14 code points).
      ['d1', 5, 3, 17 + 14, 8, 5],
      ['d2', 0, 0, 0, 3, 0],
      ['d3', 1, 1, 8, 4, 2],
    ]);
  });

  it('sorts by a figure, ties in the codebook order', () => {
    expect(sortFrequencies(own.codes, 'segments').map((c) => c.codeId)).toEqual(['opinion', 'factual-claim', 'a-sub', 'call-to-action']);
    expect(sortFrequencies(own.codes, 'name').map((c) => c.path)).toEqual(['call to action', 'factual claim', 'factual claim / sub', 'opinion']);
  });

  it('respects the filters and blind coding', () => {
    const blind = frequencies(analysisCorpus(input, { coder: 'ben', blind: true }), { withSubcodes: false, words: false });
    expect(blind.codes.map((c) => c.segments)).toEqual([1, 0, 1, 0]);
    expect(blind.base.words).toBeNull();
    const contra = frequencies(analysisCorpus(input, everyone, { ...NO_ANALYSIS_FILTER, variable: { name: 'stance', values: ['contra', ''] } }), { withSubcodes: false, words: false });
    expect(contra.base.documents).toBe(2);
    expect(row(contra.codes, 'opinion').segments).toBe(1);
    const byDocumentAndCoder = frequencies(analysisCorpus(input, everyone, { documentIds: ['d1'], coders: ['ana'], variable: null }), { withSubcodes: false, words: false });
    expect(byDocumentAndCoder.codes.map((c) => c.segments)).toEqual([1, 1, 1, 0]);
  });

  it('sees every change of the segments through the kept cache: one added in place, one replaced, blind coding turned on', () => {
    const cache = new AnalysisCache();
    const segments = [...input.segments];
    const live = { ...input, segments };
    const opinion = () => row(frequencies(analysisCorpus(live, everyone, NO_ANALYSIS_FILTER, cache), { withSubcodes: false, words: true }).codes, 'opinion');
    expect(opinion()).toMatchObject({ segments: 3, characters: 23 });
    segments.push(segment('s7', 'd2', d2, 'two three', 'opinion', 'ana'));
    expect(opinion()).toMatchObject({ segments: 4, documents: 3, characters: 23 + 9 });
    segments[segments.length - 1] = segment('s7', 'd2', d2, 'three', 'opinion', 'ana');
    expect(opinion()).toMatchObject({ segments: 4, characters: 23 + 5, words: 4 + 1 });
    expect(row(frequencies(analysisCorpus(live, { coder: 'ben', blind: true }, NO_ANALYSIS_FILTER, cache), { withSubcodes: false, words: false }).codes, 'opinion').segments).toBe(1);
  });

  it('lets go of the work kept for a document the project no longer has, and keeps what the filter only hides', () => {
    const cache = new AnalysisCache();
    analysisCorpus(input, everyone, NO_ANALYSIS_FILTER, cache);
    expect(cache.keptDocuments).toBe(3);
    analysisCorpus(input, everyone, { ...NO_ANALYSIS_FILTER, documentIds: ['d1'] }, cache);
    expect(cache.keptDocuments).toBe(3);
    const withoutD2 = { ...input, documents: input.documents.filter(({ record }) => record.id !== 'd2'), segments: input.segments.filter((s) => s.documentId !== 'd2') };
    expect(frequencies(analysisCorpus(withoutD2, everyone, NO_ANALYSIS_FILTER, cache), { withSubcodes: false, words: false }).base.documents).toBe(2);
    expect(cache.keptDocuments).toBe(2);
  });

  it('counts the segments accepted from a suggestion per code, overall and for the coder who accepted them', () => {
    const assisted = { ...input, segments: input.segments.map((s) => (s.id === 's4' || s.id === 's6' ? { ...s, origin: 'suggestion' as const } : s)) };
    const figures = frequencies(analysisCorpus(assisted, everyone), { withSubcodes: false, words: false });
    // They are segments like the others: the counts and characters do not change.
    expect(row(figures.codes, 'opinion')).toMatchObject({ segments: 3, suggested: 2, characters: 23 });
    expect(row(figures.codes, 'factual-claim')).toMatchObject({ segments: 2, suggested: 0 });
    const ofCoder = (coder: string) => row(figures.byCoder.find((group) => group.coder === coder)!.codes, 'opinion');
    expect([ofCoder('ana').suggested, ofCoder('ben').suggested]).toEqual([1, 1]);
    expect(figures.byCoder.map((group) => group.coder).sort()).toEqual(['ana', 'ben']);
    expect(row(own.codes, 'opinion').suggested).toBe(0);
    expect(analysisCsv(frequencyTable(figures))).toMatch(/^all,,false,opinion,opinion,opinion,0,3,2,.*,2$/m);
  });

  it('writes a table whose shares are the full fractions', () => {
    const csv = analysisCsv(frequencyTable(own));
    expect(csv.split('\n')[0]).toBe('group_kind,group,missing,code_id,code,code_path,depth,segments,documents,documents_share,characters,characters_share,words,words_share,base_documents,base_characters,base_words,segments_suggested');
    expect(csv).toContain(`all,,false,opinion,opinion,opinion,0,3,2,${2 / 3},23,${23 / 86},4,${4 / 15},3,86,15,0\n`);
    expect(csv).toContain('value,,true,opinion,');
  });
});

describe('paragraphs', () => {
  it('are blank-line blocks (a CRLF alone does not end one), or lines', () => {
    expect(paragraphRanges(d1)).toEqual([{ start: 0, end: 17 }, { start: 19, end: 53 }]);
    expect(paragraphRanges(d1, 'line')).toEqual([{ start: 0, end: 17 }, { start: 19, end: 41 }, { start: 43, end: 53 }]);
    expect(paragraphRanges('\n  \nA\r\rB\n \t\nC')).toEqual([{ start: 4, end: 5 }, { start: 7, end: 8 }, { start: 12, end: 13 }]);
    const paragraphs = paragraphRanges(d1);
    expect(paragraphsOf(paragraphs, { start: 10, end: 25 })).toEqual([0, 1]);
    // On the blank line only: no paragraph.
    expect(paragraphsOf(paragraphs, { start: 17, end: 19 })).toEqual([1, 0]);
  });
});

describe('co-occurrence with sub-codes summed', () => {
  it('counts a sub-code\'s segments for its parent too, and no segment with itself', () => {
    const cell = (m: ReturnType<typeof cooccurrence>, a: string, b: string) => m.cells[m.codes.findIndex((c) => c.codeId === a)][m.codes.findIndex((c) => c.codeId === b)];
    const own = cooccurrence(corpus, { kind: 'overlap' });
    const summed = cooccurrence(corpus, { kind: 'overlap' }, true);
    expect(own.withSubcodes).toBe(false);
    expect(summed.withSubcodes).toBe(true);
    // Own: "epsilon zeta" (s5) meets "🙂 epsilon" (s4); summed, "beta gamma" (a-sub, s2) meets "gamma." (s3) for the parent too.
    expect(cellPairs(own, 0, own.codes.findIndex((c) => c.codeId === 'opinion'))).toEqual([['s5', 's4']]);
    expect(cellPairs(summed, 0, summed.codes.findIndex((c) => c.codeId === 'opinion')).sort()).toEqual([['s2', 's3'], ['s5', 's4']]);
    expect(summed.codes.map((c) => [c.codeId, c.segments])).toEqual([['factual-claim', 3], ['a-sub', 1], ['opinion', 3], ['call-to-action', 0]]);
    // The parent with its sub-code: s1 meets s2; s2 never pairs with itself.
    expect(cell(summed, 'factual-claim', 'a-sub')).toMatchObject({ pairs: 1, meetingRow: 1, meetingColumn: 1 });
    expect(cell(summed, 'a-sub', 'opinion').pairs).toBe(cell(own, 'a-sub', 'opinion').pairs);
  });
});

describe('co-occurrence', () => {
  const index = (matrix: ReturnType<typeof cooccurrence>, code: string) => matrix.codes.findIndex((c) => c.codeId === code);
  const at = (matrix: ReturnType<typeof cooccurrence>, a: string, b: string) => {
    const cell = matrix.cells[index(matrix, a)][index(matrix, b)];
    return { ...cell, pairIds: cellPairs(matrix, index(matrix, a), index(matrix, b)) };
  };

  it('counts overlapping pairs of different codes, with the pairs behind each cell and the Jaccard-like share', () => {
    const matrix = cooccurrence(corpus, { kind: 'overlap' });
    expect(at(matrix, 'factual-claim', 'opinion')).toMatchObject({ pairs: 1, meetingRow: 1, meetingColumn: 1, pairIds: [['s5', 's4']] });
    // n = (1 + 1) / 2; c_A = 2, c_B = 3: 1 / (2 + 3 − 1).
    expect(at(matrix, 'factual-claim', 'opinion').jaccard).toBe(0.25);
    expect(at(matrix, 'opinion', 'factual-claim').pairIds).toEqual([['s4', 's5']]);
    expect(at(matrix, 'factual-claim', 'a-sub').pairIds).toEqual([['s1', 's2']]);
    expect(at(matrix, 'a-sub', 'opinion').pairIds).toEqual([['s2', 's3']]);
    expect(at(matrix, 'opinion', 'opinion')).toMatchObject({ pairs: 3, jaccard: 1 });
    expect(at(matrix, 'call-to-action', 'opinion')).toMatchObject({ pairs: 0, jaccard: 0 });
  });

  it('keeps the pairs of one cell alone for the page, every count as it was', () => {
    const matrix = cooccurrence(corpus, { kind: 'paragraph', breaks: 'blank-line' });
    const sent = cellPairsOnly(matrix, { row: 'factual-claim', column: 'opinion' });
    expect(sent.pairsOf).toEqual({ row: 'factual-claim', column: 'opinion' });
    expect(at(sent, 'factual-claim', 'opinion').pairIds).toEqual(at(matrix, 'factual-claim', 'opinion').pairIds);
    // Only the ids that cell names; every other cell its counts without pairs.
    expect([...sent.segmentIds].sort()).toEqual(['s1', 's3', 's4', 's5']);
    expect(sent.segmentIds.length).toBeLessThan(matrix.segmentIds.length);
    expect(sent.cells.map((row) => row.map(({ pairs, jaccard, meetingRow, meetingColumn }) => [pairs, jaccard, meetingRow, meetingColumn]))).toEqual(
      matrix.cells.map((row) => row.map(({ pairs, jaccard, meetingRow, meetingColumn }) => [pairs, jaccard, meetingRow, meetingColumn])),
    );
    expect(at(sent, 'opinion', 'factual-claim').pairIds).toEqual([]);
    // No cell (or one the matrix lacks): no pairs and no ids at all.
    for (const none of [cellPairsOnly(matrix, null), cellPairsOnly(matrix, { row: 'factual-claim', column: 'no-such-code' })]) {
      expect(none.segmentIds).toEqual([]);
      expect(none.pairsOf).toBeNull();
      expect(none.cells.flat().every((cell) => cell.pairIndexes.length === 0)).toBe(true);
    }
  });

  it('counts pairs in the same paragraph, or within N characters', () => {
    expect(at(cooccurrence(corpus, { kind: 'paragraph', breaks: 'blank-line' }), 'factual-claim', 'opinion').pairIds).toEqual([['s1', 's3'], ['s5', 's4']]);
    expect(at(cooccurrence(corpus, { kind: 'distance', characters: 0 }), 'factual-claim', 'opinion').pairs).toBe(1);
    // "Alpha beta" ends one character before "gamma." starts.
    expect(at(cooccurrence(corpus, { kind: 'distance', characters: 1 }), 'factual-claim', 'opinion').pairs).toBe(2);
    const table = cooccurrenceTable(cooccurrence(corpus, { kind: 'overlap' }));
    expect(table.rows).toHaveLength(16);
  });

  it('lists the passages where two codes overlap, in code points', () => {
    const [passage, ...more] = overlapPassages(corpus, 'factual-claim', 'opinion');
    expect(more).toEqual([]);
    expect(passage).toMatchObject({ documentId: 'd1', start: 27, end: 34, text: 'epsilon' });
    expect([passage.first.segment.id, passage.first.start, passage.second.segment.id, passage.second.start]).toEqual(['s5', 27, 's4', 25]);
  });
});

describe('the code × document matrix', () => {
  it('counts segments or the share of characters per document, grouped by a variable', () => {
    const counts = codeDocumentMatrix(corpus, { measure: 'segments', withSubcodes: false, variable: 'stance' });
    expect(counts.codes.map((c) => c.codeId)).toEqual(['factual-claim', 'a-sub', 'opinion', 'call-to-action']);
    expect(counts.rows.map((r) => [r.documentId, r.group, ...r.cells])).toEqual([
      ['d1', 'pro', 2, 1, 2, 0],
      ['d3', 'contra', 0, 0, 1, 0],
      ['d2', '', 0, 0, 0, 0],
    ]);
    const shares = codeDocumentMatrix(corpus, { measure: 'share', withSubcodes: true });
    expect(shares.rows[0].cells).toEqual([28 / 52, 10 / 52, 15 / 52, 0]);
    expect(analysisCsv(matrixTable(counts)).split('\n').slice(0, 2)).toEqual([
      'document_id,document_title,var_stance,missing,characters,factual-claim,a-sub,opinion,call-to-action',
      'd1,d1,pro,false,52,2,1,2,0',
    ]);
  });
});

describe('the crosstab', () => {
  it('counts segments or documents per value, leaves empty rows and columns out of the test', () => {
    const table = crosstab(corpus, { variable: 'stance', unit: 'segments', withSubcodes: false });
    expect(table.values).toEqual(['pro', 'contra', '']);
    expect(table.counts).toEqual([[2, 0, 0], [1, 0, 0], [2, 1, 0], [0, 0, 0]]);
    expect(table.dropped).toEqual({ codeIds: ['call-to-action'], values: [''] });
    expect(table.chiSquare!.df).toBe(2);
    expect(table.chiSquare!.warning).toMatch(/^6 of 6 expected counts are below 5, 4 below 1 \(more than 20 % of the cells\)/);
    expect(table.rowShares[2]).toEqual([2 / 3, 1 / 3, 0]);
    const documents = crosstab(corpus, { variable: 'stance', unit: 'documents', withSubcodes: false, codeIds: ['factual-claim', 'opinion'] });
    expect(documents.counts).toEqual([[1, 0, 0], [1, 1, 0]]);
    expect(documents.fisher).not.toBeNull();
    expect(documents.note).toMatch(/not independent/);
  });
});

describe('words', () => {
  it('counts the words of a code’s segments once each, without stop-words', () => {
    expect(wordFrequencies(corpus, { codeId: 'opinion', withSubcodes: false, language: 'en', languageVariable: null, dropStopWords: true })).toEqual([
      { word: 'epsilon', count: 1, documents: 1 },
      { word: 'five', count: 1, documents: 1 },
      { word: 'gamma', count: 1, documents: 1 },
      { word: 'six', count: 1, documents: 1 },
    ]);
    expect(wordFrequencies(corpus, { codeId: 'factual-claim', withSubcodes: true, language: 'en', languageVariable: null, dropStopWords: false }).map((w) => w.word)).toEqual([
      'alpha',
      'beta',
      'epsilon',
      'gamma',
      'zeta',
    ]);
    expect(stopWordsOf('English').has('the')).toBe(true);
    expect(stopWordsOf('de-AT').has('und')).toBe(true);
    expect(stopWordsOf('deu').has('und')).toBe(true);
    expect(stopWordsOf('klingon').size).toBe(0);
  });

  it('takes each document’s language from a variable for its stop-words', () => {
    const text = 'Die Katze und der Hund.';
    const german: DatasetInput = {
      documents: [{ record: documentRecord('g', text, { values: { language: 'de' } }), text }],
      codes,
      variables: [{ name: 'language', type: 'text', choices: [] }],
      segments: [segment('g1', 'g', text, 'Katze und der Hund', 'opinion', 'ana')],
    };
    const words = wordFrequencies(analysisCorpus(german, everyone), { codeId: null, withSubcodes: false, language: 'en', languageVariable: 'language', dropStopWords: true });
    expect(words.map((w) => w.word)).toEqual(['hund', 'katze']);
  });

  it('lists a word in its context, offsets and context in code points', () => {
    const [line] = keywordsInContext(corpus, 'EPSILON', 5, { codeId: 'factual-claim', withSubcodes: false });
    expect(line).toEqual({ documentId: 'd1', documentTitle: 'd1', segmentId: 's5', start: 27, end: 34, word: 'epsilon', left: 'ta 🙂 ', right: ' zeta' });
  });
});
