/**
 * The contract's operations for one feature. Searching the documents for words or a regular
 * expression.
 */
import type { CorpusSearchResult } from '../views/corpus-search';
import { z } from '../model/zod';
import { documentId, operation } from './fields';

export type { CorpusSearchResult } from '../views/corpus-search';

/** The operations on searching the documents for words or a regular expression. */
export const searchOperations = {
  searchCorpus: operation<CorpusSearchResult>()(
    z.strictObject({
      query: z.strictObject({ pattern: z.string().min(1).max(1000), regex: z.boolean(), caseSensitive: z.boolean(), wholeWord: z.boolean() }),
      documentIds: z.array(documentId).max(100000).optional(),
    }),
    'Searches the documents (all, or those named) for plain text or a regular expression.',
  ),
} as const;
