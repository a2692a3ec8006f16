// XNAT empties and rebuilds its token table after every create and delete: the page is watched and
// each new table decorated as it appears. A click on XNAT's own Create button, followed by a new row,
// marks that token as the user's.
import { decorateTable, type PageOptions } from './decorate';
import { findTokenTable, SELECTORS, tokenRows } from './page';

/** How long after a click on XNAT's Create button a new row counts as the token it made. */
const CREATE_WINDOW_MS = 30_000;

/** Decorates whatever token table the page shows now and after every rebuild. */
export function watchTokenPage(doc: Document, options: PageOptions): void {
  const now = options.now ?? Date.now;
  let current: { table: HTMLTableElement; controller: AbortController; ids: Set<number> } | null = null;
  let createClicked: { at: number; before: Set<number> } | null = null;
  const decorate = (table: HTMLTableElement, controller: AbortController, before: Set<number>) => {
    const ids = new Set(tokenRows(table).map((r) => r.id));
    current = { table, controller, ids };
    decorateTable(table, { ...options, signal: AbortSignal.any([options.signal, controller.signal]) });
    // The newest new row after the user's Create is the token they made (a pipeline minting one at
    // the same moment would be older or come later).
    if (createClicked && now() - createClicked.at < CREATE_WINDOW_MS) {
      const made = [...ids].filter((id) => !createClicked?.before.has(id) && !before.has(id));
      if (made.length) {
        createClicked = null;
        void options.actions.created(Math.max(...made));
      }
    }
  };
  // Runs inside XNAT's own task (a mutation observer), before the browser lays out the new table:
  // what is decorated here is laid out with it, once (decorate.ts says why that matters).
  const sync = () => {
    const table = findTokenTable(doc);
    if (table === current?.table) return;
    const before = current?.ids ?? new Set<number>();
    current?.controller.abort();
    current = null;
    if (table) decorate(table, new AbortController(), before);
  };
  doc.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted && (event.target as Element | null)?.closest?.(SELECTORS.createButton))
        createClicked = { at: now(), before: new Set(current?.ids ?? []) };
    },
    { capture: true, signal: options.signal },
  );
  const observer = new MutationObserver(sync);
  observer.observe(doc.body, { childList: true, subtree: true });
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    current?.controller.abort();
  });
  sync();
}
