import { describe, expect, it } from 'vitest';
import { findHits, inContext } from '../../shared/text/search';
import { corpusSearchResult, hitAt, hitStarts } from '../../shared/views/corpus-search';

const query = (pattern: string, options: Partial<{ regex: boolean; caseSensitive: boolean; wholeWord: boolean }> = {}) => ({
  pattern,
  regex: false,
  caseSensitive: false,
  wholeWord: false,
  ...options,
});
const texts = (text: string, q: ReturnType<typeof query>) => findHits(text, q).hits.map((h) => text.slice(h.start, h.end));

describe('search', () => {
  const text = 'The army attacked. Armies retreat; the ARMY (army!) holds. Ar.my';

  it('finds plain text without case, special characters taken literally', () => {
    expect(texts(text, query('army'))).toEqual(['army', 'ARMY', 'army']);
    expect(texts(text, query('ar.my'))).toEqual(['Ar.my']);
  });

  it('respects case and whole words', () => {
    expect(texts(text, query('army', { caseSensitive: true }))).toEqual(['army', 'army']);
    expect(texts(text, query('arm', { wholeWord: true }))).toEqual([]);
    expect(texts('café cafés', query('café', { wholeWord: true }))).toEqual(['café']);
  });

  it('takes regular expressions, skips empty matches, and says when one is broken', () => {
    expect(texts(text, query('arm(y|ies)', { regex: true }))).toEqual(['army', 'Armies', 'ARMY', 'army']);
    expect(findHits('abc', query('x*', { regex: true })).hits).toEqual([]);
    expect(() => findHits(text, query('(unclosed', { regex: true }))).toThrow(/regular expression does not work/);
    expect(() => findHits(text, query(''))).toThrow(/Type something/);
  });

  it('counts in UTF-16 offsets past emoji, and stops at a limit', () => {
    const emoji = '😀 army 😀 army';
    expect(findHits(emoji, query('army')).hits).toEqual([
      { start: 3, end: 7 },
      { start: 11, end: 15 },
    ]);
    expect(findHits('a a a a', query('a'), 2)).toEqual({ hits: [{ start: 0, end: 1 }, { start: 2, end: 3 }], truncated: true });
    expect(inContext('one two three', { start: 4, end: 7 }, 3)).toEqual({ before: 'ne ', match: 'two', after: ' th' });
  });
});

describe('the listed result of a search over the corpus', () => {
  it('lists the documents with hits, each hit in its context, with counts and the total', () => {
    const documents = [
      { id: 'd1', title: 'Report', text: 'Shelling began. Shelling again.' },
      { id: 'd2', title: 'Appeal', text: 'Calm, please.' },
      { id: 'd3', title: 'Notes', text: 'More shelling.' },
    ];
    const found = documents.map((document) => findHits(document.text, query('shelling')));
    const result = corpusSearchResult(documents, found);
    expect(result.total).toBe(3);
    expect(result.documents.map((d) => [d.documentId, d.title, d.count, d.truncated])).toEqual([
      ['d1', 'Report', 2, false],
      ['d3', 'Notes', 1, false],
    ]);
    expect(result.documents[0]!.hits[1]).toEqual({ start: 16, end: 24, before: 'Shelling began. ', match: 'Shelling', after: ' again.' });
  });

  it('says when the hits in a document were cut at the most one search returns', () => {
    const result = corpusSearchResult([{ id: 'd', title: 'T', text: 'a a' }], [{ hits: [{ start: 0, end: 1 }], truncated: true }]);
    expect(result.documents[0]).toMatchObject({ count: 1, truncated: true });
  });
});

describe('the n-th hit of a corpus search, as the windowed hits list asks for it', () => {
  const documents = [
    { id: 'd1', title: 'One', text: 'war and war' },
    { id: 'd2', title: 'Two', text: 'no hits here' },
    { id: 'd3', title: 'Three', text: 'war' },
  ];
  const result = corpusSearchResult(documents, documents.map((d) => findHits(d.text, query('war'))));
  const starts = hitStarts(result);

  it('counts where each listed document begins, documents without hits left out', () => {
    expect(starts).toEqual([0, 2]);
  });

  it('finds every hit in document order with its document, and nothing past the end', () => {
    const listed = [0, 1, 2].map((i) => hitAt(result, starts, i));
    expect(listed.map((hit) => [hit?.documentId, hit?.title, hit?.start])).toEqual([
      ['d1', 'One', 0],
      ['d1', 'One', 8],
      ['d3', 'Three', 0],
    ]);
    expect(listed[1]).toMatchObject({ before: 'war and ', match: 'war', after: '' });
    expect(hitAt(result, starts, 3)).toBeNull();
    expect(hitAt(result, starts, -1)).toBeNull();
    expect(hitAt({ documents: [], total: 0 }, [], 0)).toBeNull();
  });
});
