/**
 * The contract's operations for one feature. Coded segments: coding passages, recoding, moving
 * bounds, memos, removing, and listing them all.
 */
import { codeIdSchema } from '../model/codebook';
import { MEMO_MAX_CHARS } from '../model/limits';
import type { CodedSegment } from '../model/segments';
import { z } from '../model/zod';
import type { RetrievalPage, RetrievedSegment } from '../views/retrieval';
import type { SegmentCounts } from '../views/segment-counts';
import { codeId, documentId, offset, operation, segmentId } from './fields';
import type { ActionOutcome } from './outcomes';

/** The most rows one page of retrieval holds. */
export const RETRIEVAL_PAGE_MAX = 1000;
/** The furthest a page of retrieval may start (far beyond any project's segments, but bounded). */
export const RETRIEVAL_OFFSET_MAX = 10_000_000;

/** The retrieval view's filter (shared/views/retrieval.ts). */
const retrievalFilter = z.strictObject({
  codeId: codeId.nullable(),
  withSubcodes: z.boolean(),
  documentId: documentId.nullable(),
  coder: z.string().max(200).nullable(),
  text: z.string().max(1000),
  variable: z.strictObject({ name: z.string().max(200), value: z.string().max(10_000) }).nullable(),
});

/** The operations on coded segments: coding passages, recoding, moving bounds, memos, removing, and listing them all. */
export const segmentsOperations = {
  addSegment: operation<CodedSegment>()(
    z.strictObject({ id: segmentId, documentId, codeId: codeIdSchema, start: offset, end: offset }),
    'Codes [start, end) of a document (UTF-16 offsets); resolves once the segment is on disk.',
  ),
  setSegmentCode: operation<CodedSegment>()(
    z.strictObject({ segmentId, codeId: codeIdSchema }),
    "Changes a segment's code; resolves once the change is on disk.",
  ),
  removeSegment: operation<{ segmentId: string }>()(
    z.strictObject({ segmentId }),
    'Removes a segment; resolves once the removal is on disk.',
  ),
  codeSpans: operation<ActionOutcome>()(
    z.strictObject({
      codeId: codeIdSchema,
      spans: z.array(z.strictObject({ documentId, start: offset, end: offset })).min(1).max(50000),
    }),
    'Codes many passages (the hits of a search) as one action, undone in one step.',
  ),
  setSegmentBounds: operation<ActionOutcome>()(
    z.strictObject({ segmentId, start: offset, end: offset }),
    "Moves a segment's start and end (UTF-16 offsets); its quote follows.",
  ),
  setSegmentMemo: operation<ActionOutcome>()(
    z.strictObject({ segmentId, memo: z.string().max(MEMO_MAX_CHARS) }),
    "Writes (or, with '', clears) the memo of a coded segment.",
  ),
  listSegments: operation<RetrievedSegment[]>()(
    z.strictObject({}),
    'Every coded segment of the project with its document, code path and the text around it.',
  ),
  retrieveSegments: operation<RetrievalPage>()(
    z.strictObject({ filter: retrievalFilter, offset: z.number().int().nonnegative().max(RETRIEVAL_OFFSET_MAX), limit: z.number().int().nonnegative().max(RETRIEVAL_PAGE_MAX) }),
    'One page of the coded segments that pass the filter, in the view\'s order, with the text around each, and how many pass.',
  ),
  countSegments: operation<SegmentCounts>()(
    z.strictObject({}),
    'How many coded segments each code has and in how many documents, and in all (in blind coding, the coder\'s own).',
  ),
  listSegmentIds: operation<string[]>()(
    z.strictObject({ filter: retrievalFilter }),
    "The ids of every coded segment that passes the filter, in the view's order (to export what the view shows).",
  ),
} as const;
