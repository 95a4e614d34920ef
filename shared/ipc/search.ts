/**
 * The contract's operations for one feature. Searching the documents for words or a regular
 * expression.
 */
import { z } from '../model/zod';
import { documentId, operation } from './fields';

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
