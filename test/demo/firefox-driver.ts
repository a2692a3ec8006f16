// The demo in Debian's Firefox ESR through puppeteer-core (WebDriver BiDi), with the Firefox test
// build installed as a temporary add-on.
import type { Page } from 'puppeteer-core';
import {
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
  sendFromExtensionPage,
} from '../e2e/firefox-browser';
import {
  COPY_HOST,
  COUNTDOWN_HOST,
  type DemoDriver,
  isWelcomeUrl,
  pollUntil,
  rowIndexOf,
  TOKEN_ROWS,
} from './driver';

export async function launchFirefox(extensionDir: string, headless: boolean): Promise<DemoDriver> {
  const firefox = await launchFirefoxWithExtension({ extensionDir, headless });
  try {
    return await drive(firefox);
  } catch (error) {
    await firefox.browser.close();
    throw error;
  }
}

async function drive({ browser, extensionUrl }: FirefoxWithExtension): Promise<DemoDriver> {
  // puppeteer reports moz-extension:// tabs as about:blank; the page itself knows where it is.
  const welcomePage = async () => {
    for (const page of await browser.pages())
      if (isWelcomeUrl(await page.evaluate(() => location.href).catch(() => ''))) return page;
    return undefined;
  };
  const tab = await browser.newPage();
  // The welcome page the install opened is the extension page the demo messages from.
  const extensionPage = await pollUntil(welcomePage, Boolean);
  if (!extensionPage) throw new Error('the welcome page did not open');
  await extensionPage.waitForSelector('main h1');
  const closed = new Promise<void>((resolve) => browser.on('disconnected', () => resolve()));

  const copyBoxOf = async (alias: string) => {
    const index = await tab.evaluate(rowIndexOf, [TOKEN_ROWS, alias] as [string, string]);
    const host = (await tab.$$(COPY_HOST))[index];
    await host?.scrollIntoView();
    const box = await host?.boundingBox();
    if (!box) throw new Error(`no row shows ${alias}`);
    return box;
  };
  const count = (page: Page, selector: string) => page.$$eval(selector, (found) => found.length);

  return {
    ask: (type, payload) =>
      sendFromExtensionPage(extensionPage, { type, payload }) as ReturnType<DemoDriver['ask']>,
    async logIn(base, username, password) {
      await tab.goto(`${base}/app/template/Login.vm`);
      await tab.type('#username', username);
      await tab.type('#password', password);
      await Promise.all([tab.waitForNavigation(), tab.click('#loginButton')]);
    },
    async openTokenPage(url) {
      await tab.bringToFront();
      await tab.goto(url);
      await tab.waitForSelector(COPY_HOST, { timeout: 15_000 });
      // Rows far below the fold are decorated as they come near: scroll there and back.
      await tab.evaluate((rows) => [...document.querySelectorAll(rows)].at(-1)?.scrollIntoView(), TOKEN_ROWS);
      await tab.waitForFunction(
        (rows, copy) => {
          const found = document.querySelectorAll(rows).length;
          return found > 0 && document.querySelectorAll(copy).length === found;
        },
        { timeout: 15_000 },
        TOKEN_ROWS,
        COPY_HOST,
      );
      await tab.evaluate(() => window.scrollTo(0, 0));
      return {
        rows: await count(tab, TOKEN_ROWS),
        copy: await count(tab, COPY_HOST),
        countdown: await count(tab, COUNTDOWN_HOST),
      };
    },
    async copyRow(alias) {
      const clipboard = () => tab.evaluate(() => navigator.clipboard.readText());
      await tab.evaluate(() => navigator.clipboard.writeText(''));
      const box = await copyBoxOf(alias);
      await tab.mouse.click(box.x + 12, box.y + box.height / 2);
      return pollUntil(clipboard, (text) => text !== '');
    },
    async screenshotCopyMenu(file) {
      await tab.keyboard.press('Tab');
      await tab.keyboard.press('Enter');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tab.screenshot({ path: file as `${string}.png` });
      await tab.keyboard.press('Escape');
    },
    screenshotTokenPage: async (file) => {
      await tab.screenshot({ path: file as `${string}.png` });
    },
    async screenshotExtensionPage({ pagePath, ready, file, size }) {
      const page = await browser.newPage();
      await page.setViewport(size);
      await openExtensionPage(page, extensionUrl(pagePath), ready);
      await page.screenshot({ path: file as `${string}.png` });
      await page.close();
      await tab.bringToFront();
    },
    async refreshWelcome() {
      await extensionPage.evaluate(() => location.reload());
      await tab.bringToFront();
    },
    closed,
    close: () => browser.close(),
  };
}
