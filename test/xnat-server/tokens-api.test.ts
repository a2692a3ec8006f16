// @vitest-environment node
// The simulated /data/services/tokens/*, against AliasTokenRestlet's behaviour and XNAT's expiry
// (ARCHITECTURE.md, XNAT facts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURL_AGENT, cookieJarFetch, type JarFetch, logIn } from '../fakes/cookie-jar-fetch';
import { type RunningXnat, type StartOptions, start } from './server';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
let xnat: RunningXnat;
let alice: JarFetch;

async function setUp(options: StartOptions = {}) {
  xnat = await start({ contextPath: '/xnat', ...options });
  alice = cookieJarFetch();
  await logIn(alice, xnat.url);
}
const tokens = (path: string, init?: RequestInit, as: JarFetch = alice) =>
  as(`${xnat.url}/data/services/tokens/${path}`, init);

beforeEach(() => setUp());
afterEach(async () => {
  await xnat.stop();
});

describe('show', () => {
  it('lists only my enabled tokens, as the serialized entity', async () => {
    const mine = xnat.control.seedToken();
    xnat.control.seedToken({ username: 'admin' });
    const response = await tokens('show');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual([
      {
        id: mine.id,
        alias: mine.alias,
        secret: mine.secret,
        xdatUserId: 'alice',
        singleUse: false,
        estimatedExpirationTime: mine.estimatedExpirationTime,
        created: mine.created,
        timestamp: mine.created,
        enabled: true,
        disabled: 0,
        validIPAddresses: [],
      },
    ]);
  });

  it('answers [] when there are none, also under /REST and with XNAT’s own query', async () => {
    expect(await (await tokens('show')).json()).toEqual([]);
    const rest = await alice(`${xnat.url}/REST/services/tokens/show?format=json&x=xhr0.123`);
    expect(await rest.json()).toEqual([]);
  });
});

describe('issue', () => {
  it('issues a UUID alias and a 64-character alphanumeric secret that expires after the lifetime', async () => {
    const before = xnat.control.state.now();
    const token = await (await tokens('issue')).json();
    expect(token.alias).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(token.secret).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(token.xdatUserId).toBe('alice');
    expect(token.created).toBeGreaterThanOrEqual(before);
    expect(token.estimatedExpirationTime - token.created).toBe(2 * DAY);
    expect((await (await tokens('show')).json()).map((t: { id: number }) => t.id)).toEqual([token.id]);
  });

  it('lets only admins issue or list for another user', async () => {
    expect((await tokens('issue/user/admin')).status).toBe(403);
    expect((await tokens('show/user/admin')).status).toBe(403);
    const admin = cookieJarFetch();
    await logIn(admin, xnat.url, 'admin', 'admin-pass');
    const issued = await (await tokens('issue/user/alice', undefined, admin)).json();
    expect(issued.xdatUserId).toBe('alice');
    const listed = await (await tokens('show/user/alice', undefined, admin)).json();
    expect(listed.map((t: { id: number }) => t.id)).toEqual([issued.id]);
  });
});

describe('invalidate', () => {
  it('deletes by id or by alias and answers {"result":"OK"}', async () => {
    const a = xnat.control.seedToken();
    const b = xnat.control.seedToken();
    expect(await (await tokens(`invalidate/${a.id}`)).json()).toEqual({ result: 'OK' });
    expect(await (await tokens(`invalidate/${b.alias}`)).json()).toEqual({ result: 'OK' });
    expect(await (await tokens('show')).json()).toEqual([]);
  });

  it('answers 404 with an HTML page for an unknown alias', async () => {
    const response = await tokens('invalidate/61e4f5db-33e0-4f06-86e7-a59217d65f5c');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<h3>Can't find an alias token with the alias 61e4f5db/);
  });

  it('answers 403 for another user’s token and keeps it', async () => {
    const theirs = xnat.control.seedToken({ username: 'admin' });
    expect((await tokens(`invalidate/${theirs.id}`)).status).toBe(403);
    expect(xnat.control.state.tokens.has(theirs.id)).toBe(true);
  });
});

describe('validate', () => {
  it('names the user for the right secret and answers {} for a wrong one', async () => {
    const token = xnat.control.seedToken();
    expect(await (await tokens(`validate/${token.alias}/${token.secret}`)).json()).toEqual({
      valid: 'alice',
    });
    expect(await (await tokens(`validate/${token.alias}/wrong`)).json()).toEqual({});
  });

  it('answers 401 without a secret (not a sign of being logged out) and 404 for unknown tokens', async () => {
    const token = xnat.control.seedToken();
    expect((await tokens(`validate/${token.alias}`)).status).toBe(401);
    expect((await tokens('validate/61e4f5db-33e0-4f06-86e7-a59217d65f5c/x')).status).toBe(404);
  });

  it('uses up a single-use token', async () => {
    const token = xnat.control.seedToken({ singleUse: true });
    expect(await (await tokens(`validate/${token.alias}/${token.secret}`)).json()).toEqual({
      valid: 'alice',
    });
    expect(await (await tokens('show')).json()).toEqual([]);
  });
});

