// Host grants are the source of truth: the page script is registered for every granted host with a
// known server, and a server whose grant goes is forgotten with everything stored about it.
import { readServers } from '../storage/store';
import { hostPattern } from '../xnat/server-identity';
import type { BackgroundDeps } from './deps';
import { forgetServerRecords } from './token-records';

/** Only patterns for one exact host get a content script; a grant of "all sites" does not. */
export function isSingleHostPattern(pattern: string): boolean {
  return /^https?:\/\/[^*/]+\/\*$/.test(pattern);
}

/** permissions.onRemoved, from our own views or the browser's UI: purge whatever the grant covered. */
export async function onPermissionsRemoved(deps: BackgroundDeps, patterns: string[]): Promise<void> {
  const removed = new Set(patterns);
  for (const server of Object.values(await readServers(deps.local))) {
    const pattern = hostPattern(server.origin);
    if (pattern && removed.has(pattern)) await forgetServerRecords(deps, server.id);
  }
  for (const pattern of patterns)
    if (isSingleHostPattern(pattern)) await deps.contentScripts.unregister(pattern);
}

/** At start-up: grants may have changed while the worker was gone (browser UI, sync, restart). */
export async function reconcile(deps: BackgroundDeps): Promise<void> {
  // Read first: a server added meanwhile registers its own script, which this pass must not undo.
  const registered = await deps.contentScripts.registered();
  const wanted = new Set<string>();
  for (const server of Object.values(await readServers(deps.local))) {
    const pattern = hostPattern(server.origin);
    if (pattern && (await deps.permissions.contains(pattern))) wanted.add(pattern);
    else await forgetServerRecords(deps, server.id);
  }
  for (const pattern of registered) {
    if (!wanted.has(pattern)) await deps.contentScripts.unregister(pattern);
  }
  for (const pattern of wanted)
    if (!registered.includes(pattern)) await deps.contentScripts.register(pattern);
}

export async function ensureContentScript(deps: BackgroundDeps, pattern: string): Promise<void> {
  if (!(await deps.contentScripts.registered()).includes(pattern))
    await deps.contentScripts.register(pattern);
}
