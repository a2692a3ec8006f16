// The popup's behaviour without any UI: loading, granting and token actions over one state. Views
// get the state and the PopupActions; tests drive the same object with a fake backend.
import type { DeleteOld } from '../messaging/protocol';
import type { SnippetFormat } from '../snippets/format-names';
import { loginPageUrl } from '../xnat/server-identity';
import { createContext, type PopupBackend } from './context';
import { grant } from './grant';
import { load, refresh } from './load';
import type { PopupState } from './model';
import {
  copy,
  create,
  deleteLeftovers,
  keep,
  remove,
  replace,
  saveLabel,
  setFilter,
  toggleOthers,
  watch,
} from './token-actions';

export interface PopupActions {
  /** Adds the XNAT the tab shows, asking for its host first when needed. */
  addTab(): void;
  grantServer(serverId: string): void;
  refresh(serverId: string): Promise<void>;
  toggle(serverId: string): void;
  copy(serverId: string, tokenId: number, format?: SnippetFormat): Promise<void>;
  create(serverId: string): Promise<void>;
  remove(serverId: string, tokenId: number): Promise<void>;
  /** A successor copied with this token's name and reminders; this one deleted when chosen. */
  replace(serverId: string, tokenId: number, deleteOld: DeleteOld): Promise<void>;
  /** Keep a replaced token after all. */
  keep(serverId: string, tokenId: number): Promise<void>;
  /** Deletes the tokens whose container has finished. */
  deleteLeftovers(serverId: string): Promise<void>;
  saveLabel(serverId: string, tokenId: number, label: string): Promise<void>;
  watch(serverId: string, tokenId: number, watched: boolean): Promise<void>;
  toggleOthers(serverId: string): Promise<void>;
  setFilter(serverId: string, filter: string): Promise<void>;
  openLogin(serverId: string): void;
  /** XNAT's Manage Alias Tokens tab, opened by the background so that the tab shows. */
  openTokenPage(serverId: string): void;
  openOptions(): void;
  dismissNotice(): void;
}

export interface PopupController extends PopupActions {
  readonly state: PopupState;
  subscribe(listener: (state: PopupState) => void): () => void;
  load(): Promise<void>;
  /** Advances the countdowns' clock. */
  tick(): void;
}

export function createPopupController(backend: PopupBackend): PopupController {
  const ctx = createContext(backend, {
    loading: true,
    tab: { kind: 'unknown' },
    sections: [],
    settings: null,
    notice: null,
    clipboardHistoryNote: false,
    now: backend.now(),
  });
  return {
    get state() {
      return ctx.state;
    },
    subscribe: ctx.subscribe,
    load: () => load(ctx),
    tick: () => ctx.set({ now: backend.now() }),
    addTab() {
      const { tab } = ctx.state;
      if (tab.kind !== 'new-xnat') return;
      grant(ctx, tab.url, { tabId: tab.tabId, granted: tab.granted });
    },
    grantServer: (serverId) => grant(ctx, serverId),
    refresh: (serverId) => refresh(ctx, serverId),
    toggle(serverId) {
      const section = ctx.section(serverId);
      if (section) ctx.patchSection(serverId, { collapsed: !section.collapsed });
    },
    copy: (serverId, tokenId, format) => copy(ctx, serverId, tokenId, format),
    create: (serverId) => create(ctx, serverId),
    remove: (serverId, tokenId) => remove(ctx, serverId, tokenId),
    replace: (serverId, tokenId, deleteOld) => replace(ctx, serverId, tokenId, deleteOld),
    keep: (serverId, tokenId) => keep(ctx, serverId, tokenId),
    deleteLeftovers: (serverId) => deleteLeftovers(ctx, serverId),
    saveLabel: (serverId, tokenId, label) => saveLabel(ctx, serverId, tokenId, label),
    watch: (serverId, tokenId, watched) => watch(ctx, serverId, tokenId, watched),
    toggleOthers: (serverId) => toggleOthers(ctx, serverId),
    setFilter: (serverId, filter) => setFilter(ctx, serverId, filter),
    openLogin: (serverId) => void backend.openTab(loginPageUrl({ id: serverId })),
    openTokenPage: (serverId) => void backend.send('servers.openTokenPage', { serverId }).then(ctx.succeeded),
    openOptions: () => void backend.openOptions(),
    dismissNotice: () => ctx.set({ notice: null }),
  };
}
