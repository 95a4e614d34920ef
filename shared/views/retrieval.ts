/**
 * Retrieval: the coded segments of the whole project, filtered by code (with or without its
 * sub-codes), document, coder and words, each with a little of the text around it.
 */
import { codeAndDescendants, codePath, type Code } from '../model/codebook';
import type { DatasetInput } from '../model/project';
import type { CodedSegment } from '../model/segments';
import { inContext } from '../text/search';

/** A coded segment as the retrieval view lists it. */
export interface RetrievedSegment {
  segment: CodedSegment;
  documentTitle: string;
  codePath: string;
  /** Text just before and after the segment. */
  before: string;
  after: string;
  /** The document's values of the project's variables. */
  documentValues: Record<string, string | number | null>;
}

export interface RetrievalFilter {
  codeId: string | null;
  withSubcodes: boolean;
  documentId: string | null;
  coder: string | null;
  /** Words the quote must contain (any case); '' for any. */
  text: string;
  /** A document variable and the value its document must have (compared as text). */
  variable: { name: string; value: string } | null;
}

export const NO_FILTER: RetrievalFilter = { codeId: null, withSubcodes: true, documentId: null, coder: null, text: '', variable: null };

/** The rows that pass the filter, in their given order. */
export function filterSegments(
  rows: readonly RetrievedSegment[],
  filter: RetrievalFilter,
  codes: readonly Code[],
): RetrievedSegment[] {
  const codeIds = filter.codeId
    ? filter.withSubcodes
      ? codeAndDescendants(codes, filter.codeId)
      : new Set([filter.codeId])
    : null;
  const needle = filter.text.trim().toLocaleLowerCase();
  const { variable } = filter;
  return rows.filter(
    ({ segment, documentValues }) =>
      (!variable || String(documentValues[variable.name] ?? '') === variable.value) &&
      (!codeIds || codeIds.has(segment.codeId)) &&
      (!filter.documentId || segment.documentId === filter.documentId) &&
      (!filter.coder || segment.coder === filter.coder) &&
      (!needle || segment.quote.toLocaleLowerCase().includes(needle)),
  );
}

/** How many characters of text a listed segment shows on either side. */
const CONTEXT_CHARS = 60;

/**
 * The rows of the retrieval view: each of the `shown` segments (those the viewer may see) whose
 * document is in the dataset, with its document's title and values, its code's path and the text
 * around it, by document title and then by start.
 */
export function retrievedSegments(dataset: DatasetInput, shown: readonly CodedSegment[]): RetrievedSegment[] {
  const documents = new Map(dataset.documents.map(({ record, text }) => [record.id, { title: record.title, text, values: record.values }]));
  const paths = new Map(dataset.codes.map((code) => [code.id, codePath(dataset.codes, code.id)]));
  return shown
    .filter((segment) => documents.has(segment.documentId))
    .map((segment) => {
      const { title, text, values } = documents.get(segment.documentId)!;
      const { before, after } = inContext(text, segment, CONTEXT_CHARS);
      return { segment, documentTitle: title, codePath: paths.get(segment.codeId) ?? segment.codeId, before, after, documentValues: values };
    })
    .sort((a, b) => a.documentTitle.localeCompare(b.documentTitle) || a.segment.start - b.segment.start);
}
