// One-time notes the background keeps in storage.session for a while: what a permission prompt is
// for, or that a tab was opened to show XNAT's token tab. They survive a worker restart but not the
// browser, and a note nobody acted on expires, so a much later event cannot act on it.
import type { BackgroundDeps } from './deps';

interface Note<T> {
  at: number;
  value: T;
}

export interface SessionNotes<T> {
  put(deps: BackgroundDeps, id: string, value: T): Promise<void>;
  /** Removes and returns the live notes `wanted` picks. */
  take(deps: BackgroundDeps, wanted: (value: T, id: string) => boolean): Promise<T[]>;
}

export function sessionNotes<T>(key: string, lifetimeMs: number): SessionNotes<T> {
  const live = async (deps: BackgroundDeps): Promise<Record<string, Note<T>>> => {
    const stored = (await deps.session.get<Record<string, Note<T>>>(key)) ?? {};
    return Object.fromEntries(
      Object.entries(stored).filter(
        ([, note]) => typeof note?.at === 'number' && deps.now() - note.at < lifetimeMs,
      ),
    );
  };
  return {
    async put(deps, id, value) {
      await deps.session.set({ [key]: { ...(await live(deps)), [id]: { at: deps.now(), value } } });
    },
    async take(deps, wanted) {
      const notes = await live(deps);
      const taken = Object.entries(notes).filter(([id, note]) => wanted(note.value, id));
      if (taken.length === 0) return [];
      for (const [id] of taken) delete notes[id];
      await deps.session.set({ [key]: notes });
      return taken.map(([, note]) => note.value);
    },
  };
}
