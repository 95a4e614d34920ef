import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES, type Code } from '../../shared/model/codebook';
import { filterSegments, NO_FILTER, type RetrievedSegment } from '../../shared/views/retrieval';

const codes: Code[] = [...DEFAULT_CODES, { ...DEFAULT_CODES[0], id: 'c-sub', name: 'sub', key: null, parentId: 'factual-claim' }];
const row = (id: string, codeId: string, documentId: string, coder: string, quote: string): RetrievedSegment => ({
  segment: { id, documentId, codeId, start: 0, end: quote.length, quote, coder, createdAt: '', updatedAt: '', memo: '' },
  documentTitle: documentId,
  codePath: codeId,
  before: '',
  after: '',
  documentValues: documentId === 'd1' ? { stance: 'pro' } : { stance: 'contra' },
});
const rows = [
  row('a', 'factual-claim', 'd1', 'ana', 'Troops crossed the line'),
  row('b', 'c-sub', 'd1', 'ben', 'Ten civilians died'),
  row('c', 'opinion', 'd2', 'ana', 'A shameful attack'),
  row('d', 'c-sub', 'd2', 'ana', 'Shelling of civilians'),
];
const ids = (filter: Partial<typeof NO_FILTER>) => filterSegments(rows, { ...NO_FILTER, ...filter }, codes).map((r) => r.segment.id);

describe('retrieval filters', () => {
  it('filters by code with or without its sub-codes', () => {
    expect(ids({ codeId: 'factual-claim' })).toEqual(['a', 'b', 'd']);
    expect(ids({ codeId: 'factual-claim', withSubcodes: false })).toEqual(['a']);
  });

  it('filters by document, coder and words, together', () => {
    expect(ids({ documentId: 'd2' })).toEqual(['c', 'd']);
    expect(ids({ coder: 'ana', text: 'CIVILIANS' })).toEqual(['d']);
    expect(ids({ codeId: 'c-sub', documentId: 'd1', coder: 'ben' })).toEqual(['b']);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ variable: { name: 'stance', value: 'contra' } })).toEqual(['c', 'd']);
  });
});
