// The request table: for every request the extension's views or the page script may send, who may
// send it, its payload check and its handler, in one place. The router, the page script's allowed set
// and ARCHITECTURE.md's "who may ask what" (checked by a test) all derive from it; the compiler flags
// a request of the protocol without an entry, and an entry whose sender does not match the protocol.
import { empty, type Guard, isCount, isId, onlyKeys } from '../messaging/guards';
import type { PageRequests, Reply, RequestOf, RequestType, ResponseOf } from '../messaging/protocol';
import { failed, ok } from '../result';
import { isSnippetFormat } from '../snippets/format-names';
import type { Server } from '../storage/schema';
import { isSettingsPatch } from '../storage/schema';
import { readSettings, writeSettings } from '../storage/store';
import { deleteLeftovers, otherTokens } from './containers';
import { createToken } from './create';
import type { BackgroundDeps } from './deps';
import { cancelIntent, recordIntent } from './intents';
import { runReminders } from './reminders';
import { keepToken, replaceToken } from './replace';
import { addServer, listServers, removeServer, requireServer, serverForPage } from './servers';
import { openTokenPage, takeTokenTabIntent } from './token-page';
import { copyTokenById, deleteToken, labelToken, listTokens, tokensForPage, watchToken } from './tokens';

/** The XNAT page a page-script request came from, as the browser (not the page) reports it. */
export interface PageSender {
  url: string;
  tabId: number;
}

/** The extension's own views (popup, settings, welcome): they may act on any known server. */
interface ViewRoute<K extends RequestType> {
  from: 'view';
  check: Guard;
  handle(payload: RequestOf<K>): Promise<Reply<ResponseOf<K>>>;
}

/** The page script: it never names a server; the handler gets the page the browser says it is on. */
interface PageRoute<K extends RequestType> {
  from: 'page';
  check: Guard;
  handle(payload: RequestOf<K>, page: PageSender): Promise<Reply<ResponseOf<K>>>;
}

export type RequestTable = {
  [K in RequestType]: K extends keyof PageRequests ? PageRoute<K> : ViewRoute<K>;
};

const optionalFormat = (value: unknown) => value === undefined || isSnippetFormat(value);
const serverOnly: Guard = (p) => onlyKeys(p, ['serverId']) && isId(p.serverId);
const addressed: Guard = (p) =>
  onlyKeys(p, ['url', 'tabId']) &&
  typeof p.url === 'string' &&
  p.url.length <= 2048 &&
  (p.tabId === undefined || isCount(p.tabId));
const oneToken =
  (extra: string[], rest: Guard): Guard =>
  (p) =>
    onlyKeys(p, ['serverId', 'tokenId', ...extra]) && isId(p.serverId) && isCount(p.tokenId) && rest(p);

