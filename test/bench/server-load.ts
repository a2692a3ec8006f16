// Load on XNAT: sessions opened by the copied commands, and what the background sends in a day
// with 20 tokens on 3 servers and nobody touching anything.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REMINDER_ALARM, runReminders } from '../../src/background/reminders';
import { createRequests } from '../../src/background/requests';
import { createRouter } from '../../src/background/router';
import { buildSnippet } from '../../src/snippets/build';
import { cookieJarFetch, logIn } from '../fakes/cookie-jar-fetch';
import { EXTENSION_ORIGIN, fakeDeps } from '../fakes/fake-deps';
import { type RunningXnat, start } from '../xnat-server/server';
import type { Row } from './stats';

const run = promisify(execFile);
const MIN = 60_000;

export async function commandRows(): Promise<Row[]> {
  const xnat = await start({ contextPath: '/xnat' });
  const token = xnat.control.seedToken();
  const request = {
    server: { origin: xnat.origin, contextPath: '/xnat' },
    alias: token.alias,
    secret: token.secret,
  };
  const oneShot = buildSnippet('curl', request);
  const script = buildSnippet('curl-session', request);
  if (!oneShot.ok || !script.ok) throw new Error('snippet refused');
  xnat.control.resetCounters();
  for (let i = 0; i < 10; i++) await run('bash', ['-c', oneShot.value.text]);
  const oneShotSessions = xnat.control.sessionsCreated();
  xnat.control.resetCounters();
  const openBefore = xnat.control.openSessions();
  // The session script with ten calls: nine more lines like its own, before it logs out.
  const extra = '\n  curl -sSf -b "JSESSIONID=$jsession" "$xnat/data/projects?format=csv" >/dev/null'.repeat(
    9,
  );
  await run('bash', ['-c', script.value.text.replace(/\n\)$/, `${extra}\n)`)]);
  const scriptSessions = xnat.control.sessionsCreated();
  const scriptCalls = xnat.control.requestCount('GET /data/projects');
  const leftOpen = xnat.control.openSessions() - openBefore;
  await xnat.stop();
  return [
    {
      group: 'server load',
      measure: 'sessions: one-shot curl run 10 times',
      value: String(oneShotSessions),
      reference: '10 calls',
      target: '10 (one per call)',
      ok: oneShotSessions === 10,
    },
    {
      group: 'server load',
      measure: `sessions: session script, ${scriptCalls} calls`,
      value: String(scriptSessions),
      reference: `${leftOpen} left open`,
      target: '1',
      ok: scriptSessions === 1 && leftOpen === 0,
    },
  ];
}

/** A day of alarms on a fake clock: how many wake-ups, reminders and requests to XNAT. */
async function simulateDay(
  deps: ReturnType<typeof fakeDeps>,
  servers: RunningXnat[],
  clock: { now: number },
): Promise<{ alarms: number; reminders: number; requests: number; lists: number; sessions: number }> {
  for (const xnat of servers) xnat.control.resetCounters();
  const shownBefore = [...deps.shown.values()].reduce((sum, list) => sum + list.length, 0);
  const end = clock.now + 24 * 60 * MIN;
  let alarms = 0;
  for (;;) {
    const next = deps.alarmsSet.get(REMINDER_ALARM);
    if (next === undefined || next > end) break;
    // XNAT's clock moves too: the extension reads server time from its Date header.
    for (const xnat of servers) xnat.control.advanceClock(next - clock.now);
    clock.now = next;
    alarms += 1;
    await runReminders(deps);
  }
  return {
    alarms,
    reminders: [...deps.shown.values()].reduce((sum, list) => sum + list.length, 0) - shownBefore,
    requests: servers.reduce((sum, x) => sum + x.control.requestCount(), 0),
    lists: servers.reduce((sum, x) => sum + x.control.requestCount('GET /data/services/tokens/show'), 0),
    sessions: servers.reduce((sum, x) => sum + x.control.sessionsCreated(), 0),
  };
}

function backgroundWithFakeClock(clock: { now: number }) {
  const browser = cookieJarFetch();
  const deps = fakeDeps(browser, { granted: ['http://127.0.0.1/*'], now: () => clock.now });
  const route = createRouter(deps, createRequests(deps));
  const ask = async (type: string, payload: object) => {
    const reply = await route({ type, payload }, { id: deps.extensionId, url: `${EXTENSION_ORIGIN}/popup` });
    await deps.settle();
    return reply;
  };
  return { browser, deps, ask };
}

