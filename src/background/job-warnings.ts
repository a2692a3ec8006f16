// A running container whose token is about to expire loses API access mid-run: its upload at the end
// fails after hours of work. One notification per server (grouped like the reminders), once per
// token ever, at the shortest lead time before the token's expiry. Only containers the extension has
// learned of (the popup's other tokens, the token page) are watched, and their list is asked again
// (five-minute cache) only when a warning is due: an idle day costs no request for them.
import { countdownText, timeLeftText } from '../expiry/countdown';
import { plural } from '../i18n/strings';
import { amongYours, type Server, type Settings, type TokenMeta } from '../storage/schema';
import { readTokens } from '../storage/store';
import { serverTitle } from '../xnat/names';
import { withContainers } from './containers';
import type { BackgroundDeps } from './deps';
import { updateTokens } from './token-records';

const MINUTE = 60_000;

export function jobNotificationId(serverId: string): string {
  return `xtt-jobs|${serverId}`;
}

/** The shortest lead time that comes before expiry (an hour when only "at expiry" is chosen). */
function leadMs(settings: Settings): number {
  const before = settings.notifyMinutesBefore.filter((m) => m > 0);
  return (before.length ? Math.min(...before) : 60) * MINUTE;
}

/** When the running job holding this token should hear of it (server time), or null. */
export function jobWarningAt(token: TokenMeta, settings: Settings): number | null {
  if (!settings.warnJobs || !token.container?.running || token.jobWarned || amongYours(token)) return null;
  return token.expiry - leadMs(settings);
}

const dueNow = (token: TokenMeta, settings: Settings, now: number) => {
  const at = jobWarningAt(token, settings);
  return at !== null && at <= now && token.expiry > now;
};

export async function warnJobs(deps: BackgroundDeps, server: Server, settings: Settings): Promise<void> {
  const now = () => deps.now() + server.clockOffsetMs;
  const known = await readTokens(deps.local, server.id, server.account);
  if (!known.some((t) => dueNow(t, settings, now()))) return;
  // The container service again (cached five minutes): a job that finished meanwhile is not warned.
  const annotated = await withContainers(deps, server);
  if (!annotated) return;
  const due = await updateTokens(
    deps,
    server,
    (tokens) => {
      const warned = tokens.filter((t) => dueNow(t, settings, now()));
      const ids = new Set(warned.map((t) => t.id));
      return {
        tokens: tokens.map((t) => (ids.has(t.id) ? { ...t, jobWarned: true as const } : t)),
        result: warned,
      };
    },
    { quiet: true },
  );
  if (due.length) await notifyJobs(deps, server, due, now()).catch(() => undefined);
}

/** "dcm2niix (CENTRAL_01) on CNDA (cnda.example.org) loses API access in 45 min". */
async function notifyJobs(
  deps: BackgroundDeps,
  server: Server,
  due: TokenMeta[],
  now: number,
): Promise<void> {
  const { t } = deps;
  const sorted = [...due].sort((a, b) => a.expiry - b.expiry);
  const job = (token: TokenMeta) =>
    token.container?.project
      ? `${token.container.what} (${token.container.project})`
      : (token.container?.what ?? '');
  const where = serverTitle(server);
  const [first] = sorted;
  if (!first) return;
  const last = sorted[sorted.length - 1] as TokenMeta;
  const title =
    sorted.length === 1
      ? t('jobWarningOneTitle', job(first), where, countdownText(first.expiry, now, t))
      : plural(t, 'jobWarningManyTitle', sorted.length, where, timeLeftText(last.expiry - now, t));
  const named = sorted.slice(0, 2).map(job);
  if (sorted.length > 2) named.push(plural(t, 'notificationMore', sorted.length - 2));
  const message =
    sorted.length === 1 ? t('jobWarningOneMessage') : t('jobWarningManyMessage', named.join(', '));
  await deps.notifications.show(jobNotificationId(server.id), { title, message });
}
