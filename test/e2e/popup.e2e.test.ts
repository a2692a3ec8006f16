// The popup in real Chromium against two simulated XNAT servers, one at / and one at /xnat (issue 8).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, start } from '../xnat-server/server';
import { type ExtensionBrowser, launchWithExtension, logInAndAdd, screenshotPath } from './browser';
import { sectionOf } from './popup-page';

const run = promisify(execFile);
let browser: ExtensionBrowser;
let root: RunningXnat;
let nested: RunningXnat;
let popup: Page;

async function openPopup(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 440, height: 600 });
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  await page.waitForSelector('section.server');
  await expect.poll(() => page.locator('section.server[aria-busy="true"]').count()).toBe(0);
  return page;
}

const clipboard = async () => {
  const page = await browser.context.newPage();
  await page.goto(`${root.url}/xapi/siteConfig/siteId`);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
};

beforeAll(async () => {
  root = await start({ contextPath: '', siteId: 'CNDA' });
  nested = await start({ contextPath: '/xnat', siteId: 'XNAT_DEMO' });
  const now = Date.now();
  nested.control.seedToken({ created: now - 2 * 86_400_000 + 25 * 60_000, expires: now + 25 * 60_000 });
  nested.control.seedToken({ created: now - 3 * 3_600_000, expires: now + 45 * 3_600_000 });
  root.control.seedToken({ created: now - 86_400_000, expires: now + 86_400_000 - 5 * 60_000 });
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: root.origin });
  const { view: login } = await logInAndAdd(browser, [root, nested]);
  // The user copied two of them earlier (so they are theirs); one was made by a pipeline.
  await login.evaluate(
    async ([nestedId, rootId]) => {
      await chrome.runtime.sendMessage({ type: 'tokens.list', payload: { serverId: nestedId } });
      await chrome.runtime.sendMessage({ type: 'tokens.list', payload: { serverId: rootId } });
      for (const tokenId of [1, 2])
        await chrome.runtime.sendMessage({
          type: 'tokens.watch',
          payload: { serverId: nestedId, tokenId, watched: true },
        });
      await chrome.runtime.sendMessage({
        type: 'tokens.label',
        payload: { serverId: nestedId, tokenId: 2, label: 'nightly-sync' },
      });
    },
    [nested.url, root.url],
  );
  await login.close();
});

afterAll(async () => {
  await browser?.close();
  await root?.stop();
  await nested?.stop();
});

