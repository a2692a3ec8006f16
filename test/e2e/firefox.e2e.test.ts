// The Firefox build in Debian's firefox-esr, driven over WebDriver BiDi with puppeteer-core, against
// the simulated XNAT (issue 9): the page script decorates the token page and a copied command runs.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_IDS, runCopied } from '../fakes/copied-command';
import { type RunningXnat, start } from '../xnat-server/server';
import { screenshotPath } from './browser';
import { launchFirefoxWithExtension, openExtensionPage, sendFromExtensionPage } from './firefox-browser';

const run = promisify(execFile);
let browser: Browser;
let xnat: RunningXnat;
let page: Page;
let firefoxUrl: (path: string) => string;

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat' });
  // Issued two days before it expires, as XNAT's default lifetime makes every token: 20 minutes left
  // is then urgent (red), as on a real site.
  const now = Date.now();
  xnat.control.seedToken({ created: now - 2 * 86_400_000 + 20 * 60_000, expires: now + 20 * 60_000 });
  xnat.control.seedToken();
  const firefox = await launchFirefoxWithExtension();
  browser = firefox.browser;
  firefoxUrl = firefox.extensionUrl;
  page = await browser.newPage();
  await page.goto(`${xnat.url}/app/template/Login.vm`);
  await page.type('#username', 'alice');
  await page.type('#password', 'alice-pass');
  await Promise.all([page.waitForNavigation(), page.click('#loginButton')]);
  const extensionPage = await browser.newPage();
  await openExtensionPage(extensionPage, firefox.extensionUrl('src/popup/index.html'), 'main');
  const added = await sendFromExtensionPage(extensionPage, {
    type: 'servers.add',
    payload: { url: `${xnat.url}/` },
  });
  expect(added).toMatchObject({ ok: true });
  await extensionPage.close();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
});

describe('in Firefox ESR', () => {
  it('the page script decorates every row of the token page', async () => {
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await page.waitForFunction(
      () => document.querySelectorAll('xnat-token-tools[data-xtt="copy"]').length === 2,
      { timeout: 10_000 },
    );
    expect(await page.$$eval('xnat-token-tools[data-xtt="countdown"]', (hosts) => hosts.length)).toBe(2);
    await page.screenshot({ path: screenshotPath('firefox-token-page.png') });
  });

  it('Copy as curl puts the one-line curl command on the clipboard, and it runs against XNAT', async () => {
    const host = await page.$('xnat-token-tools[data-xtt="copy"]');
    await host?.scrollIntoView();
    const box = await host?.boundingBox();
    if (!box) throw new Error('no copy control');
    await page.mouse.click(box.x + 12, box.y + box.height / 2);
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith(' curl -u '), {
      timeout: 10_000,
    });
    const script = await page.evaluate(() => navigator.clipboard.readText());
    xnat.control.resetCounters();
    expect(await runCopied(script)).toEqual(PROJECT_IDS);
    expect(xnat.control.sessionsCreated('basic-token')).toBe(1);
  });

  it('a token dated 1e300 and a Date header of year −271821 leave the popup drawing its list', async () => {
    const [first] = xnat.control.state.tokensOf('alice');
    if (!first) throw new Error('no token');
    xnat.control.fault('/data/services/tokens/show', {
      json: [
        { ...first, estimatedExpirationTime: 1e300 },
        { ...first, id: first.id + 100 },
      ],
      dateHeader: '-271821-04-20T00:00:00Z',
    });
    const popup = await browser.newPage();
    await openExtensionPage(popup, firefoxUrl('src/popup/index.html'), 'main');
    await popup.waitForFunction(
      () => document.body.textContent?.includes('1 token from the server was malformed and is hidden.'),
      { timeout: 10_000 },
    );
    expect(await popup.evaluate(() => document.querySelectorAll('section.server').length)).toBe(1);
    xnat.control.clearFaults();
    await popup.close();
  });

  it('the renewing .netrc and Replace work here too: the copied program runs, the old token waits', async () => {
    const view = await browser.newPage();
    await openExtensionPage(view, firefoxUrl('src/popup/index.html'), 'main');
    const serverId = xnat.url;
    const [token] = xnat.control.state.tokensOf('alice');
    if (!token) throw new Error('no token');
    const copied = (await sendFromExtensionPage(view, {
      type: 'tokens.copy',
      payload: { serverId, tokenId: token.id, format: 'renewing' },
    })) as { ok: boolean; value?: { token?: { yours?: { why: string } } } };
    expect(copied).toMatchObject({ ok: true, value: { token: { yours: { why: 'renewing' } } } });
    const script = await page.evaluate(() => navigator.clipboard.readText());
    const home = mkdtempSync(path.join(tmpdir(), 'xtt-ff-renew-'));
    try {
      const env = { HOME: home, PATH: '/usr/bin:/bin' };
      await run('bash', ['-c', script], { env });
      expect(readFileSync(path.join(home, '.netrc'), 'utf8')).toContain(token.alias);
      expect((await run(path.join(home, '.local/bin/xnat-renew'), [], { env })).stdout).toBe('');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
    const replaced = (await sendFromExtensionPage(view, {
      type: 'tokens.replace',
      payload: { serverId, tokenId: token.id, deleteOld: 'in-1h' },
    })) as { ok: boolean; value?: { old?: { deleteAt?: number } } };
    expect(replaced.ok).toBe(true);
    expect(replaced.value?.old?.deleteAt).toBeGreaterThan(Date.now() + 55 * 60_000);
    expect(xnat.control.state.findToken(token.alias)).toBeDefined();
    await view.close();
  });
});
