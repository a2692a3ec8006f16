// Launches Debian's firefox-esr with the Firefox test build, driven over WebDriver BiDi by
// puppeteer-core (never a downloaded browser).
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../vite.config';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../dist/firefox-e2e');
// A fixed moz-extension:// UUID, so tests can open the extension's own pages.
const UUID = '11111111-2222-4333-8444-555555555555';

export interface FirefoxWithExtension {
  browser: Browser;
  extensionUrl(page: string): string;
}

export async function launchFirefoxWithExtension(
  options: { extensionDir?: string; headless?: boolean } = {},
): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: options.headless ?? true,
    defaultViewport: options.headless === false ? null : { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // Lets a page read the clipboard without a paste prompt, to check what was copied.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  const id = await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  return { browser, extensionUrl: (page) => `moz-extension://${UUID}/${page}` };
}

/** puppeteer never sees moz-extension:// navigations finish; wait for the page's content instead. */
export async function openExtensionPage(
  target: Page,
  url: string,
  selector: string,
): Promise<ElementHandle<Element>> {
  void target.goto(url).catch(() => {});
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const found = await target.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
      if (found) return found;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Messages the background from an extension page, as the popup does. */
export function sendFromExtensionPage(page: Page, message: object): Promise<unknown> {
  return page.evaluate(
    (m) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(m),
    message,
  );
}
