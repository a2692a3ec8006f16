// Sending the user to a server's Manage Alias Tokens tab. XNAT itself ignores the `#tab=` hash (its
// userProfile.js selects the profile tab), so the tab the extension opens carries a one-time intent
// that the page script receives with its hello, and then clicks XNAT's own tab control.
import type { Server } from '../storage/schema';
import { SESSION_KEYS } from '../storage/session-keys';
import { tokenPageUrl } from '../xnat/server-identity';
import type { BackgroundDeps } from './deps';
import { sessionNotes } from './session-notes';

// Long enough for a slow XNAT to load its profile page; short enough that a reused tab id is safe.
const tokenTabIntents = sessionNotes<true>(SESSION_KEYS.tokenTabIntents, 2 * 60 * 1000);

export async function openTokenPage(deps: BackgroundDeps, server: Server): Promise<void> {
  const tabId = await deps.openTab(tokenPageUrl(server));
  if (tabId !== undefined) await tokenTabIntents.put(deps, String(tabId), true);
}

/** Whether the extension opened this tab to show the token tab; asked once, then forgotten. */
export async function takeTokenTabIntent(deps: BackgroundDeps, tabId: number): Promise<boolean> {
  return (await tokenTabIntents.take(deps, (_, id) => id === String(tabId))).length > 0;
}
