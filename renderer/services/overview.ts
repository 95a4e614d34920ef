/** The project's overview from the main process: loaded on start, asked again after a change. */
import { update } from '../store';
import { api } from './api-client';

export async function loadProject(): Promise<void> {
  const result = await api.getProject({});
  if (result.ok) {
    update({ project: result.value, loadError: null });
  } else {
    update({ loadError: result.error.message });
  }
}

/** Asks again for the overview (counts, notices, what Undo offers); a failure leaves the last one. */
export async function refreshCounts(): Promise<void> {
  const result = await api.getProject({});
  if (result.ok) update({ project: result.value });
}
