// A view asks for a host permission and may close while the browser asks (Firefox closes the popup).
// So it first tells the background what the grant is for; the grant listener then adds the server
// and decorates the tab the user was looking at.
import { hostPattern } from '../xnat/server-identity';
import type { BackgroundDeps } from './deps';
import { addServer } from './servers';
import { sessionNotes } from './session-notes';

// An intent the user never answered is dropped: a later grant from elsewhere must not act on it.
const grantIntents = sessionNotes<{ url: string; tabId?: number }>('grant-intents', 10 * 60 * 1000);

/** A view is about to ask for this URL's host: remember what to do once it is granted. */
export function recordIntent(deps: BackgroundDeps, url: string, tabId?: number): Promise<void> {
  return grantIntents.put(deps, url, tabId === undefined ? { url } : { url, tabId });
}

/** permissions.onAdded: complete the intents this grant answers. */
export async function onPermissionsAdded(deps: BackgroundDeps, patterns: string[]): Promise<void> {
  const granted = new Set(patterns);
  const answered = await grantIntents.take(deps, (intent) => granted.has(hostPattern(intent.url) ?? ''));
  for (const intent of answered) await addServer(deps, intent.url, intent.tabId);
}
