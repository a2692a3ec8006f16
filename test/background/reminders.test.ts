// @vitest-environment node
// Reminders with a fake clock, the fake browser and the simulated XNAT (issue 6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReplacement, openTokenPageOf } from '../../src/background/notification-actions';
import { notificationId, REMINDER_ALARM, runReminders } from '../../src/background/reminders';
import { fakeDeps } from '../fakes/fake-deps';
import { type Harness, harness, value } from './harness';

const MIN = 60_000;
let clock: number;
let h: Harness;
let serverId: string;
let title: string;

beforeEach(async () => {
  clock = Date.now();
  h = await harness({}, (fetch) => fakeDeps(fetch, { granted: ['http://127.0.0.1/*'], now: () => clock }));
  serverId = await h.addServer();
  title = `XNAT (${h.xnat.url.replace('http://', '')})`;
});
afterEach(async () => {
  await h.stop();
});

const shownFor = (alias: string) => h.deps.shown.get(notificationId(serverId, alias)) ?? [];
const seed = (expiresInMin: number) =>
  h.xnat.control.seedToken({ created: clock - 60 * MIN, expires: clock + expiresInMin * MIN });

describe('reminders', () => {
  it('a token 20 minutes from expiry gets the 1-hour reminder as soon as the list is read, once', async () => {
    const token = seed(20);
    value(await h.ask('tokens.list', { serverId }));
    expect(shownFor(token.alias)).toEqual([
      {
        title: `${title}: token expires in 20 min`,
        message: expect.stringContaining(token.alias.slice(0, 8)),
      },
    ]);
    expect(h.deps.badgeState.count).toBe(1);
    expect(h.deps.badgeState.tooltip).toContain('expires in 20 min');
    value(await h.ask('tokens.list', { serverId }));
    await runReminders(h.deps);
    expect(shownFor(token.alias)).toHaveLength(1);
  });

  it('each lead time fires once as the clock moves, and the alarm follows the next one', async () => {
    const token = seed(3 * 24 * 60);
    value(await h.ask('tokens.list', { serverId }));
    expect(h.deps.alarmsSet.get(REMINDER_ALARM)).toBe(token.estimatedExpirationTime - 1440 * MIN);
    clock = token.estimatedExpirationTime - 1440 * MIN;
    await runReminders(h.deps);
    expect(h.deps.alarmsSet.get(REMINDER_ALARM)).toBe(token.estimatedExpirationTime - 60 * MIN);
    clock = token.estimatedExpirationTime - 60 * MIN;
    await runReminders(h.deps);
    clock = token.estimatedExpirationTime;
    await runReminders(h.deps);
    await runReminders(h.deps);
    expect(shownFor(token.alias).map((n) => n.title)).toEqual([
      `${title}: token expires in 1 d`,
      `${title}: token expires in 1 h`,
      `${title}: token expired (estimate)`,
    ]);
    expect(h.deps.alarmsSet.has(REMINDER_ALARM)).toBe(false);
  });

  it('a sleep across several lead times gives one catch-up per token, not a burst', async () => {
    const a = seed(3 * 24 * 60);
    const b = seed(2 * 24 * 60);
    value(await h.ask('tokens.list', { serverId }));
    clock += 3 * 24 * 60 * MIN - 30 * MIN;
    await runReminders(h.deps);
    expect(shownFor(a.alias)).toHaveLength(1);
    expect(shownFor(b.alias)).toHaveLength(1);
  });

  it('survives a worker restart: what was sent is in storage, not in memory', async () => {
    const token = seed(20);
    value(await h.ask('tokens.list', { serverId }));
    const restarted = { ...h.deps }; // a new worker: same storage, nothing else carried over
    await runReminders(restarted);
    expect(shownFor(token.alias)).toHaveLength(1);
  });

  it('a token deleted on XNAT since it was listed produces nothing', async () => {
    const token = seed(3 * 24 * 60);
    value(await h.ask('tokens.list', { serverId }));
    h.xnat.control.state.tokens.delete(token.id);
    h.xnat.control.resetCounters();
    clock = token.estimatedExpirationTime - 30 * MIN;
    await runReminders(h.deps);
    expect(shownFor(token.alias)).toEqual([]);
    expect(h.xnat.control.requestCount('GET /data/services/tokens/show')).toBe(1);
    expect(h.deps.badgeState.count).toBe(0);
  });

  it('no reminder due, no request to XNAT', async () => {
    seed(3 * 24 * 60);
    value(await h.ask('tokens.list', { serverId }));
    h.xnat.control.resetCounters();
    await runReminders(h.deps);
    expect(h.xnat.control.requestCount()).toBe(0);
  });

  it.each([2, -2])('a server clock %i h off moves the alarm by the same amount', async (hours) => {
    h.xnat.control.advanceClock(hours * 3600_000);
    const token = h.xnat.control.seedToken({
      created: clock + hours * 3600_000,
      expires: clock + hours * 3600_000 + 3 * 24 * 60 * MIN,
    });
    // The browser's session has to be made on the server's (moved) clock.
    await (await import('../fakes/cookie-jar-fetch')).logIn(h.browser, h.xnat.url);
    value(await h.ask('tokens.list', { serverId }));
    const server = value(await h.ask('servers.list', {}))[0];
    expect(Math.round((server?.clockOffsetMs ?? 0) / 3600_000)).toBe(hours);
    const alarm = h.deps.alarmsSet.get(REMINDER_ALARM) ?? 0;
    expect(Math.abs(alarm - (token.estimatedExpirationTime - 1440 * MIN - hours * 3600_000))).toBeLessThan(
      2000,
    );
  });

  it('changing the lead times in the options reschedules', async () => {
    const token = seed(3 * 24 * 60);
    value(await h.ask('tokens.list', { serverId }));
    value(await h.ask('settings.set', { notifyMinutesBefore: [2 * 24 * 60 + 60 * 24, 0] }));
    expect(shownFor(token.alias).map((n) => n.title)).toEqual([`${title}: token expires in 3 d`]);
    expect(h.deps.alarmsSet.get(REMINDER_ALARM)).toBe(token.estimatedExpirationTime);
  });

  it('a notification the browser refuses does not fail the list that triggered it', async () => {
    seed(20);
    h.deps.notifications.show = async () => {
      throw new Error('Type error for parameter options');
    };
    expect(await h.ask('tokens.list', { serverId })).toMatchObject({ ok: true });
  });

  it('the Create replacement button issues one token, copies its command and says so', async () => {
    const old = seed(20);
    value(await h.ask('tokens.list', { serverId }));
    await createReplacement(h.deps, notificationId(serverId, old.alias));
    const tokens = h.xnat.control.state.tokensOf('alice');
    expect(tokens).toHaveLength(2);
    const fresh = tokens.find((t) => t.id !== old.id);
    expect(h.deps.clipboardWrites.at(-1)).toContain(`${fresh?.alias}:${fresh?.secret}`);
    expect(shownFor(old.alias).at(-1)).toEqual({
      title: `${title}: replacement token created`,
      message: 'Its curl session script command is on the clipboard.',
    });
  });

  it('a reminder for a server that is gone does nothing', async () => {
    await createReplacement(h.deps, notificationId('https://gone.example.org', 'x'));
    await openTokenPageOf(h.deps, 'not-ours');
    expect(h.xnat.control.state.tokensOf('alice')).toHaveLength(0);
    expect(h.deps.opened).toEqual([]);
  });

  it('clicking a reminder opens that server’s token page', async () => {
    const token = seed(20);
    value(await h.ask('tokens.list', { serverId }));
    await openTokenPageOf(h.deps, notificationId(serverId, token.alias));
    const url = `${serverId}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`;
    expect(h.deps.opened).toEqual([url]);
    // XNAT ignores the hash: the page script in that tab, and only there and once, is told to show it.
    const hello = (tabId: number) =>
      h.route(
        { type: 'page.hello', payload: {} },
        { id: h.deps.extensionId, url, frameId: 0, tab: { id: tabId, url } },
      );
    expect(await hello(999)).toMatchObject({ ok: true, value: { openTokenTab: false } });
    expect(await hello(101)).toMatchObject({ ok: true, value: { openTokenTab: true } });
    expect(await hello(101)).toMatchObject({ ok: true, value: { openTokenTab: false } });
  });
});
