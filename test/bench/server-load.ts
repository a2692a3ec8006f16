// Load on XNAT: sessions opened by the copied commands, and what the background sends in a day
// with 20 tokens on 3 servers and nobody touching anything.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHandlers } from '../../src/background/handlers';
import { REMINDER_ALARM, runReminders } from '../../src/background/reminders';
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

/** Twenty tokens on three servers, listed once; then a day of alarms with no user action. */
export async function idleDayRows(): Promise<Row[]> {
  let clock = Date.now();
  const servers: RunningXnat[] = [];
  const browser = cookieJarFetch();
  const deps = fakeDeps(browser, { granted: ['http://127.0.0.1/*'], now: () => clock });
  const route = createRouter(deps, createHandlers(deps));
  const ask = (type: string, payload: object) =>
    route({ type, payload }, { id: deps.extensionId, url: `${EXTENSION_ORIGIN}/popup` });
  for (const [i, contextPath] of ['', '/xnat', '/cnda'].entries()) {
    const xnat = await start({ contextPath, sweepIntervalMs: 0 });
    servers.push(xnat);
    await logIn(browser, xnat.url);
    await ask('servers.add', { url: `${xnat.url}/` });
    for (let t = i; t < 20; t += 3)
      xnat.control.seedToken({ created: clock - 60 * MIN, expires: clock + (30 + t * 150) * MIN });
    await ask('tokens.list', { serverId: xnat.url });
  }
  for (const xnat of servers) xnat.control.resetCounters();
  const end = clock + 24 * 60 * MIN;
  let alarms = 0;
  for (;;) {
    const next = deps.alarmsSet.get(REMINDER_ALARM);
    if (next === undefined || next > end) break;
    clock = next;
    alarms += 1;
    await runReminders(deps);
  }
  const requests = servers.reduce((sum, x) => sum + x.control.requestCount(), 0);
  const reminders = [...deps.shown.values()].reduce((sum, list) => sum + list.length, 0);
  const sessions = servers.reduce((sum, x) => sum + x.control.sessionsCreated(), 0);
  for (const xnat of servers) await xnat.stop();
  return [
    {
      group: 'server load',
      measure: 'background requests in an idle day (20 tokens, 3 servers)',
      value: String(requests),
      reference: `${alarms} alarm wake-ups, ${reminders} reminders`,
      target: '≤ one show per wake-up with a reminder due',
      ok: requests <= alarms,
    },
    {
      group: 'server load',
      measure: 'sessions opened by the background in that day',
      value: String(sessions),
      reference: '',
      target: '0',
      ok: sessions === 0,
    },
  ];
}
