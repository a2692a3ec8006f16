// @vitest-environment node
// Pipeline tokens named by the containers that hold them, a warning before a running job loses its
// token, and leftovers cleared in one click, against the simulated XNAT with and without its
// container service, and with a container answer that is malformed, huge or slow.
import { afterEach, describe, expect, it } from 'vitest';
import { jobNotificationId } from '../../src/background/job-warnings';
import { runReminders } from '../../src/background/reminders';
import type { OtherTokens, Reply } from '../../src/messaging/protocol';
import type { StartOptions } from '../xnat-server/server';
import { type Harness, harnessOnClock, POPUP, value } from './harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
let clock: number;
let h: Harness;
let serverId: string;

async function setUp(options: StartOptions = {}) {
  clock = Date.now();
  h = await harnessOnClock(() => clock, options);
  serverId = await h.addServer();
}
afterEach(async () => {
  await h.stop();
});

const containerRequests = () => h.xnat.control.requestCount('GET /xapi/containers');
const others = async () => value(await h.ask('tokens.others', { serverId }));

describe('the other tokens, named by their containers', () => {
  it('a running and a finished container name their tokens; a token no container holds stays as it was', async () => {
    await setUp();
    const running = h.xnat.control.launchContainer({ commandLine: '/usr/bin/dcm2niix -z y', project: 'P1' });
    const finished = h.xnat.control.launchContainer({
      image: 'freesurfer/freesurfer:7.4.1',
      commandLine: '',
    });
    h.xnat.control.finishContainer(finished.id, false);
    const plain = h.xnat.control.seedToken();
    value(await h.ask('tokens.list', { serverId }));
    const listed = await others();
    expect(listed.containerService).toBe(true);
    const byAlias = new Map(listed.tokens.map((t) => [t.alias, t.container]));
    expect(byAlias.get(running.alias)).toMatchObject({ running: true, what: 'dcm2niix', project: 'P1' });
    expect(byAlias.get(finished.alias)).toMatchObject({
      running: false,
      what: 'freesurfer/freesurfer:7.4.1',
    });
    expect(byAlias.get(plain.alias)).toBeUndefined();
    // Asked again within minutes: no second request.
    await others();
    expect(containerRequests()).toBe(1);
  });

  it('asked the moment the list has been answered (still being stored), names every one of them', async () => {
    await setUp();
    h.xnat.control.seedBurst(9);
    // The popup opens the other tokens as soon as the list arrives: no wait for what follows it.
    expect(await h.route({ type: 'tokens.list', payload: { serverId } }, POPUP)).toMatchObject({ ok: true });
    const listed = value(
      (await h.route({ type: 'tokens.others', payload: { serverId } }, POPUP)) as Reply<OtherTokens>,
    );
    expect(listed.tokens).toHaveLength(9);
    expect(listed.tokens.filter((t) => t.container)).toHaveLength(6);
  });

  it('without the container service (404) nothing changes and nothing is asked again', async () => {
    await setUp({ containerService: false });
    h.xnat.control.seedBurst(9);
    value(await h.ask('tokens.list', { serverId }));
    expect(await others()).toMatchObject({ containerService: false });
    clock += HOUR;
    await others();
    expect(containerRequests()).toBe(1);
    expect((await others()).tokens.every((t) => t.container === undefined)).toBe(true);
  });

  it.each([
    ['malformed', { malformedJson: true }],
    ['huge', { hugeBodyBytes: 60 * 1024 * 1024 }],
    ['slow', { delayMs: 400 }],
  ])('a %s answer leaves the tokens as they were, and says nothing false', async (_, fault) => {
    await setUp();
    h.deps.xnatTimeoutMs = 200;
    h.xnat.control.seedBurst(6);
    value(await h.ask('tokens.list', { serverId }));
    h.xnat.control.fault('/xapi/containers', fault);
    const listed = await others();
    expect(listed.containerService).toBe(false);
    expect(listed.tokens).toHaveLength(6);
    expect(listed.tokens.every((t) => t.container === undefined)).toBe(true);
  });
});

