// A view asks for a host permission and may close while the browser asks (Firefox closes the popup).
// So it first tells the background what the grant is for; the grant listener then adds the server
// and decorates the tab the user was looking at.
import { hostPattern } from '../xnat/server-identity';
import type { BackgroundDeps } from './deps';
import { addServer } from './servers';

const INTENTS = 'grant-intents';
// An intent the user never answered is dropped: a later grant from elsewhere must not act on it.
const INTENT_LIFETIME_MS = 10 * 60 * 1000;

interface Intent {
  url: string;
  tabId?: number;
  at: number;
}

/** A view is about to ask for this URL's host: remember what to do once it is granted. */
export async function recordIntent(deps: BackgroundDeps, url: string, tabId?: number): Promise<void> {
  const live = await liveIntents(deps);
  const intent: Intent = tabId === undefined ? { url, at: deps.now() } : { url, tabId, at: deps.now() };
  await deps.session.set({ [INTENTS]: [...live.filter((i) => i.url !== url), intent] });
}

async function liveIntents(deps: BackgroundDeps): Promise<Intent[]> {
  const stored = (await deps.session.get<Intent[]>(INTENTS)) ?? [];
  return stored.filter((i) => deps.now() - i.at < INTENT_LIFETIME_MS);
}

/** permissions.onAdded: complete the intents this grant answers. */
export async function onPermissionsAdded(deps: BackgroundDeps, patterns: string[]): Promise<void> {
  const granted = new Set(patterns);
  const intents = await liveIntents(deps);
  const answered = intents.filter((i) => granted.has(hostPattern(i.url) ?? ''));
  await deps.session.set({ [INTENTS]: intents.filter((i) => !answered.includes(i)) });
  for (const intent of answered) await addServer(deps, intent.url, intent.tabId);
}
