// The popup's state, as plain data: the views render it, the actions change it.
import type { Failure } from '../result';
import { amongYours, type Server, type Settings, type TokenMeta, type TokenSummary } from '../storage/schema';
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
  /** The tokens the user uses, soonest expiry first. */
  yours: TokenMeta[];
  /** How many other tokens the server lists (pipelines, XNAT's page, other tools). */
  others: number;
  /** The other tokens themselves, newest first, once the user asked to see them (read from storage). */
  otherTokens: TokenMeta[] | null;
  showOthers: boolean;
  /** Shown when the server lists more than FILTER_FROM tokens: matches alias or label. */
  filter: string;
  refused: number;
  /** Tokens XNAT listed for another account than the one logged in (a planted session): not shown. */
  foreign: number;
  /** The server's container service answered when the other tokens were read (null: not asked). */
  containerService: boolean | null;
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

/** A server lists this many tokens before the popup offers a filter box. */
export const FILTER_FROM = 20;

/**
 * The current tab's server first, then the others by name. On an XNAT tab the others start
 * collapsed; from any other tab (a terminal, a notebook) every server starts open.
 */
export function initialSections(
  servers: Server[],
  tab: TabState,
  cached: Record<string, TokenSummary> = {},
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
      yours: cached[server.id]?.yours ?? [],
      others: cached[server.id]?.others ?? 0,
      otherTokens: null,
      showOthers: false,
      filter: '',
      refused: 0,
      foreign: 0,
      containerService: null,
      cached: server.id in cached,
      loading: true,
      failure: null,
      collapsed: current !== null && server.id !== current,
      busy: false,
    }));
}

const soonestFirst = (a: TokenMeta, b: TokenMeta) => a.expiry - b.expiry;
const newestFirst = (a: TokenMeta, b: TokenMeta) => b.created - a.created;

/** The section without this token (deleted, or about to move). */
export function withoutToken(section: ServerSection, tokenId: number): ServerSection {
  const wasOther = section.otherTokens?.some((t) => t.id === tokenId) ?? false;
  return {
    ...section,
    yours: section.yours.filter((t) => t.id !== tokenId),
    otherTokens: section.otherTokens?.filter((t) => t.id !== tokenId) ?? null,
    others: section.others - (wasOther ? 1 : 0),
  };
}

/** The section with this token in its place: among the user's tokens, or among the others. */
export function withToken(section: ServerSection, token: TokenMeta): ServerSection {
  const rest = withoutToken(section, token.id);
  if (amongYours(token)) return { ...rest, yours: [...rest.yours, token].sort(soonestFirst) };
  return {
    ...rest,
    otherTokens: rest.otherTokens ? [...rest.otherTokens, token].sort(newestFirst) : null,
    others: rest.others + 1,
  };
}

export function findToken(section: ServerSection, tokenId: number): TokenMeta | undefined {
  return section.yours.find((t) => t.id === tokenId) ?? section.otherTokens?.find((t) => t.id === tokenId);
}

/** Tokens whose alias or label holds the filter text (all of them without a filter). */
export function matching(tokens: TokenMeta[], filter: string): TokenMeta[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return tokens;
  return tokens.filter(
    (t) => t.alias.toLowerCase().includes(needle) || t.label?.toLowerCase().includes(needle),
  );
}
