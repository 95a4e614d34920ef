/**
 * Actions as the main process takes them (each one undoable), Undo and Redo, and showing what
 * any of them did.
 */
import type { ActionOutcome } from '../../shared/ipc/outcomes';
import type { Result } from '../../shared/ipc/result';
import { getState, update } from '../store';
import { withOutcome } from '../store/outcome';
import { api } from './api-client';
import { refreshCounts } from './overview';
import { t } from '../i18n/i18n';
import { showMessage } from './page';
import { reportFailure } from './save-watch';

/** Shows what an action, undo or redo did: its segments in the open document, the codebook, Undo's label. */
export function applyOutcome(step: ActionOutcome, message: string): void {
  update((current) => withOutcome(current, step, message));
  void refreshCounts();
}

/** Shows what an import did (a project from another program, another coder's file) and refreshes the lists. */
export function applyImportOutcome(outcome: ActionOutcome): void {
  applyOutcome(outcome, `${outcome.label}.`);
}

/** Runs an action (a codebook edit, a memo, a rename, a removal); true when it was made. */
export async function runAction(call: Promise<Result<ActionOutcome>>): Promise<boolean> {
  const result = await call;
  if (!result.ok) {
    reportFailure(result.error);
    return false;
  }
  applyOutcome(result.value, `${result.value.label}.`);
  return true;
}

/** Takes back the last action (`undo`) or does again the last one taken back (`redo`). */
export async function stepHistory(direction: 'undo' | 'redo'): Promise<void> {
  const result = await (direction === 'undo' ? api.undo({}) : api.redo({}));
  if (!result.ok) return reportFailure(result.error);
  if (!result.value) {
    showMessage('info', direction === 'undo' ? t('services.history.nothingToUndo') : t('services.history.nothingToRedo'));
    return;
  }
  // A document brought back (an undone removal) takes the focus in the list, where it is again.
  const known = new Set(getState().project?.documents.map((d) => d.id));
  const restored = result.value.documents.find(({ id, document }) => document && !known.has(id));
  applyOutcome(result.value, direction === 'undo' ? t('services.history.undone', { label: result.value.label }) : t('services.history.redone', { label: result.value.label }));
  if (restored) update({ focusDocument: restored.id });
}
