// Pipeline tokens in real Chromium against the simulated XNAT, with and without its container
// service: the popup's other tokens and XNAT's token page name each by its container, and the
// leftovers of finished containers go after one question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, start } from '../xnat-server/server';
import {
  type ExtensionBrowser,
  launchWithExtension,
  logInAndAdd,
  screenshotPath,
  shadowTexts,
} from './browser';
import { openPopup, sectionOf } from './popup-page';

let browser: ExtensionBrowser;
let withService: RunningXnat;
let without: RunningXnat;

beforeAll(async () => {
  withService = await start({ contextPath: '/xnat', siteId: 'WITH' });
  without = await start({ contextPath: '/plain', siteId: 'WITHOUT', containerService: false });
  withService.control.seedBurst(9);
  without.control.seedBurst(9);
  browser = await launchWithExtension();
  await (await logInAndAdd(browser, [withService, without])).view.close();
});

afterAll(async () => {
  await browser?.close();
  await withService?.stop();
  await without?.stop();
});

describe('pipeline tokens', () => {
  it('the popup names them by their containers, and the leftovers go after one question', async () => {
    const popup = await openPopup(browser, 2, { width: 440, height: 800 });
    const site = sectionOf(popup, 'WITH');
    withService.control.resetCounters();
    await site.getByRole('button', { name: /9 other tokens/ }).click();
    await expect.poll(() => site.locator('.held').count()).toBe(6);
    expect(await site.locator('.held', { hasText: 'running' }).count()).toBe(3);
    expect(withService.control.requestCount('GET /xapi/containers')).toBe(1);
    await popup.screenshot({ path: screenshotPath('popup-pipeline-tokens.png') });
    await site.getByRole('button', { name: 'Delete 3 leftover tokens' }).click();
    await site.getByRole('button', { name: 'Delete leftover tokens' }).click();
    await expect
      .poll(() => popup.locator('.notice.ok span').textContent())
      .toBe('Deleted 3 leftover tokens.');
    expect(withService.control.state.tokensOf('alice')).toHaveLength(6);
    await expect.poll(() => site.locator('.held', { hasText: 'finished' }).count()).toBe(0);
    await popup.close();
  });

  it('without the container service, nothing is named and nothing offered', async () => {
    const popup = await openPopup(browser, 2, { width: 440, height: 800 });
    const site = sectionOf(popup, 'WITHOUT');
    await site.getByRole('button', { name: /9 other tokens/ }).click();
    await expect.poll(() => site.locator('li.token').count()).toBe(9);
    await popup.waitForTimeout(300);
    expect(await site.locator('.held').count()).toBe(0);
    expect(await site.getByRole('button', { name: /leftover/ }).count()).toBe(0);
    await popup.close();
  });

  it('XNAT’s token page shows the container under the alias of each row it holds', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${withService.url}/app/template/XDATScreen_UpdateUser.vm#tab=alias-token-tab`);
    await expect.poll(() => page.locator('#alias-token-list-table tbody tr').count()).toBe(6);
    // Three running containers' tokens and three with no container left after the clean-up.
    await expect.poll(async () => (await shadowTexts(page, 'held')).length).toBe(3);
    const lines = await shadowTexts(page, 'held');
    expect(
      lines.every((text) => /container: (dcm2niix · CENTRAL_01|freesurfer · NEURO_07) · running/.test(text)),
    ).toBe(true);
    await page.close();
  });
});
