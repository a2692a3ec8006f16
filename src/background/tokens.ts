// Token handlers: list (cached and fresh), copy, delete, label and watch, one server at a time.
// Every XNAT call uses the browser's session; nothing here runs on a timer. Every list also asks who
// is logged in: a token of another account (a session cookie planted for the token API's path) is
// never stored, copied or marked as the user's.

import { siteLifetime } from '../expiry/countdown';
import type { CopyReceipt, Reply, TokenListing } from '../messaging/protocol';
import { type Failed, failed, ok } from '../result';
import type { SnippetFormat } from '../snippets/format-names';
import { amongYours, type Server, type TokenMeta } from '../storage/schema';
import { readSummary, readTokens } from '../storage/store';
import { canListTokens } from '../xnat/client';
import { cleanText } from '../xnat/names';
import { clockOffsetMs } from '../xnat/server-clock';
import type { AliasToken } from '../xnat/token';
import { withContainers } from './containers';
import { copyToken } from './copy';
import type { BackgroundDeps } from './deps';
import {
  changeToken,
  markRenewing,
  markYours,
  rememberListing,
  serverNow,
  toMeta,
  updateTokens,
  withAccount,
} from './token-records';
import { client } from './xnat-client';

type AccountServer = Server & { account: string };

export interface Listing {
  /** The server with its clock and the account logged in now. */
  server: AccountServer;
  /** The enabled tokens of that account, secrets included: used for a copy, never stored. */
  own: AliasToken[];
  /** Ids of listed tokens that belong to another account. */
  foreign: number[];
  refused: number;
}

/** `show` and who is logged in, side by side (one round trip). */
export async function fetchListing(deps: BackgroundDeps, server: Server): Promise<Reply<Listing>> {
  const started = deps.now();
  const xnat = client(deps, server);
  // An XNAT without `show` says so without a request; asking who is logged in would be one.
  if (!canListTokens(server.version)) return xnat.listTokens() as Promise<Failed>;
  const [user, listed] = await Promise.all([xnat.currentUser(), xnat.listTokens()]);
  if (!user.ok) return user;
  if (!listed.ok) return listed;
  const enabled = listed.value.tokens.filter((t) => t.enabled);
  const timed = withClock(server, listed.serverDateMs ?? null, started, deps.now());
  const own = enabled.filter((t) => t.xdatUserId === user.value);
  return ok({
    server: withLifetime(withAccount(timed, user.value), own) as AccountServer,
    own,
    foreign: enabled.filter((t) => t.xdatUserId !== user.value).map((t) => t.id),
    refused: listed.value.refused,
  });
}

/** One fresh list, stored; the secrets it brings are used (for a copy) and dropped, never stored. */
export async function freshTokens(
  deps: BackgroundDeps,
  server: Server,
): Promise<Reply<Listing & { tokens: TokenMeta[] }>> {
  const listing = await fetchListing(deps, server);
  if (!listing.ok) return listing;
  const tokens = await remember(deps, server, listing.value);
  return ok({ ...listing.value, tokens });
}

/**
 * Stores a fresh list as the account's. A list holding another account's tokens is not the user's
 * list (`show` answered for someone else): what is stored stays as it was.
 */
function remember(deps: BackgroundDeps, before: Server, listing: Listing): Promise<TokenMeta[]> {
  if (listing.foreign.length === 0) return rememberListing(deps, before, listing.server, listing.own);
  return Promise.resolve(listing.own.map((t) => toMeta(t)));
}

/** The server with how long tokens live there, as the newest listed token says. */
function withLifetime(server: Server, listed: AliasToken[]): Server {
  const lifetime = siteLifetime(listed.map((t) => ({ created: t.created, expiry: t.estimatedExpiry })));
  return lifetime === null || lifetime === server.tokenLifetimeMs
    ? server
    : { ...server, tokenLifetimeMs: lifetime };
}

/** The server as its latest `Date` header puts its clock. */
function withClock(server: Server, serverDateMs: number | null, started: number, ended: number): Server {
  if (serverDateMs === null) return server;
  const offset = clockOffsetMs(serverDateMs, started, ended);
  return offset === null || offset === server.clockOffsetMs ? server : { ...server, clockOffsetMs: offset };
}

/**
 * For the popup: the tokens the user uses, and only a count of the others (a container service
 * leaves hundreds; the popup reads them from storage if the user asks). The reply is built from the
 * fresh list and the small summary; storing the whole list and the reminders follow the reply.
 */
