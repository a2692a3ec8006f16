// Long jobs in real Chromium against the simulated XNAT: the renewing .netrc copied from the popup's
// menu and run with bash (xnat-renew installed and working), and Replace from the popup, with the old
// token's pending delete kept in an alarm and undone with Keep.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXnat, start } from '../xnat-server/server';
import { type ExtensionBrowser, launchWithExtension, logInAndAdd, screenshotPath } from './browser';
import { openPopup } from './popup-page';

const run = promisify(execFile);
let browser: ExtensionBrowser;
let xnat: RunningXnat;
let home: string;

beforeAll(async () => {
  xnat = await start({ contextPath: '/xnat', siteId: 'XNAT' });
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: xnat.origin });
  await (await logInAndAdd(browser, [xnat])).view.close();
  home = mkdtempSync(path.join(tmpdir(), 'xtt-e2e-renew-'));
});

afterAll(async () => {
  await browser?.close();
  await xnat?.stop();
  rmSync(home, { recursive: true, force: true });
});

async function clipboard(): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`${xnat.url}/xapi/siteConfig/siteId`);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

describe('long jobs', () => {
  it('the renewing .netrc, copied from the popup’s menu, installs a working xnat-renew', async () => {
    const token = xnat.control.seedToken();
    const popup = await openPopup(browser, 1);
    await popup.getByRole('button', { name: /^Show 1 other token|other token/ }).click();
    await popup
      .getByRole('button', { name: /^More ways to copy/ })
      .first()
      .click();
    await popup.locator('[data-format="renewing"]').click();
    await expect.poll(clipboard).toContain('xnat-renew');
    const copied = await clipboard();
    expect(copied).toContain(token.secret);
    const env = { HOME: home, PATH: '/usr/bin:/bin' };
    const { stdout } = await run('bash', ['-c', copied], { env });
    expect(stdout).toMatch(/^Token saved in ~\/\.netrc for 127\.0\.0\.1\./);
    expect(readFileSync(path.join(home, '.netrc'), 'utf8')).toContain(token.alias);
    expect(await run(path.join(home, '.local/bin/xnat-renew'), [], { env })).toMatchObject({ stdout: '' });
    // The popup marks it as the renewer's, with how to stop it.
    await expect
      .poll(() => popup.locator('li.token .token-meta').first().textContent())
      .toContain('renewed by xnat-renew');
    await popup.close();
  });

  it('Replace copies a successor with the name, and the old token waits an hour; Keep undoes it', async () => {
    const old = xnat.control.seedToken();
    const popup = await openPopup(browser, 1);
    const serverId = xnat.url;
    await popup.evaluate(
      ([id, tokenId]) =>
        chrome.runtime.sendMessage({
          type: 'tokens.label',
          payload: { serverId: id, tokenId, label: 'nightly' },
        }),
      [serverId, old.id] as const,
    );
    await popup.reload();
    await expect.poll(() => popup.locator('section.server[aria-busy="false"]').count()).toBe(1);
    await popup.getByRole('button', { name: 'Replace nightly' }).click();
    await popup.getByRole('button', { name: 'in 1 hour' }).click();
    await expect.poll(() => popup.locator('.notice.ok span').textContent()).toMatch(/^Replaced nightly\./);
    const successor = xnat.control.state
      .tokensOf('alice')
      .sort((a, b) => b.id - a.id)
      .find((t) => t.id !== old.id);
    expect(await clipboard()).toContain(successor?.secret);
    await expect
      .poll(() => popup.locator('.pending').textContent())
      .toMatch(/^replaced: deleted in (59|60) min$/);
    await popup.screenshot({ path: screenshotPath('popup-replaced.png') });
    const alarm = await browser.worker.evaluate(() => chrome.alarms.get('pending-deletes'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 55 * 60_000);
    await popup.getByRole('button', { name: /^Keep / }).click();
    await expect.poll(() => popup.locator('.pending').count()).toBe(0);
    // The alarm follows the change a moment after the reply.
    await expect
      .poll(() => browser.worker.evaluate(() => chrome.alarms.get('pending-deletes')))
      .toBeUndefined();
    expect(xnat.control.state.findToken(old.alias)).toBeDefined();
    await popup.close();
  });
});