describe('the popup', () => {
  it('lists both servers, every server open when the tab is not XNAT: the user’s tokens first, the others counted', async () => {
    popup = await openPopup();
    expect(await popup.locator('.site').allTextContents()).toEqual(['CNDA', 'XNAT_DEMO']);
    expect(await sectionOf(popup, 'CNDA').locator('li.token').count()).toBe(0);
    expect(await sectionOf(popup, 'CNDA').locator('button.others').textContent()).toMatch(/1 other token/);
    const demo = sectionOf(popup, 'XNAT_DEMO');
    expect(await demo.locator('li.token .name').allTextContents()).toEqual([
      expect.stringMatching(/…/),
      'nightly-sync',
    ]);
    expect(await demo.locator('.countdown').first().textContent()).toMatch(/expires in 2[45] min/);
    await popup.screenshot({ path: screenshotPath('popup-light.png') });
  });

  it('creates exactly one token on the chosen server and copies a working command', async () => {
    const before = [
      root.control.state.tokensOf('alice').length,
      nested.control.state.tokensOf('alice').length,
    ];
    await sectionOf(popup, 'XNAT_DEMO')
      .getByRole('button', { name: /^New token on XNAT_DEMO/ })
      .dblclick();
    await expect
      .poll(() => popup.locator('.notice.ok span').textContent())
      .toMatch(
        /^New token created\. Copied a curl command for [0-9a-f]{8}…[0-9a-f]{4}: paste it into a terminal\. XNAT account: alice\.$/,
      );
    expect([
      root.control.state.tokensOf('alice').length,
      nested.control.state.tokensOf('alice').length,
    ]).toEqual([before[0], (before[1] ?? 0) + 1]);
    await expect.poll(() => sectionOf(popup, 'XNAT_DEMO').locator('li.token').count()).toBe(3);
    const { stdout } = await run('bash', ['-c', await clipboard()]);
    expect(stdout).toMatch(/^ID,secondary_ID/);
  });

  it('deletes exactly the chosen token after confirmation, one of the others included', async () => {
    const target = root.control.state.tokensOf('alice')[0];
    const section = sectionOf(popup, 'CNDA');
    await section.locator('button.others').click();
    await section
      .getByRole('button', { name: /^Delete 61e4|^Delete [0-9a-f]{8}…/ })
      .first()
      .click();
    await expect
      .poll(() => section.locator('[role=alertdialog]').textContent())
      .toMatch(/pipeline to fail midstream/);
    await section.getByRole('button', { name: 'Delete token', exact: true }).click();
    await expect.poll(() => section.locator('li.token').count()).toBe(0);
    expect(root.control.state.tokens.has(target?.id ?? -1)).toBe(false);
    expect(nested.control.state.tokensOf('alice')).toHaveLength(3);
  });

  it('copies with Enter on a focused token', async () => {
    const token = nested.control.state.tokensOf('alice')[0];
    await popup.evaluate(() => navigator.clipboard.writeText('')).catch(() => undefined);
    await sectionOf(popup, 'XNAT_DEMO')
      .locator('li.token', { hasText: token?.alias.slice(0, 8) ?? '' })
      .focus();
    await popup.keyboard.press('Enter');
    await expect.poll(clipboard).toContain(token?.secret ?? 'missing');
  });

  it('the settings add a server by its token page’s address, say when it is already there, and remove it after asking', async () => {
    const third = await start({ contextPath: '/xnat', siteId: 'THIRD' });
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('src/options/index.html'));
    await options.fill(
      '#server-url',
      `${third.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`,
    );
    await options.click('button[type=submit]');
    const sites = async () => (await options.locator('ul.servers li strong').allTextContents()).sort();
    await expect.poll(sites).toEqual(['CNDA', 'THIRD', 'XNAT_DEMO']);
    const host = third.url.replace('http://', '');
    expect(await options.locator('ul.servers li', { hasText: 'THIRD' }).locator('.host').textContent()).toBe(
      host,
    );
    const feedback = () => options.locator('form .feedback').textContent();
    await expect.poll(feedback).toBe(`Added THIRD (${host}).`);
    await options.fill('#server-url', `${third.url}/data/projects?format=csv`);
    await options.click('button[type=submit]');
    await expect.poll(feedback).toBe(`THIRD (${host}) is already added.`);
    await options.screenshot({ path: screenshotPath('options.png') });
    await options
      .getByRole('button', { name: `Remove THIRD (${host}) and withdraw the extension's access to it` })
      .click();
    await options.keyboard.press('Escape');
    expect(await sites()).toEqual(['CNDA', 'THIRD', 'XNAT_DEMO']);
    await options
      .getByRole('button', { name: `Remove THIRD (${host}) and withdraw the extension's access to it` })
      .click();
    await options.getByRole('button', { name: 'Remove and withdraw access' }).click();
    await expect.poll(sites).toEqual(['CNDA', 'XNAT_DEMO']);
    await options.getByLabel('Clear the clipboard after copying').selectOption('30');
    await expect
      .poll(() => options.evaluate(() => chrome.storage.local.get('settings')))
      .toMatchObject({ settings: { clipboardClearSeconds: 30 } });
    await options.close();
    await third.stop();
  });

  it('shows the logged-out state with the action that helps once the cookies are gone', async () => {
    await browser.context.clearCookies();
    const page = await openPopup('dark');
    const state = sectionOf(page, 'XNAT_DEMO').locator('.state');
    await expect.poll(() => state.getAttribute('data-kind')).toBe('logged-out');
    expect(await state.getByRole('button').textContent()).toBe('Open XNAT to log in');
    await page.screenshot({ path: screenshotPath('popup-dark-logged-out.png') });
    await page.close();
  });
});
