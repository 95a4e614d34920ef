/**
 * The hits of a search over the corpus as the search panel lists them: per document that has any,
 * each hit with a little text on either side, and the total. The search itself runs in the main
 * process (a regular expression in a worker, with a time limit); this turns its hits into the list.
 */
import { inContext, type SearchHit } from '../text/search';

/** Hits of a search, per document, each with a little text on either side. */
export interface CorpusSearchResult {
  documents: Array<{
    documentId: string;
    title: string;
    count: number;
    truncated: boolean;
    hits: Array<{ start: number; end: number; before: string; match: string; after: string }>;
  }>;
  total: number;
}

/**
 * The listed result of a search: `found[i]` holds the hits in `documents[i]`'s text (and whether
 * they were cut at the most one search returns). Documents without hits are left out.
 */
export function corpusSearchResult(
  documents: ReadonlyArray<{ id: string; title: string; text: string }>,
  found: ReadonlyArray<{ hits: readonly SearchHit[]; truncated: boolean }>,
): CorpusSearchResult {
  const result: CorpusSearchResult = { documents: [], total: 0 };
  for (const [i, document] of documents.entries()) {
    const { hits, truncated } = found[i]!;
    if (!hits.length) continue;
    result.total += hits.length;
    result.documents.push({
      documentId: document.id,
      title: document.title,
      count: hits.length,
      truncated,
      hits: hits.map((hit) => ({ ...hit, ...inContext(document.text, hit) })),
    });
  }
  return result;
}

/** One hit of a corpus search with its document, as the hits list draws it. */
export interface ListedHit {
  documentId: string;
  title: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/**
 * Where each document's hits begin in the list of all hits (`starts[i]` for `documents[i]`), so
 * that the list finds its n-th hit without copying every hit into one list.
 */
export function hitStarts(result: CorpusSearchResult): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const document of result.documents) {
    starts.push(at);
    at += document.hits.length;
  }
  return starts;
}

/** The `index`-th hit of the result (in document order), given its `hitStarts`; null past the end. */
export function hitAt(result: CorpusSearchResult, starts: readonly number[], index: number): ListedHit | null {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || index < 0) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  const document = result.documents[lo]!;
  const hit = document.hits[index - starts[lo]!];
  return hit ? { documentId: document.documentId, title: document.title, ...hit } : null;
}

/**
 * One page of a search's hits across the corpus, as the windowed hits list asks for them: the
 * hits from `offset` on, each with its document and a little text on either side, and how many
 * hits there are. A search asked only for its first page may stop once it has found them
 * (`complete` false: `total` then counts the hits found so far).
 */
export interface CorpusSearchPage {
  total: number;
  complete: boolean;
  /** How many documents hold hits (of those searched so far). */
  documentCount: number;
  offset: number;
  hits: ListedHit[];
}

/**
 * Collects the hits of one document that fall in the page [offset, end) of all hits, given that
 * `before` hits came in earlier documents; returns how many of its hits there were.
 */
export function collectPageHits(
  page: ListedHit[],
  document: { id: string; title: string; text: string },
  hits: readonly SearchHit[],
  before: number,
  offset: number,
  end: number,
): number {
  for (let i = Math.max(0, offset - before); i < hits.length && before + i < end; i++) {
    const hit = hits[i]!;
    page.push({ documentId: document.id, title: document.title, start: hit.start, end: hit.end, ...inContext(document.text, hit) });
  }
  return hits.length;
}
