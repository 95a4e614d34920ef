/**
 * Retrieval: the coded segments of the whole project, filtered by code (with or without its
 * sub-codes), document, coder and words, each with a little of the text around it.
 */
import { codeAndDescendants, type Code } from '../model/codebook';
import type { CodedSegment } from '../model/segments';

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
