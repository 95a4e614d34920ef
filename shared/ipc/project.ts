/**
 * The contract's operations for one feature. The open project: its overview, the coder, blind
 * coding.
 */
import { CODER_NAME_MAX_CHARS } from '../model/limits';
import { z } from '../model/zod';
import { operation } from './fields';

export type { DocumentSummary, ProjectOverview } from '../views/project-overview';
import type { ProjectOverview } from '../views/project-overview';


/** The operations on the open project: its overview, the coder, blind coding. */
export const projectOperations = {
  getProject: operation<ProjectOverview>()(
    z.strictObject({}),
    'The open project: documents with their segment counts, the codebook, the coder and notices.',
  ),
  setCoder: operation<{ coder: string }>()(
    z.strictObject({ name: z.string().min(1).max(CODER_NAME_MAX_CHARS) }),
    'Sets the coder whose name goes on the segments made from now on (saved at once; not an undoable action).',
  ),
  setBlind: operation<{ blind: boolean }>()(
    z.strictObject({ blind: z.boolean() }),
    "Turns blind coding on or off for this project (saved at once; not an undoable action): while on, every other coder's work is hidden everywhere.",
  ),
} as const;
