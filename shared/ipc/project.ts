/**
 * The contract's operations for one feature. The open project: its overview, the coder, blind
 * coding.
 */
import type { Code } from '../model/codebook';
import { CODER_NAME_MAX_CHARS } from '../model/limits';
import type { VariableDefinition } from '../model/variables';
import { z } from '../model/zod';
import type { DocumentSummary } from '../views/overview';
import { operation } from './fields';

export type { DocumentSummary } from '../views/overview';

export interface ProjectOverview {
  name: string;
  /** Folder that holds the project. */
  folder: string;
  /** Path of the project file. */
  file: string;
  /** Name recorded on the segments this user makes. */
  coder: string;
  /** False until the researcher has said who is coding (the page asks on first start). */
  coderConfirmed: boolean;
  /**
   * Blind coding: while true, only the current coder's segments are sent to the page (and the
   * counts count only theirs); agreement and adjudication are closed.
   */
  blind: boolean;
  /** Everyone who has coded in this project (and the current coder), by name. */
  coders: string[];
  documents: DocumentSummary[];
  codes: Code[];
  /** Things the researcher must be told on opening (a damaged project file kept aside, ...). */
  notices: string[];
  /** What Undo and Redo would take back or do again, in words; null when nothing. */
  history: { undo: string | null; redo: string | null };
  /** The document variables, in column order. */
  variables: VariableDefinition[];
}

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
