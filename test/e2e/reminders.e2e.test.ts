// Expiry reminders and the badge in real Chromium against the simulated XNAT (issue 6).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, start } from '../xnat-server/server';
import { type ExtensionBrowser, launchWithExtension, logInPage } from './browser';

let browser: ExtensionBrowser;
let xnat: RunningXnat;
let page: Page;

const ask = (type: string, payload: object) =>
  page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
const worker = () => browser.context.serviceWorkers()[0] ?? browser.worker;
const notificationIds = async () => Object.keys(await worker().evaluate(() => chrome.notifications.getAll()));

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat' });
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await logInPage(page, xnat.url);
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  expect(await ask('servers.add', { url: `${xnat.url}/` })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
});

describe('reminders in Chromium', () => {
  it('a token 20 minutes from expiry gives the 1-hour reminder within seconds, and the badge shows 1', async () => {
    const token = xnat.control.seedToken({ expires: Date.now() + 20 * 60_000 });
    expect(await ask('tokens.list', { serverId: xnat.url })).toMatchObject({ ok: true });
    await expect.poll(notificationIds, { timeout: 5000 }).toEqual([`xtt|${xnat.url}|${token.alias}`]);
    expect(await worker().evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    expect(await worker().evaluate(() => chrome.action.getTitle({}))).toMatch(/expires in (19|20) min/);
  });

  it('does not send it again after the worker restarts', async () => {
    await worker().evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await ask('tokens.list', { serverId: xnat.url })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await notificationIds()).toEqual([]);
    expect(await worker().evaluate(() => chrome.alarms.get('expiry-reminders'))).toMatchObject({
      name: 'expiry-reminders',
    });
  });
});
