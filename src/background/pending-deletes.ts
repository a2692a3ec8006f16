// Deletes a person scheduled when replacing a token ("in 1 hour", "when it expires"). The time is
// kept with the token (storage.local) and an alarm is set for the earliest, so the promise survives
// a stopped worker, a browser restart and sleep. A delete is made with the browser session of the
// token's own account; logged out or logged in as someone else, it waits and tries again later.
import { readServers, readTokens } from '../storage/store';
import { once } from './coordination';
import type { BackgroundDeps } from './deps';
import { serverNow, updateTokens } from './token-records';
import { client } from './xnat-client';

export const DELETE_ALARM = 'pending-deletes';
// One request per wait, and only while a delete is overdue: never a poll that keeps a session alive.
const RETRY_MS = 6 * 3600_000;

/** The alarm for the earliest pending delete, in this computer's clock (deletes are server time). */
export async function scheduleDeletes(deps: BackgroundDeps): Promise<void> {
  let earliest: number | null = null;
  for (const server of Object.values(await readServers(deps.local))) {
    for (const account of server.accounts ?? []) {
      for (const token of await readTokens(deps.local, server.id, account)) {
        if (token.deleteAt === undefined) continue;
        earliest = Math.min(earliest ?? Number.POSITIVE_INFINITY, token.deleteAt - server.clockOffsetMs);
      }
    }
  }
  if (earliest === null) await deps.alarms.clear(DELETE_ALARM);
  else await deps.alarms.create(DELETE_ALARM, Math.max(earliest, deps.now() + 1000));
}

/** The alarm fired (or tokens changed): delete what is due, as the account it belongs to. */
export function runDueDeletes(deps: BackgroundDeps): Promise<void> {
  return once(deps, 'due-deletes', () => deleteDue(deps));
}

async function deleteDue(deps: BackgroundDeps): Promise<void> {
  for (const server of Object.values(await readServers(deps.local))) {
    // Only the account logged in last can delete its tokens; the others wait for their session.
    const { account } = server;
    if (account === undefined) continue;
    const now = serverNow(deps, server);
    const due = (await readTokens(deps.local, server.id, account)).filter(
      (t) => t.deleteAt !== undefined && t.deleteAt <= now,
    );
    for (const token of due) {
      const result = await client(deps, server).invalidateToken(token.alias);
      const gone = result.ok || result.failure.kind === 'not-found';
      await updateTokens(
        deps,
        { id: server.id, account },
        (tokens) => ({
          tokens: gone
            ? tokens.filter((t) => t.id !== token.id)
            : tokens.map((t) => (t.id === token.id ? { ...t, deleteAt: now + RETRY_MS } : t)),
          result: null,
        }),
        { quiet: true },
      );
    }
  }
  await scheduleDeletes(deps);
}
