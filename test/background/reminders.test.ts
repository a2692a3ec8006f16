// @vitest-environment node
// Reminders with a fake clock, the fake browser and the simulated XNAT: only for the tokens the user
// uses (unless the setting says all), once per token and lead time even under concurrent passes,
// grouped into one notification per server per pass.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reconcile } from '../../src/background/grants';
import { jobNotificationId } from '../../src/background/job-warnings';
import { createReplacement, openTokenPageOf } from '../../src/background/notification-actions';
import { notificationId, REMINDER_ALARM, runReminders } from '../../src/background/reminders';
import { changeToken } from '../../src/background/token-records';
import { readServers } from '../../src/storage/store';
import { fakeDeps } from '../fakes/fake-deps';
import { type Harness, harness, value } from './harness';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
let clock: number;
let h: Harness;
let serverId: string;
let where: string;

beforeEach(async () => {
  clock = Date.now();
  // The session outlives the days this test skips through.
  h = await harness({ sweepIntervalMs: 0, sessionTimeoutMs: 30 * DAY }, (fetch) =>
    fakeDeps(fetch, { granted: ['http://127.0.0.1/*'], now: () => clock }),
  );
  serverId = await h.addServer();
  where = `XNAT (${h.xnat.url.replace('http://', '')})`;
});
afterEach(async () => {
  await h.stop();
});

/** Time passes for the extension and for XNAT alike (XNAT's Date header sets the server clock). */
function advanceTo(time: number) {
  h.xnat.control.advanceClock(time - clock);
  clock = time;
}
const shown = () => h.deps.shown.get(notificationId(serverId)) ?? [];
const seed = (expiresInMin: number) =>
  h.xnat.control.seedToken({ created: clock - 60 * MIN, expires: clock + expiresInMin * MIN });
/** The user copies a token: from then on it is theirs. */
const copy = async (tokenId: number) => value(await h.ask('tokens.copy', { serverId, tokenId }));

describe('which tokens get reminders', () => {
  it('300 pipeline tokens, several about to expire: no notification and an empty badge', async () => {
    for (let i = 0; i < 300; i++) seed(i % 10 === 0 ? 30 : (2 * DAY) / MIN - i);
    value(await h.ask('tokens.list', { serverId }));
    clock += 2 * DAY;
    await runReminders(h.deps);
    expect(h.deps.shown.size).toBe(0);
    expect(h.deps.badgeState.count).toBe(0);
    expect(h.deps.alarmsSet.has(REMINDER_ALARM)).toBe(false);
  });

  it('a copied token gets each reminder that falls due afterwards, once; none for one already past', async () => {
    const token = seed((2 * DAY) / MIN - 2 * 60);
    seed(20);
    value(await h.ask('tokens.list', { serverId }));
    // Copied 10 minutes after the 1-day mark passed: no catch-up for it.
    advanceTo(token.estimatedExpirationTime - DAY + 10 * MIN);
    await copy(token.id);
    expect(shown()).toEqual([]);
    expect(h.deps.alarmsSet.get(REMINDER_ALARM)).toBe(token.estimatedExpirationTime - 60 * MIN);
    advanceTo(token.estimatedExpirationTime - 60 * MIN);
    await runReminders(h.deps);
    advanceTo(token.estimatedExpirationTime);
    await runReminders(h.deps);
    await runReminders(h.deps);
    expect(shown().map((n) => n.title)).toEqual([
      `${token.alias.slice(0, 8)}…${token.alias.slice(-4)} on ${where} expires in 1 h`,
      `${token.alias.slice(0, 8)}…${token.alias.slice(-4)} on ${where} expired; XNAT removes it within the hour`,
    ]);
    expect(shown()[0]?.message).toBe('Click to open the token page, where you can create a new token.');
    expect(h.deps.alarmsSet.has(REMINDER_ALARM)).toBe(false);
  });

  it('“all tokens” in the settings includes the pipeline tokens', async () => {
    seed(20);
    value(await h.ask('settings.set', { remindAbout: 'all' }));
    value(await h.ask('tokens.list', { serverId }));
    expect(shown()).toHaveLength(1);
    expect(h.deps.badgeState.count).toBe(1);
  });

  it('a token made with the extension, named, or watched is the user’s', async () => {
    const named = seed((3 * DAY) / MIN);
    const watched = seed((3 * DAY) / MIN);
    value(await h.ask('tokens.list', { serverId }));
    value(await h.ask('tokens.label', { serverId, tokenId: named.id, label: 'nightly-sync' }));
    value(await h.ask('tokens.watch', { serverId, tokenId: watched.id, watched: true }));
    const created = value(await h.ask('tokens.create', { serverId }));
    const listed = value(await h.ask('tokens.list', { serverId }));
    expect(listed.tokens.map((t) => [t.id, t.yours?.why])).toEqual(
      expect.arrayContaining([
        [named.id, 'labelled'],
        [watched.id, 'watched'],
        [created.token?.id, 'created'],
      ]),
    );
    // Unwatching gives a token back to the others.
    value(await h.ask('tokens.watch', { serverId, tokenId: watched.id, watched: false }));
    expect(value(await h.ask('tokens.list', { serverId })).tokens.map((t) => t.id)).not.toContain(watched.id);
  });
});

