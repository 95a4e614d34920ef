/** The store as React components read it: a slice that redraws them when it changes, and drafts. */
import { useSyncExternalStore } from 'react';
import { selectDraft, withDraft } from './drafts';
import { getState, subscribe, update, type State } from './state';

/** Components' listeners told of a change while redraws are held (see holdRedraws), in order. */
let held: Set<() => void> | null = null;

/**
 * Subscribes a component to the store: told of every change at once, or, while redraws are held,
 * once they are released.
 */
function subscribeComponent(listener: () => void): () => void {
  const stop = subscribe(() => {
    if (held) held.add(listener);
    else listener();
  });
  return () => {
    held?.delete(listener);
    stop();
  };
}

/** Reads a slice of the state in a component; re-renders when that slice changes. */
export function useStore<T>(selector: (state: State) => T): T {
  return useSyncExternalStore(subscribeComponent, () => selector(getState()));
}

/**
 * Holds the components' redraws until the returned release is called: the store changes at once
 * (and its other subscribers, the text view's among them, follow it at once), while the panels
 * that show the change are drawn after it. A key press codes a passage this way, so that its frame
 * holds the highlight alone (redrawing the panels cost milliseconds of it). Held already: the
 * outer hold releases them all, and this release does nothing.
 */
export function holdRedraws(): () => void {
  if (held) return () => undefined;
  const listeners = new Set<() => void>();
  held = listeners;
  return () => {
    if (held !== listeners) return;
    held = null;
    for (const listener of listeners) listener();
  };
}

/**
 * The draft of a form field that saves only when submitted, kept in the store so that it outlives
 * its panel: [text, set text].
 */
export function useDraft(field: string): [string, (text: string | ((current: string) => string)) => void] {
  const text = useStore(selectDraft(field));
  const setText = (next: string | ((current: string) => string)) => update((s) => withDraft(s, field, next));
  return [text, setText];
}
