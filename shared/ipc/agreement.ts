/**
 * The contract's operations for one feature. Agreement between coders: the reliability report, its
 * exports, and settling disagreements.
 */
import { type Adjudication, DECISIONS } from '../model/adjudication';
import { recordIdSchema } from '../model/fields';
import { CODER_NAME_MAX_CHARS, MEMO_MAX_CHARS } from '../model/limits';
import { z } from '../model/zod';
import type { ReliabilityReport } from '../stats/reliability-report';
import { codeId, documentId, jobId, operation, segmentId } from './fields';
import type { ActionOutcome, ExportOutcome } from './outcomes';

/** What a reliability report compares. */
const reliabilitySelection = z.strictObject({
  coders: z.array(z.string().min(1).max(CODER_NAME_MAX_CHARS)).min(2, { error: 'choose at least 2 coders to compare' }).max(100),
  documentIds: z.array(documentId).min(1).max(100000),
  codeIds: z.array(codeId).min(1).max(10000),
  /** Percent overlap for segment agreement. */
  minOverlap: z.number().min(1).max(100),
  bootstrap: z
    .strictObject({
      samples: z.number().int().min(100).max(20000),
      seed: z.number().int().min(0).max(2 ** 31),
      /** Resample whole documents instead of coded stretches (needs at least 30 documents). */
      unit: z.enum(['coded-stretch', 'document']).optional(),
    })
    .optional(),
});

/** The operations on agreement between coders: the reliability report, its exports, and settling disagreements. */
export const agreementOperations = {
  reliabilityReport: operation<ReliabilityReport & { adjudications: Adjudication[] }>()(
    reliabilitySelection.extend({ jobId: jobId.optional() }),
    'Agreement between the chosen coders on the chosen documents and codes: every measure per code and overall, the disagreements, and the decisions taken on them.',
  ),
  exportReliability: operation<ExportOutcome>()(
    z.strictObject({
      format: z.enum(['csv', 'html', 'matrix']),
      selection: reliabilitySelection,
      /** For the matrix: one code (1/0 per character), or null for the set of codes per character. */
      codeId: codeId.nullable().default(null),
    }),
    "Asks where to save, then writes the reliability report (CSV, or a self-contained HTML page) or the units × coders matrix (CSV, for R's irr and Python's krippendorff).",
  ),
  settleDisagreement: operation<ActionOutcome>()(
    z.strictObject({
      disagreementId: recordIdSchema,
      documentId,
      codeId,
      decision: z.enum(DECISIONS),
      segmentIds: z.array(segmentId).min(1).max(100),
      acceptedSegmentId: segmentId.optional(),
      note: z.string().max(MEMO_MAX_CHARS).optional(),
    }),
    "Settles a disagreement between coders: accepts one version, merges them, or marks it as discussed; the result goes to the consensus coder, the coders' own segments stay as they are.",
  ),
} as const;
