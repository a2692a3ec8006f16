// First run and start-up in real Chromium: the welcome page opens once on install, adds the user's
// XNAT, and does not open again when the browser restarts with the same profile; a disable and
// enable, which fires no start-up event, still leaves grants and servers in step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, start } from '../xnat-server/server';
import { type ExtensionBrowser, launchWithExtension, screenshotPath } from './browser';

const RELEASE_DIR = path.resolve(import.meta.dirname, '../../dist/chrome');
let xnat: RunningXnat;
const profiles: string[] = [];

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat', siteId: 'XNAT_DEMO' });
});

afterAll(async () => {
  await xnat?.stop();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

function freshProfile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'xtt-first-run-'));
  profiles.push(dir);
  return dir;
}

const isWelcome = (page: Page) => new URL(page.url()).search === '?welcome';

async function welcomePage(context: BrowserContext): Promise<Page> {
  const open = context.pages().find(isWelcome);
  return open ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
}

/** Onboarding runs from onInstalled; give a restarted worker time to (wrongly) open it. */
async function welcomePagesAfterStart(browser: ExtensionBrowser): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return browser.context.pages().filter(isWelcome).length;
}

const tokenPageUrl = () => `${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`;

describe('first run of the release build', () => {
  it('opens the welcome page once, whose Add asks for the site’s access, and not again after a restart', async () => {
    const userDataDir = freshProfile();
    let browser = await launchWithExtension({ extensionDir: RELEASE_DIR, userDataDir });
    const welcome = await welcomePage(browser.context);
    await expect.poll(() => welcome.locator('h1').textContent()).toBe('Welcome to XNAT Token Tools');
    expect(await welcome.title()).toBe('Welcome to XNAT Token Tools');
    await welcome.fill('#server-url', tokenPageUrl());
    await welcome.getByRole('button', { name: 'Add server' }).click();
    // Chromium's permission prompt is open now; automation cannot answer it, and nothing is added
    // without it.
    await expect
      .poll(() => welcome.getByRole('status').first().textContent())
      .toBe('Looking for XNAT at that address…');
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('servers'));
    expect(stored.servers ?? []).toEqual([]);
    expect(await welcomePagesAfterStart(browser)).toBe(1);
    await browser.close();

    browser = await launchWithExtension({ extensionDir: RELEASE_DIR, userDataDir });
    expect(await welcomePagesAfterStart(browser)).toBe(0);
    await browser.close();
  });
});

describe('first run with the site granted (the test build holds 127.0.0.1 at install)', () => {
  it('adds the server from the welcome page, then opens its decorated token page', async () => {
    const userDataDir = freshProfile();
    let browser = await launchWithExtension({ userDataDir });
    const welcome = await welcomePage(browser.context);
    await welcome.setViewportSize({ width: 900, height: 900 });
    const page = await browser.context.newPage();
    await page.goto(`${xnat.url}/app/template/Login.vm`);
    await page.fill('#username', 'alice');
    await page.fill('#password', 'alice-pass');
    await Promise.all([page.waitForURL(`${xnat.url}/`), page.click('#loginButton')]);
    await page.close();
    xnat.control.seedToken();

    await welcome.bringToFront();
    await welcome.fill('#server-url', tokenPageUrl());
    await welcome.getByRole('button', { name: 'Add server' }).click();
    const host = xnat.url.replace('http://', '');
    await expect
      .poll(() => welcome.locator('form [role=status]').textContent())
      .toBe(`Added XNAT_DEMO (${host}).`);
    await welcome.screenshot({ path: screenshotPath('welcome.png'), fullPage: true });
    const [tokenPage] = await Promise.all([
      browser.context.waitForEvent('page'),
      welcome.getByRole('button', { name: `Open the token page of XNAT_DEMO (${host})` }).click(),
    ]);
    await tokenPage.waitForURL(/XDATScreen_UpdateUser\.vm#tab=alias-token-tab$/);
    await expect.poll(() => tokenPage.locator('xnat-token-tools[data-xtt="copy"]').count()).toBe(1);
    await browser.close();

    browser = await launchWithExtension({ userDataDir });
    expect(await welcomePagesAfterStart(browser)).toBe(0);
    const servers = await browser.worker.evaluate(() => chrome.storage.local.get('servers'));
    expect(Object.values(servers.servers as object)).toMatchObject([{ siteId: 'XNAT_DEMO' }]);
    await browser.close();
  });
});

describe('after the extension is disabled and enabled again', () => {
  it('forgets a server whose site access was withdrawn meanwhile', async () => {
    const browser = await launchWithExtension();
    const welcome = await welcomePage(browser.context);
    const added = await welcome.evaluate(
      (url) => chrome.runtime.sendMessage({ type: 'servers.add', payload: { url } }),
      tokenPageUrl(),
    );
    expect(added).toMatchObject({ ok: true });
    const extensions = await browser.context.newPage();
    await extensions.goto('chrome://extensions');
    const configure = (change: object) =>
      extensions.evaluate(
        (c) =>
          (
            chrome as unknown as {
              developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> };
            }
          ).developerPrivate.updateExtensionConfiguration(c),
        { extensionId: browser.extensionId, ...change },
      );
    await extensions.evaluate((id) => chrome.management.setEnabled(id, false), browser.extensionId);
    // While it is off, no permissions.onRemoved reaches it.
    await configure({ hostAccess: 'ON_CLICK' });
    const started = browser.context.waitForEvent('serviceworker');
    await extensions.evaluate((id) => chrome.management.setEnabled(id, true), browser.extensionId);
    const worker = await started;
    await expect
      .poll(() => worker.evaluate(() => chrome.storage.local.get('servers')))
      .toEqual({ servers: {} });
    await expect
      .poll(() => worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()))
      .toEqual([]);
    await browser.close();
  });
});
