// The background worker in real Chromium against the simulated XNAT (issue 5): grant, list, create,
// copy through the offscreen document, revoke, a worker stopped mid-create, and what is stored.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply, RequestOf, RequestType, ResponseOf } from '../../src/messaging/protocol';
import { type RunningXnat, start } from '../xnat-server/server';
import { type ExtensionBrowser, launchWithExtension, logInPage } from './browser';

let browser: ExtensionBrowser;
let xnat: RunningXnat;
let console_: Page;
let serverId: string;

/** Sends a request the way the popup does, from an extension page. */
async function ask<K extends RequestType>(type: K, payload: RequestOf<K>): Promise<Reply<ResponseOf<K>>> {
  return console_.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const);
}

async function readClipboard(): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`${xnat.origin}/xnat/xapi/siteConfig/siteId`);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat' });
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: xnat.origin });
  const login = await browser.context.newPage();
  await logInPage(login, xnat.url);
  await login.close();
  console_ = await browser.context.newPage();
  await console_.goto(browser.extensionUrl('src/popup/index.html'));
});

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
});

describe('the background in Chromium', () => {
  it('adds a granted server and registers the page script for that host only', async () => {
    const added = await ask('servers.add', { url: `${xnat.url}/app/template/XDATScreen_UpdateUser.vm` });
    expect(added).toMatchObject({
      ok: true,
      value: { server: { id: xnat.url, contextPath: '/xnat', version: '1.8.11' }, isNew: true },
    });
    serverId = xnat.url;
    const scripts = await browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts.map((s) => s.matches)).toEqual([['http://127.0.0.1/*']]);
  });

  it('lists tokens with the browser’s own session', async () => {
    const token = xnat.control.seedToken();
    expect(await ask('tokens.list', { serverId })).toMatchObject({
      ok: true,
      value: { tokens: [], others: 1 },
    });
    expect(await ask('tokens.watch', { serverId, tokenId: token.id, watched: true })).toMatchObject({
      ok: true,
    });
    const listed = await ask('tokens.list', { serverId });
    expect(listed).toMatchObject({ ok: true, value: { tokens: [{ alias: token.alias }], others: 0 } });
  });

  it('creates one token and puts its working command on the clipboard through the offscreen document', async () => {
    const before = xnat.control.state.tokensOf('alice').length;
    const created = await ask('tokens.create', { serverId, copy: true, format: 'curl' });
    expect(created).toMatchObject({ ok: true, value: { copy: { ok: true, value: { format: 'curl' } } } });
    const tokens = xnat.control.state.tokensOf('alice');
    expect(tokens).toHaveLength(before + 1);
    const newest = tokens[tokens.length - 1];
    expect(await readClipboard()).toBe(
      ` curl -u '${newest?.alias}:${newest?.secret}' '${xnat.url}/data/projects?format=csv'`,
    );
  });

  it('clears the clipboard after the chosen delay', async () => {
    expect(await ask('settings.set', { clipboardClearSeconds: 1 })).toMatchObject({ ok: true });
    const token = xnat.control.seedToken();
    expect(await ask('tokens.copy', { serverId, tokenId: token.id })).toMatchObject({ ok: true });
    expect(await readClipboard()).toContain(token.secret);
    await expect.poll(readClipboard, { timeout: 10_000 }).toBe('');
    await ask('settings.set', { clipboardClearSeconds: 0 });
  });

  it('finishes a create cut short by the worker stopping, without issuing a second token', async () => {
    const before = xnat.control.state.tokensOf('alice').length;
    xnat.control.resetCounters();
    xnat.control.fault('/data/services/tokens/issue', { delayMs: 1500, times: 1 });
    const pending = ask('tokens.create', { serverId }).catch(() => null);
    // Stop the worker while XNAT is still working on the issue request.
    await expect.poll(() => xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(1);
    const cdp = await browser.context.newCDPSession(console_);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await pending;
    await expect.poll(() => xnat.control.state.tokensOf('alice').length, { timeout: 5000 }).toBe(before + 1);
    const resumed = await ask('tokens.create', { serverId, copy: true });
    expect(resumed).toMatchObject({ ok: true, value: { token: { createdHere: true } } });
    expect(xnat.control.requestCount('GET /data/services/tokens/issue')).toBe(1);
    expect(xnat.control.state.tokensOf('alice')).toHaveLength(before + 1);
  });

  it('kept no secret in storage.local, storage.sync or storage.session, and opened no Basic-auth session', async () => {
    const dump = await console_.evaluate(async () =>
      JSON.stringify([
        await chrome.storage.local.get(null),
        await chrome.storage.sync.get(null),
        await chrome.storage.session.get(null),
      ]),
    );
    expect(dump).toContain(xnat.url);
    for (const token of xnat.control.state.tokens.values()) expect(dump).not.toContain(token.secret);
    expect(xnat.control.sessionsCreated('basic-password') + xnat.control.sessionsCreated('basic-token')).toBe(
      0,
    );
  });

  it('forgets the server when site access is withdrawn in chrome://extensions', async () => {
    const settings = await browser.context.newPage();
    await settings.goto('chrome://extensions');
    await settings.evaluate(
      (id) =>
        (
          chrome as unknown as {
            developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> };
          }
        ).developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' }),
      browser.extensionId,
    );
    const listed = await ask('servers.list', {});
    expect(listed).toEqual({ ok: true, value: [] });
    // The worker may have been replaced by the stop above: ask the live one.
    const worker = browser.context.serviceWorkers()[0] ?? browser.worker;
    await expect
      .poll(() => worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()))
      .toEqual([]);
    const local = await console_.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    expect(local).not.toContain(xnat.url);
    await settings.close();
  });
});
