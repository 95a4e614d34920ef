import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { dataPackage, doccanoLines, wideColumns, wideRecords } from '../../shared/exports/dataset-exports';
import type { DatasetInput } from '../../shared/model/project';
import type { CodedSegment, SegmentOrigin } from '../../shared/model/segments';
import { codedSegment, documentRecord } from '../support/builders';

const TEXT = 'Rally 😀 now, then go home.';
const ANOTHER = 'Nothing coded here.';

const segment = (id: string, words: string, origin: SegmentOrigin, codeId = 'call-to-action'): CodedSegment => {
  const start = TEXT.indexOf(words);
  return codedSegment({ id, documentId: 'd1', codeId, start, end: start + words.length, quote: words, coder: 'ana', origin });
};

/** Two documents; in the first a segment coded by hand and one accepted from a suggestion. */
const dataset = (): DatasetInput => ({
  documents: [
    { record: documentRecord('d1', TEXT), text: TEXT },
    { record: documentRecord('d2', ANOTHER), text: ANOTHER },
  ],
  codes: DEFAULT_CODES,
  segments: [segment('by-hand', 'Rally 😀 now', 'manual'), segment('accepted', 'then go home', 'suggestion', 'opinion')],
});

describe('the origin of segments in the dataset exports', () => {
  it('JSON Lines: gives each label its origin, in the order of the labels', () => {
    const [first, second] = [...doccanoLines(dataset())].map((line) => JSON.parse(line) as { label: unknown[][]; origin: string[] });
    expect(first!.label.map((label) => label[2])).toEqual(['call to action', 'opinion']);
    expect(first!.origin).toEqual(['manual', 'suggestion']);
    expect(second).toMatchObject({ label: [], origin: [] });
  });

  it('wide table: counts the segments accepted from a suggestion per document, still counting them per code', () => {
    const { columns } = wideColumns(dataset());
    const rows = [...wideRecords(dataset())].map((cells) => Object.fromEntries(columns.map((column, i) => [column, cells[i]])));
    expect(rows.map((row) => [row.document_id, row.suggested_segments])).toEqual([
      ['d1', '1'],
      ['d2', '0'],
    ]);
    expect(rows[0]).toMatchObject({ opinion_n: '1', call_to_action_n: '1' });
  });

  it('data package: declares the origin column with its two values', () => {
    const description = dataPackage(dataset(), 'Study', '2026-01-01T00:00:00.000Z') as { resources: Array<{ schema: { fields: Array<{ name: string }> } }> };
    const [segments, wide] = description.resources;
    expect(segments!.schema.fields.find((field) => field.name === 'origin')).toMatchObject({
      type: 'string',
      constraints: { enum: ['manual', 'suggestion'] },
      description: expect.stringMatching(/suggestion/),
    });
    expect(wide!.schema.fields.find((field) => field.name === 'suggested_segments')).toMatchObject({ type: 'integer' });
  });
});
