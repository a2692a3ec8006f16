// @vitest-environment node
// The simulated XNAT's login, sessions, CSRF and site endpoints, against XNAT's behaviour (ARCHITECTURE.md, "XNAT facts").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_AGENT, CURL_AGENT, cookieJarFetch, logIn } from '../fakes/cookie-jar-fetch';
import { type RunningXnat, type StartOptions, start } from './server';

let xnat: RunningXnat;
beforeEach(async () => {
  xnat = await start({ contextPath: '/xnat', siteId: 'CNDA' });
});
afterEach(async () => {
  await xnat.stop();
});

const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('open site information', () => {
  it('serves buildInfo, siteId and siteUrl to anyone', async () => {
    const info = await (await fetch(`${xnat.url}/xapi/siteConfig/buildInfo`)).json();
    expect(info).toMatchObject({
      version: '1.8.11',
      buildNumber: expect.any(String),
      sha: expect.any(String),
    });
    expect(await (await fetch(`${xnat.url}/xapi/siteConfig/siteId`)).text()).toBe('CNDA');
    expect(await (await fetch(`${xnat.url}/xapi/siteConfig/siteUrl`)).text()).toBe(xnat.url);
  });

  it('can serve siteUrl as a JSON string', async () => {
    const other = await start({ siteUrlAsJson: true });
    expect(await (await fetch(`${other.url}/xapi/siteConfig/siteUrl`)).text()).toBe(
      JSON.stringify(other.url),
    );
    await other.stop();
  });

  it('answers 404 outside its context path', async () => {
    expect((await fetch(`${xnat.origin}/data/projects`)).status).toBe(404);
  });
});

