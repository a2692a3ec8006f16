// XNAT's token page with hundreds of container tokens in real Chromium. XNAT's table sizes its
// columns from every cell, so a cell that changes width makes the browser lay out every row again (a
// frame of 50 to 100 ms at a thousand rows). The first screenful is decorated inside XNAT's own task,
// laid out with the table once; nothing later (rows decorated on scrolling, the countdowns and
// container lines that come with the token list) may move a column.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, start } from '../xnat-server/server';
import { type ExtensionBrowser, launchWithExtension, logInAndAdd, shadowTexts } from './browser';

const ROWS = 300;
const COPY = 'xnat-token-tools[data-xtt="copy"]';
let browser: ExtensionBrowser;
let xnat: RunningXnat;
let page: Page;

/** The column widths of XNAT's table, from its header. */
const columnWidths = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('#alias-token-list-table thead th')].map((th) =>
      Math.round(th.getBoundingClientRect().width),
    ),
  );

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat' });
  xnat.control.seedBurst(ROWS);
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await (await logInAndAdd(browser, [xnat])).view.close();
  // A tab behind another renders no frames, and rows are decorated as frames bring them near.
  await page.bringToFront();
  // In the page's own world, in the first task after XNAT's that renders the table: which rows in
  // view are decorated, and how wide XNAT's columns are then. This observer is older than the page
  // script's, so it is told of the table first.
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('#alias-token-list-table')) return;
      seen.disconnect();
      setTimeout(() => {
        const inView = [...document.querySelectorAll('#alias-token-list-table tbody tr')].filter(
          (row) => row.getBoundingClientRect().top < window.innerHeight,
        );
        (window as unknown as { __firstTask: unknown }).__firstTask = {
          inView: inView.length,
          undecorated: inView.filter((row) => !row.querySelector('xnat-token-tools[data-xtt="copy"]')).length,
          widths: [...document.querySelectorAll('#alias-token-list-table thead th')].map((th) =>
            Math.round(th.getBoundingClientRect().width),
          ),
        };
      }, 0);
    });
    seen.observe(document, { childList: true, subtree: true });
  });
});

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
});

describe('a token page of hundreds of rows', () => {
  it('is decorated with XNAT’s first layout, and no column moves after', async () => {
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __firstTask?: unknown }).__firstTask))
      .toBeTruthy();
    const first = (await page.evaluate(
      () => (window as unknown as { __firstTask: unknown }).__firstTask,
    )) as { inView: number; undecorated: number; widths: number[] };
    expect(first.inView).toBeGreaterThan(5);
    expect(first.undecorated).toBe(0);
    expect(first.widths).toHaveLength(4);
    // The token list arrives: countdowns, and the containers holding two thirds of the tokens.
    await expect.poll(async () => (await shadowTexts(page, 'held')).length).toBeGreaterThan(20);
    expect(await columnWidths()).toEqual(first.widths);
    // Scrolling down decorates the rest, into the same columns.
    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < (await height()); y += 2000) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await expect.poll(() => page.locator(COPY).count()).toBe(ROWS);
    expect(await columnWidths()).toEqual(first.widths);
  });
});
