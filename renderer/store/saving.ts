/**
 * Saving as the page sees it: the segments whose last change is not yet on disk, why the last
 * save failed, and the timer that asks the main process until its retries have worked.
 */
export interface SavingState {
  /** Segment ids whose last change is not yet on disk. */
  pending: ReadonlySet<string>;
  /** Why the last save failed; null once a save succeeds. */
  saveError: string | null;
  /** The next look at whether saving works again, while one is due. */
  recoveryTimer: ReturnType<typeof setTimeout> | null;
}

export const savingInitial: SavingState = { pending: new Set(), saveError: null, recoveryTimer: null };

/** `id` marked as waiting for the disk, or no longer. */
export function withPending(state: SavingState, id: string, pending: boolean): Partial<SavingState> {
  const next = new Set(state.pending);
  if (pending) next.add(id);
  else next.delete(id);
  return { pending: next };
}

/** After a change reached the disk: the error goes once nothing else waits. */
export function saved(state: SavingState, id: string): Partial<SavingState> {
  const { pending } = withPending(state, id, false) as { pending: ReadonlySet<string> };
  return pending.size === 0 ? { pending, saveError: null } : { pending };
}
