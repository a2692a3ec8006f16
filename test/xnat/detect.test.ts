// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contextPathCandidates, detectServer, readConfigString } from '../../src/xnat/detect';
import { fakeFetch, json } from '../fakes/fake-fetch';
import { BUILD_INFO_18 } from '../fixtures/xnat-responses';

const paths = (url: string) => contextPathCandidates(url).map((s) => s.contextPath);

describe('context path candidates', () => {
  it('takes what stands before an XNAT path segment first', () => {
    expect(paths('https://h.org/xnat/app/template/XDATScreen_UpdateUser.vm')).toEqual(['/xnat', '']);
    expect(paths('https://h.org/data/projects')).toEqual(['']);
    expect(paths('https://h.org/a/b/REST/projects')[0]).toBe('/a/b');
  });

  it('tries every ancestor, deepest first, when the URL has no XNAT segment', () => {
    expect(paths('https://h.org/xnat/')).toEqual(['/xnat', '']);
    expect(paths('https://h.org/')).toEqual(['']);
  });

  it('offers nothing for non-web URLs, or hosts a shell would read as code', () => {
    expect(contextPathCandidates('http://a$(id)b/xnat/')).toEqual([]);
    expect(contextPathCandidates('file:///etc/passwd')).toEqual([]);
    expect(contextPathCandidates('chrome://extensions')).toEqual([]);
  });
});

describe('detecting a server', () => {
  it('finds XNAT under a context path from any page on it', async () => {
    const fetch = fakeFetch({
      '/xnat/xapi/siteConfig/buildInfo': json(BUILD_INFO_18),
      '/xnat/xapi/siteConfig/siteId': { body: 'CNDA' },
    });
    const result = await detectServer(fetch, 'https://h.org/xnat/app/template/Index.vm');
    expect(result).toMatchObject({
      ok: true,
      value: { origin: 'https://h.org', contextPath: '/xnat', version: '1.8.11', siteId: 'CNDA' },
    });
  });

  it('finds XNAT at the root after the deeper candidate fails', async () => {
    const fetch = fakeFetch({ '/xapi/siteConfig/buildInfo': { body: JSON.stringify(BUILD_INFO_18) } });
    const result = await detectServer(fetch, 'https://h.org/projects/');
    expect(result).toMatchObject({ ok: true, value: { contextPath: '', siteId: 'XNAT' } });
    expect(fetch.calls.map((c) => new URL(c.url).pathname)).toEqual([
      '/projects/xapi/siteConfig/buildInfo',
      '/xapi/siteConfig/buildInfo',
      '/xapi/siteConfig/siteId',
    ]);
  });

  it('says not XNAT when no candidate answers with build information', async () => {
    const fetch = fakeFetch({ '/xapi/siteConfig/buildInfo': { body: '<html>welcome</html>' } });
    expect(await detectServer(fetch, 'https://shop.example.com/')).toMatchObject({
      ok: false,
      failure: { kind: 'not-xnat' },
    });
  });

  it('stops at the first unreachable candidate', async () => {
    const fetch = fakeFetch(() => ({ networkError: true }));
    const result = await detectServer(fetch, 'https://h.org/a/b/');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(fetch.calls).toHaveLength(1);
  });

  it('stops at a redirect (say, http to https) and says the address sends the browser elsewhere', async () => {
    const fetch = fakeFetch({
      '/xnat/xapi/siteConfig/buildInfo': { status: 301, headers: { location: 'https://h.org/xnat/' } },
    });
    expect(await detectServer(fetch, 'http://h.org/xnat/app/template/Index.vm')).toMatchObject({
      ok: false,
      failure: { kind: 'redirected' },
    });
    expect(fetch.calls).toHaveLength(1);
  });

  it('cleans the site name and version the server chose', async () => {
    const fetch = fakeFetch({
      '/xapi/siteConfig/buildInfo': json({ ...BUILD_INFO_18, version: '1.8.11\u202E' }),
      '/xapi/siteConfig/siteId': {
        body: 'CNDA\u202Enoitcudorp\nline two',
        headers: { 'content-type': 'text/plain' },
      },
    });
    expect(await detectServer(fetch, 'https://h.org/')).toMatchObject({
      ok: true,
      value: { siteId: 'CNDA noitcudorp line two', version: '1.8.11' },
    });
  });

  it('refuses what is not a URL', async () => {
    expect(await detectServer(fakeFetch({}), 'not a url')).toMatchObject({
      ok: false,
      failure: { kind: 'bad-url' },
    });
  });
});

describe('siteConfig strings', () => {
  it('reads raw text and JSON strings alike', () => {
    expect(readConfigString('CNDA\n')).toBe('CNDA');
    expect(readConfigString('"https://h.org/xnat"')).toBe('https://h.org/xnat');
    expect(readConfigString('<html>')).toBeNull();
    expect(readConfigString('"unterminated')).toBeNull();
  });
});
