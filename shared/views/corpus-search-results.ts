/**
 * The result of a search over the corpus as the page shows it: per document with hits, their
 * number, whether the list was cut, and each hit with a little text on either side. Pure: the
 * search itself (with its time limit) runs in electron/services/corpus-search.ts.
 */
import type { CorpusSearchResult } from '../api';
import { inContext, type SearchHit } from '../search';

/** A searched document: its id, title and text, and the hits found in it. */
export interface SearchedDocument {
  id: string;
  title: string;
  text: string;
  hits: readonly SearchHit[];
  truncated: boolean;
}

/** The documents with hits, in the order given, and the number of hits in all. */
export function corpusSearchResult(searched: readonly SearchedDocument[]): CorpusSearchResult {
  const result: CorpusSearchResult = { documents: [], total: 0 };
  for (const { id, title, text, hits, truncated } of searched) {
    if (!hits.length) continue;
    result.total += hits.length;
    result.documents.push({
      documentId: id,
      title,
      count: hits.length,
      truncated,
      hits: hits.map((hit) => ({ ...hit, ...inContext(text, hit) })),
    });
  }
  return result;
}
