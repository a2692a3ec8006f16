// Every change to a server's stored token metadata goes through here, one at a time per server: a
// fresh list, a reminder pass marking what it sent, a copy making a token the user's, a label. Each
// reads, changes and writes under the same lock, so none undoes another. Network calls happen outside.
import type { Server, TokenMeta, YoursReason } from '../storage/schema';
import { readTokens, writeTokens } from '../storage/store';
import type { AliasToken } from '../xnat/token';
import type { BackgroundDeps } from './deps';

const queues = new WeakMap<BackgroundDeps, Map<string, Promise<unknown>>>();

/** Runs `task` after every earlier task for this key has finished (in this worker). */
export function serially<T>(deps: BackgroundDeps, key: string, task: () => Promise<T>): Promise<T> {
  const byKey = queues.get(deps) ?? new Map<string, Promise<unknown>>();
  queues.set(deps, byKey);
  const run = (byKey.get(key) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => undefined);
  byKey.set(key, tail);
  void tail.then(() => {
    if (byKey.get(key) === tail) byKey.delete(key);
  });
  return run;
}

/** Reads the server's tokens, lets `change` return the new list, writes it if it differs. */
export function updateTokens<T>(
  deps: BackgroundDeps,
  serverId: string,
  change: (tokens: TokenMeta[]) => { tokens: TokenMeta[]; result: T },
): Promise<T> {
  return serially(deps, `tokens:${serverId}`, async () => {
    const before = await readTokens(deps.local, serverId);
    const { tokens, result } = change(before);
    await writeTokens(deps.local, serverId, tokens, before);
    return result;
  });
}

/** What XNAT listed, with what the extension knows about each token (never a secret) carried over. */
export function mergeListed(listed: AliasToken[], known: TokenMeta[]): TokenMeta[] {
  const byId = new Map(known.map((t) => [t.id, t]));
  return listed
    .filter((t) => t.enabled)
    .map((t) => {
      const before = byId.get(t.id);
      return toMeta(t, before?.alias === t.alias ? before : undefined);
    })
    .sort((a, b) => b.created - a.created);
}

export function toMeta(token: Omit<AliasToken, 'secret' | 'xdatUserId'>, known?: TokenMeta): TokenMeta {
  const meta: TokenMeta = {
    id: token.id,
    alias: token.alias,
    created: token.created,
    expiry: token.estimatedExpiry,
    singleUse: token.singleUse,
    createdHere: known?.createdHere ?? false,
  };
  if (known?.label) meta.label = known.label;
  if (known?.yours) meta.yours = known.yours;
  if (known?.reminded) meta.reminded = known.reminded;
  return meta;
}

/** The server's clock now. */
export const serverNow = (deps: BackgroundDeps, server: Server) => deps.now() + server.clockOffsetMs;

/** Changes one stored token; false when the token is not known. */
export function changeToken(
  deps: BackgroundDeps,
  serverId: string,
  tokenId: number,
  change: (token: TokenMeta) => TokenMeta,
): Promise<boolean> {
  return updateTokens(deps, serverId, (tokens) => {
    const token = tokens.find((t) => t.id === tokenId);
    if (!token) return { tokens, result: false };
    return { tokens: tokens.map((t) => (t === token ? change(token) : t)), result: true };
  });
}

/** Makes a known token the user's (kept if it already was); false when the token is not known. */
export function markYours(deps: BackgroundDeps, server: Server, tokenId: number, why: YoursReason) {
  const since = serverNow(deps, server);
  return changeToken(deps, server.id, tokenId, (token) =>
    token.yours ? token : { ...token, yours: { since, why } },
  );
}