/** Twenty tokens the user uses, on three servers, listed once; then a day with nobody touching anything. */
export async function idleDayRows(): Promise<Row[]> {
  const clock = { now: Date.now() };
  const servers: RunningXnat[] = [];
  const { browser, deps, ask } = backgroundWithFakeClock(clock);
  for (const [i, contextPath] of ['', '/xnat', '/cnda'].entries()) {
    const xnat = await start({ contextPath, sweepIntervalMs: 0, sessionTimeoutMs: 7 * 24 * 60 * MIN });
    servers.push(xnat);
    await logIn(browser, xnat.url);
    await ask('servers.add', { url: `${xnat.url}/` });
    for (let t = i; t < 20; t += 3) {
      const token = xnat.control.seedToken({
        created: clock.now - 60 * MIN,
        expires: clock.now + (30 + t * 150) * MIN,
      });
      await ask('tokens.watch', { serverId: xnat.url, tokenId: token.id, watched: true });
    }
    await ask('tokens.list', { serverId: xnat.url });
  }
  const day = await simulateDay(deps, servers, clock);
  for (const xnat of servers) await xnat.stop();
  return [
    {
      group: 'server load',
      measure: 'background requests in an idle day (20 tokens you use, 3 servers)',
      value: String(day.requests),
      reference: `${day.alarms} alarm wake-ups, ${day.reminders} notifications, ${day.lists} lists`,
      // A wake-up checks each server with a reminder due: its list and who is logged in, no more.
      target: 'one show + one who-is-logged-in per server checked; ≤ one check per server per wake-up',
      ok: day.requests === 2 * day.lists && day.lists <= day.alarms * servers.length,
    },
    {
      group: 'server load',
      measure: 'sessions opened by the background in that day',
      value: String(day.sessions),
      reference: '',
      target: '0',
      ok: day.sessions === 0,
    },
  ];
}

/** A container service's burst: 300 pipeline tokens and 2 the user copied, over one simulated day. */
export async function containerBurstRows(): Promise<Row[]> {
  const clock = { now: Date.now() };
  const { browser, deps, ask } = backgroundWithFakeClock(clock);
  const xnat = await start({ contextPath: '/xnat', sweepIntervalMs: 0, sessionTimeoutMs: 7 * 24 * 60 * MIN });
  await logIn(browser, xnat.url);
  await ask('servers.add', { url: `${xnat.url}/` });
  xnat.control.seedBurst(300);
  const mine = [
    xnat.control.seedToken({ created: clock.now - 60 * MIN, expires: clock.now + 5 * 60 * MIN }),
    xnat.control.seedToken({ created: clock.now - 60 * MIN, expires: clock.now + 20 * 60 * MIN }),
  ];
  for (const token of mine) await ask('tokens.copy', { serverId: xnat.url, tokenId: token.id });
  const day = await simulateDay(deps, [xnat], clock);
  // Then a popup open whose user opens the other tokens, and a second one within minutes.
  const popupOpen = async () => {
    xnat.control.resetCounters();
    await ask('tokens.list', { serverId: xnat.url });
    await ask('tokens.others', { serverId: xnat.url });
    return xnat.control.requestCount();
  };
  const firstOpen = await popupOpen();
  const secondOpen = await popupOpen();
  // The next day, the other tokens opened (their containers known): warnings for the running jobs
  // about to lose their tokens, and the requests they cost.
  const shownBefore = [...deps.shown.values()].flat().length;
  const named = await simulateDay(deps, [xnat], clock);
  const jobWarnings = [...deps.shown.values()].flat().length - shownBefore;
  // The same day with "Remind me about: all tokens", for reference.
  const allClock = { now: Date.now() };
  const all = backgroundWithFakeClock(allClock);
  const site = await start({ contextPath: '/xnat', sweepIntervalMs: 0, sessionTimeoutMs: 7 * 24 * 60 * MIN });
  await logIn(all.browser, site.url);
  await all.ask('servers.add', { url: `${site.url}/` });
  await all.ask('settings.set', { remindAbout: 'all' });
  site.control.seedBurst(300);
  await all.ask('tokens.list', { serverId: site.url });
  const allDay = await simulateDay(all.deps, [site], allClock);
  await xnat.stop();
  await site.stop();
  return [
    {
      group: 'container burst',
      measure: 'notifications in a day: 300 pipeline tokens + 2 of yours',
      value: String(day.reminders),
      reference: `"all tokens": ${allDay.reminders} (grouped per server and pass)`,
      target: '≤ 2 per token of yours (1 h, expiry)',
      ok: day.reminders <= 4,
    },
    {
      group: 'container burst',
      measure: 'popup open with the other tokens opened: requests',
      value: String(firstOpen),
      reference: `${secondOpen} for another open within 5 minutes (container list cached)`,
      target: '≤ 3 (show, who is logged in, containers), then 2',
      ok: firstOpen <= 3 && secondOpen <= 2,
    },
    {
      group: 'container burst',
      measure: 'a day after the other tokens were opened once: requests (container list among them)',
      value: `${named.requests} (${xnat.control.requestCount('GET /xapi/containers')})`,
      reference: `${named.alarms} wake-ups, ${jobWarnings} job warnings`,
      target: '≤ 3 per wake-up (show, who is logged in, containers)',
      ok: named.requests <= 3 * named.alarms,
    },
    {
      group: 'container burst',
      measure: 'requests to XNAT in that day',
      value: String(day.requests),
      reference: `${day.alarms} alarm wake-ups; "all tokens": ${allDay.requests}`,
      target: '≤ one show + one who-is-logged-in per wake-up with a reminder due',
      ok: day.requests <= 2 * day.alarms,
    },
  ];
}
