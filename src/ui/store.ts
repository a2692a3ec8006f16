// The one view store the popup and the settings page share: a state, patched whole, and listeners
// that redraw. Views render the state; controllers change it; tests read it.
export interface ViewStore<S> {
  readonly state: S;
  set(patch: Partial<S>): void;
  subscribe(listener: (state: S) => void): () => void;
}

export function createViewStore<S>(initial: S): ViewStore<S> {
  let state = initial;
  const listeners = new Set<(state: S) => void>();
  return {
    get state() {
      return state;
    },
    set(patch) {
      state = { ...state, ...patch };
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
