// What the background keeps in storage.local, keyed by server so two servers never mix.
import type { ServerView, Settings, TokenMeta } from '../messaging/protocol';
import type { KeyValueStore } from './deps';

const SERVERS = 'servers';
const tokensKey = (serverId: string) => `tokens:${serverId}`;
/** Lead times already notified, per token alias: `{ [alias]: number[] }`. */
export const remindersKey = (serverId: string) => `reminders:${serverId}`;
const SETTINGS = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  defaultFormat: 'curl-session',
  requestPath: '/data/projects?format=csv',
  clipboardClearSeconds: 0,
  notifyMinutesBefore: [24 * 60, 60, 0],
  clipboardNoteShown: false,
};

export async function readServers(store: KeyValueStore): Promise<Record<string, ServerView>> {
  return (await store.get<Record<string, ServerView>>(SERVERS)) ?? {};
}

export async function writeServer(store: KeyValueStore, server: ServerView): Promise<void> {
  const servers = await readServers(store);
  await store.set({ [SERVERS]: { ...servers, [server.id]: server } });
}

export async function forgetServer(store: KeyValueStore, serverId: string): Promise<void> {
  const { [serverId]: _gone, ...rest } = await readServers(store);
  await store.set({ [SERVERS]: rest });
  await store.remove([tokensKey(serverId), remindersKey(serverId)]);
}

export async function readTokens(store: KeyValueStore, serverId: string): Promise<TokenMeta[]> {
  return (await store.get<TokenMeta[]>(tokensKey(serverId))) ?? [];
}

export async function writeTokens(
  store: KeyValueStore,
  serverId: string,
  tokens: TokenMeta[],
): Promise<void> {
  await store.set({ [tokensKey(serverId)]: tokens });
}

export async function readSettings(store: KeyValueStore): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...((await store.get<Partial<Settings>>(SETTINGS)) ?? {}) };
}

export async function writeSettings(store: KeyValueStore, patch: Partial<Settings>): Promise<Settings> {
  const settings = { ...(await readSettings(store)), ...patch };
  await store.set({ [SETTINGS]: settings });
  return settings;
}
