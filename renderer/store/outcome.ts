/**
 * What an action, an undo or a redo did, as a change of the page's state: its segments in the
 * open document (as the main process now has them), the codebook, what Undo offers, and a line
 * that says what was done.
 */
import type { ActionOutcome } from '../../shared/ipc/outcomes';
import { insertInTextOrder } from '../../shared/model/segments';
import type { MessagesState } from './messages';
import type { OpenDocumentSlice } from './open-document';
import { isVisible, type ProjectState } from './project';

type Touched = OpenDocumentSlice & ProjectState & MessagesState;

/** The state once `step` is shown, with `message` (and the step's notes) in the message bar. */
export function withOutcome(state: Touched, step: ActionOutcome, message: string): Partial<Touched> {
  const open = state.open;
  let segments = open?.segments ?? [];
  for (const { id, documentId, segment } of step.segments) {
    if (!open || documentId !== open.document.id) continue;
    segments = segments.filter((s) => s.id !== id);
    if (segment && isVisible(state, segment)) segments = insertInTextOrder(segments, segment);
  }
  let openState = open && { ...open, segments };
  for (const { id, document } of step.documents) {
    if (openState && openState.document.id === id) openState = document ? { ...openState, document } : null;
  }
  return {
    open: openState,
    project: state.project && { ...state.project, history: step.history, codes: step.codes ?? state.project.codes },
    popover:
      state.popover && openState
        ? { ...state.popover, segmentIds: state.popover.segmentIds.filter((id) => segments.some((s) => s.id === id)) }
        : null,
    message: { kind: 'info', text: [message, ...step.notes].join(' ') },
  };
}
