// @vitest-environment node
// Two accounts on one XNAT, in one browser: what the extension keeps about a token (name, "yours",
// reminders sent) belongs to (server, account). Another login never erases it, a reminder pass waits
// for its owner's session, records from before accounts migrate without loss, and a token of another
// account (a session cookie planted for the token API's path) is never copied or taken as the user's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notificationId, runReminders } from '../../src/background/reminders';
import type { TokenMeta } from '../../src/storage/schema';
import { readServers, readTokens } from '../../src/storage/store';
import { cookieJarFetch, logIn } from '../fakes/cookie-jar-fetch';
import { DEMO_USER } from '../xnat-server/server';
import { BOB, type Harness, harnessOnClock, value } from './harness';

const MIN = 60_000;
let clock: number;
let h: Harness;
let serverId: string;

beforeEach(async () => {
  clock = Date.now();
  h = await harnessOnClock(() => clock);
  serverId = await h.addServer();
});
afterEach(async () => {
  await h.stop();
});

const loginAs = (user: { username: string; password: string }) =>
  logIn(h.browser, h.xnat.url, user.username, user.password);
const seed = (username: string, expiresInMin = 2 * 24 * 60) =>
  h.xnat.control.seedToken({ username, created: clock - MIN, expires: clock + expiresInMin * MIN });
const list = async () => value(await h.ask('tokens.list', { serverId }));
const shown = () => h.deps.shown.get(notificationId(serverId)) ?? [];
const byId = (tokens: TokenMeta[], id: number) => tokens.find((t) => t.id === id);

describe('two accounts on one server', () => {
  it('alice names one token and watches another; bob logs in and lists; alice comes back to both', async () => {
    const named = seed('alice');
    const watched = seed('alice', 90);
    seed('bob');
    await list();
    value(await h.ask('tokens.label', { serverId, tokenId: named.id, label: 'nightly-sync' }));
    value(await h.ask('tokens.watch', { serverId, tokenId: watched.id, watched: true }));

    await loginAs(BOB);
    const asBob = await list();
    expect(asBob.server.account).toBe('bob');
    expect([asBob.tokens, asBob.others]).toEqual([[], 1]);

    await loginAs(DEMO_USER);
    const asAlice = await list();
    expect(asAlice.server).toMatchObject({ account: 'alice', accounts: ['bob', 'alice'] });
    expect(byId(asAlice.tokens, named.id)?.label).toBe('nightly-sync');
    expect(byId(asAlice.tokens, watched.id)?.yours?.why).toBe('watched');
    const stored = await readTokens(h.deps.local, serverId, 'alice');
    expect(stored.map((t) => t.id).sort()).toEqual([named.id, watched.id].sort());
  });

  it('a reminder due while bob is logged in waits for alice: none lost, none false, none twice', async () => {
    const token = seed('alice', 90);
    await list();
    value(await h.ask('tokens.watch', { serverId, tokenId: token.id, watched: true }));
    await loginAs(BOB);

    clock += 40 * MIN;
    h.xnat.control.advanceClock(40 * MIN);
    await runReminders(h.deps);
    expect(shown()).toEqual([]);
    // Bob's list was taken, alice's token left alone (not taken for deleted, not marked as reminded).
    expect((await readServers(h.deps.local))[serverId]?.account).toBe('bob');
    expect(byId(await readTokens(h.deps.local, serverId, 'alice'), token.id)?.reminded).not.toContain(60);
    // Nothing is scheduled for alice's token while bob is logged in: no request every second.
    const fetchedWhileWaiting = h.deps.fetched.length;
    await runReminders(h.deps);
    expect(h.deps.fetched.length).toBe(fetchedWhileWaiting);

    await loginAs(DEMO_USER);
    await list();
    await h.deps.settle();
    expect(shown()).toHaveLength(1);
    await runReminders(h.deps);
    await list();
    expect(shown()).toHaveLength(1);
  });

  it('records from before accounts survive bob listing first, then become alice’s', async () => {
    const named = seed('alice');
    const other = seed('alice');
    // The shape a version without accounts stored: one list per server.
    const before: TokenMeta[] = [named, other].map((t) => ({
      id: t.id,
      alias: t.alias,
      created: t.created,
      expiry: t.estimatedExpirationTime,
      singleUse: false,
      createdHere: false,
    }));
    const labelled = { ...before[0], label: 'nightly-sync', yours: { since: clock, why: 'labelled' } };
    await h.deps.local.set({
      [`tokens:${serverId}`]: [labelled, before[1]],
      [`summary:${serverId}`]: { yours: [labelled], others: 1 },
    });

    await loginAs(BOB);
    await list();
    expect(await h.deps.local.get(`tokens:${serverId}`)).toHaveLength(2);

    await loginAs(DEMO_USER);
    const asAlice = await list();
    expect(asAlice.tokens.map((t) => [t.id, t.label])).toEqual([[named.id, 'nightly-sync']]);
    await h.deps.settle();
    expect(byId(await readTokens(h.deps.local, serverId, 'alice'), named.id)?.label).toBe('nightly-sync');
    expect(await h.deps.local.get(`tokens:${serverId}`)).toBeUndefined();
  });
});

describe('a session cookie planted for the token API', () => {
  /** Bob's session, set for `<context>/data/services/tokens` only, as a page on another port could. */
  async function plantBobsSession() {
    const bobsBrowser = cookieJarFetch();
    await logIn(bobsBrowser, h.xnat.url, BOB.username, BOB.password);
    const path = `${new URL(h.xnat.url).pathname}/data/services/tokens`;
    h.browser.cookies.store(h.xnat.url, `JSESSIONID=${bobsBrowser.cookies.get('JSESSIONID')}; Path=${path}`);
  }

  it('lists none of bob’s tokens as alice’s, flags them, and never copies or marks one', async () => {
    const mine = seed('alice');
    await list();
    value(await h.ask('tokens.watch', { serverId, tokenId: mine.id, watched: true }));
    const bobs = seed('bob');
    await plantBobsSession();

    const listing = await list();
    expect(listing).toMatchObject({ tokens: [], others: 0, foreign: 1, server: { account: 'alice' } });
    const copied = await h.ask('tokens.copy', { serverId, tokenId: bobs.id });
    expect(copied).toEqual({ ok: false, failure: { kind: 'foreign-token' } });
    expect(await h.ask('tokens.watch', { serverId, tokenId: bobs.id, watched: true })).toEqual({
      ok: false,
      failure: { kind: 'foreign-token' },
    });
    expect(h.deps.clipboardWrites).toEqual([]);
    const stored = await readTokens(h.deps.local, serverId, 'alice');
    expect(stored.map((t) => t.id)).toEqual([mine.id]);
    expect(await readTokens(h.deps.local, serverId, 'bob')).toEqual([]);
  });
});
