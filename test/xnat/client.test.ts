// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/result';
import { canListTokens, createXnatClient, validateToken } from '../../src/xnat/client';
import { fakeFetch, json } from '../fakes/fake-fetch';
import {
  ALIAS,
  LOGIN_PAGE_HTML,
  MAINTENANCE_HTML,
  NOT_FOUND_HTML,
  SECRET,
  TOKEN_18,
  TOKEN_170,
} from '../fixtures/xnat-responses';

const server = { origin: 'https://xnat.example.org', contextPath: '/xnat' };
const BASE = 'https://xnat.example.org/xnat';
const SHOW = '/xnat/data/services/tokens/show';

function failureKind<T>(outcome: Result<T>): string {
  return outcome.ok ? 'ok' : outcome.failure.kind;
}

describe('listing tokens', () => {
  it('decodes the 1.8 token object and reads the server clock from the Date header', async () => {
    const fetch = fakeFetch({ [SHOW]: json([TOKEN_18], { date: 'Tue, 15 May 2018 04:48:24 GMT' }) });
    const result = await createXnatClient(fetch, server).listTokens();
    expect(result).toEqual({
      ok: true,
      serverDateMs: Date.UTC(2018, 4, 15, 4, 48, 24),
      value: {
        refused: 0,
        tokens: [
          {
            id: 6,
            alias: ALIAS,
            secret: SECRET,
            xdatUserId: 'alice',
            singleUse: false,
            created: 1526359704410,
            estimatedExpiry: 1526532504410,
            enabled: true,
          },
        ],
      },
    });
  });

  it('asks with the browser session, never with credentials of its own', async () => {
    const fetch = fakeFetch({ [SHOW]: json([]) });
    await createXnatClient(fetch, server).listTokens();
    const { url, init } = fetch.calls[0] ?? { url: '' };
    expect(url).toBe(`${BASE}/data/services/tokens/show?format=json`);
    expect(init?.credentials).toBe('include');
    expect(JSON.stringify(init?.headers)).not.toMatch(/authorization/i);
  });

  it('reads a 1.7 body that is not labelled as JSON', async () => {
    const fetch = fakeFetch({
      [SHOW]: { body: JSON.stringify([TOKEN_18]), headers: { 'content-type': 'text/plain' } },
    });
    const result = await createXnatClient(fetch, server).listTokens();
    expect(result.ok && result.value.tokens.map((t) => t.id)).toEqual([6]);
  });

  it('reads the 1.7.0 yyyyMMdd_HHmmss expiry', async () => {
    const fetch = fakeFetch({ [SHOW]: json([TOKEN_170]) });
    const result = await createXnatClient(fetch, server).listTokens();
    expect(result.ok && result.value.tokens[0]?.estimatedExpiry).toBe(Date.UTC(2018, 4, 17, 4, 48, 24));
  });

  it('returns an empty list for []', async () => {
    const result = await createXnatClient(fakeFetch({ [SHOW]: json([]) }), server).listTokens();
    expect(result.ok && result.value).toEqual({ tokens: [], refused: 0 });
  });

  it.each([
    ['an alias that is not a UUID', { alias: 'x; rm -rf ~' }],
    ['a secret with shell characters', { secret: "abc'$(id)" }],
    ['a secret that is too long', { secret: 'a'.repeat(129) }],
    ['an empty secret', { secret: '' }],
    ['no user', { xdatUserId: undefined }],
    ['no expiry', { estimatedExpirationTime: 'soon' }],
    ['a fractional id', { id: 1.5 }],
  ])('refuses a token with %s and keeps the others', async (_, change) => {
    const bad = { ...TOKEN_18, id: 9, ...change };
    const result = await createXnatClient(fakeFetch({ [SHOW]: json([TOKEN_18, bad]) }), server).listTokens();
    expect(result.ok && result.value.refused).toBe(1);
    expect(result.ok && result.value.tokens.map((t) => t.id)).toEqual([6]);
  });

  it('refuses a body that is not a list', async () => {
    const result = await createXnatClient(fakeFetch({ [SHOW]: json({ tokens: [] }) }), server).listTokens();
    expect(failureKind(result)).toBe('bad-response');
  });
});

