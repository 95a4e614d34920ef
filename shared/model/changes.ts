/**
 * Changes and actions, as records. Every edit a researcher makes is an action: a label for the
 * Edit menu and a list of changes, each the state of one record before and after. The journal
 * keeps these whole; the history keeps one side of each (the other is the project's state);
 * shared/edits/changes.ts applies them, forward and backward.
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

/**
 * One side of a change, as the history keeps it: the record's state before the action (in an
 * action that can be undone) or after it (in one that was undone). The other side is the
 * project's own state: history is a stack, so while an action is the last one done, every record
 * it touched is as the action left it, and once it is undone, as it found it.
 */
export const priorChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), id, before: segmentSchema.nullable() }),
  z.object({ kind: z.literal('code'), id, before: codeSchema.nullable() }),
  z.object({ kind: z.literal('document'), id, before: documentSchema.nullable() }),
  z.object({ kind: z.literal('variables'), id: z.literal('variables'), before: z.array(variableSchema) }),
  z.object({ kind: z.literal('codeOrder'), id: z.literal('codebook'), before: z.array(codeIdSchema) }),
  z.object({ kind: z.literal('adjudication'), id, before: adjudicationSchema.nullable() }),
]);

/** The `after` side of a change, for an action that was undone (see priorChangeSchema). */
export const laterChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), id, after: segmentSchema.nullable() }),
  z.object({ kind: z.literal('code'), id, after: codeSchema.nullable() }),
  z.object({ kind: z.literal('document'), id, after: documentSchema.nullable() }),
  z.object({ kind: z.literal('variables'), id: z.literal('variables'), after: z.array(variableSchema) }),
  z.object({ kind: z.literal('codeOrder'), id: z.literal('codebook'), after: z.array(codeIdSchema) }),
  z.object({ kind: z.literal('adjudication'), id, after: adjudicationSchema.nullable() }),
]);

export type PriorChange = z.infer<typeof priorChangeSchema>;
export type LaterChange = z.infer<typeof laterChangeSchema>;

const actionFields = {
  id,
  label: z.string().transform(fitActionLabel),
  at: utcTimeSchema,
};

/**
 * An action that can be undone, as the history keeps it: each change's `before` only (null for
 * a record the action added), so an action of 100,000 new segments costs the project file their
 * ids, not a second copy of each.
 */
export const doneActionSchema = z.object({ ...actionFields, changes: z.array(priorChangeSchema) });
/** An action that was undone and can be redone: each change's `after` only. */
export const undoneActionSchema = z.object({ ...actionFields, changes: z.array(laterChangeSchema) });

export type DoneAction = z.infer<typeof doneActionSchema>;
export type UndoneAction = z.infer<typeof undoneActionSchema>;

/** Undo and redo, as the project file keeps them. */
export const historySchema = z.object({
  /** Actions that can be undone, oldest first. */
  done: z.array(doneActionSchema),
  /** Actions that were undone and can be redone, most recently undone last. */
  undone: z.array(undoneActionSchema),
});

export type History = z.infer<typeof historySchema>;

/** An edit before it becomes an action: what it is called and the changes it makes. */
export interface Edit {
  label: string;
  changes: Change[];
}
