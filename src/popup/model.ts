// The popup's state, as plain data: the views render it, the actions change it.
import type { Failure } from '../result';
import type { Server, Settings, TokenMeta } from '../storage/schema';
import { serverForUrl } from '../xnat/server-identity';

export type TabState =
  | { kind: 'unknown' }
  | { kind: 'not-xnat' }
  /**
   * An XNAT page the extension does not know: offer to add it, asking for its host's access first
   * unless already granted (another server on that host).
   */
  | { kind: 'new-xnat'; url: string; host: string; tabId: number; granted: boolean }
  | { kind: 'known'; serverId: string };

export interface ServerSection {
  server: Server;
  tokens: TokenMeta[];
  refused: number;
  /** The list shown came from cache; a fresh one is on its way. */
  cached: boolean;
  loading: boolean;
  failure: Failure | null;
  collapsed: boolean;
  busy: boolean;
}

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface PopupState {
  loading: boolean;
  tab: TabState;
  sections: ServerSection[];
  settings: Settings | null;
  notice: Notice | null;
  /** Shown once, the first time something is copied. */
  clipboardHistoryNote: boolean;
  /** This computer's clock for countdowns, advanced by the popup's own ticker. */
  now: number;
}

/** Which known server the tab shows; `unknown` when none (it may still be XNAT). */
export function tabOnKnownServer(tab: { id: number; url: string } | null, servers: Server[]): TabState {
  if (!tab || !/^https?:/.test(tab.url)) return { kind: 'not-xnat' };
  const server = serverForUrl(tab.url, servers);
  return server ? { kind: 'known', serverId: server.id } : { kind: 'unknown' };
}

/**
 * The current tab's server first, then the others by name. On an XNAT tab the others start
 * collapsed; from any other tab (a terminal, a notebook) every server starts open.
 */
export function initialSections(
  servers: Server[],
  tab: TabState,
  cachedTokens: Record<string, TokenMeta[]> = {},
): ServerSection[] {
  const current = tab.kind === 'known' ? tab.serverId : null;
  return [...servers]
    .sort(
      (a, b) =>
        Number(b.id === current) - Number(a.id === current) ||
        a.siteId.localeCompare(b.siteId) ||
        a.id.localeCompare(b.id),
    )
    .map((server) => ({
      server,
      tokens: cachedTokens[server.id] ?? [],
      refused: 0,
      cached: server.id in cachedTokens,
      loading: true,
      failure: null,
      collapsed: current !== null && server.id !== current,
      busy: false,
    }));
}
