// Expiry reminders. One alarm for the earliest reminder due across all servers; when it fires (or
// when the worker learns about tokens) a pass checks what is due, re-checks it against XNAT with one
// `show` per server unless the list was just read, records it as sent and then notifies: one
// notification per server per pass. Passes run one at a time; with no reminder due, nothing is sent
// to XNAT. By default only the tokens the user uses count; a setting includes all. A pass checks the
// tokens of the account the browser was last logged in as, and only with that account's session: when
// the browser has switched to another account it waits until the first one lists again.
import { countdownText, timeLeftText } from '../expiry/countdown';
import { dueReminder, inBadgeWindow, nextReminderAt } from '../expiry/reminders';
import { plural } from '../i18n/strings';
import type { Server, Settings, TokenMeta } from '../storage/schema';
import { readServers, readSettings, readSummary, readTokens } from '../storage/store';
import { serverTitle, tokenName } from '../xnat/names';
import { workerMemory } from './coordination';
import type { BackgroundDeps } from './deps';
import { jobWarningAt, warnJobs } from './job-warnings';
import { serverNow, updateTokens } from './token-records';
import { freshTokens } from './tokens';

export const REMINDER_ALARM = 'expiry-reminders';
const MINUTE = 60_000;

export function notificationId(serverId: string): string {
  return `xtt|${serverId}`;
}

/** A reminder's id, or a job warning's (`jobs`: it offers no replacement, the container holds the token). */
export function parseNotificationId(id: string): { serverId: string; jobs: boolean } | null {
  const [prefix, serverId] = id.split('|');
  return (prefix === 'xtt' || prefix === 'xtt-jobs') && serverId
    ? { serverId, jobs: prefix === 'xtt-jobs' }
    : null;
}

/**
 * The tokens reminders and the badge cover on a server: its current account's, never one handed to
 * xnat-renew (the job renews it; a reminder to replace it by hand would be wrong).
 */
async function tokensInScope(deps: BackgroundDeps, server: Server, settings: Settings): Promise<TokenMeta[]> {
  const tokens =
    settings.remindAbout === 'all'
      ? await readTokens(deps.local, server.id, server.account)
      : (await readSummary(deps.local, server.id, server.account)).yours;
  return tokens.filter((token) => inScope(token, settings));
}

// Replaced tokens are on their way out: no reminder for them either.
const inScope = (token: TokenMeta, settings: Settings) =>
  token.yours?.why !== 'renewing' &&
  token.deleteAt === undefined &&
  (settings.remindAbout === 'all' || !!token.yours);

// One pass at a time per worker: list, copy, alarm and start-up may all ask at once. A request that
// comes during a pass is served by one more pass after it, whatever the number of requests.

interface PassState {
  running: Promise<void> | null;
  next: { fresh: Set<string>; done: Promise<void> } | null;
}

/** Sends the reminders that are due. `fresh` names servers whose list was just read from XNAT. */
export function runReminders(deps: BackgroundDeps, fresh: ReadonlySet<string> = new Set()): Promise<void> {
  const state = workerMemory<PassState>(deps, 'reminder-passes', () => ({ running: null, next: null }));
  const start = (servers: ReadonlySet<string>): Promise<void> => {
    state.running = reminderPass(deps, servers)
      .catch(() => undefined)
      .finally(() => {
        state.running = null;
      });
    return state.running;
  };
  if (!state.running) return start(fresh);
  if (state.next) {
    for (const id of fresh) state.next.fresh.add(id);
    return state.next.done;
  }
  const next = { fresh: new Set(fresh), done: Promise.resolve() };
  next.done = state.running.then(() => {
    state.next = null;
    return start(next.fresh);
  });
  state.next = next;
  return next.done;
}

