/**
 * The check an action passes before it changes anything: the journal and the project file are
 * read back through the project's schema, so an action it would refuse on the next start is
 * refused now, in words that name the field that does not fit.
 */
import type { Action } from '../../shared/model/changes';
import { actionSchema } from '../../shared/model/changes';
import { WorkbenchFailure } from '../../shared/model/failure';

/** Throws an 'invalid-input' failure unless the action can be saved and read back. */
export function refuseUnsavable(action: Action): void {
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
