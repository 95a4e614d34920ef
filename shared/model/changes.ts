/**
 * Changes and actions, as records. Every edit a researcher makes is an action: a label for the
 * Edit menu and a list of changes, each the state of one record before and after. The journal and
 * the history keep these; shared/edits/changes.ts applies them, forward and backward.
 */
import { adjudicationSchema } from './adjudication';
import { codeIdSchema, codeSchema } from './codebook';
import { documentSchema } from './documents';
import { recordIdSchema, utcTimeSchema } from './fields';
import { ACTION_LABEL_MAX_CHARS } from './limits';
import { segmentSchema } from './segments';
import { variableSchema } from './variables';
import { z } from './zod';

/** A label, however it was made, within ACTION_LABEL_MAX_CHARS (UTF-16 units, as the schema counts). */
export function fitActionLabel(label: string): string {
  if (label.length <= ACTION_LABEL_MAX_CHARS) return label;
  let cut = ACTION_LABEL_MAX_CHARS - 1;
  // Not between the halves of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(label[cut - 1] ?? '')) cut--;
  return `${label.slice(0, cut)}…`;
}

const id = recordIdSchema;

/** One record's state before and after (null: it does not exist), or the codebook's order. */
export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), id, before: segmentSchema.nullable(), after: segmentSchema.nullable() }),
  z.object({ kind: z.literal('code'), id, before: codeSchema.nullable(), after: codeSchema.nullable() }),
  z.object({ kind: z.literal('document'), id, before: documentSchema.nullable(), after: documentSchema.nullable() }),
  z.object({ kind: z.literal('variables'), id: z.literal('variables'), before: z.array(variableSchema), after: z.array(variableSchema) }),
  z.object({ kind: z.literal('codeOrder'), id: z.literal('codebook'), before: z.array(codeIdSchema), after: z.array(codeIdSchema) }),
  z.object({ kind: z.literal('adjudication'), id, before: adjudicationSchema.nullable(), after: adjudicationSchema.nullable() }),
]);

export type Change = z.infer<typeof changeSchema>;

/** An action as the journal and the history keep it. */
export const actionSchema = z.object({
  id,
  /** What the researcher did, in words ("Code 'a passage' as opinion"). */
  // Labels are made within the cap (action-label.ts); one saved by an older version is shortened, not refused.
  label: z.string().transform(fitActionLabel),
  /** ISO 8601 UTC. */
  at: utcTimeSchema,
  changes: z.array(changeSchema),
});

export type Action = z.infer<typeof actionSchema>;

/** Undo and redo, as the project file keeps them. */
export const historySchema = z.object({
  /** Actions that can be undone, oldest first. */
  done: z.array(actionSchema),
  /** Actions that were undone and can be redone, most recently undone last. */
  undone: z.array(actionSchema),
});

export type History = z.infer<typeof historySchema>;

/** An edit before it becomes an action: what it is called and the changes it makes. */
export interface Edit {
  label: string;
  changes: Change[];
}