export function createRequests(deps: BackgroundDeps): RequestTable {
  const withServer = async <T>(id: string, act: (s: Server) => Promise<Reply<T>>): Promise<Reply<T>> => {
    const server = await requireServer(deps, id);
    return server.ok ? act(server.value) : server;
  };
  const onPage = async <T>(url: string, act: (s: Server) => Promise<Reply<T>>): Promise<Reply<T>> => {
    const server = await serverForPage(deps, url);
    return server ? act(server) : failed('unknown-server');
  };

  return {
    'servers.list': { from: 'view', check: empty, handle: async () => ok(await listServers(deps)) },
    'servers.intend': {
      from: 'view',
      check: addressed,
      handle: async ({ url, tabId }) => {
        await recordIntent(deps, url, tabId);
        return ok(null);
      },
    },
    'servers.cancelIntent': {
      from: 'view',
      check: (p) => onlyKeys(p, ['url']) && typeof p.url === 'string' && p.url.length <= 2048,
      handle: async ({ url }) => {
        await cancelIntent(deps, url);
        return ok(null);
      },
    },
    'servers.add': {
      from: 'view',
      check: addressed,
      handle: ({ url, tabId }) => addServer(deps, url, tabId),
    },
    'servers.remove': {
      from: 'view',
      check: serverOnly,
      handle: ({ serverId }) => removeServer(deps, serverId),
    },
    'servers.openTokenPage': {
      from: 'view',
      check: serverOnly,
      handle: ({ serverId }) =>
        withServer(serverId, async (s) => {
          await openTokenPage(deps, s);
          return ok(null);
        }),
    },
    'tokens.list': {
      from: 'view',
      check: serverOnly,
      handle: ({ serverId }) => withServer(serverId, (s) => listTokens(deps, s)),
    },
    'tokens.create': {
      from: 'view',
      check: (p) =>
        onlyKeys(p, ['serverId', 'copy', 'format']) &&
        isId(p.serverId) &&
        (p.copy === undefined || typeof p.copy === 'boolean') &&
        optionalFormat(p.format),
      handle: ({ serverId, copy, format }) =>
        withServer(serverId, (s) => createToken(deps, s, { copy, format })),
    },
    'tokens.delete': {
      from: 'view',
      check: oneToken([], () => true),
      handle: ({ serverId, tokenId }) => withServer(serverId, (s) => deleteToken(deps, s, tokenId)),
    },
    'tokens.copy': {
      from: 'view',
      check: oneToken(['format'], (p) => optionalFormat(p.format)),
      handle: ({ serverId, tokenId, format }) =>
        withServer(serverId, (s) => copyTokenById(deps, s, tokenId, format)),
    },
    'tokens.replace': {
      from: 'view',
      check: oneToken(
        ['format', 'deleteOld'],
        (p) => optionalFormat(p.format) && ['now', 'in-1h', 'at-expiry'].includes(p.deleteOld as string),
      ),
      handle: ({ serverId, tokenId, format, deleteOld }) =>
        withServer(serverId, (s) => replaceToken(deps, s, tokenId, { format, deleteOld })),
    },
    'tokens.keep': {
      from: 'view',
      check: oneToken([], () => true),
      handle: ({ serverId, tokenId }) => withServer(serverId, (s) => keepToken(deps, s, tokenId)),
    },
    'tokens.others': {
      from: 'view',
      check: serverOnly,
      handle: ({ serverId }) => withServer(serverId, (s) => otherTokens(deps, s)),
    },
    'tokens.deleteLeftovers': {
      from: 'view',
      check: serverOnly,
      handle: ({ serverId }) => withServer(serverId, (s) => deleteLeftovers(deps, s)),
    },
    'tokens.label': {
      from: 'view',
      check: oneToken(['label'], (p) => typeof p.label === 'string' && p.label.length <= 80),
      handle: ({ serverId, tokenId, label }) =>
        withServer(serverId, (s) => labelToken(deps, s, tokenId, label)),
    },
    'tokens.watch': {
      from: 'view',
      check: oneToken(['watched'], (p) => typeof p.watched === 'boolean'),
      handle: ({ serverId, tokenId, watched }) =>
        withServer(serverId, (s) => watchToken(deps, s, tokenId, watched)),
    },
    'settings.get': { from: 'view', check: empty, handle: async () => ok(await readSettings(deps.local)) },
    'settings.set': {
      from: 'view',
      check: isSettingsPatch,
      handle: async (patch) => {
        const settings = await writeSettings(deps.local, patch);
        // New lead times move the reminder alarm (and may make one due now).
        if (patch.notifyMinutesBefore || patch.remindAbout) await runReminders(deps);
        return ok(settings);
      },
    },

    // Only a server the user added gets the page script's help; a page never introduces a server
    // (a look-alike on another port or path of a granted host would otherwise pass for XNAT).
    'page.hello': {
      from: 'page',
      check: empty,
      handle: async (_, page) => {
        const server = await serverForPage(deps, page.url);
        if (!server) return ok(null);
        return ok({
          serverId: server.id,
          defaultFormat: (await readSettings(deps.local)).defaultFormat,
          openTokenTab: await takeTokenTabIntent(deps, page.tabId),
        });
      },
    },
    'page.tokens': {
      from: 'page',
      check: (p) =>
        onlyKeys(p, ['ids']) && Array.isArray(p.ids) && p.ids.length <= 10_000 && p.ids.every(isCount),
      handle: ({ ids }, page) => onPage(page.url, (s) => tokensForPage(deps, s, ids)),
    },
    'page.copy': {
      from: 'page',
      check: (p) => onlyKeys(p, ['tokenId', 'format']) && isCount(p.tokenId) && optionalFormat(p.format),
      handle: ({ tokenId, format }, page) => onPage(page.url, (s) => copyTokenById(deps, s, tokenId, format)),
    },
    'page.replace': {
      from: 'page',
      check: (p) => onlyKeys(p, ['tokenId']) && isCount(p.tokenId),
      handle: ({ tokenId }, page) =>
        onPage(page.url, (s) => replaceToken(deps, s, tokenId, { deleteOld: 'in-1h' })),
    },
    'page.watch': {
      from: 'page',
      check: (p) =>
        onlyKeys(p, ['tokenId', 'watched', 'created']) &&
        isCount(p.tokenId) &&
        typeof p.watched === 'boolean' &&
        (p.created === undefined || p.created === true),
      handle: ({ tokenId, watched, created }, page) =>
        onPage(page.url, (s) => watchToken(deps, s, tokenId, watched, created ? 'created' : 'watched')),
    },
  };
}

/** The requests the page script may send, derived from the table. */
export function pageRequests(table: RequestTable): RequestType[] {
  return (Object.keys(table) as RequestType[]).filter((type) => table[type].from === 'page');
}
