/**
 * The edits a researcher makes to coded segments, as actions (a label and before/after changes):
 * coding passages, recoding, moving a segment's bounds, removing it, writing its memo. Pure: the
 * store passes in the texts, the clock's time and the ids, then applies, saves and undoes what
 * comes back.
 */
import { fitActionLabel, type Change, type Edit } from '../model/changes';
import type { ProjectState } from '../model/project';
import { WorkbenchFailure } from '../model/failure';
import type { CodedSegment, SegmentOrigin } from '../model/segments';
import { checkSelection, trimSelection } from '../text/selection';
import { shortQuote } from '../text/short-text';
import { actionLabel } from './action-label';
import { findSegment, requireCode } from './find';
import { segmentWithId } from '../model/segment-table';

function codeName(state: ProjectState, codeId: string): string {
  return state.codes.find((code) => code.id === codeId)?.name ?? codeId;
}

/**
 * A selection checked (inside the text, not only white space) and then trimmed of the white
 * space and line breaks at its edges, which a selection from a blank line picks up unseen.
 */
function trimmedSelection(text: string, start: number, end: number): { start: number; end: number } {
  checkSelection(text, start, end);
  return trimSelection(text, start, end);
}

/** A new segment of the current coder over [start, end) of a text, bounds already checked and trimmed. */
function newSegment(
  state: ProjectState,
  span: { id: string; documentId: string; codeId: string; start: number; end: number },
  text: string,
  now: string,
  origin: SegmentOrigin,
): CodedSegment {
  const { id, documentId, codeId, start, end } = span;
  return { id, documentId, codeId, start, end, quote: text.slice(start, end), coder: state.coder, createdAt: now, updatedAt: now, memo: '', origin };
}

/**
 * Codes a passage. A passage coded by accepting a suggestion says so (`origin: 'suggestion'`); it
 * is still the current coder's segment.
 */
export function codePassage(
  state: ProjectState,
  input: { id: string; documentId: string; codeId: string; start: number; end: number; origin?: SegmentOrigin },
  text: string,
  now: string,
): Edit & { segment: CodedSegment } {
  requireCode(state, input.codeId);
  const segment = newSegment(state, { ...input, ...trimmedSelection(text, input.start, input.end) }, text, now, input.origin ?? 'manual');
  if (segmentWithId(state, input.id)) throw new WorkbenchFailure('conflict', `A coded segment with id ${input.id} already exists.`);
  return {
    label: actionLabel`Code “${shortQuote(segment.quote)}” as ${codeName(state, segment.codeId)}`,
    changes: [{ kind: 'segment', id: segment.id, before: null, after: segment }],
    segment,
  };
}

/**
 * Codes many passages at once (the hits of a search, or suggestions accepted together) as one
 * action. A passage the current coder has already coded with the code is left as it is; nothing
 * left to code is a failure.
 */
export function codePassages(
  state: ProjectState,
  input: { codeId: string; spans: ReadonlyArray<{ documentId: string; start: number; end: number }>; label: string; origin?: SegmentOrigin },
  texts: ReadonlyMap<string, string>,
  now: string,
  newId: () => string,
): Edit {
  requireCode(state, input.codeId);
  const key = (s: { documentId: string; start: number; end: number }) => `${s.documentId}:${s.start}:${s.end}`;
  const taken = new Set(state.segments.filter((s) => s.codeId === input.codeId && s.coder === state.coder).map(key));
  const changes: Change[] = [];
  for (const span of input.spans) {
    const text = texts.get(span.documentId);
    if (text === undefined) throw new WorkbenchFailure('not-found', `There is no document ${span.documentId} in this project.`);
    const trimmed = { documentId: span.documentId, ...trimmedSelection(text, span.start, span.end) };
    if (taken.has(key(trimmed))) continue;
    taken.add(key(trimmed));
    const segment = newSegment(state, { id: newId(), codeId: input.codeId, ...trimmed }, text, now, input.origin ?? 'manual');
    changes.push({ kind: 'segment', id: segment.id, before: null, after: segment });
  }
  if (!changes.length) throw new WorkbenchFailure('conflict', `Every one of these passages is already coded as ${codeName(state, input.codeId)}.`);
  return { label: fitActionLabel(input.label), changes };
}

/** Gives a segment another code; null when it already has it. */
export function recode(state: ProjectState, input: { segmentId: string; codeId: string }, now: string): (Edit & { segment: CodedSegment }) | null {
  const segment = findSegment(state, input.segmentId);
  requireCode(state, input.codeId);
  if (segment.codeId === input.codeId) return null;
  const changed: CodedSegment = { ...segment, codeId: input.codeId, updatedAt: now };
  return {
    label: actionLabel`Change “${shortQuote(segment.quote)}” to ${codeName(state, input.codeId)}`,
    changes: [{ kind: 'segment', id: segment.id, before: segment, after: changed }],
    segment: changed,
  };
}

/** Removes a segment. */
export function removeSegment(state: ProjectState, input: { segmentId: string }): Edit {
  const segment = findSegment(state, input.segmentId);
  return {
    label: actionLabel`Remove ${codeName(state, segment.codeId)} from “${shortQuote(segment.quote)}”`,
    changes: [{ kind: 'segment', id: segment.id, before: segment, after: null }],
  };
}

/** Moves a segment's start and end (trimmed of white space at the edges); its quote follows. */
export function moveBounds(state: ProjectState, input: { segmentId: string; start: number; end: number }, text: string, now: string): Edit {
  const segment = findSegment(state, input.segmentId);
  const { start, end } = trimmedSelection(text, input.start, input.end);
  if (start === segment.start && end === segment.end) {
    throw new WorkbenchFailure('conflict', 'The segment already covers this passage (white space at its edges is left out).');
  }
  const changed: CodedSegment = { ...segment, start, end, quote: text.slice(start, end), updatedAt: now };
  return {
    label: actionLabel`Adjust “${shortQuote(segment.quote)}” to “${shortQuote(changed.quote)}”`,
    changes: [{ kind: 'segment', id: segment.id, before: segment, after: changed }],
  };
}

/** Writes (or clears, with '') the memo of a segment. */
export function writeSegmentMemo(state: ProjectState, input: { segmentId: string; memo: string }, now: string): Edit {
  const segment = findSegment(state, input.segmentId);
  const changed: CodedSegment = { ...segment, memo: input.memo, updatedAt: now };
  return {
    label: input.memo ? actionLabel`Edit the memo on “${shortQuote(segment.quote)}”` : actionLabel`Clear the memo on “${shortQuote(segment.quote)}”`,
    changes: [{ kind: 'segment', id: segment.id, before: segment, after: changed }],
  };
}
