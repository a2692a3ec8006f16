// The one protocol between popup, options, content script and background: a map from request
// name to its payload and reply (design.md, principle 2). Replies carry failures as values.
import type { SnippetFormat } from '../snippets/formats';
import type { XnatFailureKind } from '../xnat/failure';

export interface ServerView {
  /** The server's base URL; the key for everything stored about it. */
  id: string;
  origin: string;
  contextPath: string;
  siteId: string;
  version: string;
  /** Server clock minus this computer's clock, from the last response's `Date` header. */
  clockOffsetMs: number;
}

/** What is remembered about a token: never its secret (security.md). */
export interface TokenMeta {
  id: number;
  alias: string;
  created: number;
  /** XNAT's estimated expiry, in the server's clock. */
  expiry: number;
  singleUse: boolean;
  /** Issued by this extension (rather than by a pipeline, the Desktop Client or XNAT's page). */
  createdHere: boolean;
  label?: string;
}

export interface TokenListing {
  server: ServerView;
  tokens: TokenMeta[];
  /** Entries XNAT sent that failed the checks and are not shown. */
  refused: number;
  /** From cache (instant first paint) rather than fresh from XNAT. */
  cached: boolean;
}

export interface CopyReceipt {
  format: SnippetFormat;
  label: string;
  hint: string;
  /** Seconds until the clipboard is cleared, or 0 when auto-clear is off. */
  clearsInSeconds: number;
}

export interface Settings {
  defaultFormat: SnippetFormat;
  requestPath: string;
  /** 0 turns auto-clear off. */
  clipboardClearSeconds: number;
  /** Minutes before expiry at which to notify; 0 means at expiry. */
  notifyMinutesBefore: number[];
  /** The note that clipboard history may keep copies has been shown (it is shown once). */
  clipboardNoteShown: boolean;
}

export type FailureKind =
  | XnatFailureKind
  | 'no-permission'
  | 'unknown-server'
  | 'unknown-token'
  | 'bad-request'
  | 'not-allowed'
  | 'clipboard'
  | 'snippet'
  | 'other-user'
  | 'busy'
  | 'internal';

export interface Failure {
  kind: FailureKind;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** Requests from the extension's own pages (popup, options): they may act on any granted server. */
export interface PrivilegedRequests {
  'servers.list': { request: Record<string, never>; response: ServerView[] };
  /** After the page obtained the host permission: detect XNAT at this URL and remember it. */
  'servers.add': { request: { url: string }; response: ServerView };
  'servers.remove': { request: { serverId: string }; response: null };
  'tokens.list': { request: { serverId: string }; response: TokenListing };
  /** With `copy`, the new token's command goes on the clipboard at once (default format unless `format`). */
  'tokens.create': {
    request: { serverId: string; copy?: boolean; format?: SnippetFormat };
    response: { token: TokenMeta; copy: Reply<CopyReceipt> | null };
  };
  'tokens.delete': { request: { serverId: string; tokenId: number }; response: null };
  'tokens.copy': {
    request: { serverId: string; tokenId: number; format?: SnippetFormat };
    response: CopyReceipt;
  };
  'tokens.label': { request: { serverId: string; tokenId: number; label: string }; response: null };
  'settings.get': { request: Record<string, never>; response: Settings };
  'settings.set': { request: Partial<Settings>; response: Settings };
}

/**
 * Requests from a content script. They never name a server: the background takes it from the
 * sender tab's URL, so a page can only ever reach its own, granted server.
 */
export interface PageRequests {
  'page.hello': {
    request: Record<string, never>;
    response: { serverId: string; defaultFormat: SnippetFormat } | null;
  };
  /** Metadata for the rows on the page: from cache when it knows every id, else one fresh `show`. */
  'page.tokens': { request: { ids: number[] }; response: TokenListing };
  'page.copy': { request: { tokenId: number; format?: SnippetFormat }; response: CopyReceipt };
}

export type Requests = PrivilegedRequests & PageRequests;
export type RequestType = keyof Requests;
export type RequestOf<K extends RequestType> = Requests[K]['request'];
export type ResponseOf<K extends RequestType> = Requests[K]['response'];

export interface Envelope<K extends RequestType = RequestType> {
  type: K;
  payload: RequestOf<K>;
}
