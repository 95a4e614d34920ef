/**
 * The undo engine. Every edit a researcher makes is an action (shared/model/changes.ts): a label
 * and a list of changes, each the state of one record before and after. Applying the `after`
 * states does the action; applying the `before` states, last change first, undoes it. The journal,
 * undo and redo (kept across restarts for the last HISTORY_LIMIT actions) all work through here.
 * It knows records, never features: no kind of edit is imported here.
 *
 * The history keeps one side of each change: an action that can be undone its `before` states, one
 * that was undone its `after` states. The other side is read from the project when the action is
 * undone or redone, since history is a stack: the records an action touched are as it left them
 * until it is undone, and as it found them until it is redone.
 */
import type { Action, Change, DoneAction, History, LaterChange, PriorChange, UndoneAction } from '../model/changes';
import type { ProjectRecords } from '../model/project';
import type { Code } from '../model/codebook';
import { segmentTableOf } from '../model/segment-table';

/** How many actions stay undoable, also after a restart. */
export const HISTORY_LIMIT = 200;

/** Puts a record in its list (keeping its place if it is there) or takes it out (null). */
function put<T extends { id: string }>(list: T[], id: string, state: T | null): void {
  const at = list.findIndex((item) => item.id === id);
  if (state && at >= 0) list[at] = state;
  else if (state) list.push(state);
  else if (at >= 0) list.splice(at, 1);
}

/** Below this many changes to one list, each is put by a search; above it, through an index. */
const INDEXED_FROM = 32;

/**
 * Puts many records in a list at once, with the same result as `put` one after another but in
 * time linear in the list (an action that codes thousands of passages would otherwise be
 * quadratic): places are found through an index, and removed records are dropped at the end.
 */
function putAll<T extends { id: string }>(list: T[], states: ReadonlyArray<{ id: string; state: T | null }>): void {
  if (states.length < INDEXED_FROM) {
    for (const { id, state } of states) put(list, id, state);
    return;
  }
  const index = new Map(list.map((item, i) => [item.id, i]));
  const removed = new Set<number>();
  for (const { id, state } of states) {
    const at = index.get(id);
    if (state && at !== undefined) list[at] = state;
    else if (state) {
      index.set(id, list.length);
      list.push(state);
    } else if (at !== undefined) {
      removed.add(at);
      index.delete(id);
    }
  }
  if (!removed.size) return;
  let kept = 0;
  for (let i = 0; i < list.length; i++) if (!removed.has(i)) list[kept++] = list[i]!;
  list.length = kept;
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
  project: ProjectRecords,
  changes: readonly Change[],
  direction: 'forward' | 'backward',
): void {
  const forward = direction === 'forward';
  // Taken back, the changes are undone last first.
  const steps = direction === 'forward' ? [...changes] : [...changes].reverse();
  for (let i = 0; i < steps.length; ) {
    const change = steps[i]!;
    if (change.kind === 'adjudication') {
      project.adjudications ??= [];
      put(project.adjudications, change.id, forward ? change.after : change.before);
      i++;
      continue;
    }
    if (change.kind === 'segment' || change.kind === 'code' || change.kind === 'document') {
      // A run of changes to one list is put at once.
      const kind = change.kind;
      let j = i;
      const run: Array<{ id: string; state: never }> = [];
      for (; j < steps.length && steps[j]!.kind === kind; j++) {
        const next = steps[j] as Extract<Change, { kind: typeof kind }>;
        run.push({ id: next.id, state: (forward ? next.after : next.before) as never });
      }
      const table = kind === 'segment' ? segmentTableOf(project) : undefined;
      if (table) for (const { id, state } of run) table.put(id, state);
      else if (kind === 'segment') putAll(project.segments, run);
      else if (kind === 'code') putAll(project.codes, run);
      else putAll(project.documents, run);
      i = j;
      continue;
    }
    if (change.kind === 'variables') project.variables = [...(forward ? change.after : change.before)];
    else project.codes.splice(0, project.codes.length, ...ordered(project.codes, forward ? change.after : change.before));
    i++;
  }
}

/** An action as the history keeps it while it can be undone: each change's `before` only. */
function doneEntry(action: Action): DoneAction {
  return { id: action.id, label: action.label, at: action.at, changes: action.changes.map(({ kind, id, before }) => ({ kind, id, before }) as PriorChange) };
}

/** An action as the history keeps it once undone: each change's `after` only. */
function undoneEntry(action: Action): UndoneAction {
  return { id: action.id, label: action.label, at: action.at, changes: action.changes.map(({ kind, id, after }) => ({ kind, id, after }) as LaterChange) };
}

/** Records an action as done: it can be undone, and nothing undone can be redone any more. */
export function recordDone(history: History, action: Action): void {
  history.done.push(doneEntry(action));
  if (history.done.length > HISTORY_LIMIT) history.done.splice(0, history.done.length - HISTORY_LIMIT);
  history.undone.length = 0;
}

type Side = Change['before'];

/** The states the project holds now of the records the changes name, one per change. */
function statesNow(project: ProjectRecords, changes: ReadonlyArray<{ kind: Change['kind']; id: string }>): Side[] {
  const table = segmentTableOf(project);
  let segments: Map<string, unknown> | undefined;
  let codes: Map<string, unknown> | undefined;
  let documents: Map<string, unknown> | undefined;
  let adjudications: Map<string, unknown> | undefined;
  const byId = <T extends { id: string }>(list: readonly T[] | undefined) => new Map((list ?? []).map((item) => [item.id, item]));
  return changes.map(({ kind, id }) => {
    switch (kind) {
      case 'segment':
        if (table) return table.get(id) ?? null;
        return ((segments ??= byId(project.segments)).get(id) ?? null) as Side;
      case 'code':
        return ((codes ??= byId(project.codes)).get(id) ?? null) as Side;
      case 'document':
        return ((documents ??= byId(project.documents)).get(id) ?? null) as Side;
      case 'adjudication':
        return ((adjudications ??= byId(project.adjudications)).get(id) ?? null) as Side;
      case 'variables':
        return [...(project.variables ?? [])] as Side;
      case 'codeOrder':
        return project.codes.map((code) => code.id) as Side;
    }
  });
}

/**
 * Undoes the last action done: applies its `before` states and keeps it to be redone with the
 * `after` states read from the project first. Returns the whole action (both sides), or null when
 * there is none.
 */
export function undoLast(project: ProjectRecords & { history: History }, history: History = project.history): Action | null {
  const entry = history.done.pop();
  if (!entry) return null;
  const after = statesNow(project, entry.changes);
  const action = { ...entry, changes: entry.changes.map((change, i) => ({ ...change, after: after[i] }) as Change) };
  applyChanges(project, action.changes, 'backward');
  history.undone.push(undoneEntry(action));
  return action;
}

/**
 * Redoes the last action undone: applies its `after` states and keeps it to be undone with the
 * `before` states read from the project first. Returns the whole action, or null when there is none.
 */
export function redoLast(project: ProjectRecords & { history: History }, history: History = project.history): Action | null {
  const entry = history.undone.pop();
  if (!entry) return null;
  const before = statesNow(project, entry.changes);
  const action = { ...entry, changes: entry.changes.map((change, i) => ({ ...change, before: before[i] }) as Change) };
  applyChanges(project, action.changes, 'forward');
  history.done.push(doneEntry(action));
  return action;
}