describe('a token handed to xnat-renew', () => {
  it('is marked renewing, and gets no reminder and no badge: the job renews it', async () => {
    const token = seed(90);
    value(await h.ask('tokens.list', { serverId }));
    const receipt = value(await h.ask('tokens.copy', { serverId, tokenId: token.id, format: 'renewing' }));
    expect(receipt.token?.yours?.why).toBe('renewing');
    expect(h.deps.clipboardWrites.at(-1)).toContain('xnat-renew');
    advanceTo(token.estimatedExpirationTime - 30 * MIN);
    await runReminders(h.deps);
    advanceTo(token.estimatedExpirationTime + MIN);
    await runReminders(h.deps);
    expect(shown()).toEqual([]);
    expect(h.deps.badgeState.count).toBe(0);
  });
});

describe('one trigger', () => {
  it('any change to the stored tokens moves the schedule: no write needs to ask for it', async () => {
    const token = seed(30);
    value(await h.ask('tokens.list', { serverId }));
    expect(h.deps.badgeState.count).toBe(0);
    const server = (await readServers(h.deps.local))[serverId];
    if (!server) throw new Error('no server');
    // A change made the way any future handler would make it, with no reminder call of its own.
    await changeToken(h.deps, server, token.id, (t) => ({ ...t, yours: { since: clock, why: 'watched' } }));
    await h.deps.settle();
    expect(h.deps.badgeState.count).toBe(1);
  });
});

describe('once, ever', () => {
  it('passes started by list, copy, alarm and start-up at the same moment notify each due reminder once', async () => {
    const mine = [seed(3 * 60), seed(3 * 60 + 5), seed(3 * 60 + 10)];
    value(await h.ask('tokens.list', { serverId }));
    for (const token of mine) await copy(token.id);
    // Everything falls due at once after a sleep, and everything wakes at once.
    advanceTo(clock + 2 * 60 * MIN + 30 * MIN);
    await Promise.all([
      h.ask('tokens.list', { serverId }),
      h.ask('tokens.copy', { serverId, tokenId: mine[0]?.id ?? 0 }),
      runReminders(h.deps),
      reconcile(h.deps).then(() => runReminders(h.deps)),
      runReminders(h.deps, new Set([serverId])),
    ]);
    await runReminders(h.deps);
    expect(shown()).toHaveLength(1);
    expect(shown()[0]?.title).toBe(`3 tokens on ${where} expire within 1 h`);
  });

  it('survives a worker restart: what was sent is stored with the token, not kept in memory', async () => {
    const token = seed(20);
    value(await h.ask('tokens.list', { serverId }));
    await copy(token.id);
    value(await h.ask('tokens.watch', { serverId, tokenId: token.id, watched: true }));
    advanceTo(token.estimatedExpirationTime);
    await runReminders(h.deps);
    expect(shown()).toHaveLength(1);
    const restarted = { ...h.deps }; // a new worker: same storage, nothing else carried over
    await runReminders(restarted);
    expect(shown()).toHaveLength(1);
  });
});

describe('grouped', () => {
  it('several tokens due on one server make one notification naming them, the named one by its name', async () => {
    const tokens = [seed(3 * 60), seed(3 * 60 + 5), seed(3 * 60 + 10), seed(3 * 60 + 15)];
    value(await h.ask('tokens.list', { serverId }));
    for (const token of tokens) await copy(token.id);
    value(await h.ask('tokens.label', { serverId, tokenId: tokens[0]?.id ?? 0, label: 'nightly-sync' }));
    advanceTo(clock + 2 * 60 * MIN + 30 * MIN);
    await runReminders(h.deps);
    const [second] = tokens.slice(1);
    expect(shown()).toEqual([
      {
        title: `4 tokens on ${where} expire within 1 h`,
        message: `nightly-sync, ${second?.alias.slice(0, 8)}…${second?.alias.slice(-4)}, 2 more. Click to open the token page, where you can create new tokens.`,
      },
    ]);
  });
});

