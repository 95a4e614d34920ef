/** The store as React components read it: a slice that redraws them when it changes, and drafts. */
import { useSyncExternalStore } from 'react';
import { selectDraft, withDraft } from './drafts';
import { getState, subscribe, update, type State } from './state';

/** Reads a slice of the state in a component; re-renders when that slice changes. */
export function useStore<T>(selector: (state: State) => T): T {
  return useSyncExternalStore(subscribe, () => selector(getState()));
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
