// Expiry reminders: one alarm for the earliest reminder due across all servers; when it fires (or
// when the worker learns about tokens), due reminders are checked against XNAT with one `show` per
// server and sent as notifications. Nothing polls: no reminder due, no request.
import { countdownText } from '../expiry/countdown';
import { dueReminder, inBadgeWindow, nextReminderAt } from '../expiry/reminders';
import type { Server, TokenMeta } from '../storage/schema';
import {
  readSentReminders,
  readServers,
  readSettings,
  readTokens,
  writeSentReminders,
  writeTokens,
} from '../storage/store';
import { serverTitle, shortAlias, tokenName } from '../xnat/names';
import type { BackgroundDeps } from './deps';
import { client } from './xnat-client';

export const REMINDER_ALARM = 'expiry-reminders';

export function notificationId(serverId: string, alias: string): string {
  return `xtt|${serverId}|${alias}`;
}

export function parseNotificationId(id: string): { serverId: string; alias: string } | null {
  const [prefix, serverId, alias] = id.split('|');
  return prefix === 'xtt' && serverId && alias ? { serverId, alias } : null;
}

/**
 * Sends the reminders that are due. `fresh` names servers whose list was just read from XNAT, so
 * their tokens need no second check.
 */
export async function runReminders(
  deps: BackgroundDeps,
  fresh: ReadonlySet<string> = new Set(),
): Promise<void> {
  const { notifyMinutesBefore: leads } = await readSettings(deps.local);
  for (const server of Object.values(await readServers(deps.local))) {
    const serverNow = deps.now() + server.clockOffsetMs;
    let tokens = await readTokens(deps.local, server.id);
    const sent = await readSentReminders(deps.local, server.id);
    const due = tokens
      .map((token) => ({
        token,
        decision: dueReminder(token.expiry, leads, sent[token.alias] ?? null, serverNow),
      }))
      .filter(({ decision }) => decision.markSent.length > 0);
    const unseen = tokens.some((t) => !sent[t.alias]);
    if (due.length === 0 && !unseen) continue;
    if (due.some(({ decision }) => decision.notify !== null) && !fresh.has(server.id)) {
      tokens = await recheck(deps, server, tokens);
    }
    const present = new Set(tokens.map((t) => t.alias));
    for (const { token, decision } of due) {
      if (!present.has(token.alias)) continue;
      sent[token.alias] = [...(sent[token.alias] ?? []), ...decision.markSent];
      // A notification that cannot be shown must not fail the list or copy that led here.
      if (decision.notify !== null) await notify(deps, server, token, serverNow).catch(() => undefined);
    }
    // Seen before expiry: from now on its reminders are news. Gone: forget it, so the record stays small.
    for (const alias of present) sent[alias] ??= [];
    for (const alias of Object.keys(sent)) if (!present.has(alias)) delete sent[alias];
    await writeSentReminders(deps.local, server.id, sent);
  }
  await scheduleReminders(deps);
}

/** One `show`: a token the user already deleted (or XNAT swept) gets no reminder. */
async function recheck(deps: BackgroundDeps, server: Server, cached: TokenMeta[]): Promise<TokenMeta[]> {
  const listed = await client(deps, server).listTokens();
  // Unreachable or logged out: the cached list is the best knowledge; a late warning beats none.
  if (!listed.ok) return cached;
  const aliases = new Set(listed.value.tokens.map((t) => t.alias));
  const kept = cached.filter((t) => aliases.has(t.alias));
  await writeTokens(deps.local, server.id, kept);
  return kept;
}

async function notify(
  deps: BackgroundDeps,
  server: Server,
  token: TokenMeta,
  serverNow: number,
): Promise<void> {
  const { t } = deps;
  await deps.notifications.show(notificationId(server.id, token.alias), {
    title: t('notificationTitle', serverTitle(server), countdownText(token.expiry, serverNow, t)),
    message: token.label
      ? t('notificationMessageLabelled', shortAlias(token.alias), token.label)
      : t('notificationMessage', shortAlias(token.alias)),
  });
}

/** The alarm for the earliest pending reminder, and the badge; called whenever tokens change. */
export async function scheduleReminders(deps: BackgroundDeps): Promise<void> {
  const { notifyMinutesBefore: leads } = await readSettings(deps.local);
  let earliestLocal: number | null = null;
  const soon: string[] = [];
  for (const server of Object.values(await readServers(deps.local))) {
    const serverNow = deps.now() + server.clockOffsetMs;
    const sent = await readSentReminders(deps.local, server.id);
    for (const token of await readTokens(deps.local, server.id)) {
      const at = nextReminderAt(token.expiry, leads, sent[token.alias] ?? []);
      // Alarms run on this computer's clock; reminders are due in the server's.
      if (at !== null)
        earliestLocal = Math.min(earliestLocal ?? Number.POSITIVE_INFINITY, at - server.clockOffsetMs);
      if (inBadgeWindow(token.expiry, leads, serverNow)) {
        soon.push(
          deps.t(
            'badgeLine',
            serverTitle(server),
            tokenName(token),
            countdownText(token.expiry, serverNow, deps.t),
          ),
        );
      }
    }
  }
  if (earliestLocal === null) await deps.alarms.clear(REMINDER_ALARM);
  else await deps.alarms.create(REMINDER_ALARM, Math.max(earliestLocal, deps.now() + 1000));
  await deps.badge.set(soon.length, soon.join('\n'));
}
