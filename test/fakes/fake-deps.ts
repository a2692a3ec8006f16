// In-memory stand-ins for the browser behind BackgroundDeps: storage areas, grants, content-script
// registrations, clipboard and alarms, each one inspectable by a test.

import { createHash } from 'node:crypto';
import type { BackgroundDeps } from '../../src/background/deps';
import type { KeyValueStore } from '../../src/storage/store';
import type { FetchLike } from '../../src/xnat/http';
import { t } from './strings';

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  async get<T>(key: string): Promise<T | undefined> {
    const value = this.data.get(key);
    return value === undefined ? undefined : (structuredClone(value) as T);
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys: string[]): Promise<void> {
    for (const k of keys) this.data.delete(k);
  }
  dump(): string {
    return JSON.stringify([...this.data]);
  }
}

export interface FakeDeps extends BackgroundDeps {
  local: MemoryStore;
  session: MemoryStore;
  granted: Set<string>;
  registered: Set<string>;
  clipboardWrites: string[];
  /** What the system clipboard holds (the user may copy too), and whether clipboardRead is granted. */
  clipboardState: { text: string; readGranted: boolean };
  alarmsSet: Map<string, number>;
  fetched: string[];
  shown: Map<string, { title: string; message: string }[]>;
  badgeState: { count: number; tooltip: string };
  opened: string[];
  injected: number[];
  /** Waits for the work the handlers left for after their reply. */
  settle(): Promise<void>;
}

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

export function fakeDeps(
  fetchFn: FetchLike,
  options: { granted?: string[]; now?: () => number } = {},
): FakeDeps {
  const granted = new Set(options.granted ?? []);
  const registered = new Set<string>();
  const clipboardWrites: string[] = [];
  const clipboardState = { text: '', readGranted: true };
  const alarmsSet = new Map<string, number>();
  const fetched: string[] = [];
  const shown = new Map<string, { title: string; message: string }[]>();
  const badgeState = { count: 0, tooltip: '' };
  const opened: string[] = [];
  const injected: number[] = [];
  const pending = new Set<Promise<unknown>>();
  return {
    afterReply: (task) => {
      const running = task().finally(() => pending.delete(running));
      pending.add(running);
    },
    settle: async () => {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    shown,
    badgeState,
    opened,
    injected,
    injectPageScript: async (tabId) => {
      injected.push(tabId);
    },
    t,
    notifications: {
      show: async (id, content) => {
        shown.set(id, [...(shown.get(id) ?? []), content]);
      },
    },
    badge: {
      set: async (count, tooltip) => {
        badgeState.count = count;
        badgeState.tooltip = tooltip;
      },
    },
    openTab: async (url) => {
      opened.push(url);
      return 100 + opened.length;
    },
    fetch: (input, init) => {
      fetched.push(input);
      return fetchFn(input, init);
    },
    local: new MemoryStore(),
    session: new MemoryStore(),
    granted,
    registered,
    clipboardWrites,
    clipboardState,
    alarmsSet,
    fetched,
    permissions: {
      contains: async (pattern) => granted.has(pattern),
      remove: async (pattern) => {
        granted.delete(pattern);
      },
    },
    contentScripts: {
      registered: async () => [...registered],
      register: async (pattern) => {
        if (registered.has(pattern)) throw new Error(`Duplicate script ID for ${pattern}`);
        registered.add(pattern);
      },
      unregister: async (pattern) => {
        registered.delete(pattern);
      },
    },
    clipboard: {
      write: async (text) => {
        clipboardWrites.push(text);
        clipboardState.text = text;
        return sha256(text);
      },
      clearIfUnchanged: async (expected) => {
        if (!clipboardState.readGranted || sha256(clipboardState.text) !== expected) return false;
        clipboardState.text = '';
        return true;
      },
      canRead: async () => clipboardState.readGranted,
    },
    alarms: {
      create: async (name, when) => {
        alarmsSet.set(name, when);
      },
      clear: async (name) => {
        alarmsSet.delete(name);
      },
    },
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    now: options.now ?? (() => Date.now()),
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
