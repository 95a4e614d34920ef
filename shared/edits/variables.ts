/**
 * The edits a researcher makes to document variables, as actions: defining a variable, removing
 * it with every document's value of it, and setting a document's value (checked against its type).
 */
import type { Change, Edit } from '../model/changes';
import type { ProjectState } from '../model/project';
import { checkDefinition, checkValue, type VariableDefinition, type VariableValue } from '../model/variables';
import { actionLabel } from './action-label';
import { findDocument, findVariable } from './find';

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
