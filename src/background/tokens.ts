// Token handlers: list (cached and fresh), copy, delete, label and watch, one server at a time.
// Every XNAT call uses the browser's session; nothing here runs on a timer.
import type { CopyReceipt, Reply, TokenListing } from '../messaging/protocol';
import { failed, ok } from '../result';
import type { SnippetFormat } from '../snippets/formats';
import type { Server, TokenMeta } from '../storage/schema';
import { readSummary, readTokens, writeServer } from '../storage/store';
import { cleanText } from '../xnat/names';
import { clockOffsetMs } from '../xnat/server-clock';
import type { AliasToken } from '../xnat/token';
import { copyToken } from './copy';
import type { BackgroundDeps } from './deps';
import { runReminders, scheduleReminders } from './reminders';
import { changeToken, markYours, mergeListed, serverNow, toMeta, updateTokens } from './token-records';
import { client } from './xnat-client';

/** One `show` request; the secrets it brings are used (for a copy) and dropped, never stored. */
export async function freshTokens(
  deps: BackgroundDeps,
  server: Server,
): Promise<Reply<{ server: Server; tokens: TokenMeta[]; refused: number; secrets: AliasToken[] }>> {
  const started = deps.now();
  const listed = await client(deps, server).listTokens();
  if (!listed.ok) return listed;
  const updated = withClock(server, listed.serverDateMs ?? null, started, deps.now());
  const tokens = await remember(deps, updated, server, listed.value.tokens);
  return ok({ server: updated, tokens, refused: listed.value.refused, secrets: listed.value.tokens });
}

/** The server as its latest `Date` header puts its clock. */
function withClock(server: Server, serverDateMs: number | null, started: number, ended: number): Server {
  if (serverDateMs === null) return server;
  const offset = clockOffsetMs(serverDateMs, started, ended);
  return offset === server.clockOffsetMs ? server : { ...server, clockOffsetMs: offset };
}

/** Stores what XNAT listed (with what the extension knows of each token) and the server's clock. */
async function remember(deps: BackgroundDeps, updated: Server, before: Server, listed: AliasToken[]) {
  if (updated !== before) await writeServer(deps.local, updated);
  return updateTokens(deps, updated.id, (known) => {
    const merged = mergeListed(listed, known);
    return { tokens: merged, result: merged };
  });
}

/**
 * For the popup: the tokens the user uses, and only a count of the others (a container service
 * leaves hundreds; the popup reads them from storage if the user asks). The reply is built from the
 * fresh list and the small summary; storing the whole list and the reminders follow the reply.
 */
export async function listTokens(deps: BackgroundDeps, server: Server): Promise<Reply<TokenListing>> {
  const started = deps.now();
  const listed = await client(deps, server).listTokens();
  if (!listed.ok) return listed;
  const updated = withClock(server, listed.serverDateMs ?? null, started, deps.now());
  const known = new Map((await readSummary(deps.local, server.id)).yours.map((t) => [t.id, t]));
  const enabled = listed.value.tokens.filter((t) => t.enabled);
  const yours = enabled
    .filter((t) => known.get(t.id)?.alias === t.alias)
    .map((t) => toMeta(t, known.get(t.id)))
    .sort((a, b) => a.expiry - b.expiry);
  deps.afterReply(async () => {
    await remember(deps, updated, server, listed.value.tokens);
    // The list was just read, so due reminders need no second request.
    await runReminders(deps, new Set([server.id]));
  });
  return ok({
    server: updated,
    tokens: yours,
    others: enabled.length - yours.length,
    refused: listed.value.refused,
    cached: false,
  });
}

/** For the page: its rows' ids are usually known already, so the cache answers without a request. */
export async function tokensForPage(
  deps: BackgroundDeps,
  server: Server,
  ids: number[],
): Promise<Reply<TokenListing>> {
  const cached = await readTokens(deps.local, server.id);
  const known = new Set(cached.map((t) => t.id));
  if (ids.every((id) => known.has(id)))
    return ok({ server, tokens: cached, others: 0, refused: 0, cached: true });
  const fresh = await freshTokens(deps, server);
  if (!fresh.ok) return fresh;
  await runReminders(deps, new Set([server.id]));
  const { tokens, refused } = fresh.value;
  return ok({ server: fresh.value.server, tokens, others: 0, refused, cached: false });
}

/** Copying a token makes it one the user uses. */
export async function copyTokenById(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
  format?: SnippetFormat,
): Promise<Reply<CopyReceipt>> {
  const fresh = await freshTokens(deps, server);
  if (!fresh.ok) return fresh;
  const token = fresh.value.secrets.find((t) => t.id === tokenId);
  if (!token) return failed('unknown-token');
  const copied = await copyToken(deps, fresh.value.server, token, format);
  if (copied.ok) await markYours(deps, fresh.value.server, tokenId, 'copied');
  await runReminders(deps, new Set([server.id]));
  return copied;
}

export async function deleteToken(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
): Promise<Reply<null>> {
  const result = await client(deps, server).invalidateToken(tokenId);
  // Already gone (swept, or deleted elsewhere) is what the user wanted.
  if (!result.ok && result.failure.kind !== 'not-found') return result;
  await updateTokens(deps, server.id, (tokens) => ({
    tokens: tokens.filter((t) => t.id !== tokenId),
    result: null,
  }));
  await scheduleReminders(deps);
  return ok(null);
}

/** A label is the user's own note; giving one makes the token theirs. */
export async function labelToken(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
  label: string,
): Promise<Reply<null>> {
  const text = cleanText(label, 80);
  const since = serverNow(deps, server);
  const found = await changeToken(deps, server.id, tokenId, (token) => {
    const { label: _old, ...rest } = token;
    if (!text) return rest;
    return { ...rest, label: text, yours: rest.yours ?? { since, why: 'labelled' } };
  });
  if (!found) return failed('unknown-token');
  await runReminders(deps);
  return ok(null);
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
): Promise<Reply<null>> {
  let found = watched
    ? await markYours(deps, server, tokenId, why)
    : await changeToken(deps, server.id, tokenId, ({ yours: _was, ...rest }) => rest);
  // A row the page just showed may not be stored yet: read the list once and try again.
  if (!found && watched) {
    const fresh = await freshTokens(deps, server);
    if (!fresh.ok) return fresh;
    found = await markYours(deps, fresh.value.server, tokenId, why);
  }
  if (!found) return failed('unknown-token');
  await runReminders(deps, new Set([server.id]));
  return ok(null);
}
