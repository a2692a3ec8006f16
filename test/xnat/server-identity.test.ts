import { describe, expect, it } from 'vitest';
import {
  hostPattern,
  isPlainHost,
  loginPageUrl,
  parseBaseUrl,
  serverAddress,
  serverForUrl,
  tokenPageUrl,
} from '../../src/xnat/server-identity';

const ROOT = { id: 'https://h.org' };
const NESTED = { id: 'https://h.org/xnat' };
const OTHER_PORT = { id: 'https://h.org:8443/xnat' };
const servers = [ROOT, NESTED, OTHER_PORT];

describe('which known server a URL lies under', () => {
  it.each([
    ['https://h.org/xnat/app/template/Index.vm', NESTED],
    ['https://h.org/xnat', NESTED],
    ['https://h.org/xnat?x=1', NESTED],
    ['https://h.org/xnat#tab=alias-token-tab', NESTED],
    ['https://h.org/xnat;jsessionid=0A1B', NESTED],
    ['https://h.org/xnatty/', ROOT],
    ['https://h.org:8443/xnat/data/projects', OTHER_PORT],
    ['https://h.org:9443/xnat/', null],
    ['http://h.org/xnat/', null],
  ])('%s', (url, expected) => {
    expect(serverForUrl(url, servers)).toBe(expected);
  });
});

describe('an address the user pastes', () => {
  it.each([
    [
      'https://xnat.example.org/xnat/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab',
      'https://xnat.example.org/xnat/app/template/XDATScreen_UpdateUser.vm',
    ],
    ['https://xnat.example.org/xnat/data/projects?format=csv', 'https://xnat.example.org/xnat/data/projects'],
    ['xnat.example.org/xnat', 'https://xnat.example.org/xnat'],
    ['  xnat.example.org  ', 'https://xnat.example.org/'],
    ['http://xnat.example.org:8080/', 'http://xnat.example.org:8080/'],
    ['https://alice:pw@xnat.example.org/', 'https://xnat.example.org/'],
    [
      'https://xnat.example.org/xnat/app/template/Index.vm;jsessionid=ABC',
      'https://xnat.example.org/xnat/app/template/Index.vm',
    ],
  ])('%s → %s', (input, url) => {
    expect(serverAddress(input)).toBe(url);
  });

  it.each(['', 'not a url', 'ftp://h.org/', 'javascript:alert(1)', 'http://a$(id)b/', 'http://a`id`b/'])(
    'refuses %j',
    (input) => {
      expect(serverAddress(input)).toBeNull();
    },
  );
});

describe('host names', () => {
  it('letters, digits, dots and hyphens, or a bracketed IPv6 address', () => {
    for (const host of ['xnat.example.org', '127.0.0.1', 'xn--mller-kva.de', '[::1]', '[2001:db8::1]'])
      expect(isPlainHost(host)).toBe(true);
    for (const host of ['a$(id)b', 'a`id`', "a'b", 'a;b', '']) expect(isPlainHost(host)).toBe(false);
  });

  it('no base URL or grant for a host a shell would read as code', () => {
    expect(parseBaseUrl('http://a$(id)b/xnat')).toBeNull();
    expect(hostPattern('http://a$(id)b/xnat')).toBeNull();
    expect(hostPattern('https://h.org:8443/xnat/x')).toBe('https://h.org/*');
  });
});

describe('page URLs', () => {
  it('the token page with its tab marker, and the login page', () => {
    expect(tokenPageUrl(NESTED)).toBe(
      'https://h.org/xnat/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab',
    );
    expect(loginPageUrl(ROOT)).toBe('https://h.org/app/template/Login.vm');
  });
});