describe('errors', () => {
  it.each(['POST', 'PUT', 'DELETE'])(
    'answers 405 to %s (from curl, which CSRF checks let through)',
    async (method) => {
      const curl = cookieJarFetch(CURL_AGENT);
      const auth = `Basic ${Buffer.from('alice:alice-pass').toString('base64')}`;
      expect((await tokens('show', { method, headers: { Authorization: auth } }, curl)).status).toBe(405);
    },
  );

  it('turns a browser POST without XNAT_CSRF away before it reaches the tokens', async () => {
    expect((await tokens('show', { method: 'POST' })).status).toBe(403);
  });

  it('answers 400 to an unknown operation', async () => {
    expect((await tokens('frobnicate')).status).toBe(400);
  });
});

describe('expiry and the sweep', () => {
  it('deletes by created time, not by the estimate', async () => {
    const now = xnat.control.state.now();
    // Created 3 days ago with an estimate still in the future: the sweep deletes it anyway.
    const old = xnat.control.seedToken({ created: now - 3 * DAY, expires: now + HOUR });
    // Estimate already past, but created an hour ago: it survives the sweep.
    const young = xnat.control.seedToken({ created: now - HOUR, expires: now - 1000 });
    expect(xnat.control.sweep()).toBe(1);
    expect([...xnat.control.state.tokens.keys()]).toEqual([young.id]);
    expect(xnat.control.state.findToken(old.alias)).toBeUndefined();
  });

  it('uses the lifetime in force at sweep time', async () => {
    const token = xnat.control.seedToken({ created: xnat.control.state.now() - 2 * HOUR });
    xnat.control.setTokenLifetime(HOUR);
    xnat.control.sweep();
    expect(xnat.control.state.findToken(token.alias)).toBeUndefined();
  });

  it('sweeps on its own schedule', async () => {
    await xnat.stop();
    await setUp({ sweepIntervalMs: 50, tokenLifetimeMs: 10 });
    xnat.control.seedToken({ created: xnat.control.state.now() - 1000 });
    await expect.poll(() => xnat.control.state.tokens.size, { timeout: 2000 }).toBe(0);
  });

  it('refuses Basic auth with a swept token', async () => {
    const token = xnat.control.seedToken({ created: xnat.control.state.now() - 3 * DAY });
    xnat.control.sweep();
    const response = await fetch(`${xnat.url}/data/projects`, {
      headers: { Authorization: `Basic ${Buffer.from(`${token.alias}:${token.secret}`).toString('base64')}` },
    });
    expect(response.status).toBe(401);
  });
});

describe('a container service’s burst', () => {
  it('seeds tokens created over the token lifetime up to now, the oldest expiring within the hour', async () => {
    await xnat.stop();
    await setUp({ tokenLifetimeMs: 2 * DAY });
    const burst = xnat.control.seedBurst(300);
    const now = xnat.control.state.now();
    expect(burst).toHaveLength(300);
    expect(burst.every((t) => t.created > now - 2 * DAY && t.created < now)).toBe(true);
    const soon = burst.filter((t) => t.estimatedExpirationTime - now < HOUR);
    expect(soon.length).toBeGreaterThan(3);
    expect(soon.length).toBeLessThan(15);
    expect(await (await tokens('show')).json()).toHaveLength(300);
  });

  it('follows the site’s token lifetime (aliasTokenTimeout)', async () => {
    await xnat.stop();
    await setUp({ tokenLifetimeMs: 30 * DAY });
    const [first] = xnat.control.seedBurst(10);
    expect((first?.estimatedExpirationTime ?? 0) - (first?.created ?? 0)).toBe(30 * DAY);
  });
});

describe('older versions', () => {
  it('1.7 sends JSON labelled as text', async () => {
    await xnat.stop();
    await setUp({ version: '1.7' });
    xnat.control.seedToken();
    const response = await tokens('show');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(typeof JSON.parse(await response.text())[0].estimatedExpirationTime).toBe('number');
  });

  it.each(['1.7.4', '1.7.0'] as const)('%s has no show: 400 "Unknown operation: show"', async (version) => {
    await xnat.stop();
    await setUp({ version });
    xnat.control.seedToken();
    const response = await tokens('show');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Unknown operation: show');
  });

  it('1.7.0 issues a token without an id, its estimate as yyyyMMdd_HHmmss', async () => {
    await xnat.stop();
    await setUp({ version: '1.7.0' });
    const issued = JSON.parse(await (await tokens('issue')).text());
    expect(issued.id).toBeUndefined();
    expect(issued.alias).toMatch(/^[0-9a-f-]{36}$/);
    expect(issued.estimatedExpirationTime).toMatch(/^\d{8}_\d{6}$/);
  });
});
