// @vitest-environment node
// Each site's real token lifetime, learned from what XNAT lists (no admin-only setting is read).
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, value } from './harness';

const HOUR = 3600_000;
let h: Harness;
afterEach(async () => {
  await h.stop();
});

describe('a site’s token lifetime', () => {
  it.each([
    ['a 6-hour site', 6 * HOUR],
    ['XNAT’s default', 48 * HOUR],
    ['a 60-day site', 60 * 24 * HOUR],
  ])('is learned on %s from the tokens XNAT lists', async (_, lifetime) => {
    h = await harness({ tokenLifetimeMs: lifetime });
    const serverId = await h.addServer();
    h.xnat.control.seedToken();
    const listed = value(await h.ask('tokens.list', { serverId }));
    expect(listed.server.tokenLifetimeMs).toBe(lifetime);
    const servers = value(await h.ask('servers.list', {}));
    expect(servers[0]?.tokenLifetimeMs).toBe(lifetime);
  });

  it('follows the setting when an admin changes it: the newest token says', async () => {
    h = await harness({ tokenLifetimeMs: 48 * HOUR });
    const serverId = await h.addServer();
    h.xnat.control.seedToken();
    h.xnat.control.setTokenLifetime(30 * 24 * HOUR);
    h.xnat.control.advanceClock(1000);
    h.xnat.control.seedToken();
    expect(value(await h.ask('tokens.list', { serverId })).server.tokenLifetimeMs).toBe(30 * 24 * HOUR);
  });
});
