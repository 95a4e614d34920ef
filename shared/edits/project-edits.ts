/**
 * The edits a researcher makes to coded segments, documents and variables, as actions (a label and
 * before/after changes) over the project as it is: coding passages, recoding, moving a segment's
 * bounds, memos, renaming and removing documents, defining variables and setting their values.
 * Pure: the store passes in the texts, the clock's time and the ids, then applies, saves and
 * undoes what comes back (the codebook's edits are in codebook.ts).
 */
import { fitActionLabel, type Change, type Edit } from '../model/changes';
import type { ProjectState } from '../model/project';
import type { DocumentRecord } from '../model/documents';
import { actionLabel } from './action-label';
import { WorkbenchFailure } from '../model/result';
import { type CodedSegment } from '../model/segments';
import { shortQuote } from '../text/short-text';
import { checkSelection, trimSelection } from '../text/selection';
import { checkDefinition, checkValue, type VariableDefinition, type VariableValue } from '../model/variables';

function codeName(state: ProjectState, codeId: string): string {
  return state.codes.find((code) => code.id === codeId)?.name ?? codeId;
}

/** Throws unless the codebook holds the code. */
export function requireCode(state: ProjectState, codeId: string): void {
  if (!state.codes.some((code) => code.id === codeId)) throw new WorkbenchFailure('not-found', `There is no code ${codeId} in the codebook.`);
}

/** The segment with this id, or a failure saying there is none. */
export function findSegment(state: ProjectState, segmentId: string): CodedSegment {
  const segment = state.segments.find((s) => s.id === segmentId);
  if (!segment) throw new WorkbenchFailure('not-found', `There is no coded segment ${segmentId}.`);
  return segment;
}

/** The document with this id, or a failure saying there is none. */
export function findDocument(state: ProjectState, documentId: string): DocumentRecord {
  const document = state.documents.find((d) => d.id === documentId);
  if (!document) throw new WorkbenchFailure('not-found', `There is no document ${documentId} in this project.`);
  return document;
}

function findVariable(state: ProjectState, name: string): VariableDefinition {
  const variable = state.variables.find((v) => v.name === name);
  if (!variable) throw new WorkbenchFailure('not-found', `There is no variable “${name}”.`);
  return variable;
}

/**
 * A selection checked (inside the text, not only white space) and then trimmed of the white
 * space and line breaks at its edges, which a selection from a blank line picks up unseen.
 */
function trimmedSelection(text: string, start: number, end: number): { start: number; end: number } {
  checkSelection(text, start, end);
  return trimSelection(text, start, end);
}

/** A new segment of the current coder over [start, end) of a text (checked and trimmed first). */
function newSegment(state: ProjectState, span: { id: string; documentId: string; codeId: string; start: number; end: number }, text: string, now: string): CodedSegment {
  const { start, end } = trimmedSelection(text, span.start, span.end);
  return { ...span, start, end, quote: text.slice(start, end), coder: state.coder, createdAt: now, updatedAt: now, memo: '' };
}

/** Codes a passage. */
export function codePassage(
  state: ProjectState,
  input: { id: string; documentId: string; codeId: string; start: number; end: number },
  text: string,
  now: string,
): Edit & { segment: CodedSegment } {
  requireCode(state, input.codeId);
  const segment = newSegment(state, input, text, now);
  if (state.segments.some((s) => s.id === input.id)) throw new WorkbenchFailure('conflict', `A coded segment with id ${input.id} already exists.`);
  return {
    label: actionLabel`Code “${shortQuote(segment.quote)}” as ${codeName(state, segment.codeId)}`,
    changes: [{ kind: 'segment', id: segment.id, before: null, after: segment }],
    segment,
  };
}

/**
 * Codes many passages at once (the hits of a search) as one action. A passage the current coder
 * has already coded with the code is left as it is; nothing left to code is a failure.
 */
export function codePassages(
  state: ProjectState,
  input: { codeId: string; spans: ReadonlyArray<{ documentId: string; start: number; end: number }>; label: string },
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
    const segment = newSegment(state, { id: newId(), codeId: input.codeId, ...trimmed }, text, now);
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

/** Renames a document or writes its memo. */
export function updateDocument(state: ProjectState, input: { documentId: string; title?: string; memo?: string }): Edit {
  const document = findDocument(state, input.documentId);
  const title = input.title?.trim();
  if (input.title !== undefined && !title) throw new WorkbenchFailure('invalid-input', 'A document needs a title.');
  const changed: DocumentRecord = { ...document, title: title ?? document.title, memo: input.memo ?? document.memo };
  const label = changed.title !== document.title ? actionLabel`Rename “${document.title}” to “${changed.title}”` : actionLabel`Edit the memo of “${document.title}”`;
  return { label, changes: [{ kind: 'document', id: document.id, before: document, after: changed }] };
}

/** Removes a document and its coded segments, as one action (Undo brings them back). */
export function removeDocument(state: ProjectState, input: { documentId: string }): Edit {
  const document = findDocument(state, input.documentId);
  const segments = state.segments.filter((segment) => segment.documentId === document.id);
  return {
    label: actionLabel`Remove “${document.title}” and its ${segments.length} coded segment${segments.length === 1 ? '' : 's'}`,
    changes: [
      ...segments.map((segment): Change => ({ kind: 'segment', id: segment.id, before: segment, after: null })),
      { kind: 'document', id: document.id, before: document, after: null },
    ],
  };
}

/** Adds a document variable (a column of the variables table and of the CSV export). */
export function defineVariable(state: ProjectState, input: VariableDefinition): Edit {
  const variable = checkDefinition(input, state.variables);
  return {
    label: actionLabel`Add the variable “${variable.name}”`,
    changes: [{ kind: 'variables', id: 'variables', before: [...state.variables], after: [...state.variables, variable] }],
  };
}

/** Removes a variable and every document's value of it, as one action. */
export function removeVariable(state: ProjectState, input: { name: string }): Edit {
  const variable = findVariable(state, input.name);
  const documents: Change[] = state.documents
    .filter((d) => input.name in d.values)
    .map((d) => {
      const { [input.name]: _dropped, ...values } = d.values;
      return { kind: 'document', id: d.id, before: d, after: { ...d, values } };
    });
  return {
    label: actionLabel`Remove the variable “${variable.name}”`,
    changes: [...documents, { kind: 'variables', id: 'variables', before: [...state.variables], after: state.variables.filter((v) => v !== variable) }],
  };
}

/** Sets (or, with null, clears) a document's value of a variable, checked against its type. */
export function setDocumentValue(state: ProjectState, input: { documentId: string; name: string; value: VariableValue }): Edit {
  const document = findDocument(state, input.documentId);
  const variable = findVariable(state, input.name);
  const value = checkValue(variable, input.value);
  const values = { ...document.values };
  if (value === null) delete values[variable.name];
  else values[variable.name] = value;
  return {
    label: value === null ? actionLabel`Clear ${variable.name} of “${document.title}”` : actionLabel`Set ${variable.name} of “${document.title}” to ${value}`,
    changes: [{ kind: 'document', id: document.id, before: document, after: { ...document, values } }],
  };
}
