/**
 * What an action, an undo or a redo did, as a change of the page's state: its segments in the
 * open document (as the main process now has them), the codebook, what Undo offers, and a line
 * that says what was done.
 */
import type { ActionOutcome } from '../../shared/ipc/outcomes';
import { compareInTextOrder, type CodedSegment } from '../../shared/model/segments';
import { mergeSorted } from '../../shared/text/span-index';
import type { MessagesState } from './messages';
import { withSegmentsChanged, type OpenDocumentSlice, type OpenDocumentState } from './open-document';
import { isVisible, type ProjectState } from './project';

type Touched = OpenDocumentSlice & ProjectState & MessagesState;

/**
 * The open document with the step's changes of its segments: one pass over its list and a merge,
 * so that undoing or redoing an action of many segments (all hits of a search) costs the list
 * once, not once per segment.
 */
function withSegmentChanges(state: Touched, open: OpenDocumentState, step: ActionOutcome): OpenDocumentState {
  // A segment changed twice in one step ends as its last change says.
  const last = new Map<string, CodedSegment | null>();
  for (const { id, documentId, segment } of step.segments) if (documentId === open.document.id) last.set(id, segment);
  if (!last.size) return open;
  const removed: CodedSegment[] = [];
  const kept: CodedSegment[] = [];
  for (const segment of open.segments) (last.has(segment.id) ? removed : kept).push(segment);
  const added: CodedSegment[] = [];
  for (const segment of last.values()) if (segment && isVisible(state, segment)) added.push(segment);
  added.sort(compareInTextOrder);
  return withSegmentsChanged(open, mergeSorted(kept, added, compareInTextOrder), removed, added);
}

/** The state once `step` is shown, with `message` (and the step's notes) in the message bar. */
export function withOutcome(state: Touched, step: ActionOutcome, message: string): Partial<Touched> {
  const open = state.open;
  let openState = open && withSegmentChanges(state, open, step);
  for (const { id, document } of step.documents) {
    if (openState && openState.document.id === id) openState = document ? { ...openState, document } : null;
  }
  // The details shown keep the segments the step left alone or put back.
  const touched = new Set(step.segments.map((change) => change.id));
  const present = (id: string) => !touched.has(id) || !!openState?.change?.added.some((s) => s.id === id);
  return {
    open: openState,
    project: state.project && { ...state.project, history: step.history, codes: step.codes ?? state.project.codes },
    popover:
      state.popover && openState
        ? { ...state.popover, segmentIds: state.popover.segmentIds.filter(present) }
        : null,
    message: { kind: 'info', text: [message, ...step.notes].join(' ') },
  };
}
