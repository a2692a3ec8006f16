// Request name → handler. The Handlers type makes the compiler flag a request without a handler.

import type { Reply } from '../messaging/protocol';
import { failed, ok } from '../result';
import type { Server } from '../storage/schema';
import { isSettingsPatch } from '../storage/schema';
import { readSettings, writeSettings } from '../storage/store';
import { createToken } from './create';
import type { BackgroundDeps } from './deps';
import { recordIntent } from './intents';
import { runReminders } from './reminders';
import type { Handlers } from './router';
import { addServer, listServers, removeServer, requireServer, serverForPage } from './servers';
import { openTokenPage, takeTokenTabIntent } from './token-page';
import { copyTokenById, deleteToken, labelToken, listTokens, tokensForPage, watchToken } from './tokens';

export function createHandlers(deps: BackgroundDeps): Handlers {
  const withServer = async <T>(
    serverId: string,
    act: (server: Server) => Promise<Reply<T>>,
  ): Promise<Reply<T>> => {
    const server = await requireServer(deps, serverId);
    return server.ok ? act(server.value) : server;
  };
  const onPage = async <T>(
    pageUrl: string,
    act: (server: Server) => Promise<Reply<T>>,
  ): Promise<Reply<T>> => {
    const server = await serverForPage(deps, pageUrl);
    return server ? act(server) : failed('unknown-server');
  };

  return {
    'servers.list': async () => ok(await listServers(deps)),
    'servers.intend': async ({ url, tabId }) => {
      await recordIntent(deps, url, tabId);
      return ok(null);
    },
    'servers.add': ({ url, tabId }) => addServer(deps, url, tabId),
    'servers.remove': ({ serverId }) => removeServer(deps, serverId),
    'servers.openTokenPage': ({ serverId }) =>
      withServer(serverId, async (s) => {
        await openTokenPage(deps, s);
        return ok(null);
      }),
    'tokens.list': ({ serverId }) => withServer(serverId, (s) => listTokens(deps, s)),
    'tokens.create': ({ serverId, copy, format }) =>
      withServer(serverId, (s) => createToken(deps, s, { copy, format })),
    'tokens.delete': ({ serverId, tokenId }) => withServer(serverId, (s) => deleteToken(deps, s, tokenId)),
    'tokens.copy': ({ serverId, tokenId, format }) =>
      withServer(serverId, (s) => copyTokenById(deps, s, tokenId, format)),
    'tokens.label': ({ serverId, tokenId, label }) =>
      withServer(serverId, (s) => labelToken(deps, s, tokenId, label)),
    'tokens.watch': ({ serverId, tokenId, watched }) =>
      withServer(serverId, (s) => watchToken(deps, s, tokenId, watched)),
    'settings.get': async () => ok(await readSettings(deps.local)),
    'settings.set': async (patch) => {
      if (!isSettingsPatch(patch)) return failed('bad-request');
      const settings = await writeSettings(deps.local, patch);
      // New lead times move the reminder alarm (and may make one due now).
      if (patch.notifyMinutesBefore || patch.remindAbout) await runReminders(deps);
      return ok(settings);
    },

    // Only a server the user added gets the page script's help; a page never introduces a server
    // (a look-alike on another port or path of a granted host would otherwise pass for XNAT).
    'page.hello': async (_, page) => {
      const server = await serverForPage(deps, page.url);
      if (!server) return ok(null);
      return ok({
        serverId: server.id,
        defaultFormat: (await readSettings(deps.local)).defaultFormat,
        openTokenTab: await takeTokenTabIntent(deps, page.tabId),
      });
    },
    'page.tokens': ({ ids }, page) => onPage(page.url, (s) => tokensForPage(deps, s, ids)),
    'page.copy': ({ tokenId, format }, page) =>
      onPage(page.url, (s) => copyTokenById(deps, s, tokenId, format)),
    'page.watch': ({ tokenId, watched, created }, page) =>
      onPage(page.url, (s) => watchToken(deps, s, tokenId, watched, created ? 'created' : 'watched')),
  };
}
