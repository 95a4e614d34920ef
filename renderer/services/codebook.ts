/** The codebook's edits (each one undoable action), how much a code is used, and a codebook file brought in. */
import type { OperationInput } from '../../shared/ipc';
import { api } from './api-client';
import { runAction } from './history';
import { showMessage } from './page';

export function addCode(name: string, parentId: string | null): Promise<boolean> {
  return runAction(api.addCode({ name, parentId }));
}

export function updateCode(id: string, patch: OperationInput<'updateCode'>['patch']): Promise<boolean> {
  return runAction(api.updateCode({ id, patch }));
}

export function moveCode(id: string, toIndex: number): Promise<boolean> {
  return runAction(api.moveCode({ id, toIndex }));
}

export function mergeCodes(sourceId: string, targetId: string): Promise<boolean> {
  return runAction(api.mergeCodes({ sourceId, targetId }));
}

export function deleteCode(id: string, disposal: OperationInput<'deleteCode'>['disposal']): Promise<boolean> {
  return runAction(api.deleteCode({ id, disposal }));
}

/** How many segments and sub-codes a code has (before deleting it); null when it failed (and said why). */
export async function codeUsage(id: string): Promise<{ segments: number; subcodes: number } | null> {
  const result = await api.codeUsage({ id });
  if (result.ok) return result.value;
  showMessage('error', result.error.message);
  return null;
}

/** Brings in a codebook file (JSON, REFI-QDA codebook or CSV). */
export async function importCodebookFile(file: File): Promise<boolean> {
  return runAction(api.importCodebookFile({ name: file.name, content: await file.text() }));
}