describe('callers who are not logged in', () => {
  it.each(['/data/projects', '/REST/projects', '/xapi/users/username', '/data/services/tokens/show'])(
    'a browser is redirected from %s to Login.vm',
    async (path) => {
      const response = await fetch(xnat.url + path, {
        headers: { 'User-Agent': BROWSER_AGENT },
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`${xnat.url}/app/template/Login.vm`);
    },
  );

  it('curl gets 401 with a Basic challenge naming the site', async () => {
    const response = await fetch(`${xnat.url}/data/projects`, { headers: { 'User-Agent': CURL_AGENT } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="CNDA"');
  });

  it('cannot see the profile page', async () => {
    const browser = cookieJarFetch();
    const response = await browser(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm`);
    expect(new URL(response.url).pathname).toBe('/xnat/app/template/Login.vm');
  });
});

describe('logging in through the form', () => {
  it('sets an HttpOnly JSESSIONID on the context path without SameSite', async () => {
    const response = await fetch(`${xnat.url}/login`, {
      method: 'POST',
      headers: { 'User-Agent': BROWSER_AGENT, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=alice&password=alice-pass',
      redirect: 'manual',
    });
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('JSESSIONID='));
    expect(session).toMatch(/; Path=\/xnat; HttpOnly$/);
    expect(session).not.toMatch(/SameSite/i);
    expect(xnat.control.sessionsCreated('form')).toBe(1);
  });

  it('refuses a wrong password', async () => {
    const browser = cookieJarFetch();
    await expect(logIn(browser, xnat.url, 'alice', 'wrong')).rejects.toThrow(/failed/);
    expect(xnat.control.sessionsCreated()).toBe(0);
  });

  it('resets SESSION_EXPIRATION_TIME on each authenticated request', async () => {
    const browser = cookieJarFetch();
    await logIn(browser, xnat.url);
    xnat.control.advanceClock(60_000);
    await browser(`${xnat.url}/xapi/users/username`);
    const [last, timeout] = (browser.cookies.get('SESSION_EXPIRATION_TIME') ?? '')
      .replace(/"/g, '')
      .split(',')
      .map(Number);
    expect(timeout).toBe(15 * 60 * 1000);
    expect(Math.abs((last ?? 0) - xnat.control.state.now())).toBeLessThan(1000);
  });

  it('ends an idle session after 15 minutes', async () => {
    const browser = cookieJarFetch();
    await logIn(browser, xnat.url);
    expect(await (await browser(`${xnat.url}/xapi/users/username`)).text()).toBe('alice');
    xnat.control.advanceClock(14 * 60 * 1000);
    expect(await (await browser(`${xnat.url}/xapi/users/username`)).text()).toBe('alice');
    xnat.control.advanceClock(15 * 60 * 1000 + 1);
    const response = await browser(`${xnat.url}/xapi/users/username`);
    expect(new URL(response.url).pathname).toBe('/xnat/app/template/Login.vm');
  });

  it('logs out', async () => {
    const browser = cookieJarFetch();
    await logIn(browser, xnat.url);
    await browser(`${xnat.url}/app/action/LogoutUser`);
    expect(xnat.control.openSessions()).toBe(0);
  });
});

describe('Basic auth', () => {
  it('opens a new session for every request without a session cookie', async () => {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${xnat.url}/data/projects?format=json`, {
        headers: { Authorization: basic('alice', 'alice-pass'), 'User-Agent': CURL_AGENT },
      });
      expect(response.status).toBe(200);
    }
    expect(xnat.control.sessionsCreated('basic-password')).toBe(3);
    expect(xnat.control.openSessions()).toBe(3);
  });

  it('works with alias:secret and reuses the session it opened', async () => {
    const token = xnat.control.seedToken();
    const curl = cookieJarFetch(CURL_AGENT);
    const first = await curl(`${xnat.url}/data/projects?format=json`, {
      headers: { Authorization: basic(token.alias, token.secret) },
    });
    expect(first.status).toBe(200);
    await curl(`${xnat.url}/data/projects?format=json`);
    await curl(`${xnat.url}/data/projects?format=json`);
    expect(xnat.control.sessionsCreated('basic-token')).toBe(1);
    expect(await (await curl(`${xnat.url}/data/auth`)).text()).toBe("User 'alice' is logged in");
  });

  it('refuses wrong credentials with 401', async () => {
    const token = xnat.control.seedToken();
    const response = await fetch(`${xnat.url}/data/projects`, {
      headers: { Authorization: basic(token.alias, 'wrong'), 'User-Agent': BROWSER_AGENT },
    });
    expect(response.status).toBe(401);
    expect(xnat.control.sessionsCreated()).toBe(0);
  });

  it('refuses logins once the session cap is reached', async () => {
    const capped = await start({ maxSessions: 2 });
    const call = () =>
      fetch(`${capped.url}/data/projects`, { headers: { Authorization: basic('alice', 'alice-pass') } });
    expect([(await call()).status, (await call()).status, (await call()).status]).toEqual([200, 200, 401]);
    await capped.stop();
  });
});

describe('/data/JSESSION', () => {
  it('returns the session id, with the CSRF token on request, and DELETE ends it', async () => {
    const curl = cookieJarFetch(CURL_AGENT);
    const id = await (
      await curl(`${xnat.url}/data/JSESSION`, {
        method: 'POST',
        headers: { Authorization: basic('alice', 'alice-pass') },
      })
    ).text();
    expect(id).toBe(curl.cookies.get('JSESSIONID'));
    const withCsrf = await (await curl(`${xnat.url}/data/JSESSION?CSRF=true`)).text();
    expect(withCsrf).toMatch(new RegExp(`^${id}; XNAT_CSRF=[0-9a-f-]{36}$`));
    expect(xnat.control.openSessions()).toBe(1);
    expect((await curl(`${xnat.url}/data/JSESSION`, { method: 'DELETE' })).status).toBe(200);
    expect(xnat.control.openSessions()).toBe(0);
  });

  it('gives anonymous callers a guest session, so it proves no login', async () => {
    const response = await fetch(`${xnat.url}/data/JSESSION`, { headers: { 'User-Agent': CURL_AGENT } });
    expect(response.status).toBe(200);
    expect(xnat.control.sessionsCreated('guest')).toBe(1);
  });
});

describe('CSRF', () => {
  it('needs XNAT_CSRF for a browser POST/DELETE on /data with the session cookie', async () => {
    const browser = cookieJarFetch();
    await logIn(browser, xnat.url);
    expect((await browser(`${xnat.url}/data/JSESSION`, { method: 'DELETE' })).status).toBe(403);
    const csrf = (await (await browser(`${xnat.url}/data/JSESSION?CSRF=true`)).text()).split('XNAT_CSRF=')[1];
    expect((await browser(`${xnat.url}/data/JSESSION?XNAT_CSRF=${csrf}`, { method: 'DELETE' })).status).toBe(
      200,
    );
  });

  it('exempts curl and GET', async () => {
    const curl = cookieJarFetch(CURL_AGENT);
    await curl(`${xnat.url}/data/JSESSION`, { headers: { Authorization: basic('alice', 'alice-pass') } });
    expect((await curl(`${xnat.url}/data/JSESSION`, { method: 'DELETE' })).status).toBe(200);
  });
});

describe('who am I', () => {
  it('answers /xapi/users/username and /data/auth', async () => {
    const browser = cookieJarFetch();
    await logIn(browser, xnat.url);
    expect(await (await browser(`${xnat.url}/xapi/users/username`)).text()).toBe('alice');
    expect(await (await browser(`${xnat.url}/data/auth`)).text()).toBe("User 'alice' is logged in");
  });

  it('1.7 with restrictUserListAccessToAdmins answers 403 to a non-admin on /xapi/users/username', async () => {
    const old = await start({ version: '1.7', restrictUserList: true });
    const browser = cookieJarFetch();
    await logIn(browser, old.url);
    expect((await browser(`${old.url}/xapi/users/username`)).status).toBe(403);
    expect(await (await browser(`${old.url}/data/auth`)).text()).toBe("User 'alice' is logged in");
    await old.stop();
  });

  it('has no /xapi/users/username before 1.8', async () => {
    const old = await start({ version: '1.7' });
    const browser = cookieJarFetch();
    await logIn(browser, old.url);
    expect((await browser(`${old.url}/xapi/users/username`)).status).toBe(404);
    expect(await (await browser(`${old.url}/data/auth`)).text()).toBe("User 'alice' is logged in");
    await old.stop();
  });

  it('lets anonymous callers act as guest when login is not required', async () => {
    const open = await start({ guestMode: true });
    const browser = cookieJarFetch();
    expect(await (await browser(`${open.url}/xapi/users/username`)).text()).toBe('guest');
    expect((await browser(`${open.url}/data/services/tokens/show`)).status).toBe(403);
    await open.stop();
  });
});

describe('the SESSION_EXPIRATION_TIME variants', () => {
  const cookieLine = async (options: StartOptions) => {
    const site = await start({ contextPath: '/xnat', ...options });
    const response = await fetch(`${site.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=alice&password=alice-pass',
    });
    await site.stop();
    return response.headers.getSetCookie().find((c) => c.startsWith('SESSION_EXPIRATION_TIME='));
  };

  it('1.7.4 and later: "<last request>,<timeout>" with the path <context>/', async () => {
    expect(await cookieLine({})).toMatch(/^SESSION_EXPIRATION_TIME="\d{13},900000"; Path=\/xnat\/$/);
  });

  it('1.8.0: marked Secure (dropped by browsers on plain http, kept on localhost)', async () => {
    expect(await cookieLine({ version: '1.8.0' })).toMatch(/; Secure$/);
  });

  it('1.9 (unreleased): one absolute epoch value', async () => {
    expect(await cookieLine({ version: '1.9' })).toMatch(/^SESSION_EXPIRATION_TIME=\d{13}; Path=\/xnat\/$/);
  });

  it('1.7.0: the path is /', async () => {
    expect(await cookieLine({ version: '1.7.0' })).toMatch(/; Path=\/$/);
  });
});

describe('the site name', () => {
  it('needs a login before 1.8.4, and is open from then on', async () => {
    for (const [version, anonymous] of [
      ['1.7', 302],
      ['1.8.0', 302],
      ['1.8', 200],
    ] as const) {
      const site = await start({ version, siteId: 'CNDA' });
      const response = await fetch(`${site.url}/xapi/siteConfig/siteId`, {
        redirect: 'manual',
        headers: { 'User-Agent': BROWSER_AGENT },
      });
      expect([version, response.status]).toEqual([version, anonymous]);
      const browser = cookieJarFetch();
      await logIn(browser, site.url);
      expect(await (await browser(`${site.url}/xapi/siteConfig/siteId`)).text()).toBe('CNDA');
      await site.stop();
    }
  });
});

describe('several servers side by side', () => {
  it('keep their own context paths, sessions and tokens', async () => {
    const root = await start({ contextPath: '' });
    const token = xnat.control.seedToken();
    const browser = cookieJarFetch();
    await logIn(browser, root.url);
    const rootTokens = await (await browser(`${root.url}/data/services/tokens/show`)).json();
    expect(rootTokens).toEqual([]);
    expect(xnat.control.state.tokensOf('alice').map((t) => t.alias)).toEqual([token.alias]);
    expect(root.url).not.toBe(xnat.url);
    await root.stop();
  });
});

describe('counters', () => {
  it('count requests per method and path', async () => {
    await fetch(`${xnat.url}/xapi/siteConfig/buildInfo`);
    await fetch(`${xnat.url}/xapi/siteConfig/buildInfo?x=1`);
    await fetch(`${xnat.url}/data/JSESSION`, { method: 'POST' });
    expect(xnat.control.requestCount('GET /xapi/siteConfig/buildInfo')).toBe(2);
    expect(xnat.control.requestCount(/^POST /)).toBe(1);
    xnat.control.resetCounters();
    expect(xnat.control.requestCount()).toBe(0);
    expect(xnat.control.sessionsCreated()).toBe(0);
  });
});
