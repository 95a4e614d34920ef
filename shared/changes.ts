/**
 * Changes and actions. Every edit a researcher makes is an action: a label for the Edit menu and
 * a list of changes, each the state of one record before and after. Applying the `after` states
 * does the action; applying the `before` states, last change first, undoes it. The journal, undo
 * and redo (kept across restarts for the last HISTORY_LIMIT actions) all work on these.
 */
import type { CodedSegment } from './segments';

/** One record's state before and after (null: it does not exist). */
export type Change = { kind: 'segment'; id: string; before: CodedSegment | null; after: CodedSegment | null };

export interface Action {
  id: string;
  /** What the researcher did, in words ("Code 'a passage' as opinion"). */
  label: string;
  /** ISO 8601 UTC. */
  at: string;
  changes: Change[];
}

export interface History {
  /** Actions that can be undone, oldest first. */
  done: Action[];
  /** Actions that were undone and can be redone, most recently undone last. */
  undone: Action[];
}

/** How many actions stay undoable, also after a restart. */
export const HISTORY_LIMIT = 200;

/** The records an action touches, as they are after it (`forward`) or before it (`backward`). */
export function statesAfter(changes: readonly Change[], direction: 'forward' | 'backward'): Change[] {
  return direction === 'forward' ? [...changes] : [...changes].reverse();
}

/**
 * Applies changes to the project's segments in place, forward (to the `after` states) or
 * backward (to the `before` states, last change first). A segment put again keeps its place.
 */
export function applyChanges(
  project: { segments: CodedSegment[] },
  changes: readonly Change[],
  direction: 'forward' | 'backward',
): void {
  for (const change of statesAfter(changes, direction)) {
    const state = direction === 'forward' ? change.after : change.before;
    const at = project.segments.findIndex((segment) => segment.id === change.id);
    if (state && at >= 0) project.segments[at] = state;
    else if (state) project.segments.push(state);
    else if (at >= 0) project.segments.splice(at, 1);
  }
}

/** Records an action as done: it can be undone, and nothing undone can be redone any more. */
export function recordDone(history: History, action: Action): void {
  history.done.push(action);
  if (history.done.length > HISTORY_LIMIT) history.done.splice(0, history.done.length - HISTORY_LIMIT);
  history.undone.length = 0;
}
