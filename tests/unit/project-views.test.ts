/**
 * The pure views the handlers return: the project's overview (counts per document and coder, in
 * blind coding only the coder's own), the retrieval list, a corpus search's result, and the notice
 * of segments whose quote no longer matches.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import type { DocumentRecord } from '../../shared/model/documents';
import { PROJECT_SCHEMA_VERSION, type ProjectFile } from '../../shared/model/project-schema';
import type { CodedSegment } from '../../shared/model/segments';
import { corpusSearchResult } from '../../shared/views/corpus-search';
import { misplacedSegmentsNotice } from '../../shared/views/misplaced-segments';
import { documentsInOrder, projectOverview } from '../../shared/views/project-overview';
import { retrievedSegments } from '../../shared/views/retrieval';

const document = (id: string, title: string, addedAt: string, file = `${id}.txt`): DocumentRecord => ({
  id,
  title,
  file,
  sha256: id.padEnd(64, '0'),
  byteLength: 10,
  length: 10,
  codePointLength: 10,
  addedAt,
  memo: '',
  source: null,
  values: {},
});
const segment = (id: string, documentId: string, start: number, quote: string, coder = 'ana', codeId = 'opinion'): CodedSegment => ({
  id,
  documentId,
  codeId,
  start,
  end: start + quote.length,
  quote,
  coder,
  createdAt: '',
  updatedAt: '',
  memo: '',
  origin: 'manual',
});

const later = document('d-later', 'Zeta', '2026-02-01T00:00:00Z');
const earlier = document('d-earlier', 'Alpha', '2026-01-01T00:00:00Z');
const project = (blind: boolean): ProjectFile => ({
  schemaVersion: PROJECT_SCHEMA_VERSION,
  projectId: 'p',
  name: 'Study',
  description: '',
  createdAt: '',
  coder: 'ana',
  coderConfirmed: true,
  blind,
  suggestions: { enabled: false, order: 'confidence', threshold: 0.7 },
  rejectedSuggestions: [],
  documents: [later, earlier],
  codes: DEFAULT_CODES.map((code) => ({ ...code })),
  segments: [segment('s1', 'd-later', 0, 'abc'), segment('s2', 'd-later', 4, 'def', 'bea'), segment('s3', 'd-earlier', 0, 'x', 'bea')],
  variables: [],
  adjudications: [],
  history: { done: [], undone: [] },
  journalSeq: 0,
}) as ProjectFile;

describe('the project overview', () => {
  it('lists documents in the order they came in, with counts per coder', () => {
    const overview = projectOverview(project(false), { folder: '/p', file: '/p/project.json', notices: ['kept aside'] });
    expect(overview.documents.map((d) => [d.id, d.segmentCount, d.segmentsByCoder])).toEqual([
      ['d-earlier', 1, { bea: 1 }],
      ['d-later', 2, { ana: 1, bea: 1 }],
    ]);
    expect(overview.coders).toEqual(['ana', 'bea']);
    expect(overview.notices).toEqual(['kept aside']);
    expect(overview.history).toEqual({ undo: null, redo: null });
  });

  it('counts only the coder’s own segments in blind coding', () => {
    const overview = projectOverview(project(true), { folder: '/p', file: '/p/project.json', notices: [] });
    expect(overview.documents.map((d) => d.segmentCount)).toEqual([0, 1]);
  });

  it('orders documents added at the same moment by file name', () => {
    const same = '2026-01-01T00:00:00Z';
    expect(documentsInOrder([document('b', 'B', same, 'b.txt'), document('a', 'A', same, 'a.txt')]).map((d) => d.id)).toEqual(['a', 'b']);
  });
});

describe('the retrieval list', () => {
  it('gives each segment its document, code path and context, by title then place', () => {
    const texts = { 'd-later': 'abc def ghi', 'd-earlier': 'x y z' };
    const dataset = {
      documents: [later, earlier].map((record) => ({ record, text: texts[record.id as keyof typeof texts] })),
      codes: project(false).codes,
      segments: [],
    };
    const rows = retrievedSegments(dataset, [...project(false).segments, segment('s4', 'gone', 0, 'q')]);
    expect(rows.map((row) => [row.segment.id, row.documentTitle, row.before, row.after])).toEqual([
      ['s3', 'Alpha', '', ' y z'],
      ['s1', 'Zeta', '', ' def ghi'],
      ['s2', 'Zeta', 'abc ', ' ghi'],
    ]);
    expect(rows[0]!.codePath).toBe('opinion');
  });
});

describe('a corpus search result', () => {
  it('keeps the documents with hits, counts them, and puts each hit in its context', () => {
    const result = corpusSearchResult(
      [
        { id: 'd1', title: 'One', text: 'the cat and the dog' },
        { id: 'd2', title: 'Two', text: 'nothing' },
      ],
      [
        { hits: [{ start: 0, end: 3 }, { start: 12, end: 15 }], truncated: false },
        { hits: [], truncated: false },
      ],
    );
    expect(result.total).toBe(2);
    expect(result.documents.map((d) => [d.documentId, d.count])).toEqual([['d1', 2]]);
    expect(result.documents[0]!.hits[1]).toEqual({ start: 12, end: 15, before: 'the cat and ', match: 'the', after: ' dog' });
  });
});

describe('misplaced segments', () => {
  it('are named, at most three, and only when a quote no longer matches', () => {
    const text = 'abc def';
    expect(misplacedSegmentsNotice('Zeta', text, [segment('s1', 'd', 0, 'abc')])).toBeNull();
    const notice = misplacedSegmentsNotice('Zeta', text, ['a', 'b', 'c', 'd'].map((id) => segment(id, 'd', 0, 'xyz')));
    expect(notice).toMatch(/^4 coded segments in “Zeta” no longer match the text they quote \(a, b, c, …\)/);
  });
});
