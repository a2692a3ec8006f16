// @vitest-environment node
// Background handlers against the simulated XNAT and a fake browser (issue 5).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearClipboard } from '../../src/background/copy';
import { readTokens } from '../../src/storage/store';
import { cookieJarFetch, logIn } from '../fakes/cookie-jar-fetch';
import { serializeToken } from '../xnat-server/api-tokens';
import { start } from '../xnat-server/server';
import { VERSIONS } from '../xnat-server/versions';
import { type Harness, harness, value } from './harness';

let h: Harness;
let serverId: string;
const consoleCalls: unknown[][] = [];
beforeEach(async () => {
  h = await harness();
  serverId = await h.addServer();
  consoleCalls.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleCalls.push(args);
    });
  }
});
afterEach(async () => {
  // Through every path above, failures included, the background logs nothing (so never a secret).
  expect(consoleCalls).toEqual([]);
  await h.stop();
});

const secretsOnServer = () => [...h.xnat.control.state.tokens.values()].map((t) => t.secret);

describe('servers', () => {
  it('adding detects the context path, stores the server and registers the page script for its host only', async () => {
    expect(serverId).toBe(h.xnat.url);
    expect(value(await h.ask('servers.list', {}))).toEqual([
      {
        id: h.xnat.url,
        origin: h.xnat.origin,
        contextPath: '/xnat',
        siteId: 'XNAT',
        version: '1.8.11',
        clockOffsetMs: 0,
      },
    ]);
    expect([...h.deps.registered]).toEqual(['http://127.0.0.1/*']);
  });

  it('adding a known server again, by any of its addresses, says it was known', async () => {
    const again = value(await h.ask('servers.add', { url: `${h.xnat.url}/data/projects?format=csv` }));
    expect(again).toMatchObject({ server: { id: serverId }, isNew: false });
    expect(value(await h.ask('servers.list', {}))).toHaveLength(1);
  });

  it('refuses a host without a grant, before any request', async () => {
    h.deps.granted.clear();
    h.deps.fetched.length = 0;
    const reply = await h.ask('servers.add', { url: 'http://127.0.0.1:9/xnat/' });
    expect(reply).toMatchObject({ ok: false, failure: { kind: 'no-permission' } });
    expect(h.deps.fetched).toEqual([]);
  });

  it('says so when the site is not XNAT', async () => {
    h.xnat.control.fault('/xapi/siteConfig/buildInfo', { status: 404 });
    const reply = await h.ask('servers.add', { url: `${h.xnat.origin}/somewhere/` });
    expect(reply).toMatchObject({ ok: false, failure: { kind: 'not-xnat' } });
  });

  it('removing forgets the server and its tokens, unregisters the script and gives back the grant', async () => {
    value(await h.ask('tokens.create', { serverId }));
    value(await h.ask('servers.remove', { serverId }));
    expect(value(await h.ask('servers.list', {}))).toEqual([]);
    expect(h.deps.local.dump()).not.toContain(h.xnat.url);
    expect(h.deps.registered.size).toBe(0);
    expect(h.deps.granted.has('http://127.0.0.1/*')).toBe(false);
  });
});

