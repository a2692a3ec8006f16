// Every change to a server's stored token metadata goes through here, one at a time per server: a
// fresh list, a reminder pass marking what it sent, a copy making a token the user's, a label. Each
// reads, changes and writes under the same lock, so none undoes another. Network calls happen outside.
// Records belong to (server, XNAT account): a list read as bob never touches what alice's tokens hold.
// Every change announces itself, and the reminder schedule follows from that: no write can forget it.
import { MAX_ACCOUNTS, type Server, type TokenMeta, type YoursReason } from '../storage/schema';
import {
  forgetRecords,
  forgetServer,
  readServers,
  readTokens,
  writeServer,
  writeTokens,
} from '../storage/store';
import type { AliasToken } from '../xnat/token';
import { serially } from './coordination';
import type { BackgroundDeps } from './deps';
import { runDueDeletes } from './pending-deletes';
import { runReminders } from './reminders';

/**
 * What reminders read has changed: a pass follows, after the reply. The change came from a list just
 * read or from the user acting on a list just shown, so the pass sends no second request for it.
 */
function announce(deps: BackgroundDeps, serverId: string): void {
  deps.afterReply(async () => {
    await runReminders(deps, new Set([serverId]));
    await runDueDeletes(deps);
  });
}

// Every server lives in one storage key: two lists of two servers stored at once would each write
// the map as they read it, and one server's account would be lost. One write at a time.
const SERVERS_LOCK = 'servers';

/** Stores a server (its clock, account, lifetime), one write of the server map at a time. */
export function saveServer(deps: BackgroundDeps, server: Server): Promise<void> {
  return serially(deps, SERVERS_LOCK, () => writeServer(deps.local, server));
}

/** Forgets a server and everything stored about it (its grant is gone, or the user removed it). */
export async function forgetServerRecords(deps: BackgroundDeps, serverId: string): Promise<void> {
  await serially(deps, `tokens:${serverId}`, () =>
    serially(deps, SERVERS_LOCK, () => forgetServer(deps.local, serverId)),
  );
  announce(deps, serverId);
}

/**
 * Reads the tokens of the server's current account, lets `change` return the new list, writes it if
 * it differs. `quiet` is for the passes that schedule what follows themselves (reminders, job
 * warnings, pending deletes).
 */
export function updateTokens<T>(
  deps: BackgroundDeps,
  server: Pick<Server, 'id' | 'account'>,
  change: (tokens: TokenMeta[]) => { tokens: TokenMeta[]; result: T },
  options: { quiet?: boolean } = {},
): Promise<T> {
  return serially(deps, `tokens:${server.id}`, async () => {
    // A server read before a list queued ahead of this change stored its account: that account's.
    const account = server.account ?? (await readServers(deps.local))[server.id]?.account;
    const before = await readTokens(deps.local, server.id, account);
    const { tokens, result } = change(before);
    const written = await writeTokens(deps.local, server.id, account, tokens, before);
    if (written && !options.quiet) announce(deps, server.id);
    return result;
  });
}

/** The server as seen logged in as `account`: that account current, and remembered among its accounts. */
export function withAccount(server: Server, account: string): Server {
  const accounts = [...(server.accounts ?? []).filter((a) => a !== account), account];
  if (server.account === account && accounts.join() === (server.accounts ?? []).join()) return server;
  return { ...server, account, accounts: accounts.slice(-MAX_ACCOUNTS) };
}

/**
 * Stores what XNAT listed for the account the server now shows, with what the extension knew of each
 * token carried over. Records from before accounts are claimed by the account that lists them; the
 * ones nobody lists stay until they are long expired (XNAT has swept them by then).
 */
export function rememberListing(
  deps: BackgroundDeps,
  before: Server,
  server: Server & { account: string },
  listed: AliasToken[],
): Promise<TokenMeta[]> {
  // In the queue at once (before any await): a request that comes right after the reply this list
  // was read for finds the list stored, not half-way.
  return serially(deps, `tokens:${server.id}`, async () => {
    if (server !== before) await saveServer(deps, server);
    const dropped = (before.accounts ?? []).filter((a) => !server.accounts?.includes(a));
    for (const account of dropped) await forgetRecords(deps.local, server.id, account);
    const known = await readTokens(deps.local, server.id, server.account);
    const unclaimed = await readTokens(deps.local, server.id);
    const merged = mergeListed(listed, [...known, ...unclaimed]);
    // Announced even when unchanged: the list was just read, so reminders due now can go out.
    await writeTokens(deps.local, server.id, server.account, merged, known);
    announce(deps, server.id);
    if (unclaimed.length) {
      const claimed = new Set(merged.map((t) => t.id));
      const swept = serverNow(deps, server) - UNCLAIMED_KEPT_MS;
      const left = unclaimed.filter((t) => !claimed.has(t.id) && t.expiry > swept);
      if (left.length) await writeTokens(deps.local, server.id, undefined, left, unclaimed);
      else await forgetRecords(deps.local, server.id);
    }
    return merged;
  });
}

// XNAT sweeps a token within the hour after its estimated expiry; a day leaves room for a wrong clock.
const UNCLAIMED_KEPT_MS = 24 * 60 * 60 * 1000;

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
  if (known?.deleteAt !== undefined) meta.deleteAt = known.deleteAt;
  if (known?.container) meta.container = known.container;
  if (known?.jobWarned) meta.jobWarned = true;
  return meta;
}

/** The server's clock now. */
export const serverNow = (deps: BackgroundDeps, server: Server) => deps.now() + server.clockOffsetMs;

/** Changes one stored token of the server's current account; null when the token is not known. */
export function changeToken(
  deps: BackgroundDeps,
  server: Pick<Server, 'id' | 'account'>,
  tokenId: number,
  change: (token: TokenMeta) => TokenMeta,
): Promise<TokenMeta | null> {
  return updateTokens(deps, server, (tokens) => {
    const token = tokens.find((t) => t.id === tokenId);
    if (!token) return { tokens, result: null };
    const changed = change(token);
    return { tokens: tokens.map((t) => (t === token ? changed : t)), result: changed };
  });
}

/** Copied as a renewing .netrc: the job's xnat-renew keeps it alive, so reminders leave it be. */
export function markRenewing(deps: BackgroundDeps, server: Server, tokenId: number) {
  const since = serverNow(deps, server);
  return changeToken(deps, server, tokenId, (token) => ({ ...token, yours: { since, why: 'renewing' } }));
}

/** Makes a known token the user's (kept if it already was); null when the token is not known. */
export function markYours(deps: BackgroundDeps, server: Server, tokenId: number, why: YoursReason) {
  const since = serverNow(deps, server);
  return changeToken(deps, server, tokenId, (token) =>
    token.yours ? token : { ...token, yours: { since, why } },
  );
}
