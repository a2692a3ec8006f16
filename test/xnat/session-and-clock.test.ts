// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clockOffsetMs } from '../../src/xnat/server-clock';
import { parseBaseUrl } from '../../src/xnat/server-identity';
import { parseSessionExpiration, readSessionExpirationCookie } from '../../src/xnat/session-cookie';

describe('SESSION_EXPIRATION_TIME', () => {
  it('reads the plain, quoted and URL-encoded forms of "<last request>,<timeout>"', () => {
    const expected = { endsAtMs: 1526360604410 };
    expect(parseSessionExpiration('1526359704410,900000')).toEqual(expected);
    expect(parseSessionExpiration('"1526359704410,900000"')).toEqual(expected);
    expect(parseSessionExpiration('%221526359704410%2C900000%22')).toEqual(expected);
  });

  it('reads the single absolute epoch value of the unreleased 1.9 change, quoted or not', () => {
    expect(parseSessionExpiration('1526360604410')).toEqual({ endsAtMs: 1526360604410 });
    expect(parseSessionExpiration('"1526360604410"')).toEqual({ endsAtMs: 1526360604410 });
  });

  it('ignores anything else', () => {
    for (const value of ['', 'abc', '1526359704410,', ',900000', '15263', '%E0%A4%A', null, undefined]) {
      expect(parseSessionExpiration(value)).toBeNull();
    }
  });

  it('is found among other cookies', () => {
    expect(
      readSessionExpirationCookie('a=1; SESSION_EXPIRATION_TIME="1526359704410,900000"; b=2')?.endsAtMs,
    ).toBe(1526360604410);
    expect(readSessionExpirationCookie('a=1')).toBeNull();
  });
});

describe('server clock offset', () => {
  it('is the server Date minus the middle of the request', () => {
    expect(clockOffsetMs(10_000_000 + 2 * 3600_000, 10_000_000 - 100, 10_000_000 + 100)).toBe(2 * 3600_000);
    expect(clockOffsetMs(10_000_000 - 2 * 3600_000, 10_000_000, 10_000_000)).toBe(-2 * 3600_000);
  });

  it('is zero within the header’s one-second resolution', () => {
    expect(clockOffsetMs(10_000_000, 10_000_400, 10_000_600)).toBe(0);
  });

  it('ignores a Date header more than a year off (a broken or hostile server): null, kept out', () => {
    const now = Date.UTC(2026, 11, 4);
    expect(clockOffsetMs(Date.parse('-271821-04-20T00:00:00Z'), now, now)).toBeNull();
    expect(clockOffsetMs(now + 366 * 24 * 3600_000, now, now)).toBeNull();
    expect(clockOffsetMs(now + 300 * 24 * 3600_000, now, now)).toBe(300 * 24 * 3600_000);
  });
});

describe('base URLs', () => {
  it('accepts http(s) roots with or without a context path', () => {
    expect(parseBaseUrl('https://xnat.example.org/xnat/')).toEqual({
      origin: 'https://xnat.example.org',
      contextPath: '/xnat',
    });
    expect(parseBaseUrl('http://127.0.0.1:8080')).toEqual({
      origin: 'http://127.0.0.1:8080',
      contextPath: '',
    });
  });

  it.each([
    'ftp://h.org/',
    'https://user:pw@h.org/',
    'https://h.org/?q=1',
    'https://h.org/#x',
    "https://h.org/x'y",
    'https://h.org/a b',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (input) => {
    expect(parseBaseUrl(input)).toBeNull();
  });
});
