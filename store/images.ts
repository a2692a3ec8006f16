// Store images made by the product itself: the extension's test build in Debian's Chromium against
// the simulated XNAT, in English and in German (the browser's UI language). For each language:
// the decorated token page, its open copy menu, the popup beside the page, the welcome page (all
// 1280×800, the size the Chrome Web Store and addons.mozilla.org take), and the 440×280 tile.
//   npm run store   (after the test build: npm run build:e2e)
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { clickHost, launchWithExtension } from '../test/e2e/browser';
import { seedDemoTokens } from '../test/xnat-server/demo-tokens';
import { start } from '../test/xnat-server/server';

export const SHOT = { width: 1280, height: 800 } as const;
export const TILE = { width: 440, height: 280 } as const;
export const LANGUAGES = ['en', 'de'] as const;
export const SHOTS = ['token-page', 'copy-menu', 'popup', 'welcome'] as const;

const root = path.resolve(import.meta.dirname, '..');
/** The extension's words and the store's, in one language. */
const messagesOf = (language: string): Record<string, { message: string }> => ({
  ...JSON.parse(readFileSync(path.join(root, 'public/_locales', language, 'messages.json'), 'utf8')),
  ...JSON.parse(readFileSync(path.join(root, 'store/_locales', language, 'messages.json'), 'utf8')),
});

/** Writes `<language>/<shot>.png` and `<language>/tile.png` under `outDir`; returns the files. */
export async function makeStoreImages(outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const language of LANGUAGES) {
    const dir = path.join(outDir, language);
    mkdirSync(dir, { recursive: true });
    written.push(...(await shotsIn(language, dir)));
    written.push(await tile(language, dir));
  }
  return written;
}

async function shotsIn(language: string, dir: string): Promise<string[]> {
  const words = messagesOf(language);
  const xnat = await start({ contextPath: '/xnat', siteId: 'XNAT_DEMO' });
  const { expiringSoon } = seedDemoTokens(xnat.control, 12);
  const browser = await launchWithExtension({ language });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize(SHOT);
    await page.goto(`${xnat.url}/app/template/Login.vm`);
    await page.fill('#username', 'alice');
    await page.fill('#password', 'alice-pass');
    await Promise.all([page.waitForURL(`${xnat.url}/`), page.click('#loginButton')]);
    const view = await browser.context.newPage();
    await view.goto(browser.extensionUrl('src/popup/index.html'));
    await view.evaluate(
      async ([url, tokenId]) => {
        const added = await chrome.runtime.sendMessage({ type: 'servers.add', payload: { url } });
        const serverId = added.value.server.id;
        await chrome.runtime.sendMessage({ type: 'tokens.list', payload: { serverId } });
        await chrome.runtime.sendMessage({
          type: 'tokens.label',
          payload: { serverId, tokenId, label: 'nightly-sync' },
        });
      },
      [`${xnat.url}/`, expiringSoon.id] as const,
    );
    await view.close();

    const file = (name: string) => path.join(dir, `${name}.png`);
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await page.waitForSelector('xnat-token-tools[data-xtt="copy"]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: file('token-page') });
    // Copy on the first row (its confirmation shows above the table), then its ▾ by the keyboard.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: xnat.origin });
    await clickHost(page, 'xnat-token-tools[data-xtt="copy"]', 0);
    await page.waitForTimeout(300);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.screenshot({ path: file('copy-menu') });
    await page.keyboard.press('Escape');

    const popup = await extensionShot(
      browser.context.newPage(),
      browser.extensionUrl('src/popup/index.html'),
      {
        width: 430,
        height: 780,
      },
    );
    await expectWords(popup, words.popupCreate?.message ?? '');
    const popupPng = await popup.screenshot();
    await popup.close();
    const pagePng = await page.screenshot();
    await beside(page, pagePng, popupPng, file('popup'));

    const welcome = await extensionShot(
      browser.context.newPage(),
      browser.extensionUrl('src/options/index.html?welcome'),
      SHOT,
    );
    await expectWords(welcome, words.welcomeTitle?.message ?? '');
    await welcome.screenshot({ path: file('welcome') });
    await welcome.close();
    return SHOTS.map(file);
  } finally {
    await browser.close();
    await xnat.stop();
  }
}

async function extensionShot(opening: Promise<Page>, url: string, size: { width: number; height: number }) {
  const page = await opening;
  await page.setViewportSize(size);
  await page.goto(url);
  await page.waitForSelector('main:not([aria-busy="true"])');
  await page.waitForTimeout(500);
  return page;
}

/** The screenshot is in the language asked for: its words are on the page. */
async function expectWords(page: Page, text: string): Promise<void> {
  if (!text || !(await page.locator('body').textContent())?.includes(text))
    throw new Error(`the page does not say "${text}": the browser's language did not take`);
}

/** The decorated page with the popup open over its right side, where the toolbar button is. */
async function beside(page: Page, pagePng: Buffer, popupPng: Buffer, file: string): Promise<void> {
  const img = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;width:${SHOT.width}px;height:${SHOT.height}px;position:relative;overflow:hidden">
      <img src="${img(pagePng)}" style="position:absolute;left:0;top:0;filter:brightness(0.85)">
      <img src="${img(popupPng)}" style="position:absolute;right:24px;top:10px;border:1px solid #8a939c;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35)">
    </body>`,
  );
  await page.screenshot({ path: file });
}

async function tile(language: string, dir: string): Promise<string> {
  const words = messagesOf(language);
  const icon = readFileSync(path.join(root, 'public/icons/icon-128.png')).toString('base64');
  const browser = await launchWithExtension({ language });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize(TILE);
    await page.setContent(
      `<body style="margin:0;width:${TILE.width}px;height:${TILE.height}px;display:flex;align-items:center;gap:24px;padding:0 28px;box-sizing:border-box;background:linear-gradient(135deg,#1a58a8,#0d2f5c);color:#fff;font:16px system-ui,sans-serif">
        <img src="data:image/png;base64,${icon}" width="96" height="96">
        <div><div style="font-size:28px;font-weight:700">${words.extensionName?.message ?? ''}</div>
        <div style="margin-top:10px;line-height:1.35">${words.storeTileTagline?.message ?? ''}</div></div>
      </body>`,
    );
    const file = path.join(dir, 'tile.png');
    await page.screenshot({ path: file });
    return file;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const out = path.join(root, 'dist/store/images');
  const files = await makeStoreImages(out);
  console.log(`Store images: ${files.length} in ${path.relative(root, out)}`);
}
