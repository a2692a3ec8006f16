// The extension against the simulated XNAT playing what real XNAT 1.7 to 1.9 do differently, in real
// Chromium: the token tab XNAT will not open by its hash, sortable headers, Tomcat's ;jsessionid=,
// a 1.7 site that restricts its user list, versions without a token list, and the session cookie's
// variants.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, type StartOptions, start } from '../xnat-server/server';
import { type ExtensionBrowser, launchWithExtension, logInAndAdd, shadowTexts } from './browser';

let browser: ExtensionBrowser;
const sites: RunningXnat[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  for (const site of sites) await site.stop();
});

/** A simulated XNAT, logged in to and added to the extension as a user would. */
async function site(options: StartOptions): Promise<RunningXnat> {
  const xnat = await start({ contextPath: `/x${sites.length}`, ...options });
  sites.push(xnat);
  await (await logInAndAdd(browser, [xnat])).view.close();
  return xnat;
}

const activeTab = (page: Page) => page.getAttribute('li.tab.active', 'data-tab');
const worker = () => browser.context.serviceWorkers()[0] ?? browser.worker;

describe('the Manage Alias Tokens tab, which XNAT will not open by its hash', () => {
  let xnat: RunningXnat;
  beforeAll(async () => {
    // XNAT builds its tab set in script; here, late, to show the page script waits for it.
    xnat = await site({ tabSetDelayMs: 800 });
    xnat.control.seedToken();
  });

  it('opens from a reminder’s click', async () => {
    const opened = browser.context.waitForEvent('page');
    await worker().evaluate(
      (id) => (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(id),
      `xtt|${xnat.url}|61e4f5db-33e0-4f06-86e7-a59217d65f5c`,
    );
    const page = await opened;
    await expect.poll(() => activeTab(page), { timeout: 10_000 }).toBe('alias-token-tab');
    await expect.poll(() => page.locator('xnat-token-tools[data-xtt="copy"]').count()).toBe(1);
    await page.close();
  });

  it('opens from the popup’s link', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: /Open the Manage Alias Tokens page of XNAT/ }).click();
    const page = await opened;
    await expect.poll(() => activeTab(page), { timeout: 10_000 }).toBe('alias-token-tab');
    await popup.close();
    await page.close();
  });

  it('opens from a deep link the user followed, and then lets the user pick another tab', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await expect.poll(() => activeTab(page), { timeout: 10_000 }).toBe('alias-token-tab');
    await page.click('li.tab[data-tab=user-profile-tab] > a');
    await page.waitForTimeout(1000);
    expect(await activeTab(page)).toBe('user-profile-tab');
    await page.close();
  });

  it('is left alone when the user came for the profile', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm`);
    await expect.poll(() => page.locator('xnat-token-tools[data-xtt="copy"]').count()).toBe(1);
    expect(await activeTab(page)).toBe('user-profile-tab');
    await page.close();
  });
});

describe('XNAT’s table', () => {
  it('keeps every row decorated, each control with its own row, after sorting by a header', async () => {
    const xnat = await site({});
    const now = Date.now();
    for (let i = 0; i < 4; i++)
      xnat.control.seedToken({ created: now - i * 60_000, expires: now + (4 - i) * 3_600_000 });
    const page = await browser.context.newPage();
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    const controls = page.locator('xnat-token-tools[data-xtt="copy"]');
    await expect.poll(() => controls.count()).toBe(4);
    const order = () =>
      page.$$eval('#alias-token-list-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-id')));
    const before = await order();
    await page.click('#alias-token-list-table th:has-text("Expiration")');
    expect(await order()).not.toEqual(before);
    const rowsWithOneControl = await page.$$eval(
      '#alias-token-list-table tbody tr',
      (rows) =>
        rows.filter((r) => r.querySelectorAll('xnat-token-tools[data-xtt="copy"]').length === 1).length,
    );
    expect(rowsWithOneControl).toBe(4);
    expect(await controls.count()).toBe(4);
    await page.close();
  });

  it('is decorated when Tomcat puts ;jsessionid= in the page’s URL', async () => {
    const xnat = await site({});
    xnat.control.seedToken();
    const page = await browser.context.newPage();
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm;jsessionid=0A1B2C3D4E5F`);
    await page.click('li.tab[data-tab=alias-token-tab] > a');
    await expect.poll(() => page.locator('xnat-token-tools[data-xtt="copy"]').count()).toBe(1);
    await page.close();
  });
});

describe('XNAT 1.7.6 that restricts its user list to admins', () => {
  it('New token in the popup creates one token and copies its command', async () => {
    const xnat = await site({ version: '1.7', restrictUserList: true, siteId: 'OLD_SITE' });
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: xnat.origin });
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    await popup.getByRole('button', { name: /^New token on OLD_SITE/ }).click();
    await expect.poll(() => popup.locator('.notice').textContent()).toMatch(/New token created/);
    const [token] = xnat.control.state.tokensOf('alice');
    const clip = await browser.context.newPage();
    await clip.goto(`${xnat.url}/xapi/siteConfig/buildInfo`);
    expect(await clip.evaluate(() => navigator.clipboard.readText())).toContain(
      `${token?.alias}:${token?.secret}`,
    );
    await clip.close();
    await popup.close();
  });
});

describe('XNAT before 1.7.5', () => {
  it('the popup says in plain words that it cannot list tokens, not an HTTP code', async () => {
    await site({ version: '1.7.4', siteId: 'ANCIENT' });
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    const section = popup.locator('section.server', { has: popup.locator('.site:text-is("ANCIENT")') });
    // The whole section's text, read without waiting for any one element: a failure shows what it said.
    const said = async () => ((await section.count()) ? ((await section.textContent()) ?? '') : '');
    await expect
      .poll(said, { timeout: 20_000 })
      .toContain('This XNAT (1.7.4) cannot list alias tokens; upgrade to 1.7.5 or later.');
    expect(await said()).not.toMatch(/HTTP|400/);
    await popup.close();
  });
});

describe('the web session line above the table', () => {
  it.each([
    ['"<last request>,<timeout>" with the path <context>/ (1.7.4 to 1.8)', { version: '1.8' }],
    ['Secure-only (1.8.0; kept on localhost)', { version: '1.8.0' }],
    ['one absolute epoch value (unreleased 1.9)', { version: '1.9' }],
  ] as const)('shows with the cookie as %s', async (_, options) => {
    const xnat = await site(options);
    xnat.control.seedToken();
    const page = await browser.context.newPage();
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await expect
      .poll(async () => (await shadowTexts(page, 'notices')).join(''))
      .toMatch(/web session ends in 1[45] min/);
    await page.close();
  });
});
