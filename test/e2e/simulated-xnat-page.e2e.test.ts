// The simulated Manage Alias Tokens page in real Chromium (no extension), behaving as XNAT's own
// front end does: the tab set is built in script and lands on the profile tab whatever the hash
// asks for; the table is built after load, newest first, sortable, and rebuilt after create and delete.

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
  xnat.control.seedToken({ created: now - 3 * 3600_000, expires: now + 3600_000 });
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
const activeTab = () => page.getAttribute('li.tab.active', 'data-tab');

describe('the profile page', () => {
  it('lands on Edit User Profile whatever the hash asks for, and rewrites the hash, as XNAT does', async () => {
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await expect.poll(activeTab).toBe('user-profile-tab');
    expect(new URL(page.url()).hash).toBe('#tab=user-profile-tab');
    expect(await page.isVisible('#alias-token-table-container')).toBe(false);
  });

  it('builds the token table in the token tab, newest first', async () => {
    await expect.poll(rowIds).toEqual(['2', '1']);
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

  it('switches tabs by clicking the flippers, writing the hash', async () => {
    await page.click('li.tab[data-tab=alias-token-tab] > a[href="#alias-token-tab"]');
    expect(await page.isVisible('#alias-token-table-container')).toBe(true);
    expect(new URL(page.url()).hash).toBe('#tab=alias-token-tab');
    await page.click('li.tab[data-tab=user-profile-tab] > a');
    expect(await page.isVisible('#alias-token-table-container')).toBe(false);
    await page.click('li.tab[data-tab=alias-token-tab] > a');
  });

  it('sorts by a column header, moving the rows it has', async () => {
    const before = await page.$('#alias-token-list-table tbody tr[data-id="1"]');
    await page.click('#alias-token-list-table th:has-text("Expiration")');
    expect(await rowIds()).toEqual(['1', '2']);
    await page.click('#alias-token-list-table th:has-text("Expiration")');
    expect(await rowIds()).toEqual(['2', '1']);
    expect(await before?.evaluate((tr) => tr.isConnected)).toBe(true);
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

  it('has the legacy page with the same ids, and serves pages with ;jsessionid= in the URL', async () => {
    await page.goto(`${xnat.url}/app/template/XDATScreen_aliasTokens.vm;jsessionid=0A1B2C3D`);
    expect(await page.isVisible('button#create-alias-token')).toBe(true);
    expect(await page.$('div#alias-token-table-container')).not.toBeNull();
  });
});

describe('XNAT before 1.7.5', () => {
  it('has no token tab and no token page', async () => {
    const old = await start({ contextPath: '/xnat', version: '1.7.4' });
    const oldPage = await browser.newPage();
    await logInPage(oldPage, old.url);
    await oldPage.goto(`${old.url}/app/template/XDATScreen_UpdateUser.vm`);
    await expect.poll(() => oldPage.locator('li.tab').count()).toBe(2);
    expect(await oldPage.locator('li.tab[data-tab=alias-token-tab]').count()).toBe(0);
    const legacy = await oldPage.goto(`${old.url}/app/template/XDATScreen_aliasTokens.vm`);
    expect(legacy?.status()).toBe(404);
    await oldPage.close();
    await old.stop();
  });
});

declare const serverRoot: string;