async function reminderPass(deps: BackgroundDeps, fresh: ReadonlySet<string>): Promise<void> {
  const settings = await readSettings(deps.local);
  for (const server of Object.values(await readServers(deps.local))) {
    await warnJobs(deps, server, settings).catch(() => undefined);
    const now = serverNow(deps, server);
    const candidates = await tokensInScope(deps, server, settings);
    const decide = (t: TokenMeta) =>
      dueReminder(t.expiry, settings.notifyMinutesBefore, t.reminded ?? null, now, t.yours?.since);
    const pending = candidates.filter((t) => decide(t).markSent.length > 0 || t.reminded === undefined);
    if (pending.length === 0) continue;
    // One `show`, so a token the user deleted (or XNAT swept) stays quiet; never `validate`, which
    // would use up a single-use token.
    if (pending.some((t) => decide(t).notify !== null) && !fresh.has(server.id)) {
      // Another account logged in meanwhile: its list is stored, and these tokens wait for theirs.
      if (!(await recheck(deps, server))) continue;
    }
    // Decided and recorded under the token lock, then notified: at most once, even if the worker
    // stops between the two.
    const due = await updateTokens(
      deps,
      server,
      (tokens) => {
        const notify: { token: TokenMeta; lead: number }[] = [];
        const next = tokens.map((token) => {
          if (!inScope(token, settings)) return token;
          const decision = decide(token);
          if (decision.markSent.length === 0 && token.reminded !== undefined) return token;
          if (decision.notify !== null) notify.push({ token, lead: decision.notify });
          return { ...token, reminded: [...(token.reminded ?? []), ...decision.markSent] };
        });
        return { tokens: next, result: notify };
      },
      { quiet: true },
    );
    // A notification that cannot be shown must not fail the list or copy that led here.
    if (due.length) await notify(deps, server, due, now).catch(() => undefined);
  }
  await scheduleReminders(deps);
}

/**
 * One `show`: the stored list becomes what XNAT has now. Unreachable: the cached list stands. False
 * when the browser is now logged in as another account than the one whose tokens are due.
 */
async function recheck(deps: BackgroundDeps, server: Server): Promise<boolean> {
  const fresh = await freshTokens(deps, server);
  return !fresh.ok || fresh.value.server.account === server.account;
}

/** "3 tokens on CNDA (cnda.example.org) expire within 1 h" — naming them, and what to do. */
async function notify(
  deps: BackgroundDeps,
  server: Server,
  due: { token: TokenMeta; lead: number }[],
  now: number,
): Promise<void> {
  const { t } = deps;
  const sorted = [...due].sort((a, b) => a.token.expiry - b.token.expiry);
  const [first] = sorted;
  if (!first) return;
  const where = serverTitle(server);
  const widest = Math.max(...sorted.map((d) => d.lead));
  const title =
    sorted.length === 1
      ? t('notificationOneTitle', tokenName(first.token), where, countdownText(first.token.expiry, now, t))
      : widest === 0
        ? plural(t, 'notificationExpiredTitle', sorted.length, where)
        : plural(t, 'notificationManyTitle', sorted.length, where, timeLeftText(widest * MINUTE, t));
  const shown = sorted.slice(0, 2).map((d) => tokenName(d.token));
  if (sorted.length > 2) shown.push(plural(t, 'notificationMore', sorted.length - 2));
  const message =
    sorted.length === 1 ? t('notificationOneMessage') : t('notificationManyMessage', shown.join(', '));
  await deps.notifications.show(notificationId(server.id), { title, message });
}

/** The alarm for the earliest pending reminder, and the badge; called whenever tokens change. */
export async function scheduleReminders(deps: BackgroundDeps): Promise<void> {
  const settings = await readSettings(deps.local);
  const leads = settings.notifyMinutesBefore;
  let earliestLocal: number | null = null;
  const soon: string[] = [];
  for (const server of Object.values(await readServers(deps.local))) {
    const now = serverNow(deps, server);
    for (const token of await readTokens(deps.local, server.id, server.account)) {
      const warnAt = jobWarningAt(token, settings);
      if (warnAt !== null && token.expiry > now)
        earliestLocal = Math.min(earliestLocal ?? Number.POSITIVE_INFINITY, warnAt - server.clockOffsetMs);
    }
    for (const token of await tokensInScope(deps, server, settings)) {
      const at = nextReminderAt(token.expiry, leads, token.reminded ?? []);
      // Alarms run on this computer's clock; reminders are due in the server's.
      if (at !== null)
        earliestLocal = Math.min(earliestLocal ?? Number.POSITIVE_INFINITY, at - server.clockOffsetMs);
      if (inBadgeWindow(token.expiry, leads, now))
        soon.push(
          deps.t(
            'badgeLine',
            serverTitle(server),
            tokenName(token),
            countdownText(token.expiry, now, deps.t),
          ),
        );
    }
  }
  if (earliestLocal === null) await deps.alarms.clear(REMINDER_ALARM);
  else await deps.alarms.create(REMINDER_ALARM, Math.max(earliestLocal, deps.now() + 1000));
  await deps.badge.set(soon.length, soon.join('\n'));
}
