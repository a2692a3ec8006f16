// Known XNAT servers: added by a user's action once their host is granted, listed with the grant
// re-checked, and removed with the grant given back when no other server on that host needs it.
import type { Reply } from '../messaging/protocol';
import { failed, ok } from '../result';
import type { Server } from '../storage/schema';
import { readServers } from '../storage/store';
import { detectServer } from '../xnat/detect';
import { clockOffsetMs } from '../xnat/server-clock';
import { hostPattern, serverForUrl, serverId } from '../xnat/server-identity';
import { once } from './coordination';
import type { BackgroundDeps } from './deps';
import { ensureContentScript, onPermissionsRemoved } from './grants';
import { forgetServerRecords, saveServer } from './token-records';

type Added = { server: Server; isNew: boolean };

/** The popup and the grant listener may both add the same server at once; one detection serves both. */
export function addServer(deps: BackgroundDeps, url: string, tabId?: number): Promise<Reply<Added>> {
  return once(deps, `add:${url}`, () => detectAndRemember(deps, url, tabId));
}

async function detectAndRemember(deps: BackgroundDeps, url: string, tabId?: number): Promise<Reply<Added>> {
  const pattern = hostPattern(url);
  if (!pattern) return failed('bad-url');
  if (!(await deps.permissions.contains(pattern))) return failed('no-permission');
  const started = deps.now();
  const detected = await detectServer(deps.fetch, url, { timeoutMs: deps.xnatTimeoutMs });
  if (!detected.ok) return detected;
  const { origin, contextPath, siteId, version } = detected.value;
  const server: Server = {
    id: serverId({ origin, contextPath }),
    origin,
    contextPath,
    siteId,
    version,
    clockOffsetMs:
      detected.serverDateMs == null ? 0 : (clockOffsetMs(detected.serverDateMs, started, deps.now()) ?? 0),
  };
  const before = (await readServers(deps.local))[server.id];
  const isNew = !before;
  // Added again (a new address for it, or Add pressed twice): its accounts and their records stay.
  if (before?.account) Object.assign(server, { account: before.account, accounts: before.accounts });
  await saveServer(deps, server);
  await ensureContentScript(deps, pattern);
  // The page is already open: decorate it now rather than on its next load.
  if (tabId !== undefined) await deps.injectPageScript(tabId).catch(() => undefined);
  return ok({ server, isNew });
}

/**
 * Also drops servers whose grant is gone: Chrome does not fire permissions.onRemoved when the
 * user withholds site access in chrome://extensions (seen in Chromium 156), so the grant is
 * checked again whenever the list is shown.
 */
export async function listServers(deps: BackgroundDeps): Promise<Server[]> {
  const granted: Server[] = [];
  const revoked = new Set<string>();
  for (const server of Object.values(await readServers(deps.local))) {
    const pattern = hostPattern(server.origin);
    if (pattern && (await deps.permissions.contains(pattern))) granted.push(server);
    else if (pattern) revoked.add(pattern);
  }
  if (revoked.size) await onPermissionsRemoved(deps, [...revoked]);
  return granted.sort((a, b) => a.id.localeCompare(b.id));
}

/** Forget a server; the last one on its host also gives back the host grant and registration. */
export async function removeServer(deps: BackgroundDeps, id: string): Promise<Reply<null>> {
  const servers = await readServers(deps.local);
  const server = servers[id];
  if (!server) return failed('unknown-server');
  await forgetServerRecords(deps, id);
  const pattern = hostPattern(server.origin);
  const othersOnHost = Object.values(servers).some((s) => s.id !== id && hostPattern(s.origin) === pattern);
  if (pattern && !othersOnHost) {
    await deps.contentScripts.unregister(pattern);
    await deps.permissions.remove(pattern);
  }
  return ok(null);
}

/** The known server a page belongs to, if its host is still granted. */
export async function serverForPage(deps: BackgroundDeps, pageUrl: string): Promise<Server | null> {
  const server = serverForUrl(pageUrl, Object.values(await readServers(deps.local)));
  const pattern = server && hostPattern(server.origin);
  return pattern && (await deps.permissions.contains(pattern)) ? server : null;
}

export async function requireServer(deps: BackgroundDeps, id: string): Promise<Reply<Server>> {
  const server = (await readServers(deps.local))[id];
  if (!server) return failed('unknown-server');
  const pattern = hostPattern(server.origin);
  if (!pattern || !(await deps.permissions.contains(pattern))) return failed('no-permission');
  return ok(server);
}
