/**
 * The contract's operations for one feature. Undo and redo, across documents and restarts.
 */
import { z } from '../model/zod';
import { operation } from './fields';
import type { ActionOutcome } from './outcomes';

/** The operations on undo and redo, across documents and restarts. */
export const historyOperations = {
  undo: operation<ActionOutcome | null>()(
    z.strictObject({}),
    'Takes back the last action (of any document); null when there is nothing to undo.',
  ),
  redo: operation<ActionOutcome | null>()(
    z.strictObject({}),
    'Does again the last action taken back; null when there is nothing to redo.',
  ),
} as const;
