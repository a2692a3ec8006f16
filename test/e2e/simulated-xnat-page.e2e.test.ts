// The simulated Manage Alias Tokens page in real Chromium (no extension): built by page script after
// load, newest first, and emptied and rebuilt after create and delete, as XNAT's aliasTokens.js does.

import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, start } from '../xnat-server/server';
import { CHROMIUM, logInPage } from './browser';

let xnat: RunningXnat;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat' });
  const now = Date.now();
  xnat.control.seedToken({ created: now - 3 * 3600_000 });
  xnat.control.seedToken({ created: now - 3600_000 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  await logInPage(page, xnat.url);
});

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
});

const rowIds = () =>
  page.$$eval('#alias-token-list-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-id')));

describe('the profile page', () => {
  it('opens on the token tab from the hash and renders the table newest first', async () => {
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await expect.poll(rowIds).toEqual(['2', '1']);
    expect(await page.isVisible('div.tab-pane[data-tab=alias-token-tab] #alias-token-table-container')).toBe(
      true,
    );
    const headers = await page.$$eval('#alias-token-list-table th', (ths) => ths.map((th) => th.textContent));
    expect(headers).toEqual(['Alias', 'Status', 'Expiration (est.)', 'Actions']);
    const row = await page.$eval('#alias-token-list-table tbody tr', (tr) => ({
      alias: tr.getAttribute('data-alias'),
      secret: tr.getAttribute('data-secret'),
      link: tr.querySelector('a.view-alias-token[href="#!"]')?.textContent,
      buttons: [...tr.querySelectorAll('button')].map((b) => b.className),
    }));
    const token = xnat.control.state.tokens.get(2);
    expect(row).toEqual({
      alias: token?.alias,
      secret: token?.secret,
      link: token?.alias,
      buttons: ['btn btn-sm view-alias-token', 'btn btn-sm delete-alias-token'],
    });
    expect(await page.evaluate(() => [typeof serverRoot, serverRoot])).toEqual(['string', '/xnat']);
  });

  it('switches tabs by clicking the flippers', async () => {
    await page.click('li.tab[data-tab=user-details-tab] > a');
    expect(await page.isVisible('#alias-token-table-container')).toBe(false);
    await page.click('li.tab[data-tab=alias-token-tab] > a[href="#alias-token-tab"]');
    expect(await page.isVisible('#alias-token-table-container')).toBe(true);
  });

  it('replaces the whole table after Create Alias Token', async () => {
    const before = await page.$('#alias-token-list-table');
    await page.click('button#create-alias-token');
    await expect.poll(rowIds).toEqual(['3', '2', '1']);
    expect(await before?.evaluate((t) => t.isConnected)).toBe(false);
  });

  it('asks before deleting, then replaces the table', async () => {
    await page.click('#alias-token-list-table tr[data-id="2"] button.delete-alias-token');
    await expect
      .poll(() => page.textContent('.xnat-dialog .body'))
      .toMatch(/could cause a pipeline to fail midstream/);
    await page.click('.xnat-dialog button:has-text("Confirm Delete")');
    await expect.poll(rowIds).toEqual(['3', '1']);
    expect(xnat.control.state.tokens.has(2)).toBe(false);
  });

  it('says so when there are no tokens', async () => {
    for (const id of [...xnat.control.state.tokens.keys()]) xnat.control.state.tokens.delete(id);
    await page.reload();
    await expect
      .poll(() => page.textContent('#alias-token-table-container'))
      .toBe("You don't have any alias tokens at this time.");
  });

  it('has the legacy page with the same ids', async () => {
    await page.goto(`${xnat.url}/app/template/XDATScreen_aliasTokens.vm`);
    expect(await page.isVisible('button#create-alias-token')).toBe(true);
    expect(await page.$('div#alias-token-table-container')).not.toBeNull();
  });
});

declare const serverRoot: string;
