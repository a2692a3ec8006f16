// @vitest-environment node
// The background against the simulated XNAT playing the versions whose quirks matter.
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, value } from './harness';

let h: Harness;
afterEach(async () => {
  await h.stop();
});

describe('XNAT 1.7.6 with the user list restricted to admins', () => {
  it('creates a token from the popup: the user name comes from /data/auth', async () => {
    h = await harness({ version: '1.7', restrictUserList: true });
    const serverId = await h.addServer();
    const created = value(await h.ask('tokens.create', { serverId, copy: true, format: 'curl' }));
    expect(created.token?.createdHere).toBe(true);
    expect(h.xnat.control.requestCount('GET /xapi/users/username')).toBe(1);
    expect(h.xnat.control.requestCount('GET /data/auth')).toBe(1);
    const [token] = h.xnat.control.state.tokensOf('alice');
    expect(h.deps.clipboardWrites).toEqual([
      ` curl -u '${token?.alias}:${token?.secret}' '${h.xnat.url}/data/projects?format=csv'`,
    ]);
  });
});

describe.each(['1.7.4', '1.7.0'] as const)('XNAT %s, which cannot list tokens', (version) => {
  it('listing says so in plain words and asks XNAT nothing', async () => {
    h = await harness({ version });
    const serverId = await h.addServer();
    h.xnat.control.resetCounters();
    const listed = await h.ask('tokens.list', { serverId });
    expect(listed).toEqual({
      ok: false,
      failure: { kind: 'unsupported-version', version: version === '1.7.4' ? '1.7.4' : '1.7.0' },
    });
    expect(h.xnat.control.requestCount()).toBe(0);
  });
});

describe('XNAT 1.7.0', () => {
  it('a new token, issued without an id, is copied at once and not listed', async () => {
    h = await harness({ version: '1.7.0' });
    const serverId = await h.addServer();
    const created = value(await h.ask('tokens.create', { serverId, copy: true, format: 'curl' }));
    expect(created).toMatchObject({ token: null, copy: { ok: true, value: { format: 'curl' } } });
    const [token] = h.xnat.control.state.tokensOf('alice');
    expect(h.deps.clipboardWrites[0]).toContain(`${token?.alias}:${token?.secret}`);
    expect(h.deps.local.dump()).not.toContain(token?.alias ?? 'missing');
  });
});
