// Everything the background's handlers need from the outside world, as an interface: the worker
// passes the real browser (platform-deps.ts); tests pass in-memory fakes and the simulated XNAT.
import type { Strings } from '../i18n/strings';
import type { KeyValueStore } from '../storage/store';
import type { FetchLike } from '../xnat/http';

export interface HostPermissions {
  /** Is this match pattern (e.g. `https://xnat.example.org/*`) granted? */
  contains(pattern: string): Promise<boolean>;
  remove(pattern: string): Promise<void>;
}

export interface ContentScriptRegistry {
  /** Match patterns that have the content script registered. */
  registered(): Promise<string[]>;
  register(pattern: string): Promise<void>;
  unregister(pattern: string): Promise<void>;
}

export interface Alarms {
  create(name: string, whenMs: number): Promise<void>;
  clear(name: string): Promise<void>;
}

export interface Notifications {
  /** Same id, same notification: a later reminder for a token replaces the earlier one. */
  show(id: string, content: { title: string; message: string }): Promise<void>;
}

export interface BackgroundDeps {
  fetch: FetchLike;
  /** Time-out for each XNAT request; 15 s unless a test needs less. */
  xnatTimeoutMs?: number;
  /** storage.local: servers, token metadata and settings; never a secret. */
  local: KeyValueStore;
  /** storage.session: short-lived bookkeeping that must survive a worker restart but not the browser. */
  session: KeyValueStore;
  permissions: HostPermissions;
  contentScripts: ContentScriptRegistry;
  clipboard: {
    /** Returns the text's fingerprint (a SHA-256), to recognise it when clearing. */
    write(text: string): Promise<string>;
    /** Clears only if the clipboard still holds the text with this fingerprint; needs `canRead`. */
    clearIfUnchanged(fingerprint: string): Promise<boolean>;
    /** The optional clipboardRead permission, without which auto-clear stays off. */
    canRead(): Promise<boolean>;
  };
  alarms: Alarms;
  notifications: Notifications;
  /** The toolbar badge: a count (0 clears it) and a tooltip. */
  badge: { set(count: number, tooltip: string): Promise<void> };
  /** Opens a tab and returns its id. */
  openTab(url: string): Promise<number | undefined>;
  /** Runs the page script in a tab that was open before its host was granted. */
  injectPageScript(tabId: number): Promise<void>;
  /** The extension's own id and page origin, to tell its pages from web pages. */
  extensionId: string;
  extensionOrigin: string;
  /**
   * Work that need not hold up a reply (storing a fresh list, reminders): the worker runs it at
   * once and answers meanwhile; tests can wait for it.
   */
  afterReply(task: () => Promise<unknown>): void;
  /** The words of notifications and the badge's tooltip. */
  t: Strings;
  now(): number;
}
