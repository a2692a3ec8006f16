import { describe, expect, it } from 'vitest';
import { looksLikeXnat, tokenRows } from '../../src/content/page';
import { isTokenPageUrl } from '../../src/xnat/server-identity';
import { PROFILE_PAGE, pageToken, renderTokenTable } from '../fixtures/token-page';

describe('which pages hold the token table', () => {
  it.each([
    ['https://xnat.example.org/app/template/XDATScreen_UpdateUser.vm', true],
    ['https://xnat.example.org/xnat/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab', true],
    ['https://h.org/a/b/app/template/XDATScreen_aliasTokens.vm', true],
    ['https://xnat.example.org/app/template/Index.vm', false],
    ['https://xnat.example.org/app/template/XDATScreen_UpdateUser.vm;jsessionid=0A1B2C', true],
    ['https://xnat.example.org/app/template/XDATScreen_UpdateUser.vm.bak', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isTokenPageUrl(url)).toBe(expected);
  });
});

describe('recognising XNAT', () => {
  it('by the username link or the serverRoot inline script', () => {
    document.body.innerHTML = PROFILE_PAGE;
    expect(looksLikeXnat(document)).toBe(true);
    document.body.innerHTML = "<script>var serverRoot = '/xnat';</script>";
    expect(looksLikeXnat(document)).toBe(true);
    document.body.innerHTML = '<p>Some other site</p><script>var other = 1;</script>';
    expect(looksLikeXnat(document)).toBe(false);
  });
});

describe('token rows', () => {
  it('reads the id and the expiry and action cells of every row', () => {
    document.body.innerHTML = PROFILE_PAGE;
    renderTokenTable(document, [pageToken(5, 1000), pageToken(9, 2000)]);
    const rows = tokenRows(document.querySelector('table') as HTMLTableElement);
    expect(rows.map((r) => [r.id, r.expiryCell.className, r.actionsCell.className])).toEqual([
      [5, 'expiration', 'ACTIONS center'],
      [9, 'expiration', 'ACTIONS center'],
    ]);
  });

  it('skips rows it cannot read', () => {
    document.body.innerHTML = `<table id="alias-token-list-table"><tr data-id="x"><td></td><td></td><td></td><td></td></tr>
      <tr data-id="3"><td></td></tr><tr data-id="4"><td></td><td></td><td></td><td></td></tr></table>`;
    expect(tokenRows(document.querySelector('table') as HTMLTableElement).map((r) => r.id)).toEqual([4]);
  });
});
