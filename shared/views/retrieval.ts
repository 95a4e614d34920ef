/**
 * Retrieval: the coded segments of the whole project, filtered by code (with or without its
 * sub-codes), document, coder and words, each with a little of the text around it.
 */
import { codeAndDescendants, codePath, type Code } from '../model/codebook';
import type { DocumentRecord } from '../model/documents';
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

/** One page of the retrieval view's rows, as the main process sends it (the view asks for the rows it shows). */
export interface RetrievalPage {
  /** The coded segments the viewer may see, in all. */
  total: number;
  /** Of these, how many pass the filter. */
  matched: number;
  /** Where `rows` begin among the matched segments (0 for the first). */
  offset: number;
  rows: RetrievedSegment[];
  /** Everyone whose segments the viewer may see, by name (the coder filter's choices). */
  coders: string[];
}

/** What the rows of retrieval are made from: the documents' records, the codebook and the shown segments. */
export interface RetrievalSource {
  documents: readonly DocumentRecord[];
  codes: readonly Code[];
  /** The segments the viewer may see. */
  segments: readonly CodedSegment[];
}

const byTitle = new Intl.Collator(undefined, { sensitivity: 'variant' });

/** The shown segments in the view's order (by document title, then by start), and their documents by id. */
export interface ViewOrder {
  segments: CodedSegment[];
  documents: Map<string, DocumentRecord>;
}

/** True when the two lists hold the very same items in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The segments in the view's order: documents sorted by title once, each one's segments by start. */
function viewOrder(source: RetrievalSource): ViewOrder {
  const documents = new Map(source.documents.map((document) => [document.id, document]));
  const byDocument = new Map<string, CodedSegment[]>();
  for (const segment of source.segments) {
    if (!documents.has(segment.documentId)) continue;
    const list = byDocument.get(segment.documentId);
    if (list) list.push(segment);
    else byDocument.set(segment.documentId, [segment]);
  }
  const segments: CodedSegment[] = [];
  for (const document of [...source.documents].sort((a, b) => byTitle.compare(a.title, b.title))) {
    const list = byDocument.get(document.id);
    if (!list) continue;
    list.sort((a, b) => a.start - b.start);
    for (const segment of list) segments.push(segment);
  }
  return { segments, documents };
}

/**
 * Remembers the view's order of the last source, and makes it again only when a segment, a
 * document or the list of them has changed. Edits replace the records they change, never change
 * them in place, so comparing the records one by one (not their fields) finds every change, at
 * a fraction of the cost of sorting again.
 */
export function rememberedViewOrder(): (source: RetrievalSource) => ViewOrder {
  let last: { segments: CodedSegment[]; documents: DocumentRecord[]; order: ViewOrder } | null = null;
  return (source) => {
    if (last && sameItems(last.segments, source.segments) && sameItems(last.documents, source.documents)) return last.order;
    const order = viewOrder(source);
    last = { segments: [...source.segments], documents: [...source.documents], order };
    return order;
  };
}

/** Words compared in any case, as a pattern (quicker than lowering the case of every quote). */
function wordsPattern(text: string): RegExp | null {
  const needle = text.trim();
  return needle ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu') : null;
}

/**
 * The segments that pass the filter, in the view's order (by document title, then by start), and
 * how many could be shown in all. Segments of documents the project no longer has are left out.
 * `order` (rememberedViewOrder) keeps the sorted list between calls.
 */
export function matchingSegments(
  source: RetrievalSource,
  filter: RetrievalFilter,
  order: (source: RetrievalSource) => ViewOrder = viewOrder,
): { matched: CodedSegment[]; total: number } {
  const { segments, documents } = order(source);
  const codeIds = filter.codeId ? (filter.withSubcodes ? codeAndDescendants(source.codes, filter.codeId) : new Set([filter.codeId])) : null;
  const words = wordsPattern(filter.text);
  const { variable } = filter;
  if (!codeIds && !words && !variable && !filter.coder && !filter.documentId) return { matched: segments, total: segments.length };
  const matched = segments.filter(
    (segment) =>
      (!codeIds || codeIds.has(segment.codeId)) &&
      (!filter.coder || segment.coder === filter.coder) &&
      (!filter.documentId || segment.documentId === filter.documentId) &&
      (!variable || String(documents.get(segment.documentId)!.values[variable.name] ?? '') === variable.value) &&
      (!words || words.test(segment.quote)),
  );
  return { matched, total: segments.length };
}

/**
 * The rows of `segments` as the view lists them, each with its document's title and values, its
 * code's path and the text around it (`texts` holds the text of each of their documents).
 */
export function retrievalRows(
  segments: readonly CodedSegment[],
  documents: readonly DocumentRecord[],
  codes: readonly Code[],
  texts: ReadonlyMap<string, string>,
): RetrievedSegment[] {
  const records = new Map(documents.map((document) => [document.id, document]));
  const paths = new Map<string, string>();
  return segments.map((segment) => {
    const document = records.get(segment.documentId)!;
    let path = paths.get(segment.codeId);
    if (path === undefined) paths.set(segment.codeId, (path = codePath(codes, segment.codeId) || segment.codeId));
    const { before, after } = inContext(texts.get(segment.documentId) ?? '', segment, CONTEXT_CHARS);
    return { segment, documentTitle: document.title, codePath: path, before, after, documentValues: document.values };
  });
}
