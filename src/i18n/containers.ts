// The short line by a token a container holds: what it runs, where, and for how long or since when.
import { timeLeftText } from '../expiry/countdown';
import type { HeldBy } from '../storage/schema';
import type { Strings } from './strings';

/** "container: dcm2niix · CENTRAL_01 · running 47 h" or "… · finished 3 d ago". */
export function heldByText(container: HeldBy, now: number, t: Strings): string {
  const where = container.project ? `${container.what} · ${container.project}` : container.what;
  const age = timeLeftText(Math.max(0, now - container.since), t);
  return t(container.running ? 'containerRunning' : 'containerFinished', where, age);
}
