import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES, type Code } from '../../shared/model/codebook';
import { filterSegments, matchingSegments, NO_FILTER, rememberedViewOrder, retrievalRows, retrievedSegments, type RetrievedSegment } from '../../shared/views/retrieval';
import { codedSegment, documentRecord } from '../support/builders';

const codes: Code[] = [...DEFAULT_CODES, { ...DEFAULT_CODES[0], id: 'c-sub', name: 'sub', key: null, parentId: 'factual-claim' }];
const row = (id: string, codeId: string, documentId: string, coder: string, quote: string): RetrievedSegment => ({
  segment: { id, documentId, codeId, start: 0, end: quote.length, quote, coder, createdAt: '', updatedAt: '', memo: '', origin: 'manual' },
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

describe('the rows of the retrieval view', () => {
  const text = 'Shelling resumed at dawn. Residents fled the town.';
  const other = 'An appeal for calm.';
  const dataset = {
    documents: [
      { record: documentRecord('d2', other, { title: 'B appeal', values: { stance: 'contra' } }), text: other },
      { record: documentRecord('d1', text, { title: 'A report', values: { stance: 'pro' } }), text },
    ],
    codes,
    segments: [],
  };
  const at = (id: string, documentId: string, source: string, words: string, codeId = 'c-sub') =>
    codedSegment({ id, documentId, codeId, start: source.indexOf(words), end: source.indexOf(words) + words.length, quote: words });

  it('lists each shown segment with its title, code path, values and the text around it, by title and then by start', () => {
    const shown = [at('late', 'd1', text, 'Residents fled'), at('appeal', 'd2', other, 'appeal', 'opinion'), at('early', 'd1', text, 'Shelling')];
    const rows = retrievedSegments(dataset, shown);
    expect(rows.map((r) => r.segment.id)).toEqual(['early', 'late', 'appeal']);
    expect(rows[1]).toMatchObject({ documentTitle: 'A report', codePath: 'factual claim / sub', before: 'Shelling resumed at dawn. ', after: ' the town.', documentValues: { stance: 'pro' } });
    expect(rows[2]).toMatchObject({ documentTitle: 'B appeal', codePath: 'opinion', before: 'An ', after: ' for calm.' });
  });

  it('leaves out a segment whose document is not in the dataset, and names an unknown code by its id', () => {
    const rows = retrievedSegments(dataset, [at('gone', 'd9', text, 'Shelling'), at('odd', 'd1', text, 'dawn', 'c-unknown')]);
    expect(rows.map((r) => [r.segment.id, r.codePath])).toEqual([['odd', 'c-unknown']]);
  });
});

describe('the pages of the retrieval view, filtered where the segments are', () => {
  const text = 'Shelling resumed at dawn. Residents fled the town.';
  const other = 'An appeal for calm.';
  const documents = [documentRecord('d2', other, { title: 'B appeal', values: { stance: 'contra' } }), documentRecord('d1', text, { title: 'A report', values: { stance: 'pro' } })];
  const at = (id: string, documentId: string, source: string, words: string, codeId = 'c-sub', coder = 'ana') =>
    codedSegment({ id, documentId, codeId, coder, start: source.indexOf(words), end: source.indexOf(words) + words.length, quote: words });
  const segments = [
    at('late', 'd1', text, 'Residents fled'),
    at('appeal', 'd2', other, 'appeal', 'opinion', 'ben'),
    at('early', 'd1', text, 'Shelling', 'factual-claim'),
    at('lost', 'gone', text, 'dawn'),
  ];
  const source = { documents, codes, segments };
  const matched = (filter: Partial<typeof NO_FILTER>) => matchingSegments(source, { ...NO_FILTER, ...filter });

  it('orders the segments by document title and then by start, and counts only those of documents the project has', () => {
    expect(matched({})).toEqual({ matched: [segments[2], segments[0], segments[1]], total: 3 });
  });

  it('filters as the rows are filtered: code with sub-codes, document, coder, words and a variable', () => {
    const ids = (filter: Partial<typeof NO_FILTER>) => matched(filter).matched.map((segment) => segment.id);
    expect(ids({ codeId: 'factual-claim' })).toEqual(['early', 'late']);
    expect(ids({ codeId: 'factual-claim', withSubcodes: false })).toEqual(['early']);
    expect(ids({ documentId: 'd2' })).toEqual(['appeal']);
    expect(ids({ coder: 'ana', text: 'FLED' })).toEqual(['late']);
    expect(ids({ variable: { name: 'stance', value: 'contra' } })).toEqual(['appeal']);
    expect(matched({ text: 'nowhere' })).toEqual({ matched: [], total: 3 });
  });

  it('makes the rows of one page with their titles, code paths, values and the text around them, as the whole list does', () => {
    const page = matched({}).matched.slice(1, 3);
    const rows = retrievalRows(page, documents, codes, new Map([['d1', text], ['d2', other]]));
    const whole = retrievedSegments({ documents: documents.map((record) => ({ record, text: record.id === 'd1' ? text : other })), codes, segments: [] }, segments);
    expect(rows).toEqual(whole.slice(1, 3));
  });
});

describe('the order of the retrieval view, kept between calls', () => {
  // Titles that collate alike only in part (case, accents), titles shared by two documents, and
  // segments that begin at one place: the ties keep the order the documents and segments came in.
  const titles = ['Résumé', 'resume', 'Report', 'report', 'Report', 'Zürich', 'zebra', 'Äpfel', 'apple'];
  const documents = titles.map((title, i) => documentRecord(`d${i}`, 'x'.repeat(100), { title }));
  const segments = Array.from({ length: 120 }, (_, i) =>
    codedSegment({ id: `s${i}`, documentId: i % 13 === 0 ? 'gone' : `d${(i * 7) % titles.length}`, start: (i * 31) % 11, end: 20, quote: 'x' }),
  );
  /** The view's order made plainly: documents sorted by title (stable), each one's segments by start (stable). */
  const plainly = (list: typeof documents, shown: typeof segments) => {
    const collator = new Intl.Collator(undefined, { sensitivity: 'variant' });
    const sorted = [...list].sort((a, b) => collator.compare(a.title, b.title));
    return sorted.flatMap((document) => shown.filter((segment) => segment.documentId === document.id).sort((a, b) => a.start - b.start));
  };
  const source = { documents, codes, segments };

  it('orders by document title, then by start, ties in the order given, without the segments of documents not listed', () => {
    expect(matchingSegments(source, NO_FILTER).matched.map((s) => s.id)).toEqual(plainly(documents, segments).map((s) => s.id));
    expect(matchingSegments(source, NO_FILTER).total).toBe(segments.filter((s) => s.documentId !== 'gone').length);
  });

  it('sorts again when a segment or a document is replaced, added or removed, also within the same list', () => {
    const order = rememberedViewOrder();
    const list = [...segments];
    const records = [...documents];
    const first = order({ documents: records, codes, segments: list });
    expect(order({ documents: records, codes, segments: list })).toBe(first);
    // Lists changed in place, as the undo engine changes them: a segment moved, a document renamed, one removed.
    list[5] = { ...list[5]!, start: 99 };
    expect(order({ documents: records, codes, segments: list }).segments.map((s) => s.id)).toEqual(plainly(records, list).map((s) => s.id));
    records[7] = { ...records[7]!, title: 'Zzz' };
    expect(order({ documents: records, codes, segments: list }).segments.map((s) => s.id)).toEqual(plainly(records, list).map((s) => s.id));
    records.splice(2, 1);
    list.push(codedSegment({ id: 'new', documentId: 'd0', start: 0, end: 5, quote: 'x' }));
    const now = order({ documents: records, codes, segments: list });
    expect(now.segments.map((s) => s.id)).toEqual(plainly(records, list).map((s) => s.id));
    expect(now.documents.has('d2')).toBe(false);
  });
  /** Runs the steps of `prepare` to their end; returns how many slices they took. */
  const runSteps = (steps: Iterator<void, void>) => {
    let slices = 1;
    while (!steps.next().done) slices++;
    return slices;
  };

  it('makes the order ahead in slices, so that the next call finds it ready without sorting again', () => {
    const order = rememberedViewOrder();
    // Enough segments for the work to be cut into several slices.
    const many = Array.from({ length: 12_000 }, (_, i) => codedSegment({ id: `m${i}`, documentId: `d${i % titles.length}`, start: (i * 37) % 50, end: 60, quote: 'x' }));
    const list = { documents, codes, segments: many };
    expect(runSteps(order.prepare(list))).toBeGreaterThan(2);
    const prepared = order(list);
    expect(prepared.segments.map((s) => s.id)).toEqual(plainly(documents, many).map((s) => s.id));
    // Asked again, it is the very order made ahead; prepared again, there is nothing to do.
    expect(order(list)).toBe(prepared);
    expect(runSteps(order.prepare(list))).toBe(1);
  });

  it('still shows a change made while the order was being made ahead', () => {
    const order = rememberedViewOrder();
    const list = [...segments];
    const steps = order.prepare({ documents, codes, segments: list });
    steps.next();
    // The undo engine changes the list in place, between two slices.
    list[3] = { ...list[3]!, start: 50 };
    list.push(codedSegment({ id: 'late', documentId: 'd1', start: 1, end: 5, quote: 'x' }));
    runSteps(steps);
    expect(order({ documents, codes, segments: list }).segments.map((s) => s.id)).toEqual(plainly(documents, list).map((s) => s.id));
  });

  it('keeps the answer of a call made before the order made ahead is done', () => {
    const order = rememberedViewOrder();
    const list = [...segments];
    const steps = order.prepare({ documents, codes, segments: list });
    steps.next();
    const asked = order({ documents, codes, segments: list });
    runSteps(steps);
    expect(order({ documents, codes, segments: list })).toBe(asked);
  });
});

