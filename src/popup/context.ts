// What the popup's actions share: the browser behind an interface, the state and how it changes,
// and the one way a failed reply reaches the user.
import { failureText } from '../i18n/failures';
import type { Strings } from '../i18n/strings';
import type { Reply } from '../messaging/protocol';
import type { Send } from '../messaging/send';
import type { Success } from '../result';
import type { Server, Settings, TokenMeta, TokenSummary } from '../storage/schema';
import { createViewStore } from '../ui/store';
import type { Notice, PopupState, ServerSection } from './model';

export interface PopupBackend {
  send: Send;
  /**
   * What the background stored last time, for the first paint: servers, each one's summary (the
   * tokens the user uses, a count of the others) and settings. Never a secret.
   */
  cached(): Promise<{ servers: Server[]; summaries: Record<string, TokenSummary>; settings: Settings }>;
  /** Every token stored for a server's account, read when the user asks to see the others. */
  storedTokens(serverId: string, account: string | undefined): Promise<TokenMeta[]>;
  activeTab(): Promise<{ id: number; url: string } | null>;
  tabLooksLikeXnat(tabId: number): Promise<boolean>;
  /** Must run inside the click handler, before any await: Firefox drops the gesture after one. */
  requestHost(pattern: string): Promise<boolean>;
  hostGranted(pattern: string): Promise<boolean>;
  openTab(url: string): Promise<unknown>;
  openOptions(): Promise<void>;
  now(): number;
  t: Strings;
}

export interface PopupContext {
  readonly backend: PopupBackend;
  readonly state: PopupState;
  set(patch: Partial<PopupState>): void;
  patchSection(serverId: string, patch: Partial<ServerSection>): void;
  section(serverId: string): ServerSection | undefined;
  notify(kind: Notice['kind'], text: string): void;
  /** True when the reply succeeded; otherwise its failure is shown, in the user's words. */
  succeeded<T>(reply: Reply<T>): reply is Success<T>;
  subscribe(listener: (state: PopupState) => void): () => void;
}

export function createContext(backend: PopupBackend, initial: PopupState): PopupContext {
  const store = createViewStore(initial);
  const context: PopupContext = {
    backend,
    get state() {
      return store.state;
    },
    set: store.set,
    subscribe: store.subscribe,
    patchSection(serverId, patch) {
      store.set({
        sections: store.state.sections.map((s) => (s.server.id === serverId ? { ...s, ...patch } : s)),
      });
    },
    section: (serverId) => store.state.sections.find((s) => s.server.id === serverId),
    notify(kind, text) {
      context.set({ notice: { kind, text } });
    },
    succeeded<T>(reply: Reply<T>): reply is Success<T> {
      if (!reply.ok) context.notify('error', failureText(reply.failure, backend.t));
      return reply.ok;
    },
  };
  return context;
}
