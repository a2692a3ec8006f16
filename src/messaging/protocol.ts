// The one protocol between the extension's views (popup, settings), the page script and the
// background: a map from request name to its payload and reply. Replies carry failures as values.
import type { FailureKind, Result } from '../result';
import type { SnippetFormat } from '../snippets/format-names';
import type { Server, Settings, TokenMeta } from '../storage/schema';

export type Reply<T> = Result<T>;

export interface TokenListing {
  server: Server;
  tokens: TokenMeta[];
  /** Tokens left out of `tokens` (the popup gets the ones the user uses, and counts the rest). */
  others: number;
  /** Tokens XNAT listed that belong to another account than the one logged in: never shown or copied. */
  foreign: number;
  /** Entries XNAT sent that failed the checks and are not shown. */
  refused: number;
  /** From cache (instant first paint) rather than fresh from XNAT. */
  cached: boolean;
}

export interface Written {
  format: SnippetFormat;
  /** Seconds until the clipboard is cleared, or 0 when auto-clear is off. */
  clearsInSeconds: number;
}

export interface CopyReceipt extends Written {
  /** The XNAT account the copied token belongs to (the one logged in). */
  account: string;
  /** The token as stored after the copy (now one the user uses); null where XNAT gives no id. */
  token: TokenMeta | null;
}

/** When a replaced token goes: at once, in an hour (a job that read it can finish), or at its expiry. */
export type DeleteOld = 'now' | 'in-1h' | 'at-expiry';

export interface Replaced {
  /** The successor, as stored: named and watched as the old one was. */
  token: TokenMeta;
  copy: Reply<CopyReceipt>;
  /** The old token as stored with its delete time (`deleteAt`), or null once deleted. */
  old: TokenMeta | null;
}

/** The other tokens of a server (pipelines, other tools), each with the container that holds it. */
export interface OtherTokens {
  tokens: TokenMeta[];
  /** The server's container service answered (false: none installed, or not allowed to say). */
  containerService: boolean;
}

/** What happened to one leftover token. */
export type LeftoverResult =
  | { id: number; alias: string; ok: true }
  | { id: number; alias: string; ok: false; failure: FailureKind };

/** Requests from the extension's own views (popup, settings): they may act on any granted server. */
export interface PrivilegedRequests {
  'servers.list': { request: Record<string, never>; response: Server[] };
  /**
   * Sent just before the view asks for a host permission: when the grant arrives, the background adds
   * the server (and decorates the tab), also if the view is gone by then.
   */
  'servers.intend': { request: { url: string; tabId?: number }; response: null };
  /** The user said no to the host permission: the intent is dropped, so no later grant acts on it. */
  'servers.cancelIntent': { request: { url: string }; response: null };
  /** After the host permission is granted: detect XNAT at this URL, remember it, decorate the tab. */
  'servers.add': { request: { url: string; tabId?: number }; response: { server: Server; isNew: boolean } };
  'servers.remove': { request: { serverId: string }; response: null };
  /** Opens the server's Manage Alias Tokens tab in a new browser tab. */
  'servers.openTokenPage': { request: { serverId: string }; response: null };
  'tokens.list': { request: { serverId: string }; response: TokenListing };
  /**
   * With `copy`, the new token's command goes on the clipboard at once (default format unless
   * `format`). `token` is null where XNAT cannot list tokens (1.7.0 issues them without an id).
   */
  'tokens.create': {
    request: { serverId: string; copy?: boolean; format?: SnippetFormat };
    response: { token: TokenMeta | null; copy: Reply<CopyReceipt> | null };
  };
  'tokens.delete': { request: { serverId: string; tokenId: number }; response: null };
  'tokens.copy': {
    request: { serverId: string; tokenId: number; format?: SnippetFormat };
    response: CopyReceipt;
  };
  /** Replies with the token as stored, so that no view repeats the background's rules. */
  /**
   * A successor issued and copied (default format unless `format`), the old token's name, "yours" and
   * reminder choice moved to it, and the old token deleted now, in an hour or at its expiry.
   */
  'tokens.replace': {
    request: { serverId: string; tokenId: number; format?: SnippetFormat; deleteOld: DeleteOld };
    response: Replaced;
  };
  /** Keep a replaced token after all: its pending delete is dropped. */
  'tokens.keep': { request: { serverId: string; tokenId: number }; response: TokenMeta };
  /** The other tokens, named by their containers where the container service answers. */
  'tokens.others': { request: { serverId: string }; response: OtherTokens };
  /** Deletes the tokens whose container has finished, one by one, and says how each went. */
  'tokens.deleteLeftovers': { request: { serverId: string }; response: LeftoverResult[] };
  'tokens.label': { request: { serverId: string; tokenId: number; label: string }; response: TokenMeta };
  /** The bell: watch a token (it counts as the user's) or stop watching it. */
  'tokens.watch': { request: { serverId: string; tokenId: number; watched: boolean }; response: TokenMeta };
  'settings.get': { request: Record<string, never>; response: Settings };
  'settings.set': { request: Partial<Settings>; response: Settings };
}

/**
 * Requests from the page script on an XNAT page. They never name a server: the background takes it
 * from the sender tab's URL, so a page can only ever reach its own, known server.
 */
export interface PageRequests {
  'page.hello': {
    request: Record<string, never>;
    /** `openTokenTab`: the extension opened this tab to show XNAT's token tab (a one-time intent). */
    response: { serverId: string; defaultFormat: SnippetFormat; openTokenTab: boolean } | null;
  };
  /** Metadata for the rows on the page: from cache when it knows every id, else one fresh `show`. */
  'page.tokens': { request: { ids: number[] }; response: TokenListing };
  'page.copy': { request: { tokenId: number; format?: SnippetFormat }; response: CopyReceipt };
  /** Replace from the page's menu: the old token is deleted in an hour (the popup can keep it). */
  'page.replace': { request: { tokenId: number }; response: Replaced };
  /** The bell on the page; `created` when the user just made this token with XNAT's own button. */
  'page.watch': { request: { tokenId: number; watched: boolean; created?: boolean }; response: TokenMeta };
}

export type Requests = PrivilegedRequests & PageRequests;
export type RequestType = keyof Requests;
export type RequestOf<K extends RequestType> = Requests[K]['request'];
export type ResponseOf<K extends RequestType> = Requests[K]['response'];

export interface Envelope<K extends RequestType = RequestType> {
  type: K;
  payload: RequestOf<K>;
}