describe('leftover tokens', () => {
  it('deletes the tokens of finished containers only, one by one, each reported; a failure does not stop the rest', async () => {
    await setUp();
    const running = h.xnat.control.launchContainer();
    const done = [1, 2, 3].map(() => h.xnat.control.launchContainer());
    for (const c of done) h.xnat.control.finishContainer(c.id, false);
    const mine = h.xnat.control.launchContainer();
    h.xnat.control.finishContainer(mine.id, false);
    value(await h.ask('tokens.list', { serverId }));
    const mineToken = h.xnat.control.state.findToken(mine.alias);
    value(await h.ask('tokens.watch', { serverId, tokenId: mineToken?.id ?? -1, watched: true }));
    await others();
    const stuck = h.xnat.control.state.findToken(done[1]?.alias ?? '');
    h.xnat.control.fault(`/data/services/tokens/invalidate/${stuck?.id}`, { status: 500 });
    const results = value(await h.ask('tokens.deleteLeftovers', { serverId }));
    expect(results.map((r) => [r.alias, r.ok])).toEqual(done.map((c) => [c.alias, c !== done[1]]));
    expect(results.find((r) => !r.ok)).toMatchObject({ failure: 'server-error' });
    const alive = (alias: string) => h.xnat.control.state.findToken(alias) !== undefined;
    expect(done.map((c) => alive(c.alias))).toEqual([false, true, false]);
    expect([alive(running.alias), alive(mine.alias)]).toEqual([true, true]);
  });

  it('on a site without the container service there are none', async () => {
    await setUp({ containerService: false });
    h.xnat.control.seedBurst(9);
    value(await h.ask('tokens.list', { serverId }));
    expect(value(await h.ask('tokens.deleteLeftovers', { serverId }))).toEqual([]);
    expect(h.xnat.control.state.tokensOf('alice')).toHaveLength(9);
  });
});

describe('a running job about to lose its token', () => {
  const warnings = () => h.deps.shown.get(jobNotificationId(serverId)) ?? [];

  async function jobsKnown() {
    const long = h.xnat.control.launchContainer({
      tokenSeed: { created: clock - 47 * HOUR, expires: clock + HOUR + 30 * MIN },
      project: 'P1',
    });
    const finished = h.xnat.control.launchContainer({
      tokenSeed: { created: clock - 47 * HOUR, expires: clock + HOUR },
    });
    h.xnat.control.finishContainer(finished.id, false);
    value(await h.ask('tokens.list', { serverId }));
    await others();
    return long;
  }
  function pass(ms: number) {
    h.xnat.control.advanceClock(ms);
    clock += ms;
  }

  it('is warned once, at the shortest lead time, grouped per server; a finished job is not', async () => {
    await setUp();
    await jobsKnown();
    h.xnat.control.resetCounters();
    pass(20 * MIN);
    await runReminders(h.deps);
    expect(warnings()).toEqual([]);
    pass(15 * MIN);
    await runReminders(h.deps);
    expect(warnings()).toEqual([
      {
        title: expect.stringMatching(
          /^dcm2niix \(P1\) on XNAT \(127\.0\.0\.1:\d+\/xnat\) loses API access: its token expires in 5\d min$/,
        ),
        message: expect.stringContaining('its upload at the end'),
      },
    ]);
    pass(10 * MIN);
    await runReminders(h.deps);
    expect(warnings()).toHaveLength(1);
    // The container list was asked for only when the warning was due.
    expect(containerRequests()).toBe(1);
  });

  it('is not warned when the job finished meanwhile, nor with the setting off', async () => {
    await setUp();
    const long = await jobsKnown();
    h.xnat.control.finishContainer(long.id, false);
    pass(40 * MIN);
    await runReminders(h.deps);
    expect(warnings()).toEqual([]);

    await h.stop();
    await setUp();
    value(await h.ask('settings.set', { warnJobs: false }));
    await jobsKnown();
    pass(40 * MIN);
    await runReminders(h.deps);
    expect(warnings()).toEqual([]);
  });
});
