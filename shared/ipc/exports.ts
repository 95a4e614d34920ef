/**
 * The contract's operations for one feature. Exports of the coded data: the segments as CSV and
 * the dataset formats.
 */
import { z } from '../model/zod';
import { DATASET_FORMAT_IDS } from './export-formats';
import { jobId, operation, segmentId } from './fields';
import type { ExportOutcome } from './outcomes';

/** The operations on exports of the coded data: the segments as CSV and the dataset formats. */
export const exportsOperations = {
  exportDataset: operation<ExportOutcome>()(
    z.strictObject({ format: z.enum(DATASET_FORMAT_IDS), jobId: jobId.optional() }),
    'Asks where to save, then writes the wide table (CSV), JSON Lines in doccano format, an Excel workbook, a data package folder, or a REFI-QDA project (.qdpx).',
  ),
  exportCsv: operation<ExportOutcome>()(
    z.strictObject({
      flavour: z.enum(['standard', 'excel']),
      /** Only these segments (the rows of a retrieval); all when left out. */
      segmentIds: z.array(segmentId).max(2_000_000).optional(),
      jobId: jobId.optional(),
    }),
    'Asks where to save, then writes the coded segments as CSV (see README for the columns).',
  ),
} as const;
