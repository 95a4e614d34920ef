/**
 * The edits a researcher makes to documents, as actions: renaming one, writing its memo, and
 * removing it with its coded segments (one action, so that Undo brings them all back).
 */
import type { Change, Edit } from '../model/changes';
import type { DocumentRecord } from '../model/documents';
import type { ProjectState } from '../model/project';
import { WorkbenchFailure } from '../model/failure';
import { actionLabel } from './action-label';
import { findDocument } from './find';

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
