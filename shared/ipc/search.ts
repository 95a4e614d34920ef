/**
 * The contract's operations for one feature. Searching the documents for words or a regular
 * expression.
 */
import type { CorpusSearchPage, CorpusSearchResult } from '../views/corpus-search';
import { z } from '../model/zod';
import { codeId, documentId, operation } from './fields';
import type { ActionOutcome } from './outcomes';

export type { CorpusSearchPage, CorpusSearchResult } from '../views/corpus-search';

const query = z.strictObject({ pattern: z.string().min(1).max(1000), regex: z.boolean(), caseSensitive: z.boolean(), wholeWord: z.boolean() });
const documentIds = z.array(documentId).max(100000).optional();

/** The most hits one page of a search lists. */
export const SEARCH_PAGE_MAX = 1000;
/** The furthest a page of hits may start (far beyond any corpus's hits, but bounded). */
export const SEARCH_OFFSET_MAX = 10_000_000;
/** The most hits "code all hits" codes in one action (each one a segment in the project). */
export const CODE_HITS_MAX = 100_000;

/** The operations on searching the documents for words or a regular expression. */
export const searchOperations = {
  searchCorpus: operation<CorpusSearchResult>()(
    z.strictObject({ query, documentIds }),
    'Searches the documents (all, or those named) for plain text or a regular expression.',
  ),
  searchCorpusPage: operation<CorpusSearchPage>()(
    z.strictObject({
      query,
      documentIds,
      offset: z.number().int().nonnegative().max(SEARCH_OFFSET_MAX),
      limit: z.number().int().nonnegative().max(SEARCH_PAGE_MAX),
      countAll: z.boolean(),
    }),
    'One page of the hits of a search (from `offset`, with their documents and context) and how many hits there are; without `countAll`, a plain search may stop once the page is found.',
  ),
  codeSearchHits: operation<ActionOutcome>()(
    z.strictObject({ query, documentIds, codeId, expected: z.number().int().nonnegative().max(CODE_HITS_MAX) }),
    'Codes every hit of a search (over all documents, or those named) as one action, undone in one step; refused when the search finds another number of hits than `expected` (what the researcher was shown), or more than CODE_HITS_MAX.',
  ),
} as const;
