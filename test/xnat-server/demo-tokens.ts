// A realistic token list for trying the extension: a few tokens of the user's own, one of them
// expiring within the hour, and what XNAT's container service leaves behind.
import type { XnatControl } from './server';
import type { StoredToken } from './state';

export interface DemoTokens {
  /** Expires in 20 minutes: the one a reminder is about. */
  expiringSoon: StoredToken;
  own: StoredToken[];
  pipeline: StoredToken[];
}

export function seedDemoTokens(control: XnatControl, burst: number): DemoTokens {
  const now = control.state.now();
  const minute = 60_000;
  const day = 24 * 60 * minute;
  const expiringSoon = control.seedToken({
    created: now - 2 * day + 20 * minute,
    expires: now + 20 * minute,
  });
  const own = [
    expiringSoon,
    control.seedToken({ created: now - 2 * day + 5 * 60 * minute, expires: now + 5 * 60 * minute }),
    control.seedToken({ created: now - 6 * 60 * minute, expires: now - 6 * 60 * minute + 2 * day }),
    control.seedToken({ created: now - minute, singleUse: true }),
  ];
  return { expiringSoon, own, pipeline: control.seedBurst(burst) };
}
