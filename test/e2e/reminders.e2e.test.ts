// Expiry reminders and the badge in real Chromium against the simulated XNAT: a container service's
// burst stays quiet, a token the user copied gets its reminder once, whatever starts the passes.
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
/** Every notification the worker shows from now on, as [id, title]: notifications.create is wrapped once. */
const recordNotifications = () =>
  worker().evaluate(() => {
    const g = globalThis as unknown as { shownLog: string[][] };
    g.shownLog = [];
    type Create = ((id: string, options: { title: string }) => Promise<string>) & { recording?: true };
    const notifications = chrome.notifications as unknown as { create: Create };
    if (notifications.create.recording) return;
    const create = notifications.create.bind(chrome.notifications);
    const recording = (id: string, options: { title: string }) => {
      g.shownLog.push([id, options.title]);
      return create(id, options);
    };
    notifications.create = Object.assign(recording, { recording: true as const });
  });
const shownLog = () => worker().evaluate(() => (globalThis as unknown as { shownLog: string[][] }).shownLog);
const badge = () => worker().evaluate(() => chrome.action.getBadgeText({}));

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat', siteId: 'CNDA' });
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
  it('300 pipeline tokens, some about to expire: no notification and an empty badge', async () => {
    await recordNotifications();
    xnat.control.seedBurst(300);
    expect(await ask('tokens.list', { serverId: xnat.url })).toMatchObject({
      ok: true,
      value: { others: 300 },
    });
    await page.waitForTimeout(1500);
    expect(await shownLog()).toEqual([]);
    expect(await badge()).toBe('');
  });

  it('a copied token gets its 1-hour reminder once, though list, copy, alarm and start-up all run passes', async () => {
    await recordNotifications();
    const token = xnat.control.seedToken({ expires: Date.now() + 60 * 60_000 + 4000 });
    expect(await ask('tokens.list', { serverId: xnat.url })).toMatchObject({ ok: true });
    expect(await ask('tokens.copy', { serverId: xnat.url, tokenId: token.id, format: 'curl' })).toMatchObject(
      { ok: true },
    );
    expect(await shownLog()).toEqual([]);
    // When the alarm fires, more passes start at the same moment.
    await page.waitForTimeout(3500);
    await Promise.all([
      ask('tokens.list', { serverId: xnat.url }),
      ask('tokens.copy', { serverId: xnat.url, tokenId: token.id, format: 'curl' }),
      ask('tokens.list', { serverId: xnat.url }),
    ]);
    await expect.poll(shownLog, { timeout: 10_000 }).toHaveLength(1);
    await page.waitForTimeout(1500);
    const alias = `${token.alias.slice(0, 8)}…${token.alias.slice(-4)}`;
    expect(await shownLog()).toEqual([
      [
        `xtt|${xnat.url}`,
        expect.stringMatching(new RegExp(`^${alias} on CNDA \\(.*\\) expires in (59|60) min$`)),
      ],
    ]);
    await expect.poll(badge).toBe('1');
    await expect
      .poll(() => worker().evaluate(() => chrome.action.getTitle({})))
      .toMatch(/expires in (59|60) min/);
  });

  it('does not send it again after the worker restarts', async () => {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await ask('tokens.list', { serverId: xnat.url })).toMatchObject({ ok: true });
    await recordNotifications();
    expect(await ask('tokens.list', { serverId: xnat.url })).toMatchObject({ ok: true });
    await page.waitForTimeout(1000);
    expect(await shownLog()).toEqual([]);
    await expect
      .poll(() => worker().evaluate(() => chrome.alarms.get('expiry-reminders')))
      .toMatchObject({ name: 'expiry-reminders' });
  });
});
