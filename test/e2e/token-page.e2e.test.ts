// The content script on the simulated Manage Alias Tokens page in real Chromium (issue 7).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_IDS, runCopied } from '../fakes/copied-command';
import { type RunningXnat, start } from '../xnat-server/server';
import {
  clickHost,
  type ExtensionBrowser,
  launchWithExtension,
  logInAndAdd,
  screenshotPath,
  shadowTexts,
} from './browser';

const COPY = 'xnat-token-tools[data-xtt="copy"]';
const COUNTDOWN = 'xnat-token-tools[data-xtt="countdown"]';
let browser: ExtensionBrowser;
let xnat: RunningXnat;
let page: Page;

const rowCount = () => page.locator('#alias-token-list-table tbody tr').count();
const decorated = async () => ({
  rows: await rowCount(),
  copy: await page.locator(COPY).count(),
  countdown: await page.locator(COUNTDOWN).count(),
});
const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat', siteId: 'XNAT_DEMO' });
  const now = Date.now();
  xnat.control.seedToken({ created: now - 2 * 86_400_000 + 20 * 60_000, expires: now + 20 * 60_000 });
  xnat.control.seedToken({ created: now - 6 * 3_600_000, expires: now + 42 * 3_600_000 });
  xnat.control.seedToken({ created: now - 60_000 });
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: xnat.origin });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1180, height: 560 });
  await (await logInAndAdd(browser, [xnat])).view.close();
});

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
});

describe('the decorated token page', () => {
  it('puts a copy control and a countdown on every row, adding no secret to the page', async () => {
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await expect.poll(decorated).toEqual({ rows: 3, copy: 3, countdown: 3 });
    const html = await page.content();
    for (const token of xnat.control.state.tokens.values()) {
      // XNAT's own data-secret attribute is the one copy; the extension adds none.
      expect(html.split(token.secret).length - 1).toBe(1);
    }
    await page.screenshot({ path: screenshotPath('token-page.png') });
  });

  it('Copy as curl puts the one-line curl command on the clipboard, and it runs against XNAT', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await clickHost(page, COPY, 0);
    await expect
      .poll(clipboard)
      .toMatch(
        /^ curl -u '[0-9a-f-]{36}:[A-Za-z0-9]+' 'http:\/\/127\.0\.0\.1:\d+\/xnat\/data\/projects\?format=csv'$/,
      );
    xnat.control.resetCounters();
    expect(await runCopied(await clipboard())).toEqual(PROJECT_IDS);
    expect(xnat.control.sessionsCreated('basic-token')).toBe(1);
    await expect
      .poll(async () => (await shadowTexts(page, 'notices')).join(''))
      .toMatch(
        /Copied a curl command for [0-9a-f]{8}…[0-9a-f]{4}: paste it into a terminal\. XNAT account: alice\.$/,
      );
  });

  it('keeps every row decorated after the page’s own Create Alias Token', async () => {
    await page.click('button#create-alias-token');
    await expect.poll(decorated).toEqual({ rows: 4, copy: 4, countdown: 4 });
  });

  it('keeps every remaining row decorated after a confirmed Delete', async () => {
    await page.locator('#alias-token-list-table tbody tr button.delete-alias-token').first().click();
    await page.click('.xnat-dialog button:has-text("Confirm Delete")');
    await expect.poll(decorated).toEqual({ rows: 3, copy: 3, countdown: 3 });
  });

  it('the popup’s injection after a grant decorates an open page, and only once', async () => {
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(browser.extensionUrl('src/popup/index.html'));
    const [tab] = await extensionPage.evaluate((url) => chrome.tabs.query({ url: `${url}/*` }), xnat.origin);
    await extensionPage.evaluate(
      (tabId) =>
        chrome.scripting.executeScript({ target: { tabId }, files: ['src/content/content-script.js'] }),
      tab?.id ?? -1,
    );
    await extensionPage.close();
    await new Promise((r) => setTimeout(r, 500));
    expect(await decorated()).toEqual({ rows: 3, copy: 3, countdown: 3 });
  });

  it('shows live countdowns in the server’s time', async () => {
    const texts = await shadowTexts(page, 'countdown');
    expect(texts).toHaveLength(3);
    expect(texts.join('\n')).toMatch(/^expires in (19|20) min$/m);
    expect(texts.join('\n')).toMatch(/^expires in 1 d 1[78] h$/m);
  });
});
