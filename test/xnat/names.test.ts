import { describe, expect, it } from 'vitest';
import { cleanText, displayHost, serverName, serverTitle, shortAlias, tokenName } from '../../src/xnat/names';
import { decodeToken } from '../../src/xnat/token';
import { TOKEN_18 } from '../fixtures/xnat-responses';

describe('names a server chose', () => {
  it('a right-to-left override cannot reverse what follows', () => {
    expect(cleanText('CNDA\u202Egnp.exe')).toBe('CNDA gnp.exe');
    expect(cleanText('A\u2066B\u2069C\u200B')).toBe('A B C');
  });

  it('a newline cannot forge another line in a tooltip or notification', () => {
    expect(cleanText('XNAT\nCNDA: token expires in 5 min')).toBe('XNAT CNDA: token expires in 5 min');
    expect(cleanText('a\r\n\tb\u2028c')).toBe('a b c');
  });

  it('200 characters are capped at 40 with an ellipsis, so the host stays in view', () => {
    const long = cleanText('X'.repeat(200));
    expect(long).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
  });

  it('is shown with its host, and a name that cleans to nothing is XNAT', () => {
    const server = { id: 'https://xnat.example.org:8443/xnat', siteId: '\u202E\u0000' };
    expect(serverName(server)).toBe('XNAT');
    expect(serverTitle({ ...server, siteId: 'CNDA' })).toBe('CNDA (xnat.example.org:8443/xnat)');
    expect(displayHost(server)).toBe('xnat.example.org:8443/xnat');
  });
});

describe('names of tokens', () => {
  it('by label, else by the short alias', () => {
    const alias = '61e4f5db-33e0-4f06-86e7-a59217d65f5c';
    expect(shortAlias(alias)).toBe('61e4f5db…5f5c');
    expect(tokenName({ alias })).toBe('61e4f5db…5f5c');
    expect(tokenName({ alias, label: 'nightly-sync' })).toBe('nightly-sync');
  });
});

describe('token ids', () => {
  it('decode only as whole numbers from 0', () => {
    for (const id of [-1, -0.5, 1.5, '-3', Number.NaN])
      expect(decodeToken({ ...TOKEN_18, id }).ok).toBe(false);
    for (const id of [0, 7, '12']) expect(decodeToken({ ...TOKEN_18, id }).ok).toBe(true);
  });
});

describe('token dates', () => {
  it('outside 2000–2200 are refused, so that no date shown can break a render', () => {
    for (const estimatedExpirationTime of [
      1e300,
      8.64e15,
      -1,
      Date.UTC(2200, 0, 2),
      '99999999999999',
      Number.NaN,
    ])
      expect(decodeToken({ ...TOKEN_18, estimatedExpirationTime }).ok).toBe(false);
    const old = Date.UTC(1999, 11, 31);
    expect(decodeToken({ ...TOKEN_18, created: old, timestamp: old }).ok).toBe(false);
    expect(decodeToken({ ...TOKEN_18, estimatedExpirationTime: '20260105_120000' }).ok).toBe(true);
  });
});