describe('failures', () => {
  it('treats the 302 to Login.vm that browsers get as logged out', async () => {
    const fetch = fakeFetch({
      [SHOW]: {
        body: LOGIN_PAGE_HTML,
        headers: { 'content-type': 'text/html' },
        finalUrl: `${BASE}/app/template/Login.vm`,
      },
    });
    const result = await createXnatClient(fetch, server).listTokens();
    expect(failureKind(result)).toBe('logged-out');
  });

  it('treats a login page served in place as logged out', async () => {
    const fetch = fakeFetch({ [SHOW]: { body: LOGIN_PAGE_HTML, headers: { 'content-type': 'text/html' } } });
    expect(failureKind(await createXnatClient(fetch, server).listTokens())).toBe('logged-out');
  });

  it('treats 401 as logged out', async () => {
    const fetch = fakeFetch({
      [SHOW]: { status: 401, headers: { 'www-authenticate': 'Basic realm="XNAT"' } },
    });
    expect(failureKind(await createXnatClient(fetch, server).listTokens())).toBe('logged-out');
  });

  it('treats guest as logged out', async () => {
    const fetch = fakeFetch({ '/xnat/xapi/users/username': { body: 'guest' } });
    expect(failureKind(await createXnatClient(fetch, server).currentUser())).toBe('logged-out');
  });

  it.each([
    [403, 'forbidden'],
    [404, 'not-found'],
    [500, 'server-error'],
    [502, 'server-error'],
    [504, 'timeout'],
    [405, 'server-error'],
  ])('maps HTTP %i to %s', async (status, kind) => {
    const fetch = fakeFetch({
      [SHOW]: { status, body: NOT_FOUND_HTML, headers: { 'content-type': 'text/html' } },
    });
    const result = await createXnatClient(fetch, server).listTokens();
    expect(result).toEqual({ ok: false, failure: expect.objectContaining({ kind, status }) });
  });

  it('never repeats the server body in its message', async () => {
    const fetch = fakeFetch({
      [SHOW]: { status: 404, body: NOT_FOUND_HTML, headers: { 'content-type': 'text/html' } },
    });
    const result = await createXnatClient(fetch, server).listTokens();
    expect(JSON.stringify(result)).not.toContain(ALIAS);
  });

  it('treats HTML where JSON was expected as a bad response', async () => {
    const fetch = fakeFetch({ [SHOW]: { body: MAINTENANCE_HTML, headers: { 'content-type': 'text/html' } } });
    const result = await createXnatClient(fetch, server).listTokens();
    expect(failureKind(result)).toBe('bad-response');
    expect(JSON.stringify(result)).not.toContain('onerror');
  });

  it('treats malformed JSON as a bad response', async () => {
    const fetch = fakeFetch({
      [SHOW]: { body: '[{"id": 1, "alias": ', headers: { 'content-type': 'application/json' } },
    });
    expect(failureKind(await createXnatClient(fetch, server).listTokens())).toBe('bad-response');
  });

  it('stops reading a body over the size cap', async () => {
    const fetch = fakeFetch({ [SHOW]: { body: new Uint8Array(5000).fill(0x20) } });
    const result = await createXnatClient(fetch, server, { maxBodyBytes: 4096 }).listTokens();
    expect(result).toEqual({
      ok: false,
      failure: expect.objectContaining({ kind: 'bad-response' }),
    });
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const fetch = fakeFetch({
      [SHOW]: { body: '[]', headers: { 'content-length': String(50 * 1024 * 1024) } },
    });
    expect(failureKind(await createXnatClient(fetch, server).listTokens())).toBe('bad-response');
  });

  it('gives up after the time-out', async () => {
    const fetch = fakeFetch({ [SHOW]: { hang: true } });
    const result = await createXnatClient(fetch, server, { timeoutMs: 30 }).listTokens();
    expect(failureKind(result)).toBe('timeout');
  });

  it('reports a network failure', async () => {
    const fetch = fakeFetch({ [SHOW]: { networkError: true } });
    expect(failureKind(await createXnatClient(fetch, server).listTokens())).toBe('network');
  });

  it('does not trust an answer that ended on another server', async () => {
    const fetch = fakeFetch({
      [SHOW]: { ...json([TOKEN_18]), finalUrl: 'https://sso.example.org/idp/login' },
    });
    expect(failureKind(await createXnatClient(fetch, server).listTokens())).toBe('logged-out');
  });

  it('never follows a redirect: the request says so, and a redirect reads as logged out', async () => {
    const fetch = fakeFetch({
      [SHOW]: { status: 302, headers: { location: 'https://other.example.org/x' } },
    });
    expect(failureKind(await createXnatClient(fetch, server).listTokens())).toBe('logged-out');
    expect(fetch.calls[0]?.init?.redirect).toBe('manual');
  });
});

