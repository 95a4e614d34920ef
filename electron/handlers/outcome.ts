/** What an action, undo or redo did, told to the page: each segment and document it touched, as it is now. */
import type { ActionOutcome } from '../../shared/ipc/outcomes';
import { isShownTo } from '../../shared/views/blind-coding';
import type { Action } from '../../shared/model/changes';
import type { ProjectStore } from '../project/project-store';

/** What an action, undo or redo did, for the page: each segment it touched, as it is now. */
export function outcome(store: ProjectStore, action: Action, direction: 'forward' | 'backward', notes: string[]): ActionOutcome;
export function outcome(store: ProjectStore, action: Action | null, direction: 'forward' | 'backward', notes: string[]): ActionOutcome | null;
export function outcome(store: ProjectStore, action: Action | null, direction: 'forward' | 'backward', notes: string[]): ActionOutcome | null {
  if (!action) return null;
  const segments: ActionOutcome['segments'] = [];
  const documents: ActionOutcome['documents'] = [];
  for (const change of action.changes) {
    if (change.kind === 'segment') {
      // In blind coding, an action that touched other coders' segments (a merge, an undo of one) tells only of one's own.
      if (!isShownTo(store.viewer, (change.after ?? change.before)!)) continue;
      const segment = direction === 'forward' ? change.after : change.before;
      segments.push({ id: change.id, documentId: (change.after ?? change.before)!.documentId, segment });
    } else if (change.kind === 'document') {
      documents.push({ id: change.id, document: direction === 'forward' ? change.after : change.before });
    }
  }
  const touchesCodebook = action.changes.some((change) => change.kind === 'code' || change.kind === 'codeOrder');
  return {
    label: action.label,
    segments,
    codes: touchesCodebook ? [...store.codebookState().codes] : null,
    documents,
    history: store.historyLabels(),
    notes,
  };
}

/** The outcome of an action done now (not an undo), with nothing more to tell. */
export function done(store: ProjectStore, action: Action): ActionOutcome {
  return outcome(store, action, 'forward', []);
}
