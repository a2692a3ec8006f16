// Typed reads and writes of storage.local, keyed by server so two servers never mix. Every read is
// checked against the schema; the background writes, the popup and settings pages only read.
import {
  DEFAULT_SETTINGS,
  isServer,
  isTokenMeta,
  type Server,
  type Settings,
  summarize,
  type TokenMeta,
  type TokenSummary,
  validSettings,
} from './schema';

/** storage.local or storage.session, or an in-memory stand-in in tests. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const SERVERS = 'servers';
const SETTINGS = 'settings';
const WELCOMED = 'welcomed';
// One list per (server, XNAT account): a login as someone else on the same server never touches
// the first account's names, marks and reminders. No account: records kept by a version before
// accounts, claimed by the account that next lists them.
const ofAccount = (account: string | undefined) => (account === undefined ? '' : ` user:${account}`);
const tokensKey = (serverId: string, account?: string) => `tokens:${serverId}${ofAccount(account)}`;
// Derived from the token list and written with it: what the popup paints first and what reminders
// read, without the hundreds of pipeline tokens a server may list.
const summaryKey = (serverId: string, account?: string) => `summary:${serverId}${ofAccount(account)}`;

export async function readServers(store: KeyValueStore): Promise<Record<string, Server>> {
  const raw = await store.get<Record<string, unknown>>(SERVERS);
  const servers: Record<string, Server> = {};
  for (const [id, server] of Object.entries(raw ?? {}))
    if (isServer(server) && server.id === id) servers[id] = server;
  return servers;
}

export async function writeServer(store: KeyValueStore, server: Server): Promise<void> {
  const servers = await readServers(store);
  await store.set({ [SERVERS]: { ...servers, [server.id]: server } });
}

export async function forgetServer(store: KeyValueStore, serverId: string): Promise<void> {
  const { [serverId]: gone, ...rest } = await readServers(store);
  await store.set({ [SERVERS]: rest });
  const accounts = [undefined, ...(gone?.accounts ?? [])];
  await store.remove(
    accounts.flatMap((account) => [tokensKey(serverId, account), summaryKey(serverId, account)]),
  );
}

export async function readTokens(
  store: KeyValueStore,
  serverId: string,
  account?: string,
): Promise<TokenMeta[]> {
  const raw = await store.get<unknown>(tokensKey(serverId, account));
  return Array.isArray(raw) ? raw.filter(isTokenMeta) : [];
}

/**
 * Writes the list and its summary, skipping either when it equals what `previous` (the list read
 * before) holds: a thousand tokens' metadata is not rewritten on every popup open. True when written.
 */
export async function writeTokens(
  store: KeyValueStore,
  serverId: string,
  account: string | undefined,
  tokens: TokenMeta[],
  previous?: TokenMeta[],
): Promise<boolean> {
  const items: Record<string, unknown> = {};
  if (!previous || JSON.stringify(tokens) !== JSON.stringify(previous))
    items[tokensKey(serverId, account)] = tokens;
  const summary = summarize(tokens);
  if (!previous || JSON.stringify(summary) !== JSON.stringify(summarize(previous)))
    items[summaryKey(serverId, account)] = summary;
  if (Object.keys(items).length === 0) return false;
  await store.set(items);
  return true;
}

/** Drops one account's records (no account: those a version before accounts kept). */
export function forgetRecords(store: KeyValueStore, serverId: string, account?: string): Promise<void> {
  return store.remove([tokensKey(serverId, account), summaryKey(serverId, account)]);
}

export async function readSummary(
  store: KeyValueStore,
  serverId: string,
  account?: string,
): Promise<TokenSummary> {
  const raw = await store.get<Partial<TokenSummary>>(summaryKey(serverId, account));
  if (raw && Array.isArray(raw.yours) && typeof raw.others === 'number')
    return { yours: raw.yours.filter(isTokenMeta), others: raw.others };
  // Written by a version before summaries: derive it once.
  return summarize(await readTokens(store, serverId, account));
}

// Since version 2 only the user's own choices are stored, so a changed default reaches everyone who
// never chose. Version 1 stored every setting whenever any was saved: its default format, the
// session script, cannot be told from a choice, and gives way to the new default.
const SETTINGS_VERSION = 2;

async function readChoices(store: KeyValueStore): Promise<Partial<Settings>> {
  const raw = await store.get<{ version?: unknown }>(SETTINGS);
  const choices = validSettings(raw);
  if (raw?.version !== SETTINGS_VERSION && choices.defaultFormat === 'curl-session')
    delete choices.defaultFormat;
  return choices;
}

export async function readSettings(store: KeyValueStore): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await readChoices(store)) };
}

export async function writeSettings(store: KeyValueStore, patch: Partial<Settings>): Promise<Settings> {
  const choices = { ...(await readChoices(store)), ...patch };
  await store.set({ [SETTINGS]: { ...choices, version: SETTINGS_VERSION } });
  return { ...DEFAULT_SETTINGS, ...choices };
}

/**
 * True once per profile: the welcome page is shown on the first install only. Chromium fires
 * onInstalled with reason "install" on every start for an extension loaded with --load-extension,
 * so the reason alone would greet the user again.
 */
export async function firstWelcome(store: KeyValueStore, now: number): Promise<boolean> {
  if (await store.get(WELCOMED)) return false;
  await store.set({ [WELCOMED]: now });
  return true;
}
