// Token handlers: list (cached and fresh), create, delete, copy and label, one server at a time.
// Every XNAT call uses the browser's session; nothing here runs on a timer.
import type { CopyReceipt, Reply, TokenListing } from '../messaging/protocol';
import { failed, ok } from '../result';
import type { SnippetFormat } from '../snippets/formats';
import type { Server, TokenMeta } from '../storage/schema';
import { readTokens, writeServer, writeTokens } from '../storage/store';
import { cleanText } from '../xnat/names';
import { clockOffsetMs } from '../xnat/server-clock';
import type { AliasToken } from '../xnat/token';
import { copyToken } from './copy';
import type { BackgroundDeps } from './deps';
import { runReminders, scheduleReminders } from './reminders';
import { client } from './xnat-client';

export function toMeta(token: AliasToken, known: TokenMeta | undefined, createdHere = false): TokenMeta {
  const meta: TokenMeta = {
    id: token.id,
    alias: token.alias,
    created: token.created,
    expiry: token.estimatedExpiry,
    singleUse: token.singleUse,
    createdHere: createdHere || (known?.createdHere ?? false),
  };
  if (known?.label) meta.label = known.label;
  return meta;
}

export async function cachedTokens(deps: BackgroundDeps, server: Server): Promise<TokenListing> {
  return { server, tokens: await readTokens(deps.local, server.id), refused: 0, cached: true };
}

/** One `show` request; the secrets it brings are used (for a copy) and dropped, never stored. */
async function freshTokens(
  deps: BackgroundDeps,
  server: Server,
): Promise<Reply<{ listing: TokenListing; secrets: AliasToken[] }>> {
  const started = deps.now();
  const listed = await client(deps, server).listTokens();
  if (!listed.ok) return listed;
  const known = new Map((await readTokens(deps.local, server.id)).map((t) => [t.id, t]));
  const tokens = listed.value.tokens
    .filter((t) => t.enabled)
    .map((t) => toMeta(t, known.get(t.id)?.alias === t.alias ? known.get(t.id) : undefined))
    .sort((a, b) => b.created - a.created);
  await writeTokens(deps.local, server.id, tokens);
  const updated = await refreshClock(deps, server, listed.serverDateMs ?? null, started);
  // The list was just read, so due reminders need no second request.
  await runReminders(deps, new Set([server.id]));
  return ok({
    listing: { server: updated, tokens, refused: listed.value.refused, cached: false },
    secrets: listed.value.tokens,
  });
}

async function refreshClock(
  deps: BackgroundDeps,
  server: Server,
  serverDateMs: number | null,
  started: number,
) {
  if (serverDateMs === null) return server;
  const offset = clockOffsetMs(serverDateMs, started, deps.now());
  if (offset === server.clockOffsetMs) return server;
  const updated = { ...server, clockOffsetMs: offset };
  await writeServer(deps.local, updated);
  return updated;
}

export async function listTokens(deps: BackgroundDeps, server: Server): Promise<Reply<TokenListing>> {
  const fresh = await freshTokens(deps, server);
  return fresh.ok ? ok(fresh.value.listing) : fresh;
}

/** For the page: its rows' ids are usually known already, so the cache answers without a request. */
export async function tokensForPage(
  deps: BackgroundDeps,
  server: Server,
  ids: number[],
): Promise<Reply<TokenListing>> {
  const cached = await cachedTokens(deps, server);
  const known = new Set(cached.tokens.map((t) => t.id));
  return ids.every((id) => known.has(id)) ? ok(cached) : listTokens(deps, server);
}

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
  return copyToken(deps, server, token, format);
}

export async function deleteToken(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
): Promise<Reply<null>> {
  const result = await client(deps, server).invalidateToken(tokenId);
  // Already gone (swept, or deleted elsewhere) is what the user wanted.
  if (!result.ok && result.failure.kind !== 'not-found') return result;
  const tokens = await readTokens(deps.local, server.id);
  await writeTokens(
    deps.local,
    server.id,
    tokens.filter((t) => t.id !== tokenId),
  );
  await scheduleReminders(deps);
  return ok(null);
}

export async function labelToken(
  deps: BackgroundDeps,
  server: Server,
  tokenId: number,
  label: string,
): Promise<Reply<null>> {
  const tokens = await readTokens(deps.local, server.id);
  const token = tokens.find((t) => t.id === tokenId);
  if (!token) return failed('unknown-token');
  const trimmed = cleanText(label, 80);
  if (trimmed) token.label = trimmed;
  else delete token.label;
  await writeTokens(deps.local, server.id, tokens);
  return ok(null);
}
