// The second security pass, replayed against the built extension in real Chromium: what the page
// script's world can read, a session cookie planted for the token API by another account, and dates
// no Date can hold from a broken or hostile server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieJarFetch, logIn } from '../fakes/cookie-jar-fetch';
import { ADMIN_USER, DEMO_USER, type RunningXnat, start } from '../xnat-server/server';
import {
  type Ask,
  type ExtensionBrowser,
  inPageScriptWorld,
  launchWithExtension,
  logInAndAdd,
} from './browser';
import { openPopup, sectionOf } from './popup-page';

const BOB = { username: 'bob', password: 'bob-pass' };
let browser: ExtensionBrowser;
let xnat: RunningXnat;
let other: RunningXnat;

let ask: Ask;

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat', siteId: 'XNAT', users: [DEMO_USER, ADMIN_USER, BOB] });
  other = await start({ contextPath: '/other', siteId: 'OTHER' });
  browser = await launchWithExtension();
  ({ ask } = await logInAndAdd(browser, [xnat, other]));
});

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
  await other?.stop();
});

describe('the page script’s world', () => {
  it('cannot read storage.local: no server, alias, name or setting', async () => {
    const token = xnat.control.seedToken();
    expect(await ask('tokens.list', { serverId: xnat.url })).toMatchObject({ ok: true });
    expect(
      await ask('tokens.label', { serverId: xnat.url, tokenId: token.id, label: 'nightly' }),
    ).toMatchObject({
      ok: true,
    });
    const page = await browser.context.newPage();
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm`);
    await expect.poll(() => page.locator('xnat-token-tools').count()).toBeGreaterThan(0);
    const read = String(
      await inPageScriptWorld(
        browser,
        page,
        'chrome.storage.local.get(null).then((all) => JSON.stringify(all), (e) => "refused: " + e.message)',
      ),
    );
    expect(read).toMatch(/^refused: /);
    expect(read).not.toContain(token.alias);
    await page.close();
  });
});

describe('a session cookie of another account, planted for the token API’s path', () => {
  it('lists none of its tokens as the user’s, says so, and copies nothing', async () => {
    const bobs = xnat.control.seedToken({ username: 'bob' });
    const bobsBrowser = cookieJarFetch();
    await logIn(bobsBrowser, xnat.url, BOB.username, BOB.password);
    // A page on another port of the host (cookies ignore ports) sets it, as anyone there could.
    const planter = await browser.context.newPage();
    await planter.goto(`${other.url}/xapi/siteConfig/siteId`);
    await planter.evaluate(
      (cookie) => {
        // biome-ignore lint/suspicious/noDocumentCookie: a page on another port plants it this way.
        document.cookie = cookie;
      },
      `JSESSIONID=${bobsBrowser.cookies.get('JSESSIONID')}; path=/xnat/data/services/tokens`,
    );
    await planter.close();

    const popup = await openPopup(browser, 2);
    const section = sectionOf(popup, 'XNAT');
    await expect
      .poll(() => section.locator('.warning[role=alert]').textContent())
      .toMatch(/^XNAT listed 1 token of another account than alice\./);
    await expect
      .poll(() => section.locator('.account').textContent())
      .toMatch(/^Tokens of XNAT account alice\./);
    expect(await ask('tokens.copy', { serverId: xnat.url, tokenId: bobs.id })).toEqual({
      ok: false,
      failure: { kind: 'foreign-token' },
    });
    await popup.close();
    // The planted cookie removed, the user's own list comes back.
    const cleaner = await browser.context.newPage();
    await cleaner.goto(`${other.url}/xapi/siteConfig/siteId`);
    await cleaner.evaluate(() => {
      // biome-ignore lint/suspicious/noDocumentCookie: undoing the planted cookie the way it was set.
      document.cookie = 'JSESSIONID=; path=/xnat/data/services/tokens; max-age=0';
    });
    await cleaner.close();
    expect(await ask('tokens.list', { serverId: xnat.url })).toMatchObject({
      ok: true,
      value: { foreign: 0 },
    });
  });
});

describe('dates no Date can hold', () => {
  it('a token dated 1e300 and a Date header of year −271821 leave the popup drawing every server', async () => {
    const token = xnat.control.seedToken();
    const listed = {
      id: token.id,
      alias: token.alias,
      secret: token.secret,
      xdatUserId: 'alice',
      created: token.created,
      estimatedExpirationTime: 1e300,
      enabled: true,
    };
    xnat.control.fault('/data/services/tokens/show', {
      json: [listed],
      dateHeader: '-271821-04-20T00:00:00Z',
    });
    other.control.seedToken();
    const popup = await openPopup(browser, 2);
    const section = (site: string) => sectionOf(popup, site);
    await expect
      .poll(() => section('XNAT').locator('.hint').allTextContents())
      .toContainEqual('1 token from the server was malformed and is hidden.');
    await expect.poll(() => section('OTHER').locator('.account').count()).toBe(1);
    // The countdowns still tick: nothing stopped at the first paint.
    const before = await popup.evaluate(() => document.body.textContent);
    expect(before).not.toContain('Invalid');
    xnat.control.clearFaults();
    await popup.close();
  });
});
