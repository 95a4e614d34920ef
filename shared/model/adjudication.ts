/**
 * A decision on a disagreement between coders, as the project keeps it: which coders' segments
 * were weighed, what was decided, and the consensus segment it made (shared/edits/adjudication.ts
 * makes these records).
 */
import { recordIdSchema, utcTimeSchema } from './fields';
import { CODER_NAME_MAX_CHARS, MEMO_MAX_CHARS } from './limits';
import { codeIdSchema } from './codebook';
import { z } from './zod';

/** The coder name under which settled versions are kept. */
export const CONSENSUS_CODER = 'consensus';

/** What may be decided: accept one coder's version, merge the versions, or mark it as discussed. */
export const DECISIONS = ['accept', 'merge', 'discussed'] as const;

export type Decision = (typeof DECISIONS)[number];

const id = recordIdSchema;

/** A decision as the project file holds it. */
export const adjudicationSchema = z.object({
  /** The disagreement's id, as the reliability report gives it. */
  id,
  documentId: id,
  codeId: codeIdSchema,
  decision: z.enum(DECISIONS),
  /** The coders' segments that were weighed. */
  segmentIds: z.array(id).max(1000),
  /** The version accepted (decision 'accept'). */
  acceptedSegmentId: id.nullable(),
  /** The consensus segment made (null for 'discussed'). */
  consensusSegmentId: id.nullable(),
  /** Who decided, and when (ISO 8601 UTC). */
  by: z.string().max(CODER_NAME_MAX_CHARS),
  at: utcTimeSchema,
  note: z.string().max(MEMO_MAX_CHARS),
});

export type Adjudication = z.infer<typeof adjudicationSchema>;
