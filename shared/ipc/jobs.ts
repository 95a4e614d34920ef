/**
 * The contract's operations for one feature. Long exports and imports: how far they are, and
 * cancelling them.
 */
import { z } from '../model/zod';
import { jobId, operation } from './fields';
import type { JobProgress } from './outcomes';

/** The operations on long exports and imports: how far they are, and cancelling them. */
export const jobsOperations = {
  jobProgress: operation<JobProgress | null>()(
    z.strictObject({ jobId }),
    'How far a long export or import named by the page is; null once it has ended.',
  ),
  cancelJob: operation<{ cancelled: boolean }>()(
    z.strictObject({ jobId }),
    'Cancels a long export (no file is left behind) or import (nothing changes); false when it has already ended.',
  ),
} as const;
