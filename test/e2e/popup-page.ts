// The popup opened as a page of its own in the browser tests, read once every server's fresh list
// is in (a read before that would see the stored first paint).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './browser';

export async function openPopup(
  browser: ExtensionBrowser,
  servers: number,
  size = { width: 440, height: 700 },
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  await expect.poll(() => page.locator('section.server[aria-busy="false"]').count()).toBe(servers);
  return page;
}

/** One server's section, by the site name it shows. */
export const sectionOf = (page: Page, site: string) =>
  page.locator('section.server', { has: page.locator(`.site:text-is("${site}")`) });
