/**
 * The save watch: a change sent to the main process is pending until it is durable; a failed save
 * keeps the change and is watched until the main process's retries have put everything on disk;
 * any other failure puts the page back as it was and says why.
 */
import type { Result, WorkbenchError } from '../../shared/ipc/result';
import { getState, update } from '../store';
import { saved, withPending } from '../store/saving';
import { api } from './api-client';
import { showMessage } from './page';
import { refreshCounts } from './overview';

/** How long after a failed save the page asks again whether saving works. */
const RECOVERY_CHECK_MS = 3000;

/** After a failed save, asks the main process until its retries have put everything on disk. */
export function watchForRecovery(): void {
  if (getState().recoveryTimer) return;
  const timer = setTimeout(async () => {
    update({ recoveryTimer: null });
    const result = await api.getProject({});
    const saveError = getState().saveError;
    if (result.ok && saveError && !result.value.notices.includes(saveError)) {
      update({ saveError: null, pending: new Set() });
    } else if (getState().saveError) {
      watchForRecovery();
    }
  }, RECOVERY_CHECK_MS);
  update({ recoveryTimer: timer });
}

/**
 * Reports a failed call: a failed save is kept and watched; with the main process out of reach
 * the header says nothing is being saved (until it answers again); anything else is shown.
 */
export function reportFailure(error: WorkbenchError): void {
  if (error.code === 'save-failed' || error.code === 'unreachable') {
    update({ saveError: error.message });
    watchForRecovery();
  } else showMessage('error', error.message);
}

export function markPending(id: string, pending: boolean): void {
  update((current) => withPending(current, id, pending));
}

/**
 * Settles a change sent to the main process: on success it is durable; on a failed save it is
 * kept (the main process retries) and the researcher is told; on any other failure `undo` puts
 * the page back as it was and the reason is shown.
 */
export function settle<T>(id: string, result: Result<T>, onSaved: (value: T) => void, undo: () => void): void {
  if (result.ok) {
    onSaved(result.value);
    update((current) => saved(current, id));
    void refreshCounts(); // counts and what Undo would take back
    return;
  }
  // A failed save keeps the change (it stays in memory and is saved once it can be).
  if (result.error.code === 'save-failed') return reportFailure(result.error);
  markPending(id, false);
  undo();
  reportFailure(result.error);
}
