// The popup and the settings as a person using them sees them, in real Chromium: text size, contrast,
// axe-core's checks, the menu keyboard pattern, menus inside the viewport, narrow and zoomed layouts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, start } from '../xnat-server/server';
import { type ExtensionBrowser, launchWithExtension, logInPage } from './browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: ExtensionBrowser;
let xnat: RunningXnat;

beforeAll(async () => {
  // A long site name, and enough tokens of the user's that the last one sits at the popup's bottom.
  xnat = await start({
    contextPath: '/xnat',
    siteId: 'Neuroimaging Research Data Archive of the Example University Hospital',
  });
  const now = Date.now();
  for (let i = 0; i < 8; i++)
    xnat.control.seedToken({ created: now - i * 60_000, expires: now + (i + 1) * 3_600_000 });
  xnat.control.seedBurst(30);
  browser = await launchWithExtension();
  const page = await browser.context.newPage();
  await logInPage(page, xnat.url);
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  await page.evaluate(async (url) => {
    const add = await chrome.runtime.sendMessage({ type: 'servers.add', payload: { url } });
    const serverId = add.value.server.id;
    await chrome.runtime.sendMessage({ type: 'tokens.list', payload: { serverId } });
    for (let tokenId = 1; tokenId <= 8; tokenId++)
      await chrome.runtime.sendMessage({
        type: 'tokens.watch',
        payload: { serverId, tokenId, watched: true },
      });
  }, `${xnat.url}/`);
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
});

async function openPopup(width = 430, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 600 });
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  await expect.poll(() => page.locator('section.server[aria-busy="false"] li.token').count()).toBe(8);
  return page;
}

async function openSettings(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/options/index.html'));
  await page.waitForSelector('#server-url');
  return page;
}

/** Every element that shows text of its own, with its computed font size, below 12 px. */
const smallText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
      .map(
        (el) =>
          [
            el.tagName,
            el.textContent?.trim().slice(0, 30),
            Number.parseFloat(getComputedStyle(el).fontSize),
          ] as const,
      )
      .filter(([, , size]) => size < 12),
  );

/** axe-core's serious and critical findings (WCAG 2.2 AA and best practice), as "rule: target". */
async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const results = await page.evaluate(() =>
    (
      globalThis as unknown as {
        axe: {
          run(
            o: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run({
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'],
      },
    }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** WCAG contrast ratio between two CSS colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('reading', () => {
  it('no text under 12 px in the popup or the settings (Chrome gives extension pages body 75%)', async () => {
    const popup = await openPopup();
    const more = popup.getByRole('button', { name: /^More ways to copy/ }).first();
    await more.click();
    expect(await smallText(popup)).toEqual([]);
    const settings = await openSettings();
    expect(await smallText(settings)).toEqual([]);
    await popup.close();
    await settings.close();
  });

  it.each(['light', 'dark'] as const)(
    '%s: secondary buttons’ borders hold 3:1 against the background',
    async (scheme) => {
      const popup = await openPopup(430, scheme);
      const pairs = await popup.evaluate(() =>
        [...document.querySelectorAll('li.token button:not(.primary)')].map((b) => [
          getComputedStyle(b).borderTopColor,
          getComputedStyle(document.body).backgroundColor,
        ]),
      );
      expect(pairs.length).toBeGreaterThan(0);
      for (const [border, background] of pairs)
        expect(contrast(border ?? '', background ?? '')).toBeGreaterThanOrEqual(3);
      await popup.close();
    },
  );

  it('a pressed Remind me looks pressed: a doubled accent border, not only a filled bell', async () => {
    const popup = await openPopup();
    const { pressed, other, accent } = await popup.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector) as Element);
      const look = (s: CSSStyleDeclaration) => ({ border: s.borderTopColor, shadow: s.boxShadow });
      return {
        pressed: look(style('button.watch[aria-pressed="true"]')),
        other: look(style('li.token button:not(.primary):not(.watch)')),
        accent: style('button.primary').backgroundColor,
      };
    });
    expect(pressed.border).toBe(accent);
    expect(pressed.shadow).toContain(accent);
    expect(other).toMatchObject({ shadow: 'none' });
    expect(other.border).not.toBe(accent);
    await popup.close();
  });
});

describe('axe-core finds nothing serious or critical', () => {
  it.each(['light', 'dark'] as const)('in the popup, %s', async (scheme) => {
    const popup = await openPopup(430, scheme);
    expect(await axeProblems(popup)).toEqual([]);
    await popup.close();
  });

  it('in the popup with a copy menu open, and with a delete question open', async () => {
    const popup = await openPopup();
    await popup
      .getByRole('button', { name: /^More ways to copy/ })
      .first()
      .click();
    expect(await axeProblems(popup)).toEqual([]);
    await popup.keyboard.press('Escape');
    await popup
      .getByRole('button', { name: /^Delete / })
      .first()
      .click();
    expect(await axeProblems(popup)).toEqual([]);
    await popup.close();
  });

  it('in the settings', async () => {
    const settings = await openSettings();
    expect(await axeProblems(settings)).toEqual([]);
    await settings.close();
  });
});

describe('the keyboard', () => {
  it('the copy menu: ↓ opens on the first format, arrows, Home and End move, Escape returns, Tab leaves', async () => {
    const popup = await openPopup();
    const more = popup.getByRole('button', { name: /^More ways to copy/ }).first();
    const focused = () =>
      popup.evaluate(
        () =>
          (document.activeElement as HTMLElement | null)?.dataset.format ??
          document.activeElement?.getAttribute('aria-label'),
      );
    await more.focus();
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => focused()).toBe('curl');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => focused()).toBe('curl-session');
    await popup.keyboard.press('End');
    await expect.poll(() => focused()).toBe('secret');
    await popup.keyboard.press('Home');
    await expect.poll(() => focused()).toBe('curl');
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('[role=menu]').count()).toBe(0);
    await expect.poll(() => focused()).toMatch(/^More ways to copy/);
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused()).toBe('curl');
    await popup.keyboard.press('Tab');
    await expect.poll(() => popup.locator('[role=menu]').count()).toBe(0);
    await popup.close();
  });

  it('Escape cancels the delete question and nothing is deleted', async () => {
    const popup = await openPopup();
    const before = xnat.control.state.tokensOf('alice').length;
    await popup
      .getByRole('button', { name: /^Delete / })
      .first()
      .click();
    await expect.poll(() => popup.locator('[role=alertdialog]').count()).toBe(1);
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('[role=alertdialog]').count()).toBe(0);
    expect(xnat.control.state.tokensOf('alice')).toHaveLength(before);
    await popup.close();
  });
});

