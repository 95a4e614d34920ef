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

/** Each document's place in the view: by title, documents of one title in their given order. */
interface DocumentRanks {
  /** The documents by id. */
  documents: Map<string, DocumentRecord>;
  /** The place of each document (0 for the first). */
  rank: Map<string, number>;
}

/** The documents' places, from one sort of their titles (made again only when a document changes). */
function documentRanks(documents: readonly DocumentRecord[]): DocumentRanks {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const rank = new Map<string, number>();
  for (const document of [...byId.values()].sort((a, b) => byTitle.compare(a.title, b.title))) rank.set(document.id, rank.size);
  return { documents: byId, rank };
}

/** How many segments a step of the ordering goes through before it yields (see `prepare`). */
const SEGMENTS_PER_STEP = 5_000;

/**
 * The segments in the view's order: by their document's place, then by start, segments of one
 * place and start in their given order. The segments are put in their documents' places by
 * counting (no comparison of titles per pair of segments), and only each document's own
 * segments are sorted by start. It yields after each slice of about SEGMENTS_PER_STEP segments,
 * so that the work can be spread over idle moments; run whole, it is one computation.
 */
function* orderingSteps(segments: readonly CodedSegment[], { rank }: DocumentRanks): Generator<void, CodedSegment[]> {
  const places = new Int32Array(segments.length);
  // firsts[r + 1] counts the segments of the document at place r, then becomes where they begin.
  const firsts = new Int32Array(rank.size + 1);
  let kept = 0;
  for (let i = 0; i < segments.length; i++) {
    const place = rank.get(segments[i]!.documentId) ?? -1;
    places[i] = place;
    if (place >= 0) {
      firsts[place + 1]!++;
      kept++;
    }
    if (i % SEGMENTS_PER_STEP === SEGMENTS_PER_STEP - 1) yield;
  }
  for (let place = 1; place <= rank.size; place++) firsts[place]! += firsts[place - 1]!;
  const next = firsts.slice(0, rank.size);
  const indices = new Int32Array(kept);
  for (let i = 0; i < segments.length; i++) if (places[i]! >= 0) indices[next[places[i]!]!++] = i;
  yield;
  const byStart = (a: number, b: number) => segments[a]!.start - segments[b]!.start || a - b;
  let sorted = 0;
  for (let place = 0; place < rank.size; place++) {
    const count = firsts[place + 1]! - firsts[place]!;
    if (count > 1) indices.subarray(firsts[place]!, firsts[place + 1]!).sort(byStart);
    sorted += count;
    if (sorted >= SEGMENTS_PER_STEP) {
      sorted = 0;
      yield;
    }
  }
  const ordered = new Array<CodedSegment>(kept);
  for (let i = 0; i < kept; i++) ordered[i] = segments[indices[i]!]!;
  return ordered;
}

/** The segments in the view's order, made in one go. */
function orderedSegments(segments: readonly CodedSegment[], ranks: DocumentRanks): CodedSegment[] {
  const steps = orderingSteps(segments, ranks);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** The segments in the view's order (by document title, then by start). */
function viewOrder(source: RetrievalSource): ViewOrder {
  const ranks = documentRanks(source.documents);
  return { segments: orderedSegments(source.segments, ranks), documents: ranks.documents };
}

/** The view's order of the last source, remembered between calls, and made ahead of a call when there is time. */
export interface RememberedViewOrder {
  /** The order of `source`: the one remembered when nothing in it has changed, else made now. */
  (source: RetrievalSource): ViewOrder;
  /**
   * Makes the order of `source` a slice at a time, one slice per `next()` (a few milliseconds
   * each with 100,000 segments), and remembers it after the last, so that the view's first
   * open finds it ready. It works on copies of the lists as they are when it begins; a change
   * made afterwards is still found by the next call, which then sorts again. When the order is
   * asked for before the last slice, that call's answer stands and these slices' result is
   * dropped. Nothing is done when the order of `source` is remembered already.
   */
  prepare(source: RetrievalSource): Generator<void, void>;
}

/**
 * Remembers the view's order of the last source: the documents' places are made again only when
 * a document or the list of them has changed, the segments' order only when that or a segment or
 * the list of them has changed. Edits replace the records they change, never change them in
 * place (though they may change a list in place), so comparing copies of the lists record by
 * record (not their fields) finds every change, at a fraction of the cost of sorting again.
 */
export function rememberedViewOrder(): RememberedViewOrder {
  let documents: { copy: DocumentRecord[]; ranks: DocumentRanks } | null = null;
  let last: { copy: CodedSegment[]; ranks: DocumentRanks; order: ViewOrder } | null = null;
  // Counts the calls, so that slices of `prepare` know whether the order was asked for meanwhile.
  let calls = 0;
  const ranksOf = (source: RetrievalSource): DocumentRanks => {
    if (!documents || !sameItems(documents.copy, source.documents)) documents = { copy: [...source.documents], ranks: documentRanks(source.documents) };
    return documents.ranks;
  };
  const isRemembered = (ranks: DocumentRanks, segments: readonly CodedSegment[]) => last !== null && last.ranks === ranks && sameItems(last.copy, segments);
  const order = (source: RetrievalSource): ViewOrder => {
    calls++;
    const ranks = ranksOf(source);
    if (isRemembered(ranks, source.segments)) return last!.order;
    const made = { segments: orderedSegments(source.segments, ranks), documents: ranks.documents };
    last = { copy: [...source.segments], ranks, order: made };
    return made;
  };
  function* prepare(source: RetrievalSource): Generator<void, void> {
    const asked = calls;
    const ranks = ranksOf(source);
    if (isRemembered(ranks, source.segments)) return;
    const copy = [...source.segments];
    yield;
    const segments = yield* orderingSteps(copy, ranks);
    if (calls === asked) last = { copy, ranks, order: { segments, documents: ranks.documents } };
  }
  return Object.assign(order, { prepare });
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