describe('what reminders ask of XNAT', () => {
  it('a token deleted on XNAT since it was listed produces nothing', async () => {
    const token = seed((3 * DAY) / MIN);
    value(await h.ask('tokens.list', { serverId }));
    await copy(token.id);
    h.xnat.control.state.tokens.delete(token.id);
    h.xnat.control.resetCounters();
    advanceTo(token.estimatedExpirationTime - 30 * MIN);
    await runReminders(h.deps);
    expect(shown()).toEqual([]);
    expect(h.xnat.control.requestCount('GET /data/services/tokens/show')).toBe(1);
    expect(h.deps.badgeState.count).toBe(0);
  });

  it('no reminder due, no request to XNAT', async () => {
    const token = seed((3 * DAY) / MIN);
    value(await h.ask('tokens.list', { serverId }));
    await copy(token.id);
    h.xnat.control.resetCounters();
    await runReminders(h.deps);
    expect(h.xnat.control.requestCount()).toBe(0);
  });

  it.each([2, -2])('a server clock %i h off moves the alarm by the same amount', async (hours) => {
    h.xnat.control.advanceClock(hours * 3600_000);
    const token = h.xnat.control.seedToken({
      created: clock + hours * 3600_000,
      expires: clock + hours * 3600_000 + 3 * DAY,
    });
    // The browser's session has to be made on the server's (moved) clock.
    await (await import('../fakes/cookie-jar-fetch')).logIn(h.browser, h.xnat.url);
    await copy(token.id);
    const server = value(await h.ask('servers.list', {}))[0];
    expect(Math.round((server?.clockOffsetMs ?? 0) / 3600_000)).toBe(hours);
    const alarm = h.deps.alarmsSet.get(REMINDER_ALARM) ?? 0;
    expect(Math.abs(alarm - (token.estimatedExpirationTime - DAY - hours * 3600_000))).toBeLessThan(2000);
  });

  it('changing the lead times in the settings reschedules', async () => {
    const token = seed((3 * DAY) / MIN);
    value(await h.ask('tokens.list', { serverId }));
    await copy(token.id);
    expect(h.deps.alarmsSet.get(REMINDER_ALARM)).toBe(token.estimatedExpirationTime - DAY);
    value(await h.ask('settings.set', { notifyMinutesBefore: [(2 * DAY) / MIN, 0] }));
    expect(h.deps.alarmsSet.get(REMINDER_ALARM)).toBe(token.estimatedExpirationTime - 2 * DAY);
  });

  it('a notification the browser refuses does not fail the list that triggered it', async () => {
    value(await h.ask('settings.set', { remindAbout: 'all' }));
    seed(20);
    h.deps.notifications.show = async () => {
      throw new Error('Type error for parameter options');
    };
    expect(await h.ask('tokens.list', { serverId })).toMatchObject({ ok: true });
  });
});

describe('clicking a reminder', () => {
  it('Create replacement issues one token, copies its command and says so', async () => {
    const old = seed(20);
    value(await h.ask('tokens.list', { serverId }));
    await createReplacement(h.deps, notificationId(serverId));
    const tokens = h.xnat.control.state.tokensOf('alice');
    expect(tokens).toHaveLength(2);
    const fresh = tokens.find((t) => t.id !== old.id);
    expect(h.deps.clipboardWrites.at(-1)).toContain(`${fresh?.alias}:${fresh?.secret}`);
    expect(shown().at(-1)).toEqual({
      title: `${where}: replacement token created`,
      message: 'Copied a curl command for the new token: paste it into a terminal.',
    });
  });

  it('a running job’s warning creates no replacement (its container holds the token), and opens the token page', async () => {
    await createReplacement(h.deps, jobNotificationId(serverId));
    expect(h.xnat.control.state.tokensOf('alice')).toHaveLength(0);
    expect(h.deps.clipboardWrites).toEqual([]);
    await openTokenPageOf(h.deps, jobNotificationId(serverId));
    expect(h.deps.opened).toEqual([`${serverId}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`]);
  });

  it('for a server that is gone does nothing', async () => {
    await createReplacement(h.deps, notificationId('https://gone.example.org'));
    await openTokenPageOf(h.deps, 'not-ours');
    expect(h.xnat.control.state.tokensOf('alice')).toHaveLength(0);
    expect(h.deps.opened).toEqual([]);
  });

  it('opens that server’s token page, and tells that tab’s page script to show the token tab', async () => {
    await openTokenPageOf(h.deps, notificationId(serverId));
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
