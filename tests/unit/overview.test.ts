import { describe, expect, it } from 'vitest';
import { shownTo } from '../../shared/views/blind-coding';
import { codersOf, documentSummaries } from '../../shared/views/project-overview';
import { codedSegment, documentRecord } from '../support/builders';

const documents = [documentRecord('d1', 'First text.'), documentRecord('d2', 'Second text.'), documentRecord('d3', 'Third text.')];
const segments = [
  codedSegment({ id: 'a', documentId: 'd1', coder: 'ana' }),
  codedSegment({ id: 'b', documentId: 'd1', coder: 'bea' }),
  codedSegment({ id: 'c', documentId: 'd1', coder: 'ana' }),
  codedSegment({ id: 'd', documentId: 'd3', coder: 'bea' }),
];

describe("the project's overview", () => {
  it('counts the segments of each document, in all and per coder, keeping the documents in their order', () => {
    const summaries = documentSummaries(documents, segments);
    expect(summaries.map((d) => [d.id, d.segmentCount, d.segmentsByCoder])).toEqual([
      ['d1', 3, { ana: 2, bea: 1 }],
      ['d2', 0, {}],
      ['d3', 1, { bea: 1 }],
    ]);
    expect(summaries[0]).toMatchObject({ title: 'd1', file: 'd1.txt' });
  });

  it("counts only the segments the viewer is shown, so blind coding hides other coders' numbers", () => {
    const shown = shownTo({ coder: 'ana', blind: true }, segments);
    expect(documentSummaries(documents, shown).map((d) => [d.segmentCount, d.segmentsByCoder])).toEqual([
      [2, { ana: 2 }],
      [0, {}],
      [0, {}],
    ]);
  });

  it('names everyone who has coded and the current coder, once each, in alphabetical order', () => {
    expect(codersOf('carla', segments)).toEqual(['ana', 'bea', 'carla']);
    expect(codersOf('ana', [])).toEqual(['ana']);
  });
});