describe('issuing, invalidating and validating', () => {
  it('issues a token', async () => {
    const fetch = fakeFetch({ '/xnat/data/services/tokens/issue': json(TOKEN_18) });
    const result = await createXnatClient(fetch, server).issueToken();
    expect(result.ok && result.value.alias).toBe(ALIAS);
  });

  it('refuses an issued token that fails the checks', async () => {
    const fetch = fakeFetch({ '/xnat/data/services/tokens/issue': json({ ...TOKEN_18, secret: 'a b' }) });
    expect(failureKind(await createXnatClient(fetch, server).issueToken())).toBe('bad-response');
  });

  it('invalidates by id and by alias', async () => {
    const fetch = fakeFetch((url) => (url.includes('/invalidate/') ? json({ result: 'OK' }) : undefined));
    const client = createXnatClient(fetch, server);
    expect((await client.invalidateToken(6)).ok).toBe(true);
    expect((await client.invalidateToken(ALIAS)).ok).toBe(true);
    expect(fetch.calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/xnat/data/services/tokens/invalidate/6',
      `/xnat/data/services/tokens/invalidate/${ALIAS}`,
    ]);
  });

  it('never puts anything but an id or alias into the path', async () => {
    const fetch = fakeFetch({});
    const result = await createXnatClient(fetch, server).invalidateToken('../../admin');
    expect(failureKind(result)).toBe('bad-request');
    expect(fetch.calls).toHaveLength(0);
  });

  it('reports an unknown token as not found', async () => {
    const fetch = fakeFetch({
      [`/xnat/data/services/tokens/invalidate/${ALIAS}`]: { status: 404, body: NOT_FOUND_HTML },
    });
    expect(failureKind(await createXnatClient(fetch, server).invalidateToken(ALIAS))).toBe('not-found');
  });

  it('needs XNAT to confirm a deletion', async () => {
    const fetch = fakeFetch({ '/xnat/data/services/tokens/invalidate/6': json({}) });
    expect(failureKind(await createXnatClient(fetch, server).invalidateToken(6))).toBe('bad-response');
  });

  it('validates: a user name means valid, {} means a wrong secret', async () => {
    const valid = fakeFetch({
      [`/xnat/data/services/tokens/validate/${ALIAS}/${SECRET}`]: json({ valid: 'alice' }),
    });
    const invalid = fakeFetch({ [`/xnat/data/services/tokens/validate/${ALIAS}/${SECRET}`]: json({}) });
    expect(await validateToken(valid, server, ALIAS, SECRET)).toMatchObject({
      ok: true,
      value: { valid: true, username: 'alice' },
    });
    expect(await validateToken(invalid, server, ALIAS, SECRET)).toMatchObject({
      ok: true,
      value: { valid: false },
    });
  });
});

describe('current user', () => {
  it('reads /xapi/users/username on 1.8', async () => {
    const fetch = fakeFetch({ '/xnat/xapi/users/username': { body: 'alice' } });
    expect(await createXnatClient(fetch, server).currentUser()).toMatchObject({ ok: true, value: 'alice' });
  });

  it('falls back to /data/auth on servers before 1.8', async () => {
    const fetch = fakeFetch({ '/xnat/data/auth': { body: "User 'bob' is logged in" } });
    expect(await createXnatClient(fetch, server).currentUser()).toMatchObject({ ok: true, value: 'bob' });
  });

  it('is logged out when the fallback redirects to the login page', async () => {
    const fetch = fakeFetch({
      '/xnat/data/auth': { body: LOGIN_PAGE_HTML, finalUrl: `${BASE}/app/template/Login.vm;jsessionid=1` },
    });
    expect(failureKind(await createXnatClient(fetch, server).currentUser())).toBe('logged-out');
  });

  it('refuses an answer that names nobody', async () => {
    const fetch = fakeFetch({ '/xnat/xapi/users/username': { body: '<html>hello</html>' } });
    expect(failureKind(await createXnatClient(fetch, server).currentUser())).toBe('bad-response');
  });
});

describe('XNAT versions', () => {
  it('1.7 with a restricted user list: the user name comes from /data/auth after a 403', async () => {
    const fetch = fakeFetch({
      '/xnat/xapi/users/username': { status: 403, body: '<h3>Forbidden</h3>' },
      '/xnat/data/auth': { body: "User 'alice' is logged in", headers: { 'content-type': 'text/plain' } },
    });
    expect(await createXnatClient(fetch, server).currentUser()).toMatchObject({ ok: true, value: 'alice' });
  });

  it('before 1.7.5 listing says why, without asking XNAT', async () => {
    const fetch = fakeFetch({});
    const listed = await createXnatClient(fetch, { ...server, version: '1.7.4' }).listTokens();
    expect(listed).toEqual({ ok: false, failure: { kind: 'unsupported-version', version: '1.7.4' } });
    expect(fetch.calls).toHaveLength(0);
  });

  it('a 400 "Unknown operation: show" reads the same way', async () => {
    const fetch = fakeFetch({ [SHOW]: { status: 400, body: '<h3>Unknown operation: show</h3>' } });
    const listed = await createXnatClient(fetch, { ...server, version: '1.7.3-custom' }).listTokens();
    expect(listed).toMatchObject({ ok: false, failure: { kind: 'unsupported-version' } });
  });

  it.each([
    ['1.7.5', true],
    ['1.7.6', true],
    ['1.8.0', true],
    ['1.9.0-SNAPSHOT', true],
    ['1.7.4', false],
    ['1.7.0', false],
    ['1.6.5', false],
    ['dev-build', true],
  ])('%s can list tokens: %s', (version, expected) => {
    expect(canListTokens(version)).toBe(expected);
  });

  it('1.7.0 issues a token without an id, still usable for the copy made at creation', async () => {
    const { id: _id, ...noId } = TOKEN_18;
    const fetch = fakeFetch({
      '/xnat/data/services/tokens/issue': json({ ...noId, estimatedExpirationTime: '20180517_044824' }),
    });
    expect(await createXnatClient(fetch, server).issueToken()).toMatchObject({
      ok: true,
      value: { id: null, alias: TOKEN_18.alias, secret: TOKEN_18.secret },
    });
  });
});