describe('menus stay inside the viewport', () => {
  it('the popup’s last row opens its menu upward', async () => {
    const popup = await openPopup();
    const more = popup.getByRole('button', { name: /^More ways to copy/ }).last();
    await more.scrollIntoViewIfNeeded();
    await more.click();
    const box = await popup.locator('[role=menu]').boundingBox();
    const viewport = popup.viewportSize();
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
    await popup.close();
  });

  it('the page’s menu, in XNAT’s last column, shifts left rather than run off the right edge', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 760, height: 700 });
    await page.goto(`${xnat.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await expect.poll(() => page.locator('xnat-token-tools[data-xtt="copy"]').count()).toBeGreaterThan(0);
    const cdp = await browser.context.newCDPSession(page);
    type Node = {
      nodeId: number;
      nodeName: string;
      attributes?: string[];
      children?: Node[];
      shadowRoots?: Node[];
    };
    const find = async (test: (n: Node) => boolean) => {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
      const walk = (n: Node): Node | undefined =>
        test(n) ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(walk).find(Boolean);
      return walk(root);
    };
    const attr = (n: Node, name: string) => n.attributes?.[n.attributes.indexOf(name) + 1];
    const quad = async (n: Node | undefined) => {
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: n?.nodeId ?? 0 })) as {
        model: { border: number[] };
      };
      return model.border;
    };
    const more = await find(
      (n) =>
        n.nodeName === 'BUTTON' && n.attributes?.includes('more') === true && attr(n, 'class') === 'more',
    );
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = await quad(more);
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    const menu = await find((n) => attr(n, 'role') === 'menu' && !n.attributes?.includes('hidden'));
    const [left = 0, , right = 0] = await quad(menu);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(760);
    // XNAT's cells are nowrap, and text styles inherit into the shadow root: hints must still wrap.
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId: menu?.nodeId ?? 0 })) as {
      object: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return [this.scrollWidth, this.clientWidth]; }',
      returnByValue: true,
    })) as { result: { value: [number, number] } };
    const [scrollWidth, clientWidth] = result.value;
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await cdp.detach();
    await page.close();
  });
});

describe('narrow and zoomed', () => {
  // 200 % zoom in a popup (at most 800 px wide) leaves it 400 CSS pixels.
  it.each([320, 400])(
    'at %i CSS px wide nothing runs off the side, and a long name ends in an ellipsis',
    async (width) => {
      const popup = await openPopup(width);
      expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const site = popup.locator('.site').first();
      expect(
        await site.evaluate((el) => [el.scrollWidth > el.clientWidth, getComputedStyle(el).textOverflow]),
      ).toEqual([true, 'ellipsis']);
      expect(await popup.locator('button.toggle').first().getAttribute('title')).toMatch(
        /^Neuroimaging Research Data Archive of t… \(127\.0\.0\.1:\d+\/xnat\)$/,
      );
      await popup.close();
    },
  );
});
