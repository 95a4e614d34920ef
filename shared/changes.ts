/**
 * Changes and actions. Every edit a researcher makes is an action: a label for the Edit menu and
 * a list of changes, each the state of one record before and after. Applying the `after` states
 * does the action; applying the `before` states, last change first, undoes it. The journal, undo
 * and redo (kept across restarts for the last HISTORY_LIMIT actions) all work on these.
 */
import type { Code } from './codebook';
import type { DocumentRecord } from './documents';
import type { VariableDefinition } from './variables';
import type { CodedSegment } from './segments';

/** One record's state before and after (null: it does not exist), or the codebook's order. */
export type Change =
  | { kind: 'segment'; id: string; before: CodedSegment | null; after: CodedSegment | null }
  | { kind: 'code'; id: string; before: Code | null; after: Code | null }
  | { kind: 'document'; id: string; before: DocumentRecord | null; after: DocumentRecord | null }
  | { kind: 'variables'; id: 'variables'; before: VariableDefinition[]; after: VariableDefinition[] }
  | { kind: 'codeOrder'; id: 'codebook'; before: string[]; after: string[] };

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

/** Puts a record in its list (keeping its place if it is there) or takes it out (null). */
function put<T extends { id: string }>(list: T[], id: string, state: T | null): void {
  const at = list.findIndex((item) => item.id === id);
  if (state && at >= 0) list[at] = state;
  else if (state) list.push(state);
  else if (at >= 0) list.splice(at, 1);
}

/** The codes in the order of `ids` (codes not named keep their order, after the others). */
function ordered(codes: readonly Code[], ids: readonly string[]): Code[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  return [...codes].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

/**
 * Applies changes to the project in place, forward (to the `after` states) or backward (to the
 * `before` states, last change first). A record put again keeps its place.
 */
export function applyChanges(
  project: { segments: CodedSegment[]; codes: Code[]; documents: DocumentRecord[]; variables?: VariableDefinition[] },
  changes: readonly Change[],
  direction: 'forward' | 'backward',
): void {
  const forward = direction === 'forward';
  for (const change of statesAfter(changes, direction)) {
    if (change.kind === 'segment') put(project.segments, change.id, forward ? change.after : change.before);
    else if (change.kind === 'code') put(project.codes, change.id, forward ? change.after : change.before);
    else if (change.kind === 'document') put(project.documents, change.id, forward ? change.after : change.before);
    else if (change.kind === 'variables') project.variables = [...(forward ? change.after : change.before)];
    else project.codes.splice(0, project.codes.length, ...ordered(project.codes, forward ? change.after : change.before));
  }
}

/** Records an action as done: it can be undone, and nothing undone can be redone any more. */
export function recordDone(history: History, action: Action): void {
  history.done.push(action);
  if (history.done.length > HISTORY_LIMIT) history.done.splice(0, history.done.length - HISTORY_LIMIT);
  history.undone.length = 0;
}
