/**
 * Finding the records an edit names, or failing with a message that says which is missing: every
 * kind of edit checks its input through these before it makes a change.
 */
import type { DocumentRecord } from '../model/documents';
import type { ProjectState } from '../model/project';
import { WorkbenchFailure } from '../model/failure';
import type { CodedSegment } from '../model/segments';
import type { VariableDefinition } from '../model/variables';
import { segmentWithId } from '../model/segment-table';

/** Throws unless the codebook holds the code. */
export function requireCode(state: ProjectState, codeId: string): void {
  if (!state.codes.some((code) => code.id === codeId)) throw new WorkbenchFailure('not-found', `There is no code ${codeId} in the codebook.`);
}

/** The segment with this id, or a failure saying there is none. */
export function findSegment(state: ProjectState, segmentId: string): CodedSegment {
  const segment = segmentWithId(state, segmentId);
  if (!segment) throw new WorkbenchFailure('not-found', `There is no coded segment ${segmentId}.`);
  return segment;
}

/** The document with this id, or a failure saying there is none. */
export function findDocument(state: ProjectState, documentId: string): DocumentRecord {
  const document = state.documents.find((d) => d.id === documentId);
  if (!document) throw new WorkbenchFailure('not-found', `There is no document ${documentId} in this project.`);
  return document;
}

/** The variable with this name, or a failure saying there is none. */
export function findVariable(state: ProjectState, name: string): VariableDefinition {
  const variable = state.variables.find((v) => v.name === name);
  if (!variable) throw new WorkbenchFailure('not-found', `There is no variable “${name}”.`);
  return variable;
}
