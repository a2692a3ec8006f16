// The demo in Debian's Chromium through playwright-core, with the test build (it holds the
// simulated XNAT's host at install, so no permission prompt waits for a click).
import type { Page } from 'playwright-core';
import { clickHost, type ExtensionBrowser, launchWithExtension } from '../e2e/browser';
import {
  COPY_HOST,
  COUNTDOWN_HOST,
  type DecoratedCount,
  type DemoDriver,
  isWelcomeUrl,
  pollUntil,
  rowIndexOf,
  TOKEN_ROWS,
} from './driver';

export async function launchChromium(extensionDir: string, headless: boolean): Promise<DemoDriver> {
  const browser = await launchWithExtension({ extensionDir, headless });
  try {
    return await drive(browser);
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function drive(browser: ExtensionBrowser): Promise<DemoDriver> {
  const { context } = browser;
  const tab = context.pages().find((page) => !isWelcomeUrl(page.url())) ?? (await context.newPage());
  // The welcome page the install opened is the extension page the demo messages from.
  const extensionPage =
    context.pages().find((page) => isWelcomeUrl(page.url())) ??
    (await context.waitForEvent('page', { predicate: (page) => isWelcomeUrl(page.url()), timeout: 10_000 }));
  const closed = new Promise<void>((resolve) => context.on('close', () => resolve()));

  const decorated = async (page: Page): Promise<DecoratedCount> => ({
    rows: await page.locator(TOKEN_ROWS).count(),
    copy: await page.locator(COPY_HOST).count(),
    countdown: await page.locator(COUNTDOWN_HOST).count(),
  });

  const rowOf = async (alias: string) => {
    const index = await tab.evaluate(rowIndexOf, [TOKEN_ROWS, alias] as [string, string]);
    if (index < 0) throw new Error(`no row shows ${alias}`);
    await tab.locator(TOKEN_ROWS).nth(index).scrollIntoViewIfNeeded();
    return index;
  };

  return {
    ask: (type, payload) =>
      extensionPage.evaluate((message) => chrome.runtime.sendMessage(message), { type, payload }),
    async logIn(base, username, password) {
      await tab.goto(`${base}/app/template/Login.vm`);
      await tab.fill('#username', username);
      await tab.fill('#password', password);
      await Promise.all([tab.waitForURL(`${base}/`), tab.click('#loginButton')]);
    },
    async openTokenPage(url) {
      await tab.bringToFront();
      await tab.goto(url);
      await tab.waitForSelector(COPY_HOST);
      // Rows far below the fold are decorated as they come near: scroll there and back.
      await tab.locator(TOKEN_ROWS).last().scrollIntoViewIfNeeded();
      await tab
        .waitForFunction(
          ([rows, copy]) => {
            const count = document.querySelectorAll(rows as string).length;
            return count > 0 && document.querySelectorAll(copy as string).length === count;
          },
          [TOKEN_ROWS, COPY_HOST],
          { timeout: 15_000 },
        )
        .catch(async (error) => {
          throw new Error(`${error.message}; saw ${JSON.stringify(await decorated(tab))} at ${tab.url()}`);
        });
      await tab.evaluate(() => window.scrollTo(0, 0));
      return decorated(tab);
    },
    async copyRow(alias) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(tab.url()).origin,
      });
      const clipboard = () => tab.evaluate(() => navigator.clipboard.readText());
      await tab.evaluate(() => navigator.clipboard.writeText(''));
      await clickHost(tab, COPY_HOST, await rowOf(alias));
      return pollUntil(clipboard, (text) => text !== '');
    },
    async screenshotCopyMenu(file) {
      await tab.keyboard.press('Tab');
      await tab.keyboard.press('Enter');
      await tab.waitForTimeout(200);
      await tab.screenshot({ path: file });
      await tab.keyboard.press('Escape');
    },
    screenshotTokenPage: async (file) => {
      await tab.screenshot({ path: file });
    },
    async screenshotExtensionPage({ pagePath, ready, file, size }) {
      const page = await context.newPage();
      await page.setViewportSize(size);
      await page.goto(browser.extensionUrl(pagePath));
      await page.waitForSelector(ready);
      await page.screenshot({ path: file });
      await page.close();
      await tab.bringToFront();
    },
    async refreshWelcome() {
      await extensionPage.reload();
      await tab.bringToFront();
    },
    closed,
    close: () => browser.close(),
  };
}
