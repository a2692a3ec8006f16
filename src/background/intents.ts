// A view asks for a host permission and may close while the browser asks (Firefox closes the popup).
// So it first tells the background what the grant is for; the grant listener then adds the server
// and decorates the tab the user was looking at. One intent per host, the newest: an address the user
// started to add and gave up on is never added by a later grant of the same host.
import { SESSION_KEYS } from '../storage/session-keys';
import { hostPattern } from '../xnat/server-identity';
import type { BackgroundDeps } from './deps';
import { addServer } from './servers';
import { sessionNotes } from './session-notes';

// About as long as a permission prompt stays open: an intent nobody answered is dropped.
const grantIntents = sessionNotes<{ url: string; tabId?: number }>(SESSION_KEYS.grantIntents, 2 * 60 * 1000);

/** A view is about to ask for this URL's host: remember what to do once it is granted. */
export async function recordIntent(deps: BackgroundDeps, url: string, tabId?: number): Promise<void> {
  const host = hostPattern(url);
  if (host) await grantIntents.put(deps, host, tabId === undefined ? { url } : { url, tabId });
}

/** The answer was no: drop the intent for this address, if it is still the host's. */
export async function cancelIntent(deps: BackgroundDeps, url: string): Promise<void> {
  await grantIntents.take(deps, (intent) => intent.url === url);
}

/** permissions.onAdded: complete the intent this grant answers. */
export async function onPermissionsAdded(deps: BackgroundDeps, patterns: string[]): Promise<void> {
  const granted = new Set(patterns);
  const answered = await grantIntents.take(deps, (_, host) => granted.has(host));
  for (const intent of answered) await addServer(deps, intent.url, intent.tabId);
}
