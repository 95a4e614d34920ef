/**
 * The contract's operations for one feature. Portrait: where each code sits along each document
 * of the corpus, binned for strips side by side (shared/analysis/portrait.ts), over the segments
 * the coder may see.
 */
import { MAX_PORTRAIT_BINS, type DocumentPortraits } from '../analysis/portrait';
import { z } from '../model/zod';
import { documentId, operation } from './fields';

/** The operations of the corpus portrait. */
export const portraitOperations = {
  documentPortraits: operation<DocumentPortraits>()(
    z.strictObject({
      /** The documents to draw (null: every document, in the project's order). */
      documentIds: z.array(documentId).max(100000).nullable(),
      bins: z.number().int().min(1).max(MAX_PORTRAIT_BINS),
    }),
    "Each document's length and, per code, the runs of bins (equal parts of its text, in code points) that the code's segments cover, over the segments the coder may see.",
  ),
} as const;
