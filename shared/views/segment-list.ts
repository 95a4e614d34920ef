/**
 * The coded segments of the whole project as the retrieval view lists them: each with its
 * document's title and values, its code's path and a little text on either side, sorted by
 * document title and then by place in the text. Pure: the caller passes what the coder may see.
 */
import { codePath } from '../codebook';
import type { DatasetInput } from '../csv-export';
import type { RetrievedSegment } from '../retrieval';
import { inContext } from '../search';
import type { CodedSegment } from '../segments';

/** Characters of context on either side of a listed segment. */
const CONTEXT_CHARS = 60;

/** The rows of the retrieval view for these segments (those of documents not in the dataset are left out). */
export function segmentList(dataset: Pick<DatasetInput, 'documents' | 'codes'>, segments: readonly CodedSegment[]): RetrievedSegment[] {
  const { documents, codes } = dataset;
  const titles = new Map(documents.map(({ record, text }) => [record.id, { title: record.title, text, values: record.values }]));
  const paths = new Map(codes.map((code) => [code.id, codePath(codes, code.id)]));
  return segments
    .filter((segment) => titles.has(segment.documentId))
    .map((segment) => {
      const { title, text, values } = titles.get(segment.documentId)!;
      const { before, after } = inContext(text, segment, CONTEXT_CHARS);
      return { segment, documentTitle: title, codePath: paths.get(segment.codeId) ?? segment.codeId, before, after, documentValues: values };
    })
    .sort((a, b) => a.documentTitle.localeCompare(b.documentTitle) || a.segment.start - b.segment.start);
}
