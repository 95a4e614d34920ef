/**
 * The check an action passes before it changes anything: the journal and the project file are
 * read back through the project's schema, so an action it would refuse on the next start is
 * refused now, in words that name the field that does not fit. An action of segments only ("code
 * all hits" makes 100,000 of them) is checked by hand (segment-check.ts), which only accepts: an
 * action it has any doubt about goes through the schema, which then says what does not fit.
 */
import type { Action } from '../../shared/model/changes';
import { actionSchema } from '../../shared/model/changes';
import { WorkbenchFailure } from '../../shared/model/failure';
import { checkedSegment, fieldCount, isId, isTime } from '../../shared/model/segment-check';

/** A side of a segment change as the schema takes it, checked by hand without changing it. */
function savableSegmentSide(value: unknown): boolean {
  if (value === null) return true;
  // checkedSegment fills in a missing memo or origin: such a segment is left to the schema, unchanged.
  if (!value || typeof value !== 'object') return false;
  const { memo, origin } = value as { memo?: unknown; origin?: unknown };
  if (typeof memo !== 'string' || typeof origin !== 'string') return false;
  return checkedSegment(value) !== null;
}

/** True when the action changes segments only and each passes the hand check (the schema would take it). */
export function savableBySegmentCheck(action: Action): boolean {
  if (!isId(action.id) || typeof action.label !== 'string' || !isTime(action.at) || !Array.isArray(action.changes)) return false;
  if (fieldCount(action) !== 4) return false;
  for (const change of action.changes as unknown[]) {
    if (!change || typeof change !== 'object') return false;
    const c = change as { kind?: unknown; id?: unknown; before?: unknown; after?: unknown };
    if (c.kind !== 'segment' || !isId(c.id) || fieldCount(c) !== 4) return false;
    if (!savableSegmentSide(c.before) || !savableSegmentSide(c.after)) return false;
  }
  return true;
}

/** Throws an 'invalid-input' failure unless the action can be saved and read back. */
export function refuseUnsavable(action: Action): void {
  if (savableBySegmentCheck(action)) return;
  const checked = actionSchema.safeParse(action);
  if (checked.success) return;
  const issue = checked.error.issues[0]!;
  const change = issue.path[0] === 'changes' ? action.changes[issue.path[1] as number] : undefined;
  const field = issue.path.filter((part) => typeof part === 'string' && part !== 'changes' && part !== 'before' && part !== 'after').join('.');
  throw new WorkbenchFailure(
    'invalid-input',
    `This change cannot be saved: ${change ? `the ${change.kind}'s ` : ''}${field || 'input'} does not fit (${issue.message}). Nothing was changed.`,
  );
}
