/**
 * The store's engine: one state object, changed only through `update`, observed through
 * `subscribe`. It knows nothing of what the state holds (the modules beside it do), nor of React
 * (use-store.ts), so that its modules' reducers and selectors run as plain functions under Node.
 */

/** A change to the state: a patch, or a function of the current state that returns one. */
export type Change<S> = Partial<S> | ((current: S) => Partial<S>);

/** A store of a state of type S. */
export interface Store<S> {
  getState(): S;
  update(change: Change<S>): void;
  subscribe(listener: () => void): () => void;
}

/** Makes a store that starts from `initial`. */
export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    update(change) {
      const patch = typeof change === 'function' ? change(state) : change;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A selector that computes again only when its inputs change (compared one by one with ===), so
 * that a derived list stays the same object, and a component that reads it does not redraw.
 */
export function memoise<S, I extends unknown[], R>(inputs: (state: S) => readonly [...I], compute: (...inputs: I) => R): (state: S) => R {
  let last: { inputs: readonly [...I]; result: R } | null = null;
  return (state) => {
    const next = inputs(state);
    if (last && last.inputs.length === next.length && last.inputs.every((value, i) => value === next[i])) return last.result;
    last = { inputs: next, result: compute(...(next as I)) };
    return last.result;
  };
}