export async function listTokens(deps: BackgroundDeps, server: Server): Promise<Reply<TokenListing>> {
  const listing = await fetchListing(deps, server);
  if (!listing.ok) return listing;
  const { server: updated, own, foreign, refused } = listing.value;
  const [mine, unclaimed] = await Promise.all([
    readSummary(deps.local, server.id, updated.account),
    readSummary(deps.local, server.id),
  ]);
  const known = new Map([...unclaimed.yours, ...mine.yours].map((t) => [t.id, t]));
  const yours = own
    .filter((t) => known.get(t.id)?.alias === t.alias)
    .map((t) => toMeta(t, known.get(t.id)))
    .sort((a, b) => a.expiry - b.expiry);
  deps.afterReply(() => remember(deps, server, listing.value));
  return ok({
    server: updated,
    tokens: yours,
    others: own.length - yours.length,
    foreign: foreign.length,
    refused,
    cached: false,
  });
}

/** For the page: its rows' ids are usually known already, so the cache answers without a request. */
export async function tokensForPage(
  deps: BackgroundDeps,
  server: Server,
  ids: number[],
): Promise<Reply<TokenListing>> {
  const cached = server.account === undefined ? [] : await readTokens(deps.local, server.id, server.account);
  const known = new Set(cached.map((t) => t.id));
  if (cached.length && ids.every((id) => known.has(id)))
    return ok({
      server,
      tokens: await named(deps, server, cached),
      others: 0,
      foreign: 0,
      refused: 0,
      cached: true,
    });
  const fresh = await freshTokens(deps, server);
  if (!fresh.ok) return fresh;
  const { tokens, refused, foreign } = fresh.value;
  return ok({
    server: fresh.value.server,
    tokens: foreign.length ? tokens : await named(deps, fresh.value.server, tokens),
    others: 0,
    foreign: foreign.length,
    refused,
    cached: false,
  });
}

/** The page's pipeline tokens, each with its container where the container service says (cached). */
async function named(deps: BackgroundDeps, server: Server, tokens: TokenMeta[]): Promise<TokenMeta[]> {
  if (tokens.every(amongYours)) return tokens;
  return (await withContainers(deps, server)) ?? tokens;
}

/** Copying a token makes it one the user uses; a token of another account is never copied. */
export async function copyTokenById(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
  format?: SnippetFormat,
): Promise<Reply<CopyReceipt>> {
  const fresh = await freshTokens(deps, server);
  if (!fresh.ok) return fresh;
  const { server: updated, own, foreign } = fresh.value;
  const token = own.find((t) => t.id === tokenId);
  if (!token) return failed(foreign.includes(tokenId) ? 'foreign-token' : 'unknown-token');
  const copied = await copyToken(deps, updated, token, format);
  if (!copied.ok) return copied;
  const meta =
    copied.value.format === 'renewing'
      ? await markRenewing(deps, updated, tokenId)
      : await markYours(deps, updated, tokenId, 'copied');
  return ok({ ...copied.value, account: updated.account, token: meta });
}

export async function deleteToken(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
): Promise<Reply<null>> {
  const result = await client(deps, server).invalidateToken(tokenId);
  // Already gone (swept, or deleted elsewhere) is what the user wanted.
  if (!result.ok && result.failure.kind !== 'not-found') return result;
  await updateTokens(deps, server, (tokens) => ({
    tokens: tokens.filter((t) => t.id !== tokenId),
    result: null,
  }));
  return ok(null);
}

/** A label is the user's own note; giving one makes the token theirs. */
export async function labelToken(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
  label: string,
): Promise<Reply<TokenMeta>> {
  const text = cleanText(label, 80);
  const since = serverNow(deps, server);
  const changed = await changeToken(deps, server, tokenId, (token) => {
    const { label: _old, ...rest } = token;
    if (!text) return rest;
    return { ...rest, label: text, yours: rest.yours ?? { since, why: 'labelled' } };
  });
  if (!changed) return failed('unknown-token');
  return ok(changed);
}

/**
 * The bell: watch a token (reminders and the badge cover it) or stop watching it. The page script
 * also marks a token the user just made with XNAT's own Create button (`why: 'created'`).
 */
export async function watchToken(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
  watched: boolean,
  why: 'watched' | 'created' = 'watched',
): Promise<Reply<TokenMeta>> {
  let changed = watched
    ? await markYours(deps, server, tokenId, why)
    : await changeToken(deps, server, tokenId, ({ yours: _was, ...rest }) => rest);
  // A row the page just showed may not be stored yet: read the list once and try again.
  if (!changed && watched) {
    const fresh = await freshTokens(deps, server);
    if (!fresh.ok) return fresh;
    if (fresh.value.foreign.includes(tokenId)) return failed('foreign-token');
    changed = await markYours(deps, fresh.value.server, tokenId, why);
  }
  if (!changed) return failed('unknown-token');
  return ok(changed);
}
