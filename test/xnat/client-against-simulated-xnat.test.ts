// @vitest-environment node
// The client over real HTTP against the simulated XNAT, in every fault mode: a delay, any status,
// HTML with 200, a redirect, malformed JSON, a huge body and a dropped connection.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src/result';
import { createXnatClient, validateToken } from '../../src/xnat/client';
import { detectServer } from '../../src/xnat/detect';
import { cookieJarFetch, type JarFetch, logIn } from '../fakes/cookie-jar-fetch';
import { type RunningXnat, start } from '../xnat-server/server';

const SHOW = '/data/services/tokens/show';
let xnat: RunningXnat;
let browser: JarFetch;

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat' });
});
afterAll(async () => {
  await xnat.stop();
});
beforeEach(async () => {
  xnat.control.clearFaults();
  browser = cookieJarFetch();
  await logIn(browser, xnat.url);
});

const client = (options = {}) =>
  createXnatClient(browser, { origin: xnat.origin, contextPath: '/xnat' }, options);
const kind = (outcome: Result<unknown>) => (outcome.ok ? 'ok' : outcome.failure.kind);

describe('a logged-in browser session', () => {
  it('detects the server from its profile page URL', async () => {
    const found = await detectServer(
      browser,
      `${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`,
    );
    expect(found).toMatchObject({
      ok: true,
      value: { origin: xnat.origin, contextPath: '/xnat', version: '1.8.11' },
    });
  });

  it('lists, issues, validates and invalidates', async () => {
    const c = client();
    expect(await c.currentUser()).toMatchObject({ ok: true, value: 'alice' });
    const issued = await c.issueToken();
    if (!issued.ok) throw new Error(issued.failure.kind);
    const listed = await c.listTokens();
    expect(listed.ok && listed.value.tokens.map((t) => t.alias)).toEqual([issued.value.alias]);
    expect(
      await validateToken(
        browser,
        { origin: xnat.origin, contextPath: '/xnat' },
        issued.value.alias,
        issued.value.secret,
      ),
    ).toMatchObject({
      value: { valid: true },
    });
    expect((await c.invalidateToken(issued.value.alias)).ok).toBe(true);
    expect(kind(await c.invalidateToken(issued.value.alias))).toBe('not-found');
  });

  it('opens no session of its own', async () => {
    xnat.control.resetCounters();
    await client().listTokens();
    expect(xnat.control.sessionsCreated()).toBe(0);
  });

  it('reads the server clock', async () => {
    xnat.control.advanceClock(2 * 3600_000);
    // Two idle hours end the session, as on a real server: log in again.
    await logIn(browser, xnat.url);
    const listed = await client().listTokens();
    xnat.control.advanceClock(-2 * 3600_000);
    expect(listed.ok && (listed.serverDateMs ?? 0) - Date.now()).toBeGreaterThan(2 * 3600_000 - 5000);
  });
});

describe('every fault mode', () => {
  it('logged out: the 302 to Login.vm', async () => {
    expect(
      kind(
        await createXnatClient(cookieJarFetch(), { origin: xnat.origin, contextPath: '/xnat' }).listTokens(),
      ),
    ).toBe('logged-out');
  });

  it('slow: times out', async () => {
    xnat.control.fault(SHOW, { delayMs: 500 });
    expect(kind(await client({ timeoutMs: 100 }).listTokens())).toBe('timeout');
  });

  it('500: server error', async () => {
    xnat.control.fault(SHOW, { status: 500 });
    expect(await client().listTokens()).toMatchObject({
      ok: false,
      failure: { kind: 'server-error', status: 500 },
    });
  });

  it('HTML with 200: bad response', async () => {
    xnat.control.fault(SHOW, { html200: true });
    expect(kind(await client().listTokens())).toBe('bad-response');
  });

  it('a redirect to another server: logged out, and the other server never hears of it', async () => {
    const other = await start({ contextPath: '/xnat' });
    xnat.control.fault('/data/services/tokens/issue', {
      redirectTo: `${other.url}/data/services/tokens/issue`,
    });
    expect(kind(await client().issueToken())).toBe('logged-out');
    expect(other.control.requestCount()).toBe(0);
    await other.stop();
  });

  it('a redirect to Login.vm: logged out', async () => {
    xnat.control.fault(SHOW, { redirectTo: '/app/template/Login.vm' });
    expect(kind(await client().listTokens())).toBe('logged-out');
  });

  it('malformed JSON: bad response', async () => {
    xnat.control.fault(SHOW, { malformedJson: true });
    expect(kind(await client().listTokens())).toBe('bad-response');
  });

  it('a 50 MB body: bad response, without reading it all', async () => {
    xnat.control.fault(SHOW, { hugeBodyBytes: 50 * 1024 * 1024 });
    expect(kind(await client().listTokens())).toBe('bad-response');
  });

  it('a dropped connection: network', async () => {
    xnat.control.fault(SHOW, { drop: true });
    expect(kind(await client().listTokens())).toBe('network');
  });

  it('a fault can apply a set number of times', async () => {
    xnat.control.fault(SHOW, { status: 503, times: 1 });
    expect(kind(await client().listTokens())).toBe('server-error');
    expect(kind(await client().listTokens())).toBe('ok');
  });
});
