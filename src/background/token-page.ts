// Sending the user to a server's Manage Alias Tokens tab. XNAT itself ignores the `#tab=` hash (its
// userProfile.js selects the profile tab), so the tab the extension opens carries a one-time intent
// that the page script receives with its hello, and then clicks XNAT's own tab control.
import type { Server } from '../storage/schema';
import { tokenPageUrl } from '../xnat/server-identity';
import type { BackgroundDeps } from './deps';

const INTENTS = 'token-tab-intents';
// Long enough for a slow XNAT to load its profile page; short enough that a reused tab id is safe.
const INTENT_LIFETIME_MS = 2 * 60 * 1000;

type Intents = Record<string, number>;

export async function openTokenPage(deps: BackgroundDeps, server: Server): Promise<void> {
  const tabId = await deps.openTab(tokenPageUrl(server));
  if (tabId === undefined) return;
  const intents = await liveIntents(deps);
  await deps.session.set({ [INTENTS]: { ...intents, [tabId]: deps.now() } });
}

/** Whether the extension opened this tab to show the token tab; asked once, then forgotten. */
export async function takeTokenTabIntent(deps: BackgroundDeps, tabId: number): Promise<boolean> {
  const intents = await liveIntents(deps);
  if (!(tabId in intents)) return false;
  delete intents[tabId];
  await deps.session.set({ [INTENTS]: intents });
  return true;
}

async function liveIntents(deps: BackgroundDeps): Promise<Intents> {
  const stored = (await deps.session.get<Intents>(INTENTS)) ?? {};
  return Object.fromEntries(Object.entries(stored).filter(([, at]) => deps.now() - at < INTENT_LIFETIME_MS));
}
