// Known XNAT servers: added after the user grants a host, forgotten when the grant goes, and
// reconciled with the grants and content-script registrations whenever the worker starts.
import type { Reply, ServerView } from '../messaging/protocol';
import { detectServer } from '../xnat/detect';
import { clockOffsetMs } from '../xnat/server-clock';
import { hostPattern, serverId } from '../xnat/server-ref';
import type { BackgroundDeps } from './deps';
import { failed, fromXnat, ok } from './failures';
import { scheduleReminders } from './reminders';
import { forgetServer, readServers, writeServer } from './store';

/** Only patterns for one exact host get a content script; a grant of "all sites" does not. */
export function isSingleHostPattern(pattern: string): boolean {
  return /^https?:\/\/[^*/]+\/\*$/.test(pattern);
}

export async function addServer(deps: BackgroundDeps, url: string): Promise<Reply<ServerView>> {
  const pattern = hostPattern(url);
  if (!pattern) return failed('bad-request', 'Only http and https addresses can be XNAT servers.');
  if (!(await deps.permissions.contains(pattern))) {
    return failed('no-permission', 'The extension has not been granted access to this site.');
  }
  const started = deps.now();
  const detected = await detectServer(deps.fetch, url, { timeoutMs: deps.xnatTimeoutMs });
  if (!detected.ok) return fromXnat(detected.failure);
  const { origin, contextPath, siteId, version } = detected.value;
  const view: ServerView = {
    id: serverId({ origin, contextPath }),
    origin,
    contextPath,
    siteId,
    version,
    clockOffsetMs:
      detected.serverDateMs === null ? 0 : clockOffsetMs(detected.serverDateMs, started, deps.now()),
  };
  await writeServer(deps.local, view);
  await ensureContentScript(deps, pattern);
  return ok(view);
}

/**
 * Also drops servers whose grant is gone: Chrome does not fire permissions.onRemoved when the
 * user withholds site access in chrome://extensions (seen in Chromium 156), so the grant is
 * checked again whenever the list is shown.
 */
export async function listServers(deps: BackgroundDeps): Promise<ServerView[]> {
  const granted: ServerView[] = [];
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
  if (!server) return failed('unknown-server', 'This XNAT server is not known to the extension.');
  await forgetServer(deps.local, id);
  const pattern = hostPattern(server.origin);
  const othersOnHost = Object.values(servers).some((s) => s.id !== id && hostPattern(s.origin) === pattern);
  if (pattern && !othersOnHost) {
    await deps.contentScripts.unregister(pattern);
    await deps.permissions.remove(pattern);
  }
  await scheduleReminders(deps);
  return ok(null);
}

/** permissions.onRemoved, from our own pages or the browser's UI: purge whatever the grant covered. */
export async function onPermissionsRemoved(deps: BackgroundDeps, patterns: string[]): Promise<void> {
  const removed = new Set(patterns);
  for (const server of Object.values(await readServers(deps.local))) {
    const pattern = hostPattern(server.origin);
    if (pattern && removed.has(pattern)) await forgetServer(deps.local, server.id);
  }
  for (const pattern of patterns)
    if (isSingleHostPattern(pattern)) await deps.contentScripts.unregister(pattern);
  await scheduleReminders(deps);
}

/** permissions.onAdded: let the page script run there, so an XNAT page can introduce itself. */
export async function onPermissionsAdded(deps: BackgroundDeps, patterns: string[]): Promise<void> {
  for (const pattern of patterns) if (isSingleHostPattern(pattern)) await ensureContentScript(deps, pattern);
}

/** At start-up: grants may have changed while the worker was gone (browser UI, sync, restart). */
export async function reconcile(deps: BackgroundDeps): Promise<void> {
  const wanted = new Set<string>();
  for (const server of Object.values(await readServers(deps.local))) {
    const pattern = hostPattern(server.origin);
    if (pattern && (await deps.permissions.contains(pattern))) wanted.add(pattern);
    else await forgetServer(deps.local, server.id);
  }
  const registered = await deps.contentScripts.registered();
  for (const pattern of registered) {
    if (!wanted.has(pattern) && !(await deps.permissions.contains(pattern)))
      await deps.contentScripts.unregister(pattern);
  }
  for (const pattern of wanted)
    if (!registered.includes(pattern)) await deps.contentScripts.register(pattern);
}

async function ensureContentScript(deps: BackgroundDeps, pattern: string): Promise<void> {
  if (!(await deps.contentScripts.registered()).includes(pattern))
    await deps.contentScripts.register(pattern);
}

/** The granted server a page belongs to: the longest base URL the page's URL lies under. */
export async function serverForPage(deps: BackgroundDeps, pageUrl: string): Promise<ServerView | null> {
  const candidates = Object.values(await readServers(deps.local)).filter(
    (s) =>
      pageUrl === s.id ||
      pageUrl.startsWith(`${s.id}/`) ||
      pageUrl.startsWith(`${s.id}?`) ||
      pageUrl.startsWith(`${s.id}#`),
  );
  const server = candidates.sort((a, b) => b.id.length - a.id.length)[0];
  if (!server) return null;
  const pattern = hostPattern(server.origin);
  return pattern && (await deps.permissions.contains(pattern)) ? server : null;
}

export async function requireServer(deps: BackgroundDeps, id: string): Promise<Reply<ServerView>> {
  const server = (await readServers(deps.local))[id];
  if (!server) return failed('unknown-server', 'This XNAT server is not known to the extension.');
  const pattern = hostPattern(server.origin);
  if (!pattern || !(await deps.permissions.contains(pattern))) {
    return failed(
      'no-permission',
      'Access to this XNAT server has been withdrawn. Grant it again to continue.',
    );
  }
  return ok(server);
}
