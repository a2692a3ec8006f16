// @vitest-environment node
// Replacing a token in one click, against the simulated XNAT: a successor issued and copied, the old
// token's name, "yours" and reminder choice moved to it, and the old token deleted when the person
// chose, a promise kept across a restarted worker, kept back with Keep, and made only as its owner.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DELETE_ALARM, runDueDeletes, scheduleDeletes } from '../../src/background/pending-deletes';
import { readTokens } from '../../src/storage/store';
import { logIn } from '../fakes/cookie-jar-fetch';
import { DEMO_USER } from '../xnat-server/server';
import { type Harness, harnessOnClock, value } from './harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
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

function pass(ms: number) {
  h.xnat.control.advanceClock(ms);
  clock += ms;
}
const alive = (alias: string) => h.xnat.control.state.findToken(alias) !== undefined;
const stored = async (id: number) =>
  (await readTokens(h.deps.local, serverId, 'alice')).find((t) => t.id === id);

async function namedAndWatched() {
  const token = h.xnat.control.seedToken();
  value(await h.ask('tokens.list', { serverId }));
  value(await h.ask('tokens.label', { serverId, tokenId: token.id, label: 'nightly-sync' }));
  return token;
}

describe('replacing a token', () => {
  it('copies a successor that takes the name and reminders; the old one goes in an hour', async () => {
    const old = await namedAndWatched();
    const replaced = value(await h.ask('tokens.replace', { serverId, tokenId: old.id, deleteOld: 'in-1h' }));
    const successor = h.xnat.control.state.tokens.get(replaced.token.id);
    expect(h.deps.clipboardWrites.at(-1)).toContain(`${successor?.alias}:${successor?.secret}`);
    expect(replaced.token).toMatchObject({ label: 'nightly-sync', yours: { why: 'labelled' } });
    expect(replaced.copy).toMatchObject({ ok: true, value: { account: 'alice' } });
    expect(replaced.old).toMatchObject({ id: old.id, deleteAt: expect.any(Number) });
    expect(replaced.old?.label).toBeUndefined();
    expect(h.deps.alarmsSet.has(DELETE_ALARM)).toBe(true);

    pass(59 * MIN);
    await runDueDeletes(h.deps);
    expect(alive(old.alias)).toBe(true);
    pass(2 * MIN);
    await runDueDeletes(h.deps);
    expect(alive(old.alias)).toBe(false);
    expect(await stored(old.id)).toBeUndefined();
    expect(alive(successor?.alias ?? '')).toBe(true);
    expect(h.deps.alarmsSet.has(DELETE_ALARM)).toBe(false);
  });

  it('now: the old token is deleted at once', async () => {
    const old = await namedAndWatched();
    const replaced = value(await h.ask('tokens.replace', { serverId, tokenId: old.id, deleteOld: 'now' }));
    expect(replaced.old).toBeNull();
    expect(alive(old.alias)).toBe(false);
  });

  it('when it expires: the delete waits for the old token’s own expiry', async () => {
    const old = await namedAndWatched();
    const replaced = value(
      await h.ask('tokens.replace', { serverId, tokenId: old.id, deleteOld: 'at-expiry' }),
    );
    expect(replaced.old?.deleteAt).toBe(old.estimatedExpirationTime);
  });

  it('survives a restarted worker that lost its alarms, and Keep cancels it', async () => {
    const kept = await namedAndWatched();
    const gone = h.xnat.control.seedToken();
    value(await h.ask('tokens.list', { serverId }));
    value(await h.ask('tokens.replace', { serverId, tokenId: kept.id, deleteOld: 'in-1h' }));
    value(await h.ask('tokens.replace', { serverId, tokenId: gone.id, deleteOld: 'in-1h' }));
    value(await h.ask('tokens.keep', { serverId, tokenId: kept.id }));
    // A new worker: nothing in memory, no alarm; only what storage holds.
    h.deps.alarmsSet.clear();
    const restarted = { ...h.deps };
    await scheduleDeletes(restarted);
    expect(h.deps.alarmsSet.get(DELETE_ALARM)).toBeGreaterThan(clock + 59 * MIN);
    pass(HOUR + MIN);
    await runDueDeletes(restarted);
    expect([alive(kept.alias), alive(gone.alias)]).toEqual([true, false]);
  });

  it('waits while the browser is logged in as another account, and deletes once its owner is back', async () => {
    const old = await namedAndWatched();
    value(await h.ask('tokens.replace', { serverId, tokenId: old.id, deleteOld: 'in-1h' }));
    await logIn(h.browser, h.xnat.url, 'bob', 'bob-pass');
    value(await h.ask('tokens.list', { serverId }));
    pass(2 * HOUR);
    await runDueDeletes(h.deps);
    expect(alive(old.alias)).toBe(true);
    await logIn(h.browser, h.xnat.url, DEMO_USER.username, DEMO_USER.password);
    value(await h.ask('tokens.list', { serverId }));
    pass(7 * HOUR);
    await runDueDeletes(h.deps);
    expect(alive(old.alias)).toBe(false);
  });

  it('from the page: the old token goes in an hour', async () => {
    const old = await namedAndWatched();
    const page = `${h.xnat.url}/app/template/XDATScreen_UpdateUser.vm`;
    const reply = await h.ask(
      'page.replace',
      { tokenId: old.id },
      {
        id: h.deps.extensionId,
        url: page,
        frameId: 0,
        tab: { id: 3, url: page },
      },
    );
    expect(value(reply).old?.deleteAt).toBe(clock + HOUR);
  });
});