describe('tokens', () => {
  it('lists fresh from show, and keeps metadata without secrets for the first paint', async () => {
    const now = Date.now();
    const older = h.xnat.control.seedToken({ created: now - 7200_000 });
    const newer = h.xnat.control.seedToken({ created: now - 60_000 });
    const listing = value(await h.ask('tokens.list', { serverId }));
    expect(listing).toMatchObject({ cached: false, tokens: [], others: 2 });
    const stored = await readTokens(h.deps.local, serverId, 'alice');
    expect(stored.map((t) => t.alias)).toEqual([newer.alias, older.alias]);
    expect(stored[0]).toEqual({
      id: newer.id,
      alias: newer.alias,
      created: newer.created,
      expiry: newer.estimatedExpirationTime,
      singleUse: false,
      createdHere: false,
    });
    for (const secret of secretsOnServer())
      expect(h.deps.local.dump() + h.deps.session.dump()).not.toContain(secret);
  });

  it('the popup gets the tokens the user uses, soonest expiry first, and a count of the others', async () => {
    const now = Date.now();
    const [a, b] = [
      h.xnat.control.seedToken({ expires: now + 5 * 3600_000 }),
      h.xnat.control.seedToken({ expires: now + 3600_000 }),
    ];
    for (let i = 0; i < 30; i++) h.xnat.control.seedToken();
    value(await h.ask('tokens.list', { serverId }));
    value(await h.ask('tokens.copy', { serverId, tokenId: a.id }));
    value(await h.ask('tokens.watch', { serverId, tokenId: b.id, watched: true }));
    const listing = value(await h.ask('tokens.list', { serverId }));
    expect(listing.tokens.map((t) => [t.id, t.yours?.why])).toEqual([
      [b.id, 'watched'],
      [a.id, 'copied'],
    ]);
    expect(listing.others).toBe(30);
  });

  it('creates exactly one token, marks it as made here and copies its command when asked', async () => {
    const created = value(await h.ask('tokens.create', { serverId, copy: true }));
    expect(h.xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(1);
    const [token] = h.xnat.control.state.tokensOf('alice');
    expect(created.token).toMatchObject({ alias: token?.alias, createdHere: true });
    expect(created.token?.yours?.why).toBe('created');
    expect(created.copy).toMatchObject({ ok: true, value: { format: 'curl' } });
    expect(h.deps.clipboardWrites).toHaveLength(1);
    expect(h.deps.clipboardWrites[0]).toContain(`${token?.alias}:${token?.secret}`);
    expect(h.deps.local.dump()).not.toContain(token?.secret);
  });

  it('two concurrent creates send one issue request', async () => {
    const [a, b] = await Promise.all([
      h.ask('tokens.create', { serverId }),
      h.ask('tokens.create', { serverId }),
    ]);
    expect(value(a).token?.id).toEqual(expect.any(Number));
    expect(value(a).token?.id).toBe(value(b).token?.id);
    expect(h.xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(1);
    expect(h.xnat.control.state.tokensOf('alice')).toHaveLength(1);
  });

  it('refuses a token issued for another user and copies nothing', async () => {
    const theirs = h.xnat.control.seedToken({ username: 'admin' });
    h.xnat.control.fault('/data/services/tokens/issue', {
      json: serializeToken({ site: { traits: VERSIONS['1.8'] } } as never, theirs),
    });
    const reply = await h.ask('tokens.create', { serverId, copy: true });
    expect(reply).toMatchObject({ ok: false, failure: { kind: 'other-user' } });
    expect(h.deps.clipboardWrites).toEqual([]);
    expect(h.deps.local.dump()).not.toContain(theirs.alias);
  });

  it('never retries an issue that timed out, and adopts the token it made on the next create', async () => {
    h.xnat.control.fault('/data/services/tokens/issue', { delayMs: 200, times: 1 });
    // The worker gives up (as a stopped worker would) while XNAT still issues the token.
    h.deps.xnatTimeoutMs = 50;
    expect(await h.ask('tokens.create', { serverId })).toMatchObject({
      ok: false,
      failure: { kind: 'timeout' },
    });
    h.deps.xnatTimeoutMs = undefined;
    await new Promise((r) => setTimeout(r, 300));
    expect(h.xnat.control.state.tokensOf('alice')).toHaveLength(1);
    const second = value(await h.ask('tokens.create', { serverId, copy: true }));
    expect(h.xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(1);
    expect(h.xnat.control.state.tokensOf('alice')).toHaveLength(1);
    expect(second.token?.alias).toBe(h.xnat.control.state.tokensOf('alice')[0]?.alias);
    expect(second.copy).toMatchObject({ ok: true });
  });

  it('deletes the chosen token only, and treats an already-swept one as deleted', async () => {
    const keep = h.xnat.control.seedToken();
    const drop = h.xnat.control.seedToken();
    value(await h.ask('tokens.list', { serverId }));
    value(await h.ask('tokens.delete', { serverId, tokenId: drop.id }));
    expect(h.xnat.control.state.tokensOf('alice').map((t) => t.id)).toEqual([keep.id]);
    expect((await readTokens(h.deps.local, serverId, 'alice')).map((t) => t.id)).toEqual([keep.id]);
    expect(value(await h.ask('tokens.delete', { serverId, tokenId: 999 }))).toBeNull();
  });

  it('copies a token in the chosen format from a fresh show, and schedules the auto-clear', async () => {
    const token = h.xnat.control.seedToken();
    value(await h.ask('settings.set', { clipboardClearSeconds: 30 }));
    const receipt = value(await h.ask('tokens.copy', { serverId, tokenId: token.id, format: 'curl' }));
    expect(receipt).toMatchObject({
      format: 'curl',
      clearsInSeconds: 30,
      account: 'alice',
      token: { id: token.id, yours: { why: 'copied' } },
    });
    expect(h.deps.clipboardWrites).toEqual([
      ` curl -u '${token.alias}:${token.secret}' '${h.xnat.url}/data/projects?format=csv'`,
    ]);
    expect(h.deps.alarmsSet.get('clipboard-clear')).toBeGreaterThan(Date.now() + 25_000);
  });

  it('a copy made after auto-clear was turned off is not wiped by a clear still pending', async () => {
    const token = h.xnat.control.seedToken();
    value(await h.ask('settings.set', { clipboardClearSeconds: 30 }));
    value(await h.ask('tokens.copy', { serverId, tokenId: token.id }));
    expect(h.deps.alarmsSet.has('clipboard-clear')).toBe(true);
    value(await h.ask('settings.set', { clipboardClearSeconds: 0 }));
    value(await h.ask('tokens.copy', { serverId, tokenId: token.id }));
    expect(h.deps.alarmsSet.has('clipboard-clear')).toBe(false);
  });

  it('auto-clear clears the clipboard when it still holds the copied command', async () => {
    const token = h.xnat.control.seedToken();
    value(await h.ask('settings.set', { clipboardClearSeconds: 30 }));
    value(await h.ask('tokens.copy', { serverId, tokenId: token.id }));
    await clearClipboard(h.deps);
    expect(h.deps.clipboardState.text).toBe('');
  });

  it('auto-clear leaves alone what the user copied after the extension', async () => {
    const token = h.xnat.control.seedToken();
    value(await h.ask('settings.set', { clipboardClearSeconds: 30 }));
    value(await h.ask('tokens.copy', { serverId, tokenId: token.id }));
    h.deps.clipboardState.text = 'the user’s own notes';
    await clearClipboard(h.deps);
    expect(h.deps.clipboardState.text).toBe('the user’s own notes');
  });

  it('auto-clear stays off without permission to read the clipboard, and the receipt says so', async () => {
    h.deps.clipboardState.readGranted = false;
    const token = h.xnat.control.seedToken();
    value(await h.ask('settings.set', { clipboardClearSeconds: 30 }));
    expect(value(await h.ask('tokens.copy', { serverId, tokenId: token.id }))).toMatchObject({
      clearsInSeconds: 0,
    });
    expect(h.deps.alarmsSet.has('clipboard-clear')).toBe(false);
  });

  it('remembers a fingerprint of what it wrote, in memory-only storage, never the text', async () => {
    const token = h.xnat.control.seedToken();
    value(await h.ask('settings.set', { clipboardClearSeconds: 30 }));
    value(await h.ask('tokens.copy', { serverId, tokenId: token.id }));
    const stored = h.deps.local.dump() + h.deps.session.dump();
    expect(stored).not.toContain(token.secret);
    expect(h.deps.session.dump()).toMatch(/clipboard-written","[0-9a-f]{64}"/);
  });

  it('says a token is gone when XNAT no longer has it', async () => {
    const reply = await h.ask('tokens.copy', { serverId, tokenId: 12345 });
    expect(reply).toMatchObject({ ok: false, failure: { kind: 'unknown-token' } });
  });

  it('keeps a local label without the secret', async () => {
    const token = h.xnat.control.seedToken();
    value(await h.ask('tokens.list', { serverId }));
    value(await h.ask('tokens.label', { serverId, tokenId: token.id, label: 'nightly sync' }));
    value(await h.ask('tokens.list', { serverId }));
    expect((await readTokens(h.deps.local, serverId, 'alice'))[0]?.label).toBe('nightly sync');
  });
});

describe('XNAT failures reach the caller as typed values', () => {
  it('logged out', async () => {
    h.browser.cookies.clear();
    expect(await h.ask('tokens.list', { serverId })).toMatchObject({
      ok: false,
      failure: { kind: 'logged-out' },
    });
    expect(await h.ask('tokens.create', { serverId })).toMatchObject({
      ok: false,
      failure: { kind: 'logged-out' },
    });
    expect(h.xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(0);
  });

  it('forbidden', async () => {
    h.xnat.control.fault('/data/services/tokens/show', { status: 403 });
    expect(await h.ask('tokens.list', { serverId })).toMatchObject({
      ok: false,
      failure: { kind: 'forbidden' },
    });
  });

  it('HTML instead of JSON', async () => {
    h.xnat.control.fault('/data/services/tokens/show', { html200: true });
    const reply = await h.ask('tokens.list', { serverId });
    expect(reply).toMatchObject({ ok: false, failure: { kind: 'bad-response' } });
    expect(JSON.stringify(reply)).not.toContain('onerror');
  });

  it('timeout', async () => {
    h.deps.xnatTimeoutMs = 100;
    h.xnat.control.fault('/data/services/tokens/show', { delayMs: 300 });
    const reply = await h.ask('tokens.list', { serverId });
    expect(reply).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
  });

  it('a withdrawn grant', async () => {
    h.deps.granted.clear();
    expect(await h.ask('tokens.list', { serverId })).toMatchObject({
      ok: false,
      failure: { kind: 'no-permission' },
    });
  });
});

describe('two servers', () => {
  it('with the same alias text never mix', async () => {
    const other = await start({ contextPath: '' });
    await logIn(h.browser, other.url);
    const otherId = await h.addServer(other);
    const alias = '61e4f5db-33e0-4f06-86e7-a59217d65f5c';
    const here = h.xnat.control.seedToken({ alias });
    const there = other.control.seedToken({ alias });
    value(await h.ask('tokens.list', { serverId }));
    value(await h.ask('tokens.list', { serverId: otherId }));
    value(await h.ask('tokens.copy', { serverId: otherId, tokenId: there.id, format: 'curl' }));
    expect(h.deps.clipboardWrites[0]).toContain(`${alias}:${there.secret}`);
    expect(h.deps.clipboardWrites[0]).toContain(other.url);
    value(await h.ask('tokens.delete', { serverId: otherId, tokenId: there.id }));
    expect(h.xnat.control.state.tokensOf('alice').map((t) => t.secret)).toEqual([here.secret]);
    expect(await readTokens(h.deps.local, serverId, 'alice')).toHaveLength(1);
    await other.stop();
  });
});

describe('sessions', () => {
  it('the background never opens an XNAT session of its own', async () => {
    h.xnat.control.resetCounters();
    const token = h.xnat.control.seedToken();
    await h.ask('tokens.list', { serverId });
    await h.ask('tokens.create', { serverId, copy: true });
    await h.ask('tokens.copy', { serverId, tokenId: token.id });
    await h.ask('tokens.delete', { serverId, tokenId: token.id });
    expect(h.xnat.control.sessionsCreated()).toBe(0);
  });
});

it('a fresh browser that is not logged in gets logged-out, not an exception', async () => {
  const stranger = cookieJarFetch();
  const reply = await (await import('../../src/xnat/client'))
    .createXnatClient(stranger, { origin: h.xnat.origin, contextPath: '/xnat' })
    .listTokens();
  expect(reply).toMatchObject({ ok: false, failure: { kind: 'logged-out' } });
});
