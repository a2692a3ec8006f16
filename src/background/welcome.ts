// The welcome page on install: the settings page in its welcome state, once per profile.
import { firstWelcome } from '../storage/store';
import type { BackgroundDeps } from './deps';

export async function welcomeOnce(deps: BackgroundDeps, welcomePageUrl: string): Promise<void> {
  if (await firstWelcome(deps.local, deps.now())) await deps.openTab(welcomePageUrl);
}
