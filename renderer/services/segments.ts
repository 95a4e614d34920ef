/**
 * Coded segments in the open document: coding a passage, recoding, removing, moving its bounds,
 * its memo. Every change shows at once (the page never waits on the disk), built by the same pure
 * edits the main process applies (shared/project-edits.ts), and is marked pending until the main
 * process says it is durable; a refused change is rolled back and explained.
 */
import type { RetrievalFilter, RetrievalPage } from '../../shared/views/retrieval';
import type { SegmentCounts } from '../../shared/views/segment-counts';
import { codePassage, moveBounds, recode } from '../../shared/edits/segments';
import { type ProjectState as EditedProject } from '../../shared/model/project';
import { checkSelection, moveSegmentEdge, snapToWords } from '../../shared/text/selection';
import type { CodedSegment } from '../../shared/model/segments';
import { WorkbenchFailure } from '../../shared/model/failure';
import { getState, holdRedraws, update, type OpenDocumentState, type State } from '../store';
import { withSegmentInserted, withSegmentPlaced, withSegmentReplaced, withoutSegment } from '../store/open-document';
import { withHistory } from '../store/project';
import { withPending } from '../store/saving';
import type { TextRange } from '../store/text-view';
import { afterNextFrame } from './after-frame';
import { api, sendAfterFrame } from './api-client';
import { runAction } from './history';
import { t } from '../i18n/i18n';
import { showMessage } from './page';
import { markPending, reportFailure, settle } from './save-watch';

/** The open document as the pure edits read the project: its segments, the codebook, the coder. */
function editedProject(state: State, open: OpenDocumentState): EditedProject {
  return { codes: state.project?.codes ?? [], segments: open.segments, documents: [open.document], variables: [], coder: state.project?.coder ?? '' };
}

const now = () => new Date().toISOString();

/**
 * Why a selection cannot be coded, in the interface's language. The check is shared with the main
 * process, which says it in English; the two refusals a researcher meets (nothing selected, only
 * white space) are said here in their words, the rare rest as the check says it.
 */
function selectionRefused(text: string, start: number, end: number, error: Error): string {
  if (end <= start) return t('services.coding.nothingSelected');
  if (!/\S/u.test(text.slice(start, end))) return t('services.coding.onlyWhiteSpace');
  return error.message;
}

/** A segment moved to [start, end) (trimmed of white space), as the main process would move it. */
function withBounds(state: State, open: OpenDocumentState, segment: CodedSegment, start: number, end: number): CodedSegment {
  try {
    const { changes } = moveBounds(editedProject(state, open), { segmentId: segment.id, start, end }, open.text, now());
    return changes[0].kind === 'segment' && changes[0].after ? changes[0].after : segment;
  } catch (error) {
    // The same bounds: nothing moves (the main process says so if asked to save them).
    if (error instanceof WorkbenchFailure && error.code === 'conflict') return segment;
    throw error;
  }
}

/** Codes the selected range of the open document. */
export function applyCode(codeId: string, range: TextRange | null): void {
  const state = getState();
  const { open, project } = state;
  if (!open || !project) {
    showMessage('info', t('services.coding.openDocumentFirst'));
    return;
  }
  if (range && state.snapWords) range = snapToWords(open.text, range.start, range.end);
  let segment: CodedSegment;
  try {
    checkSelection(open.text, range?.start ?? 0, range?.end ?? 0);
    // White space at the edges is left out, as the main process does, so both show the same bounds.
    // The id is new, so the segments need not be searched for it (a pass over all of them per key).
    ({ segment } = codePassage({ ...editedProject(state, open), segments: [] }, { id: crypto.randomUUID(), documentId: open.document.id, codeId, ...range! }, open.text, now()));
  } catch (error) {
    showMessage('info', selectionRefused(open.text, range?.start ?? 0, range?.end ?? 0, error as Error));
    return;
  }
  const { start, end } = segment;
  // The key's frame draws the highlight alone: the panels follow and the save request is sent once
  // it is on screen (each costs milliseconds of it; the calls keep their order, see sendAfterFrame).
  const release = holdRedraws();
  // One change of the store for the key press (each change runs every subscriber of the page).
  update((current) => ({ ...withPending(current, segment.id, true), ...withSegmentInserted(current, segment), lastCodeId: codeId, message: null }));
  afterNextFrame(release);
  void sendAfterFrame(() => api.addSegment({ id: segment.id, documentId: segment.documentId, codeId, start, end }))
    .then((result) =>
      settle(
        segment.id,
        result,
        (saved) => update((current) => withSegmentReplaced(current, saved)),
        () => update((current) => withoutSegment(current, segment.id)),
      ),
    );
}

