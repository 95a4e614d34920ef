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
