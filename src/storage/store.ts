// Typed reads and writes of storage.local, keyed by server so two servers never mix. Every read is
// checked against the schema; the background writes, the popup and settings pages only read.
import {
  DEFAULT_SETTINGS,
  isServer,
  isTokenMeta,
  type Server,
  type Settings,
  type TokenMeta,
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
const tokensKey = (serverId: string) => `tokens:${serverId}`;
const remindersKey = (serverId: string) => `reminders:${serverId}`;

/** Lead times (minutes) already reminded of, per token alias. */
export type SentReminders = Record<string, number[]>;

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
  const { [serverId]: _gone, ...rest } = await readServers(store);
  await store.set({ [SERVERS]: rest });
  await store.remove([tokensKey(serverId), remindersKey(serverId)]);
}

export async function readTokens(store: KeyValueStore, serverId: string): Promise<TokenMeta[]> {
  const raw = await store.get<unknown>(tokensKey(serverId));
  return Array.isArray(raw) ? raw.filter(isTokenMeta) : [];
}

export async function writeTokens(
  store: KeyValueStore,
  serverId: string,
  tokens: TokenMeta[],
): Promise<void> {
  await store.set({ [tokensKey(serverId)]: tokens });
}

export async function readSentReminders(store: KeyValueStore, serverId: string): Promise<SentReminders> {
  const raw = await store.get<Record<string, unknown>>(remindersKey(serverId));
  const sent: SentReminders = {};
  for (const [alias, leads] of Object.entries(raw ?? {})) {
    if (Array.isArray(leads) && leads.every((m) => typeof m === 'number')) sent[alias] = leads;
  }
  return sent;
}

export async function writeSentReminders(
  store: KeyValueStore,
  serverId: string,
  sent: SentReminders,
): Promise<void> {
  await store.set({ [remindersKey(serverId)]: sent });
}

export async function readSettings(store: KeyValueStore): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...validSettings(await store.get<unknown>(SETTINGS)) };
}

export async function writeSettings(store: KeyValueStore, patch: Partial<Settings>): Promise<Settings> {
  const settings = { ...(await readSettings(store)), ...patch };
  await store.set({ [SETTINGS]: settings });
  return settings;
}