export function changeSegmentCode(segmentId: string, codeId: string): void {
  const state = getState();
  const open = state.open;
  const before = open?.segments.find((s) => s.id === segmentId);
  if (!open || !before || before.codeId === codeId) return;
  let changed: ReturnType<typeof recode>;
  try {
    changed = recode(editedProject(state, open), { segmentId, codeId }, now());
  } catch (error) {
    showMessage('error', (error as Error).message);
    return;
  }
  if (!changed) return;
  const replace = (replacement: CodedSegment) => update((current) => withSegmentReplaced(current, replacement));
  markPending(segmentId, true);
  replace(changed.segment);
  void api.setSegmentCode({ segmentId, codeId }).then((result) => settle(segmentId, result, replace, () => replace(before)));
}

export function removeSegment(segmentId: string): void {
  const before = getState().open?.segments.find((s) => s.id === segmentId);
  if (!before) return;
  markPending(segmentId, true);
  update((current) => withoutSegment(current, segmentId));
  void api.removeSegment({ segmentId }).then((result) =>
    settle(
      segmentId,
      result,
      () => undefined,
      () => update((current) => withSegmentInserted(current, before)),
    ),
  );
}

/** Sends a segment's new bounds to the main process (after the page already shows them), after those sent before. */
function commitBounds(segment: CodedSegment, start: number, end: number): void {
  markPending(segment.id, true);
  const queue = getState().boundsQueue.then(async () => {
    const result = await api.setSegmentBounds({ segmentId: segment.id, start, end });
    markPending(segment.id, false);
    // The page already shows these bounds; only what Undo offers changes.
    if (result.ok) update((current) => withHistory(current, result.value.history));
    else {
      update((current) => withSegmentPlaced(current, segment));
      reportFailure(result.error);
    }
  });
  update({ boundsQueue: queue });
}

/** Shows a segment with new bounds at once; with `commit`, saves them as one undoable action. */
export function moveSegmentTo(segmentId: string, start: number, end: number, commit: boolean, original?: CodedSegment): void {
  const state = getState();
  const open = state.open;
  const segment = open?.segments.find((s) => s.id === segmentId);
  if (!open || !segment || end <= start || !/\S/.test(open.text.slice(start, end))) return;
  const moved = withBounds(state, open, segment, start, end);
  update((current) => withSegmentPlaced(current, moved));
  const from = original ?? segment;
  if (commit && (moved.start !== from.start || moved.end !== from.end)) commitBounds(from, moved.start, moved.end);
}

/**
 * Moves one edge of a segment by a character or a word. The highlight moves at once; the changes
 * go to the main process one after another, each an undoable action. Returns the new bounds.
 */
export function adjustSegment(segmentId: string, edge: 'start' | 'end', direction: -1 | 1, byWord: boolean): TextRange | null {
  const state = getState();
  const open = state.open;
  const segment = open?.segments.find((s) => s.id === segmentId);
  if (!open || !segment) return null;
  const { start, end } = moveSegmentEdge(open.text, segment, edge, direction, byWord);
  try {
    checkSelection(open.text, start, end);
  } catch (error) {
    showMessage('info', selectionRefused(open.text, start, end, error as Error));
    return null;
  }
  const moved = withBounds(state, open, segment, start, end);
  update((current) => withSegmentPlaced(current, moved));
  commitBounds(segment, moved.start, moved.end);
  return { start: moved.start, end: moved.end };
}

export function setSegmentMemo(segmentId: string, memo: string): Promise<boolean> {
  return runAction(api.setSegmentMemo({ segmentId, memo }));
}

/**
 * One page of the coded segments that pass the filter, in the retrieval view's order (only the
 * coder's own in blind coding); null when it failed (and said why).
 */
export async function retrieveSegments(filter: RetrievalFilter, offset: number, limit: number): Promise<RetrievalPage | null> {
  const result = await api.retrieveSegments({ filter, offset, limit });
  if (result.ok) return result.value;
  showMessage('error', result.error.message);
  return null;
}

/** The ids of every coded segment that passes the filter (to export what the view shows); null when it failed. */
export async function retrievedSegmentIds(filter: RetrievalFilter): Promise<string[] | null> {
  const result = await api.listSegmentIds({ filter });
  if (result.ok) return result.value;
  showMessage('error', result.error.message);
  return null;
}

/** How many coded segments each code has and in how many documents (the coder's own in blind coding); null when it failed. */
export async function countSegments(): Promise<SegmentCounts | null> {
  const result = await api.countSegments({});
  return result.ok ? result.value : null;
}
